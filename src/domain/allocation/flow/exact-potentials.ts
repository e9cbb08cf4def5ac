import type { FlowNetwork } from './network';

/**
 * Tries to find integer potentials φ with reduced cost c(a) + φ(tail) − φ(head) ≥ 0 on every
 * residual arc of the current flow (original, unscaled costs) — i.e. a proof that the flow is
 * optimal. Label-correcting (FIFO Bellman–Ford) from a warm start: near-optimal prices from
 * cost scaling need few corrections. Gives up (returns undefined) after `budget` arc scans,
 * which is how a negative cycle — a flow that is not yet optimal — shows up in practice.
 */
export function exactPotentials(
  net: FlowNetwork,
  start: Float64Array,
  budget: number,
): Float64Array | undefined {
  const n = net.nodeCount;
  const { first, head, cap, cost } = net;
  const phi = Float64Array.from(start, Math.round);
  const queue = new Int32Array(n);
  const queued = new Uint8Array(n).fill(1);
  for (let v = 0; v < n; v++) queue[v] = v;
  let qHead = 0;
  let qSize = n;
  let scans = 0;
  while (qSize > 0) {
    const v = queue[qHead];
    qHead = qHead + 1 === n ? 0 : qHead + 1;
    qSize--;
    queued[v] = 0;
    const pv = phi[v];
    for (let a = first[v], end = first[v + 1]; a < end; a++) {
      if (cap[a] === 0) continue;
      const w = head[a];
      const candidate = pv + cost[a];
      if (candidate < phi[w]) {
        phi[w] = candidate;
        if (queued[w] === 0) {
          queued[w] = 1;
          queue[(qHead + qSize++) % n] = w;
        }
      }
    }
    scans += first[v + 1] - first[v];
    if (scans > budget) return undefined;
  }
  return phi;
}
