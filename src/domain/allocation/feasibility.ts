import type { Client, Course, Instance } from './schema';

/** The base score of a placement; it exceeds any travel/wait trade-off, so placing more people comes first. */
export const PLACEMENT_SCORE = 1000;

/**
 * Travel minutes from the client's home to the course, or `undefined` when the pair is not
 * feasible (CONTRACTS §3). This is the readable reference; `buildPairs` applies the same rules
 * through indexes and is tested against it.
 */
export function feasibleTravel(instance: Instance, client: Client, course: Course): number | undefined {
  if (!client.courseTypes.includes(course.type)) return undefined;
  if (!course.entryLevels.includes(client.level)) return undefined;
  if (client.needsChildcare && !course.childcare) return undefined;
  if (course.womenOnly && client.gender !== 'f') return undefined;
  if (client.needsWomenOnly && !course.womenOnly) return undefined;
  const minutes = instance.travelMinutes[client.home]?.[course.place];
  if (minutes === undefined || minutes > instance.maxTravelMinutes) return undefined;
  return minutes;
}

export function pairScore(client: Client, travelMinutes: number): number {
  return PLACEMENT_SCORE + client.waitingDays - travelMinutes;
}
