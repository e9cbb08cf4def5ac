import { CEFR_LEVELS } from '../reference/languages';
import type { HandoverFact, PermitFact, StatisticsFacts } from './indicators';

/**
 * Each person's facts folded into a timeline once per loaded set of facts: the first course, the spells in
 * a course, the German level steps, the first day on the waiting list, the hires and the handovers. Every
 * indicator on any day is then a look at the timeline (a few comparisons) instead of a search through all
 * facts — at Land scale a dashboard asks for a dozen days, and for the subtraction check for every value of
 * a filter dimension. Same answers as searching the facts (testing/reference-*.ts holds the plain version;
 * timelines.test.ts compares both on random facts).
 */
export interface Timeline {
  /** The earliest start of an enrolment that was not cancelled (the first course, once that day came). */
  firstCourse: string | null;
  /** Enrolments that count as "in a course" while running: [start, end] (end null: open). */
  spells: { start: string; end: string | null }[];
  /** German level steps: on `day` the level reached rank `rank` (tests and completed courses), by day. */
  levels: { day: string; rank: number }[];
  /** The earliest day on the waiting list (entries not withdrawn). */
  waitFrom: string | null;
  /** Hire start days, ascending. */
  hires: string[];
  handovers: HandoverFact[];
  /** The first job offered (placement proposal), the first apprenticeship's start. */
  firstOffer: string | null;
  trainingFrom: string | null;
  permits: PermitFact[];
  /** Measures by the cooperation plan: [start, end] (end null: open). */
  measures: { start: string; end: string | null }[];
}

const EMPTY: Timeline = newTimeline();

function newTimeline(): Timeline {
  return {
    firstCourse: null,
    spells: [],
    levels: [],
    waitFrom: null,
    hires: [],
    handovers: [],
    firstOffer: null,
    trainingFrom: null,
    permits: [],
    measures: [],
  };
}

export const levelRank = (l: string | null | undefined) => (l ? CEFR_LEVELS.indexOf(l as never) : -1);

interface Built {
  sources: unknown[];
  byPerson: Map<string, Timeline>;
}
const built = new WeakMap<object, Built>();

/**
 * The timelines of all persons of the facts, built once. The dashboard derives sub-sets of the facts with
 * other persons but the same fact arrays (`{ ...facts, persons }`), so the cache is keyed by the arrays.
 */
export function timelinesOf(facts: StatisticsFacts): Map<string, Timeline> {
  const sources = sourcesOf(facts);
  const hit = built.get(facts.enrolments);
  if (hit?.sources.every((s, i) => s === sources[i])) return hit.byPerson;
  const own = new Map<string, OwnFacts>();
  const slot = (id: string) => {
    let o = own.get(id);
    if (!o) {
      o = emptyOwn();
      own.set(id, o);
    }
    return o;
  };
  for (const e of facts.enrolments) slot(e.personId).enrolments.push(e);
  for (const a of facts.assessments) slot(a.personId).assessments.push(a);
  for (const w of facts.waits) slot(w.personId).waits.push(w);
  for (const h of facts.hires ?? []) slot(h.personId).hires.push(h);
  for (const h of facts.handovers) slot(h.personId).handovers.push(h);
  for (const x of facts.offers ?? []) slot(x.personId).offers.push(x);
  for (const x of facts.permits ?? []) slot(x.personId).permits.push(x);
  for (const x of facts.measures ?? []) slot(x.personId).measures.push(x);
  const byPerson = new Map<string, Timeline>();
  for (const [id, o] of own) byPerson.set(id, timelineFrom(o));
  built.set(facts.enrolments, { sources, byPerson });
  return byPerson;
}

/** One person's facts, as the facts cache keeps them. */
export interface OwnFacts {
  enrolments: StatisticsFacts['enrolments'];
  assessments: StatisticsFacts['assessments'];
  waits: StatisticsFacts['waits'];
  hires: NonNullable<StatisticsFacts['hires']>;
  handovers: StatisticsFacts['handovers'];
  offers: NonNullable<StatisticsFacts['offers']>;
  permits: NonNullable<StatisticsFacts['permits']>;
  measures: NonNullable<StatisticsFacts['measures']>;
}

export const emptyOwn = (): OwnFacts => ({
  enrolments: [],
  assessments: [],
  waits: [],
  hires: [],
  handovers: [],
  offers: [],
  permits: [],
  measures: [],
});

const sourcesOf = (facts: StatisticsFacts) => [
  facts.enrolments,
  facts.assessments,
  facts.waits,
  facts.hires,
  facts.handovers,
  facts.offers,
  facts.permits,
  facts.measures,
];

/** One person's timeline from their facts. */
export function timelineFrom(o: OwnFacts): Timeline {
  const t = newTimeline();
  for (const e of o.enrolments) {
    if (e.status !== 'cancelled' && (t.firstCourse === null || e.start < t.firstCourse))
      t.firstCourse = e.start;
    if (e.status !== 'cancelled' && e.status !== 'dropped_out') t.spells.push({ start: e.start, end: e.end });
    if (e.status === 'completed' && e.end && e.resultLevel)
      t.levels.push({ day: e.end, rank: levelRank(e.resultLevel) });
  }
  for (const a of o.assessments) t.levels.push({ day: a.on, rank: levelRank(a.level) });
  for (const w of o.waits)
    if (w.status !== 'withdrawn' && (t.waitFrom === null || w.since < t.waitFrom)) t.waitFrom = w.since;
  for (const h of o.hires) {
    t.hires.push(h.start);
    if (h.training && (t.trainingFrom === null || h.start < t.trainingFrom)) t.trainingFrom = h.start;
  }
  t.handovers.push(...o.handovers);
  for (const x of o.offers) if (t.firstOffer === null || x.on < t.firstOffer) t.firstOffer = x.on;
  t.permits.push(...o.permits);
  for (const m of o.measures) t.measures.push({ start: m.start, end: m.end });
  t.hires.sort();
  t.levels.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return t;
}

/**
 * Registers timelines kept up to date elsewhere (the facts cache rebuilds only the changed persons') as
 * those of `facts`, so that counting does not fold every person's facts again after each change.
 */
export function registerTimelines(facts: StatisticsFacts, byPerson: Map<string, Timeline>): void {
  built.set(facts.enrolments, { sources: sourcesOf(facts), byPerson });
}

export const timelineOf = (all: Map<string, Timeline>, personId: string): Timeline =>
  all.get(personId) ?? EMPTY;

/** The highest German level rank reached on or before the day; -1: none known. */
export function rankOn(t: Timeline, day: string): number {
  let best = -1;
  for (const l of t.levels) {
    if (l.day > day) break;
    if (l.rank > best) best = l.rank;
  }
  return best;
}

/** In a course on the day (a spell running then). */
export function inCourseOnDay(t: Timeline, day: string): boolean {
  return inSpellOn(t.spells, day);
}

/** One of the spells runs on the day (start ≤ day ≤ end; end null: open). */
export function inSpellOn(spells: readonly { start: string; end: string | null }[], day: string): boolean {
  for (const s of spells) if (s.start <= day && (s.end === null || s.end >= day)) return true;
  return false;
}

/** The first hire's start if it was on or before the day. */
export function firstHireOn(t: Timeline, day: string): string | null {
  const first = t.hires[0];
  return first !== undefined && first <= day ? first : null;
}

/** A hire started in (from, to]. */
export function hiredBetween(t: Timeline, from: string, to: string): boolean {
  for (const h of t.hires) if (h > from && h <= to) return true;
  return false;
}

/** The first course's start if it began on or before the day. */
export function firstCourseOn(t: Timeline, day: string): string | null {
  return t.firstCourse !== null && t.firstCourse <= day ? t.firstCourse : null;
}

const alignedCache = new WeakMap<object, { of: Map<string, Timeline>; lines: Timeline[] }>();

/**
 * The timelines in the order of `facts.persons` (lines[i] is persons[i]'s): a pass over the persons then
 * needs no lookup by id for each person and day.
 */
export function alignedTimelines(facts: StatisticsFacts): Timeline[] {
  const of = timelinesOf(facts);
  const hit = alignedCache.get(facts.persons);
  if (hit && hit.of === of) return hit.lines;
  const lines = facts.persons.map((p) => of.get(p.id) ?? EMPTY);
  alignedCache.set(facts.persons, { of, lines });
  return lines;
}

const dayNumbers = new Map<string, number>();
/** Days since 1970 of an ISO day, remembered (a region's facts hold a few thousand distinct days). */
export function dayNumber(iso: string): number {
  let n = dayNumbers.get(iso);
  if (n === undefined) {
    n = Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
    if (dayNumbers.size > 200_000) dayNumbers.clear();
    dayNumbers.set(iso, n);
  }
  return n;
}

/** Calendar days from one ISO day to another (as dates.daysBetween, without parsing twice per call). */
export const daysFromTo = (from: string, to: string) => dayNumber(to) - dayNumber(from);

/**
 * Facts of a sub-set of the persons (a cell of a partition), with their timelines already aligned: the
 * subtraction check builds one such set per value of a dimension, and looking every person up again would
 * cost as much as counting them.
 */
export function subsetFacts(
  facts: StatisticsFacts,
  persons: StatisticsFacts['persons'],
  lines: Timeline[],
): StatisticsFacts {
  alignedCache.set(persons, { of: timelinesOf(facts), lines });
  return { ...facts, persons };
}

/** The request day of the person's oldest work-permit request still open on the day (null: none). */
export function oldestOpenPermit(t: Timeline, day: string): string | null {
  let oldest: string | null = null;
  for (const q of t.permits)
    if (
      q.requestedOn <= day &&
      (q.decidedOn === null || q.decidedOn > day) &&
      (oldest === null || q.requestedOn < oldest)
    )
      oldest = q.requestedOn;
  return oldest;
}
