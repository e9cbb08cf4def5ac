import { buildAllocationNetwork } from './allocation-network';
import { pairScore } from './feasibility';
import { minCostFlow } from './flow/cost-scaling';
import { buildPairs, type PairTable } from './pairs';
import type { Allocation, Instance } from './schema';

export type SolvePhase = 'pairs' | 'network' | 'solve' | 'done';

export interface SolveProgress {
  phase: SolvePhase;
  /** Overall fraction done, 0..1 (the solve phase dominates and moves in refinement steps). */
  fraction: number;
}

export interface SolveOptions {
  onProgress?: (progress: SolveProgress) => void;
  /** ε shrink factor of cost scaling; exposed for benchmarks. */
  alpha?: number;
  /** Relabels per node between global price updates; exposed for benchmarks. */
  updateEvery?: number;
}

export interface SolveStats {
  pairs: number;
  /** Arcs of the aggregated flow network, its client classes and seat pools. */
  arcs: number;
  classes: number;
  pools: number;
  buildSeconds: number;
  solveSeconds: number;
  refinements: number;
  pushes: number;
  relabels: number;
  priceUpdates: number;
}

export interface SolveResult {
  allocation: Allocation;
  stats: SolveStats;
  /** The pair table, reused by metrics and the certificate check to avoid building it twice. */
  pairs: PairTable;
  /** The solver's own dual course values (from exact potentials), a certificate for verifyOptimal. */
  courseValues: Float64Array;
}

/**
 * Builds the pairs and the aggregated flow network (see allocation-network.ts), solves it
 * exactly by cost scaling and turns the flow back into client assignments.
 */
export function solveDetailed(instance: Instance, options: SolveOptions = {}): SolveResult {
  const started = performance.now();
  const report = options.onProgress ?? (() => {});
  report({ phase: 'pairs', fraction: 0 });
  const pairs = buildPairs(instance);
  report({ phase: 'network', fraction: 0.1 });

  const network = buildAllocationNetwork(instance, pairs);
  const built = performance.now();
  report({ phase: 'solve', fraction: 0.2 });

  const flow = minCostFlow(network.net, {
    alpha: options.alpha,
    updateEvery: options.updateEvery,
    onProgress: (f) => report({ phase: 'solve', fraction: 0.2 + 0.75 * f }),
  });

  const courseOf = network.extract();
  let score = 0;
  instance.clients.forEach((client, i) => {
    if (courseOf[i] < 0) return;
    const course = instance.courses[courseOf[i]];
    const value = pairScore(client, instance.travelMinutes[client.home][course.place]);
    // A zero-score placement (possible only when travel can reach 1000 + waitingDays) is
    // worth the same as none; leave the seat free rather than send someone that far.
    if (value > 0) score += value;
    else courseOf[i] = -1;
  });
  const allocation: Allocation = {
    assignments: [],
    unassigned: [],
    score,
    optimal: true,
    seconds: 0,
  };
  instance.clients.forEach((c, i) => {
    if (courseOf[i] >= 0)
      allocation.assignments.push({ client: c.id, course: instance.courses[courseOf[i]].id });
    else allocation.unassigned.push(c.id);
  });
  const finished = performance.now();
  allocation.seconds = Math.round(finished - started) / 1000;
  report({ phase: 'done', fraction: 1 });
  return {
    allocation,
    pairs,
    courseValues: network.courseValues(flow.potentials),
    stats: {
      pairs: pairs.course.length,
      arcs: network.net.arcCount,
      classes: network.classCount,
      pools: network.poolCount,
      buildSeconds: (built - started) / 1000,
      solveSeconds: (finished - built) / 1000,
      refinements: flow.refinements,
      pushes: flow.pushes,
      relabels: flow.relabels,
      priceUpdates: flow.priceUpdates,
    },
  };
}

/** The optimal allocation of CONTRACTS §3. */
export function solve(instance: Instance, options: SolveOptions = {}): Allocation {
  return solveDetailed(instance, options).allocation;
}
