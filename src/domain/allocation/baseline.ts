import { buildPairs, type PairTable } from './pairs';
import type { Allocation, Instance } from './schema';

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * First come, first served — today's practice and the baseline the issue names: the longest
 * waiting client chooses first and takes the nearest feasible course that still has a seat
 * (ties: client id, then course id, compared as strings).
 */
export function firstComeFirstServed(
  instance: Instance,
  pairs: PairTable = buildPairs(instance),
): Allocation {
  const started = performance.now();
  const { clients, courses } = instance;
  const order = clients.map((_, i) => i);
  order.sort((a, b) => clients[b].waitingDays - clients[a].waitingDays || byId(clients[a].id, clients[b].id));
  const free = Int32Array.from(courses, (c) => c.seats);
  const courseOf = new Int32Array(clients.length).fill(-1);
  let score = 0;
  for (const i of order) {
    let chosen = -1;
    let chosenPair = -1;
    for (let k = pairs.start[i]; k < pairs.start[i + 1]; k++) {
      const j = pairs.course[k];
      if (free[j] === 0) continue;
      const better =
        chosen < 0 ||
        pairs.travel[k] < pairs.travel[chosenPair] ||
        (pairs.travel[k] === pairs.travel[chosenPair] && byId(courses[j].id, courses[chosen].id) < 0);
      if (better) {
        chosen = j;
        chosenPair = k;
      }
    }
    if (chosen < 0) continue;
    free[chosen]--;
    courseOf[i] = chosen;
    score += pairs.score[chosenPair];
  }
  const allocation: Allocation = { assignments: [], unassigned: [], score, optimal: false, seconds: 0 };
  clients.forEach((c, i) => {
    if (courseOf[i] >= 0) allocation.assignments.push({ client: c.id, course: courses[courseOf[i]].id });
    else allocation.unassigned.push(c.id);
  });
  allocation.seconds = Math.round(performance.now() - started) / 1000;
  return allocation;
}
