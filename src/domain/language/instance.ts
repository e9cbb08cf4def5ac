import type { Instance } from '../allocation';
import { daysBetween } from '../reference/dates';
import type { Cefr } from './levels';
import { type TravelPlace, travelMatrix } from './travel';

/** A waiting person as the database knows them (one open waitlist entry). */
export interface WaitingClient {
  personId: string;
  gender: 'm' | 'f' | 'x' | 'u';
  /** Current overall CEFR level (latest assessment); undefined = never assessed. */
  level: Cefr | undefined;
  /** The place standing for the person's municipality; undefined = no municipality recorded. */
  homePlaceId: string | undefined;
  /** Waiting since (ISO day). */
  since: string;
  needsChildcare: boolean;
  needsWomenOnly: boolean;
  courseTypes: readonly string[];
}

export interface OpenCourse {
  id: string;
  type: string;
  entryLevels: readonly Cefr[];
  seats: number;
  /** Seats already taken by enrolments that still count. */
  taken: number;
  placeId: string;
  childcare: boolean;
  womenOnly: boolean;
}

export type SkipReason = 'no_level' | 'no_home' | 'no_course_types';
export interface Skipped {
  personId: string;
  reason: SkipReason;
}

export interface BuildInput {
  asOf: string;
  maxTravelMinutes: number;
  clients: readonly WaitingClient[];
  courses: readonly OpenCourse[];
  places: readonly TravelPlace[];
  /** Imported matrix entries, keyed by travelKey(from, to). */
  imported: ReadonlyMap<string, number>;
}

export { daysBetween };

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The allocation instance (CONTRACTS §3) from live rows: clients are the waiting persons (level = current
 * overall CEFR, courseTypes from the waitlist entry, home = their municipality's place, waiting days since
 * the entry's day), courses are those with free seats (seats − taken). Travel minutes: imported entries,
 * otherwise the estimate from coordinates. Persons that cannot be placed for lack of data are listed in
 * `skipped` with the reason, never silently dropped. Ids are sorted, so equal data gives an equal instance.
 */
export function buildInstance(input: BuildInput): { instance: Instance; skipped: Skipped[] } {
  const skipped: Skipped[] = [];
  const clients: Instance['clients'] = [];
  for (const c of input.clients) {
    if (c.courseTypes.length === 0) skipped.push({ personId: c.personId, reason: 'no_course_types' });
    else if (!c.level) skipped.push({ personId: c.personId, reason: 'no_level' });
    else if (!c.homePlaceId) skipped.push({ personId: c.personId, reason: 'no_home' });
    else
      clients.push({
        id: c.personId,
        level: c.level,
        gender: c.gender === 'u' ? 'x' : c.gender,
        needsWomenOnly: c.needsWomenOnly,
        needsChildcare: c.needsChildcare,
        home: c.homePlaceId,
        waitingDays: Math.min(36_500, Math.max(0, daysBetween(c.since, input.asOf))),
        courseTypes: [...c.courseTypes],
      });
  }
  clients.sort(byId);
  // Without clients there is nothing to allocate (and no travel row a course place could appear in).
  const courses: Instance['courses'] =
    clients.length === 0
      ? []
      : input.courses
          .filter((c) => c.seats - c.taken > 0)
          .map((c) => ({
            id: c.id,
            type: c.type,
            entryLevels: [...c.entryLevels],
            seats: c.seats - c.taken,
            place: c.placeId,
            childcare: c.childcare,
            womenOnly: c.womenOnly,
          }))
          .sort(byId);
  const placeById = new Map(input.places.map((p) => [p.id, p]));
  const need = (id: string) => {
    const p = placeById.get(id);
    if (!p) throw new Error(`place ${id} has no coordinates`);
    return p;
  };
  const homes = [...new Set(clients.map((c) => c.home))].sort().map(need);
  const venues = [...new Set(courses.map((c) => c.place))].sort().map(need);
  const matrix = travelMatrix(homes, venues, input.imported);
  const travelMinutes: Instance['travelMinutes'] = {};
  for (const [from, row] of Object.entries(matrix)) {
    travelMinutes[from] = {};
    for (const [to, e] of Object.entries(row)) travelMinutes[from][to] = e.minutes;
  }
  skipped.sort((a, b) => (a.personId < b.personId ? -1 : 1));
  return {
    instance: { asOf: input.asOf, maxTravelMinutes: input.maxTravelMinutes, clients, courses, travelMinutes },
    skipped,
  };
}
