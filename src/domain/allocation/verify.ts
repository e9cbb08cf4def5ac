import { buildPairs, type PairTable } from './pairs';
import type { Allocation, Instance } from './schema';

/**
 * The optimality certificate, independent of the solver.
 *
 * LP dual of the allocation (a bipartite b-matching, whose LP has integral optima):
 *   minimise Σ_i u_i + Σ_j seats_j · v_j  subject to  u_i + v_j ≥ score_ij,  u, v ≥ 0.
 * Given course values v ≥ 0, the best client values are u_i = max(0, max_j score_ij − v_j),
 * so v alone defines a dual solution. By weak duality its objective bounds every allocation's
 * score from above; an allocation whose score reaches the bound is optimal.
 */
export interface Certificate {
  /** Every assignment is a feasible pair, seats hold, each client appears exactly once. */
  feasible: boolean;
  /** Feasible and its score equals the dual bound. */
  optimal: boolean;
  /** Score recomputed from the pairs (the allocation's own `score` must match it). */
  score: number;
  /** Upper bound on any allocation's score from the course values. */
  dualBound: number;
  problems: string[];
}

interface Placement {
  courseOf: Int32Array;
  pairOf: Int32Array;
  holdersStart: Int32Array;
  holders: Int32Array;
}

function placement(
  instance: Instance,
  allocation: Allocation,
  pairs: PairTable,
  problems: string[],
): Placement {
  const clientIndex = new Map(instance.clients.map((c, i) => [c.id, i]));
  const courseIndex = new Map(instance.courses.map((c, j) => [c.id, j]));
  const n = instance.clients.length;
  const courseOf = new Int32Array(n).fill(-1);
  const pairOf = new Int32Array(n).fill(-1);
  const seen = new Uint8Array(n);
  const used = new Int32Array(instance.courses.length);
  for (const a of allocation.assignments) {
    const i = clientIndex.get(a.client);
    const j = courseIndex.get(a.course);
    if (i === undefined || j === undefined) {
      problems.push(`assignment ${a.client} → ${a.course}: unknown id`);
      continue;
    }
    if (seen[i]++) problems.push(`client ${a.client} appears more than once`);
    let k = pairs.start[i];
    while (k < pairs.start[i + 1] && pairs.course[k] !== j) k++;
    if (k === pairs.start[i + 1]) {
      problems.push(`assignment ${a.client} → ${a.course} is not a feasible pair with positive score`);
      continue;
    }
    courseOf[i] = j;
    pairOf[i] = k;
    used[j]++;
  }
  for (const id of allocation.unassigned) {
    const i = clientIndex.get(id);
    if (i === undefined) problems.push(`unassigned ${id}: unknown id`);
    else if (seen[i]++) problems.push(`client ${id} appears more than once`);
  }
  seen.forEach((count, i) => {
    if (count === 0) problems.push(`client ${instance.clients[i].id} is missing from the allocation`);
  });
  instance.courses.forEach((c, j) => {
    if (used[j] > c.seats) problems.push(`course ${c.id} holds ${used[j]} clients but has ${c.seats} seats`);
  });
  const holdersStart = new Int32Array(instance.courses.length + 1);
  for (let j = 0; j < used.length; j++) holdersStart[j + 1] = holdersStart[j] + used[j];
  const fill = holdersStart.slice(0, -1);
  const holders = new Int32Array(holdersStart[used.length]);
  for (let i = 0; i < n; i++) if (courseOf[i] >= 0) holders[fill[courseOf[i]]++] = i;
  return { courseOf, pairOf, holdersStart, holders };
}

/**
 * Derives the smallest course values that satisfy complementary slackness with the given
 * allocation, as longest paths in the "move a client from course j to course k" graph
 * (label-correcting). Returns undefined when none exist — a positive cycle, i.e. an
 * improving exchange: the allocation is not optimal.
 */
export function deriveCourseValues(
  instance: Instance,
  pairs: PairTable,
  p: Placement,
): Float64Array | undefined {
  const m = instance.courses.length;
  const v = new Float64Array(m);
  const { start, course, score } = pairs;
  // Unplaced clients: v_k ≥ score_ik, else that client could take course k with profit.
  for (let i = 0; i < p.courseOf.length; i++) {
    if (p.courseOf[i] >= 0) continue;
    for (let k = start[i]; k < start[i + 1]; k++) if (score[k] > v[course[k]]) v[course[k]] = score[k];
  }
  const queue = new Int32Array(m);
  const queued = new Uint8Array(m).fill(1);
  const visits = new Int32Array(m);
  for (let j = 0; j < m; j++) queue[j] = j;
  let qHead = 0;
  let qSize = m;
  while (qSize > 0) {
    const j = queue[qHead];
    qHead = qHead + 1 === m ? 0 : qHead + 1;
    qSize--;
    queued[j] = 0;
    if (++visits[j] > m + 1) return undefined;
    const vj = v[j];
    const full = p.holdersStart[j + 1] - p.holdersStart[j] >= instance.courses[j].seats;
    if (vj > 0 && !full) return undefined; // a free seat would be worth more than nothing
    for (let h = p.holdersStart[j]; h < p.holdersStart[j + 1]; h++) {
      const i = p.holders[h];
      const own = score[p.pairOf[i]];
      if (vj > own) return undefined; // the holder would rather be unplaced
      for (let k = start[i]; k < start[i + 1]; k++) {
        const candidate = vj + score[k] - own;
        const target = course[k];
        if (candidate > v[target]) {
          v[target] = candidate;
          if (queued[target] === 0) {
            queued[target] = 1;
            queue[(qHead + qSize++) % m] = target;
          }
        }
      }
    }
  }
  return v;
}

/** Dual objective of course values v (client values chosen optimally); an upper bound on any score. */
export function dualBound(instance: Instance, pairs: PairTable, v: ArrayLike<number>): number {
  let bound = 0;
  instance.courses.forEach((c, j) => {
    bound += c.seats * Math.max(0, v[j]);
  });
  for (let i = 0; i < pairs.clientCount; i++) {
    let u = 0;
    for (let k = pairs.start[i]; k < pairs.start[i + 1]; k++) {
      const slack = pairs.score[k] - Math.max(0, v[pairs.course[k]]);
      if (slack > u) u = slack;
    }
    bound += u;
  }
  return bound;
}

/**
 * Checks an allocation: primal feasibility, its score, and optimality by a dual certificate.
 * `courseValues` (e.g. from the solver) are used when given; otherwise they are derived.
 */
export function verifyOptimal(
  instance: Instance,
  allocation: Allocation,
  options: { courseValues?: ArrayLike<number>; pairs?: PairTable } = {},
): Certificate {
  const pairs = options.pairs ?? buildPairs(instance);
  const problems: string[] = [];
  const p = placement(instance, allocation, pairs, problems);
  let score = 0;
  for (const k of p.pairOf) if (k >= 0) score += pairs.score[k];
  if (score !== allocation.score) problems.push(`stated score ${allocation.score} ≠ recomputed ${score}`);
  const feasible = problems.length === 0;
  const values = options.courseValues ?? (feasible ? deriveCourseValues(instance, pairs, p) : undefined);
  if (!values) {
    if (feasible)
      problems.push('no dual solution satisfies complementary slackness: an improving exchange exists');
    return { feasible, optimal: false, score, dualBound: Number.NaN, problems };
  }
  const bound = dualBound(instance, pairs, values);
  const optimal = feasible && bound === score;
  if (feasible && !optimal) problems.push(`dual bound ${bound} exceeds score ${score}`);
  return { feasible, optimal, score, dualBound: bound, problems };
}
