import type { Allocation, Instance } from './schema';

/**
 * What the language advisor compares between the optimal proposal and first come, first
 * served. The women figures serve §5 IntV, which asks providers and BAMF to take account
 * of women's participation: their share among the placed against their share of demand.
 */
export interface AllocationMetrics {
  clients: number;
  placed: number;
  unplaced: number;
  waitingDaysTotal: number;
  waitingDaysMean: number;
  travelMinutesTotal: number;
  travelMinutesMean: number;
  womenDemandShare: number;
  womenPlacedShare: number;
  score: number;
}

export function allocationMetrics(instance: Instance, allocation: Allocation): AllocationMetrics {
  const clients = new Map(instance.clients.map((c) => [c.id, c]));
  const courses = new Map(instance.courses.map((c) => [c.id, c]));
  let waiting = 0;
  let travel = 0;
  let women = 0;
  for (const a of allocation.assignments) {
    const client = clients.get(a.client);
    const course = courses.get(a.course);
    if (!client || !course) throw new Error(`assignment ${a.client} → ${a.course} names an unknown id`);
    waiting += client.waitingDays;
    travel += instance.travelMinutes[client.home]?.[course.place] ?? 0;
    if (client.gender === 'f') women++;
  }
  const placed = allocation.assignments.length;
  const demandWomen = instance.clients.filter((c) => c.gender === 'f').length;
  const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
  return {
    clients: instance.clients.length,
    placed,
    unplaced: instance.clients.length - placed,
    waitingDaysTotal: waiting,
    waitingDaysMean: share(waiting, placed),
    travelMinutesTotal: travel,
    travelMinutesMean: share(travel, placed),
    womenDemandShare: share(demandWomen, instance.clients.length),
    womenPlacedShare: share(women, placed),
    score: allocation.score,
  };
}
