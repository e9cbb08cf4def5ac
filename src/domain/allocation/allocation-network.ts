import { PLACEMENT_SCORE } from './feasibility';
import { arcFlow, buildNetwork, type FlowNetwork } from './flow/network';
import type { PairTable } from './pairs';
import { type Instance, LEVELS } from './schema';

/**
 * The flow network of an allocation, aggregated by what actually differs between clients and
 * between courses.
 *
 * The score 1000 + waitingDays − travel splits into a client part (1000 + waitingDays) and a
 * pair part (travel, which depends only on home and course place). So:
 *
 * - Courses with the same place, type, entry levels, childcare and women-only flag accept the
 *   same clients at the same travel time: they form a *seat pool* whose capacity is the sum of
 *   their seats.
 * - Clients with the same home and the same set of feasible seat pools form a *class*: they
 *   have the same options at the same travel times and differ only in waiting days.
 *
 * Score = Σ_all (1000 + w) − Σ_unplaced (1000 + w) − Σ_placed travel, so maximising it means
 * minimising Σ_placed travel + Σ_unplaced (1000 + w). Each class node supplies its size:
 *
 *   class → pool   capacity = class size, cost travel
 *   class → sink   one arc per distinct waiting time w in the class: capacity = number of
 *                  members with that wait, cost 1000 + w ("stays unplaced"; a convex cost,
 *                  so the shortest waits stay unplaced first)
 *   pool  → sink   capacity = seats of the pool, cost 0
 *
 * Every flow decomposes into client assignments of equal score and vice versa (members of a
 * class are interchangeable apart from their wait, which only the unplaced arcs see; courses
 * of a pool are interchangeable), so its optimum is the allocation optimum. On the 100k
 * benchmark this is ~25k nodes and ~0.4M arcs instead of 2.2M client–course pairs.
 */
export interface AllocationNetwork {
  net: FlowNetwork;
  classCount: number;
  poolCount: number;
  /** Fills `courseOf` (course index per client, −1 when unplaced) from the solved flow. */
  extract(): Int32Array;
  /** Course values v_j ≥ 0 of the LP dual, read off exact node potentials. */
  courseValues(potentials: Float64Array): Float64Array;
}

/**
 * Dense ids for each client's home and eligibility (level, course types, needs), from small
 * integer keys rather than one string per client: this runs for every client of a Land.
 */
function attributeIds(instance: Instance): { id: Int32Array; home: Int32Array } {
  const { clients } = instance;
  const idOf = <K>(map: Map<K, number>, key: K) => {
    let id = map.get(key);
    if (id === undefined) {
      id = map.size;
      map.set(key, id);
    }
    return id;
  };
  const homes = new Map<string, number>();
  const typeIds = new Map<string, number>();
  const typeSets = new Map<number | string, number>();
  // A set of course types as a bit mask while there are at most 30 distinct types (real
  // catalogues have about a dozen), else as its sorted list.
  const typeSetKey = (types: string[]): number | string => {
    let mask = 0;
    for (const t of types) {
      const id = idOf(typeIds, t);
      if (id >= 30) return [...new Set(types)].sort().join(',');
      mask |= 1 << id;
    }
    return mask;
  };
  const eligibilities = new Map<number, number>();
  const home = new Int32Array(clients.length);
  const eligibility = new Int32Array(clients.length);
  clients.forEach((c, i) => {
    const flags = (c.needsChildcare ? 1 : 0) | (c.needsWomenOnly ? 2 : 0) | (c.gender === 'f' ? 4 : 0);
    home[i] = idOf(homes, c.home);
    eligibility[i] = idOf(
      eligibilities,
      (idOf(typeSets, typeSetKey(c.courseTypes)) * LEVELS.length + LEVELS.indexOf(c.level)) * 8 + flags,
    );
  });
  const ids = new Map<number, number>();
  const id = new Int32Array(clients.length);
  for (let i = 0; i < clients.length; i++) id[i] = idOf(ids, eligibility[i] * homes.size + home[i]);
  return { id, home };
}

function poolKey(instance: Instance, j: number): string {
  const c = instance.courses[j];
  const levels = c.entryLevels.length > 1 ? [...new Set(c.entryLevels)].sort().join(',') : c.entryLevels[0];
  return `${c.place}|${c.type}|${levels}|${c.childcare}|${c.womenOnly}`;
}

export function buildAllocationNetwork(instance: Instance, pairs: PairTable): AllocationNetwork {
  const { clients, courses } = instance;
  const n = clients.length;
  const m = courses.length;

  // Seat pools; courses without seats belong to none (−1).
  const poolOf = new Int32Array(m).fill(-1);
  const poolIndex = new Map<string, number>();
  const poolSeats: number[] = [];
  for (let j = 0; j < m; j++) {
    if (courses[j].seats === 0) continue;
    const key = poolKey(instance, j);
    let p = poolIndex.get(key);
    if (p === undefined) {
      p = poolSeats.length;
      poolIndex.set(key, p);
      poolSeats.push(0);
    }
    poolOf[j] = p;
    poolSeats[p] += courses[j].seats;
  }
  const poolCount = poolSeats.length;

  // Classes. Clients with the same home and eligibility have the same candidate pairs, cut
  // only by score > 0, which drops the longest trips first, depending on the wait: within such an
  // attribute group, the number of pairs determines the set. So the pool set (the class key)
  // is computed once per (attributes, pair count), not once per client.
  const classOf = new Int32Array(n).fill(-1);
  const classRep: number[] = [];
  // Pool sets of the classes (sorted, CSR), looked up by a hash and compared exactly.
  const classHome: number[] = [];
  const classPoolStart: number[] = [0];
  const classPools: number[] = [];
  const classesByHash = new Map<number, number[]>();
  const memo = new Map<number, number>();
  const attributes = attributeIds(instance);
  const mark = new Int32Array(poolCount).fill(-1);
  const scratch = new Int32Array(poolCount);
  const sameClass = (c: number, home: number, set: Int32Array) => {
    if (classHome[c] !== home || classPoolStart[c + 1] - classPoolStart[c] !== set.length) return false;
    for (let x = 0, y = classPoolStart[c]; x < set.length; x++, y++)
      if (classPools[y] !== set[x]) return false;
    return true;
  };
  for (let i = 0; i < n; i++) {
    const from = pairs.start[i];
    const to = pairs.start[i + 1];
    if (from === to) continue;
    const memoKey = attributes.id[i] * (m + 1) + (to - from);
    let c = memo.get(memoKey);
    if (c === undefined) {
      let length = 0;
      for (let k = from; k < to; k++) {
        const p = poolOf[pairs.course[k]];
        if (p >= 0 && mark[p] !== i) {
          mark[p] = i;
          scratch[length++] = p;
        }
      }
      c = -1;
      if (length > 0) {
        const set = scratch.subarray(0, length).sort();
        const home = attributes.home[i];
        let hash = Math.imul(home + 1, 0x9e3779b1) ^ length;
        for (let x = 0; x < length; x++) hash = Math.imul(hash ^ set[x], 0x01000193);
        const candidates = classesByHash.get(hash);
        for (const d of candidates ?? []) if (sameClass(d, home, set)) c = d;
        if (c < 0) {
          c = classRep.length;
          classRep.push(i);
          classHome.push(home);
          for (let x = 0; x < length; x++) classPools.push(set[x]);
          classPoolStart.push(classPools.length);
          if (candidates) candidates.push(c);
          else classesByHash.set(hash, [c]);
        }
      }
      memo.set(memoKey, c);
    }
    classOf[i] = c;
  }
  const classCount = classRep.length;
  const poolArcTotal = classPools.length;

  // Members of each class by waiting days, longest first; ties keep input order. One counting
  // sort of all clients by wait, then a stable split into classes.
  let maxWait = 0;
  for (const client of clients) if (client.waitingDays > maxWait) maxWait = client.waitingDays;
  const waitStart = new Int32Array(maxWait + 2);
  for (const client of clients) waitStart[maxWait - client.waitingDays + 1]++;
  for (let w = 0; w <= maxWait; w++) waitStart[w + 1] += waitStart[w];
  const byWait = new Int32Array(n);
  for (let i = 0; i < n; i++) byWait[waitStart[maxWait - clients[i].waitingDays]++] = i;
  const memberStart = new Int32Array(classCount + 1);
  for (let i = 0; i < n; i++) if (classOf[i] >= 0) memberStart[classOf[i] + 1]++;
  for (let c = 0; c < classCount; c++) memberStart[c + 1] += memberStart[c];
  const members = new Int32Array(memberStart[classCount]);
  const fill = memberStart.slice(0, classCount);
  for (const i of byWait) if (classOf[i] >= 0) members[fill[classOf[i]]++] = i;

  // Arcs per class: one to each feasible pool (travel from the representative's pairs), then
  // one "unplaced" arc per distinct wait.
  const poolNode = (p: number) => classCount + p;
  const sink = classCount + poolCount;
  const maxArcs = poolArcTotal + memberStart[classCount] + poolCount;
  const tail = new Int32Array(maxArcs);
  const head = new Int32Array(maxArcs);
  const cap = new Int32Array(maxArcs);
  const cost = new Float64Array(maxArcs);
  let arcCount = 0;
  const arc = (from: number, to: number, capacity: number, price: number) => {
    tail[arcCount] = from;
    head[arcCount] = to;
    cap[arcCount] = capacity;
    cost[arcCount++] = price;
  };
  const poolArcStart = new Int32Array(classCount + 1);
  const unplacedArcStart = new Int32Array(classCount + 1);
  for (let c = 0; c < classCount; c++) {
    const size = memberStart[c + 1] - memberStart[c];
    const rep = classRep[c];
    poolArcStart[c] = arcCount;
    for (let k = pairs.start[rep]; k < pairs.start[rep + 1]; k++) {
      const p = poolOf[pairs.course[k]];
      if (p < 0 || mark[p] === -2 - c) continue;
      mark[p] = -2 - c;
      arc(c, poolNode(p), size, pairs.travel[k]);
    }
    unplacedArcStart[c] = arcCount;
    for (let x = memberStart[c]; x < memberStart[c + 1]; ) {
      const w = clients[members[x]].waitingDays;
      let y = x + 1;
      while (y < memberStart[c + 1] && clients[members[y]].waitingDays === w) y++;
      arc(c, sink, y - x, PLACEMENT_SCORE + w);
      x = y;
    }
  }
  poolArcStart[classCount] = unplacedArcStart[classCount] = arcCount;
  for (let p = 0; p < poolCount; p++) arc(poolNode(p), sink, poolSeats[p], 0);

  const supply = new Int32Array(sink + 1);
  for (let c = 0; c < classCount; c++) supply[c] = memberStart[c + 1] - memberStart[c];
  supply[sink] = -memberStart[classCount];
  const net = buildNetwork(
    sink + 1,
    {
      tail: tail.subarray(0, arcCount),
      head: head.subarray(0, arcCount),
      cap: cap.subarray(0, arcCount),
      cost: cost.subarray(0, arcCount),
    },
    supply,
  );

  const extract = () => {
    const courseOf = new Int32Array(n).fill(-1);
    // Courses of each pool with their free seats, filled in course order.
    const poolCourseStart = new Int32Array(poolCount + 1);
    for (let j = 0; j < m; j++) if (poolOf[j] >= 0) poolCourseStart[poolOf[j] + 1]++;
    for (let p = 0; p < poolCount; p++) poolCourseStart[p + 1] += poolCourseStart[p];
    const poolCourses = new Int32Array(poolCourseStart[poolCount]);
    const at = poolCourseStart.slice(0, poolCount);
    for (let j = 0; j < m; j++) if (poolOf[j] >= 0) poolCourses[at[poolOf[j]]++] = j;
    const nextCourse = poolCourseStart.slice(0, poolCount);
    const free = Int32Array.from(courses, (c) => c.seats);
    const placed: number[] = [];
    for (let c = 0; c < classCount; c++) {
      // Placed members: per wait group, its size minus the flow on its unplaced arc.
      placed.length = 0;
      let x = memberStart[c];
      for (let a = unplacedArcStart[c]; a < poolArcStart[c + 1]; a++) {
        const size = cap[a];
        const kept = size - arcFlow(net, a);
        for (let t = 0; t < kept; t++) placed.push(members[x + t]);
        x += size;
      }
      let next = 0;
      for (let a = poolArcStart[c]; a < unplacedArcStart[c]; a++) {
        const p = head[a] - classCount;
        for (let f = arcFlow(net, a); f > 0; f--) {
          while (free[poolCourses[nextCourse[p]]] === 0) nextCourse[p]++;
          const j = poolCourses[nextCourse[p]];
          free[j]--;
          courseOf[placed[next++]] = j;
        }
      }
    }
    return courseOf;
  };

  // A course without seats is outside the network; any large value keeps its pairs' dual
  // constraints satisfied and costs nothing (0 seats × value). Courses of a pool share its value.
  const courseValues = (phi: Float64Array) =>
    Float64Array.from({ length: m }, (_, j) =>
      poolOf[j] >= 0 ? Math.max(0, phi[sink] - phi[poolNode(poolOf[j])]) : 2 ** 40,
    );

  return { net, classCount, poolCount, extract, courseValues };
}
