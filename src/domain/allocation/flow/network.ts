/**
 * A residual flow network in compressed-sparse-row form on typed arrays.
 *
 * Each arc is stored twice: a forward slot at its tail and a reverse slot at its head. The
 * slots of node v are `first[v] .. first[v+1]-1`, so scanning a node's residual arcs touches
 * one contiguous block of memory — the inner loops of the solver are nothing but such scans.
 */
export interface FlowNetwork {
  nodeCount: number;
  arcCount: number;
  first: Int32Array;
  head: Int32Array;
  /** Reverse slot of each slot. */
  rev: Int32Array;
  /** Residual capacity of each slot (mutated by the solver). */
  cap: Int32Array;
  /** Cost of each slot; a reverse slot costs minus its forward slot. */
  cost: Float64Array;
  /** Forward slot of each arc in input order, to read flows back (flow = cap[rev[slot]]). */
  arcSlot: Int32Array;
  /** Supply (> 0) or demand (< 0) of each node; they sum to zero. */
  supply: Int32Array;
}

export interface ArcList {
  tail: Int32Array;
  head: Int32Array;
  cap: Int32Array;
  cost: Float64Array;
}

export function buildNetwork(nodeCount: number, arcs: ArcList, supply: Int32Array): FlowNetwork {
  const arcCount = arcs.tail.length;
  const first = new Int32Array(nodeCount + 1);
  for (let a = 0; a < arcCount; a++) {
    first[arcs.tail[a] + 1]++;
    first[arcs.head[a] + 1]++;
  }
  for (let v = 0; v < nodeCount; v++) first[v + 1] += first[v];
  const slots = 2 * arcCount;
  const head = new Int32Array(slots);
  const rev = new Int32Array(slots);
  const cap = new Int32Array(slots);
  const cost = new Float64Array(slots);
  const arcSlot = new Int32Array(arcCount);
  const next = first.slice(0, nodeCount);
  for (let a = 0; a < arcCount; a++) {
    const t = arcs.tail[a];
    const h = arcs.head[a];
    const f = next[t]++;
    const r = next[h]++;
    head[f] = h;
    head[r] = t;
    rev[f] = r;
    rev[r] = f;
    cap[f] = arcs.cap[a];
    cost[f] = arcs.cost[a];
    cost[r] = -arcs.cost[a];
    arcSlot[a] = f;
  }
  return { nodeCount, arcCount, first, head, rev, cap, cost, arcSlot, supply };
}

export function arcFlow(net: FlowNetwork, arc: number): number {
  return net.cap[net.rev[net.arcSlot[arc]]];
}
