import { exactPotentials } from './exact-potentials';
import type { FlowNetwork } from './network';

/**
 * Minimum-cost flow by cost scaling with push–relabel (Goldberg & Tarjan; Goldberg 1997).
 *
 * Why this method: the allocation network is a transportation problem between client
 * classes and seat pools (~2.5·10^4 nodes, ~4·10^5 arcs and ~10^5 units of supply for 10^5
 * clients, see allocation-network.ts). Successive shortest paths needs a Dijkstra per
 * augmentation, and seats of ~20 make augmentations small and many; network simplex pivots a
 * lot on such degenerate assignment-like problems. Cost scaling does O(log(nC)) refinements
 * whose push/relabel steps are local (classes bidding for seats, as in an auction); on the
 * benchmark it needs 3–4 refinements.
 *
 * Exactness: costs are integers multiplied by n+1; the final refinement runs with ε = 1 in
 * those units, i.e. ε < 1/n in the original units, and an ε-optimal flow with ε < 1/n is
 * optimal for integer costs (Bertsekas; Goldberg–Tarjan). Callers also check a dual
 * certificate, independent of this code.
 */
export interface CostScalingOptions {
  /** Factor by which ε shrinks per refinement (default 32: three refinements on the benchmark). */
  alpha?: number;
  /**
   * Global price update after this many relabels per node (CS2 uses about 0.4–1; with push
   * look-ahead, 2 measured ~10% faster on the 20k and 100k benchmarks).
   */
  updateEvery?: number;
  /** Called after each refinement with the fraction of refinements done. */
  onProgress?: (fraction: number) => void;
}

export interface FlowResult {
  /** Exact integer node potentials: every residual arc has c + φ(tail) − φ(head) ≥ 0. */
  potentials: Float64Array;
  refinements: number;
  pushes: number;
  relabels: number;
  priceUpdates: number;
}

export function minCostFlow(net: FlowNetwork, options: CostScalingOptions = {}): FlowResult {
  const alpha = options.alpha ?? 32;
  const updateEvery = options.updateEvery ?? 2;
  const n = net.nodeCount;
  const { first, head, rev, cap } = net;
  const scale = n + 1;
  const cost = new Float64Array(net.cost.length);
  let maxCost = 0;
  for (let a = 0; a < cost.length; a++) {
    cost[a] = net.cost[a] * scale;
    if (Math.abs(cost[a]) > maxCost) maxCost = Math.abs(cost[a]);
  }
  const price = new Float64Array(n);
  const excess = Int32Array.from(net.supply);
  // FIFO of active nodes as a ring buffer; each node is queued at most once at a time.
  const queue = new Int32Array(n);
  const queued = new Uint8Array(n);
  let qHead = 0;
  let qSize = 0;
  const enqueue = (v: number) => {
    queued[v] = 1;
    queue[(qHead + qSize++) % n] = v;
  };
  let pushes = 0;
  let relabels = 0;

  const phases: number[] = [];
  for (let e = Math.max(1, Math.ceil(maxCost / alpha)); ; e = Math.max(1, Math.floor(e / alpha))) {
    phases.push(e);
    if (e === 1) break;
  }

  // Each node keeps a compact list of its residual slots (cap > 0) at the start of its CSR
  // segment. A course has hundreds of candidate clients but only its current holders are
  // residual arcs out of it; scanning just those makes course relabels O(seats), not O(degree).
  const live = new Int32Array(cap.length);
  const livePos = new Int32Array(cap.length).fill(-1);
  const liveCount = new Int32Array(n);
  const addLive = (v: number, slot: number) => {
    const at = first[v] + liveCount[v]++;
    live[at] = slot;
    livePos[slot] = at;
  };
  const removeLive = (v: number, slot: number) => {
    const at = livePos[slot];
    const last = first[v] + --liveCount[v];
    const moved = live[last];
    live[at] = moved;
    livePos[moved] = at;
    livePos[slot] = -1;
  };
  for (let v = 0; v < n; v++) for (let a = first[v]; a < first[v + 1]; a++) if (cap[a] > 0) addLive(v, a);

  // Residual capacity of each slot's reverse slot, mirrored so that the price update, which
  // walks arcs backwards, reads memory in order instead of jumping through `rev`.
  const capRev = new Int32Array(cap.length);
  for (let a = 0; a < cap.length; a++) capRev[a] = cap[rev[a]];

  /** Moves delta units along slot a from v to w, keeping the live lists in step. */
  const push = (v: number, a: number, w: number, delta: number) => {
    const r = rev[a];
    cap[a] -= delta;
    if (cap[a] === 0) removeLive(v, a);
    if (cap[r] === 0) addLive(w, r);
    cap[r] += delta;
    capRev[r] = cap[a];
    capRev[a] = cap[r];
    excess[v] -= delta;
    excess[w] += delta;
  };

  // Global price update (Goldberg 1997): lower every price by ε × (distance to a deficit node
  // in the residual graph, arc lengths ⌊reduced cost / ε⌋ + 1). It keeps ε-optimality and
  // makes whole paths admissible at once, replacing long chains of ε-sized relabels — the
  // price wars that identical clients and courses otherwise fight one ε step at a time.
  //
  // Distances are whole numbers of ε, so a bucket queue (one doubly linked list per distance)
  // replaces the heap. Active nodes lie within a few n levels of a deficit (Goldberg); nodes
  // farther out than `maxLevel` are left unsettled and, like every unsettled node, lowered by
  // the last level reached, which keeps ε-optimality.
  const maxLevel = 4 * n + 16;
  const distance = new Float64Array(n);
  const settled = new Uint8Array(n);
  const bucketFirst = new Int32Array(maxLevel + 1);
  const bucketNext = new Int32Array(n);
  const bucketPrev = new Int32Array(n);
  const unlink = (v: number) => {
    const prev = bucketPrev[v];
    const next = bucketNext[v];
    if (prev >= 0) bucketNext[prev] = next;
    else bucketFirst[distance[v]] = next;
    if (next >= 0) bucketPrev[next] = prev;
  };
  const link = (v: number, d: number) => {
    const next = bucketFirst[d];
    bucketNext[v] = next;
    bucketPrev[v] = -1;
    if (next >= 0) bucketPrev[next] = v;
    bucketFirst[d] = v;
  };
  let priceUpdates = 0;
  const updatePrices = (epsilon: number) => {
    priceUpdates++;
    distance.fill(Number.POSITIVE_INFINITY);
    settled.fill(0);
    bucketFirst.fill(-1);
    let activeLeft = 0;
    for (let v = 0; v < n; v++) {
      if (excess[v] < 0) {
        distance[v] = 0;
        link(v, 0);
      } else if (excess[v] > 0) activeLeft++;
    }
    let level = 0;
    for (let key = 0; key <= maxLevel && activeLeft > 0; key++) {
      while (bucketFirst[key] >= 0 && activeLeft > 0) {
        const w = bucketFirst[key];
        unlink(w);
        settled[w] = 1;
        level = key;
        if (excess[w] > 0) activeLeft--;
        const pw = price[w];
        for (let b = first[w], end = first[w + 1]; b < end; b++) {
          // Slot b is w → v; its reverse v → w is the arc that can carry flow towards w.
          if (capRev[b] === 0) continue;
          const v = head[b];
          if (settled[v] === 1) continue;
          const reduced = price[v] - cost[b] - pw;
          const d = reduced < 0 ? key : key + Math.floor(reduced / epsilon) + 1;
          if (d < distance[v] && d <= maxLevel) {
            if (distance[v] !== Number.POSITIVE_INFINITY) unlink(v);
            distance[v] = d;
            link(v, d);
          }
        }
      }
    }
    for (let v = 0; v < n; v++) {
      const d = settled[v] === 1 ? distance[v] : level;
      if (d > 0) price[v] -= epsilon * d;
    }
  };
  let relabelsSinceUpdate = 0;

  const refine = (epsilon: number) => {
    // Make the pseudoflow 0-optimal: saturate every residual arc of negative reduced cost.
    for (let v = 0; v < n; v++) {
      const pv = price[v];
      for (let k = first[v]; k < first[v] + liveCount[v]; ) {
        const a = live[k];
        const w = head[a];
        if (cost[a] + pv - price[w] < 0) push(v, a, w, cap[a]);
        else k++;
      }
    }
    updatePrices(epsilon);
    relabelsSinceUpdate = 0;
    for (let v = 0; v < n; v++) if (excess[v] > 0) enqueue(v);
    while (qSize > 0) {
      if (relabelsSinceUpdate > updateEvery * n) {
        updatePrices(epsilon);
        relabelsSinceUpdate = 0;
      }
      const v = queue[qHead];
      qHead = (qHead + 1) % n;
      qSize--;
      queued[v] = 0;
      discharge(v, epsilon);
    }
  };

  // Scanning resumes where the last discharge of the node stopped and wraps around (the
  // current-arc rule): the sink holds thousands of residual arcs and would otherwise rescan
  // the same inadmissible prefix on every visit. A node is relabelled only after a full lap
  // without a push; that lap also yields the new price.
  const cursor = new Int32Array(n);
  // Push look-ahead (Goldberg 1997): before pushing into a node without deficit, check that it
  // can pass the flow on. If it has no admissible arc, relabel it first (which often makes
  // the arc into it inadmissible) instead of pushing flow there that would only come back.
  const lookAhead = (w: number, epsilon: number) => {
    const count = liveCount[w];
    if (count === 0) return;
    const begin = first[w];
    let k = cursor[w];
    if (k < begin || k >= begin + count) k = begin;
    const pw = price[w];
    let best = Number.NEGATIVE_INFINITY;
    for (let checked = 0; checked < count; checked++) {
      const a = live[k];
      const x = head[a];
      if (cost[a] + pw - price[x] < 0) {
        cursor[w] = k;
        return;
      }
      const t = price[x] - cost[a];
      if (t > best) best = t;
      if (++k === begin + count) k = begin;
    }
    price[w] = best - epsilon;
    relabels++;
    relabelsSinceUpdate++;
  };

  const discharge = (v: number, epsilon: number) => {
    const begin = first[v];
    let k = cursor[v];
    let checked = 0;
    let best = Number.NEGATIVE_INFINITY;
    let pv = price[v];
    while (excess[v] > 0) {
      const count = liveCount[v];
      if (count === 0) throw new Error('infeasible flow: node without residual arc');
      if (k < begin || k >= begin + count) k = begin;
      if (checked >= count) {
        // Relabel: lower the price just enough that the cheapest residual arc becomes admissible.
        pv = price[v] = best - epsilon;
        relabels++;
        relabelsSinceUpdate++;
        checked = 0;
        best = Number.NEGATIVE_INFINITY;
        continue;
      }
      const a = live[k];
      const w = head[a];
      const reduced = cost[a] + pv - price[w];
      if (reduced >= 0) {
        const t = price[w] - cost[a];
        if (t > best) best = t;
        checked++;
        k++;
        continue;
      }
      if (excess[w] >= 0) {
        lookAhead(w, epsilon);
        if (cost[a] + pv - price[w] >= 0) continue; // looked at again, now inadmissible
      }
      const c = cap[a];
      push(v, a, w, Math.min(excess[v], c));
      pushes++;
      if (excess[w] > 0 && queued[w] === 0) enqueue(w);
      checked = 0;
      best = Number.NEGATIVE_INFINITY;
      if (cap[a] > 0) k++; // otherwise slot a was swapped out and k holds another slot
    }
    cursor[v] = k;
  };

  // Once ε is below one original cost unit, the flow is often optimal long before ε < 1/n
  // proves it; an exact potential check after each refinement then ends the run early.
  let potentials: Float64Array | undefined;
  let refinements = 0;
  const guess = new Float64Array(n);
  for (const epsilon of phases) {
    refine(epsilon);
    refinements++;
    options.onProgress?.(refinements / phases.length);
    if (epsilon < scale) {
      for (let v = 0; v < n; v++) guess[v] = price[v] / scale;
      potentials = exactPotentials(net, guess, epsilon === 1 ? Number.POSITIVE_INFINITY : 4 * cap.length);
      if (potentials) break;
    }
  }
  if (!potentials) throw new Error('cost scaling ended without an optimality proof');
  options.onProgress?.(1);
  return { potentials, refinements, pushes, relabels, priceUpdates };
}
