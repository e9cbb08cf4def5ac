import { addDays, ageInYears, daysBetween } from '../../reference/dates';
import { CEFR_LEVELS } from '../../reference/languages';

/**
 * Steering indicators (issue 15, CONTRACTS §7), computed from dated facts as they were true on the day
 * `asOf`: a fact dated after that day does not count, whatever is known today. Pure: the repo loads the
 * facts, this module counts.
 */
export interface PersonFact {
  id: string;
  ownerAgencyId: string | null;
  gender: string;
  birthDate: string | null;
  nationality: string | null;
  municipalityId: string | null;
  rechtskreis: string;
  /** The day the person entered the Integration Point (intake). */
  intakeOn: string;
  closedOn: string | null;
}
export interface EnrolmentFact {
  personId: string;
  courseId: string;
  start: string;
  end: string | null;
  status: string;
  resultLevel: string | null;
}
export interface AssessmentFact {
  personId: string;
  on: string;
  level: string;
}
export interface WaitFact {
  personId: string;
  since: string;
  status: string;
}
export interface HandoverFact {
  personId: string;
  state: string;
  createdOn: string;
  decidedOn: string;
}
export interface CourseFact {
  id: string;
  start: string;
  end: string | null;
  seats: number;
  status: string;
}
/** A hire recorded by the work module (issue 14): in work from its start day. */
export interface HireFact {
  personId: string;
  start: string;
}
export interface StatisticsFacts {
  /** Hires of the placement pipeline; absent in facts from before the work module. */
  hires?: HireFact[];
  persons: PersonFact[];
  enrolments: EnrolmentFact[];
  assessments: AssessmentFact[];
  waits: WaitFact[];
  handovers: HandoverFact[];
  courses: CourseFact[];
}

export const AGE_GROUPS = ['0-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const STAT_RECHTSKREISE = ['asylblg', 'sgb2', 'sgb3_only'] as const;

export interface StatisticsFilters {
  municipality?: string;
  gender?: 'm' | 'f' | 'x';
  nationality?: string;
  rechtskreis?: (typeof STAT_RECHTSKREISE)[number];
  ageGroup?: AgeGroup;
}

export interface Indicator {
  id: string;
  label: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
}

/** Fewer persons than this behind a number shown outside the own agency: the number is not shown. */
export const MIN_CELL = 5;
const WINDOW_DAYS = 90;

export function ageGroupOf(birthDate: string | null, on: string): AgeGroup | null {
  if (!birthDate) return null;
  const age = ageInYears(birthDate, on);
  if (age < 18) return '0-17';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  if (age < 65) return '55-64';
  return '65+';
}

/** Open in the Integration Point on the day: taken in on or before it, not closed on or before it. */
export const openOn = (p: PersonFact, day: string) =>
  p.intakeOn <= day && (p.closedOn === null || p.closedOn > day);

export function matches(p: PersonFact, f: StatisticsFilters, asOf: string): boolean {
  if (f.municipality && p.municipalityId !== f.municipality) return false;
  if (f.gender && p.gender !== f.gender) return false;
  if (f.nationality && p.nationality !== f.nationality) return false;
  if (f.rechtskreis && p.rechtskreis !== f.rechtskreis) return false;
  if (f.ageGroup && ageGroupOf(p.birthDate, asOf) !== f.ageGroup) return false;
  return true;
}

const levelRank = (l: string | null | undefined) => (l ? CEFR_LEVELS.indexOf(l as never) : -1);

type PersonIndex = Map<string, { a: AssessmentFact[]; e: EnrolmentFact[] }>;
const indexes = new WeakMap<object, PersonIndex>();

/**
 * Tests and enrolments by person, built once per loaded set of facts (the facts are not changed after
 * loading): a dashboard asks for levels on many days and in many partitions of the same facts, and
 * searching all tests for each person each time made it quadratic.
 */
export function factsByPerson(facts: Pick<StatisticsFacts, 'assessments' | 'enrolments'>): PersonIndex {
  let ix = indexes.get(facts);
  if (!ix) {
    ix = new Map();
    const slot = (id: string) => {
      let x = ix?.get(id);
      if (!x) {
        x = { a: [], e: [] };
        ix?.set(id, x);
      }
      return x;
    };
    for (const a of facts.assessments) slot(a.personId).a.push(a);
    for (const e of facts.enrolments) slot(e.personId).e.push(e);
    indexes.set(facts, ix);
  }
  return ix;
}

const NONE = { a: [] as AssessmentFact[], e: [] as EnrolmentFact[] };

/** The highest German level known on the day: tests and course results dated on or before it. */
export function levelOn(
  personId: string,
  facts: Pick<StatisticsFacts, 'assessments' | 'enrolments'>,
  day: string,
  index?: PersonIndex,
): string | null {
  const own = (index ?? factsByPerson(facts)).get(personId) ?? NONE;
  const assessments = own.a;
  const enrolments = own.e;
  let best: string | null = null;
  for (const a of assessments) if (a.on <= day && levelRank(a.level) > levelRank(best)) best = a.level;
  for (const e of enrolments)
    if (e.status === 'completed' && e.end && e.end <= day && levelRank(e.resultLevel) > levelRank(best))
      best = e.resultLevel;
  return best;
}

/** In a course on the day: enrolled and the course running (start ≤ day ≤ end), not left before. */
export const inCourseOn = (e: EnrolmentFact, day: string) =>
  e.start <= day && (e.end === null || e.end >= day) && !['cancelled', 'dropped_out'].includes(e.status);

function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

type Raw = {
  id: string;
  label: string;
  kind: 'count' | 'share' | 'days';
  numerator: number;
  denominator: number | null;
  value?: number | null;
  group?: string;
  /** No facts yet: value and numerator are unknown (null), not zero. */
  unknown?: boolean;
};

export function computeIndicators(
  facts: StatisticsFacts,
  asOf: string,
  filters: StatisticsFilters,
  opts: { suppress: boolean },
): Indicator[] {
  const since = addDays(asOf, -WINDOW_DAYS);
  const population = facts.persons.filter((p) => matches(p, filters, asOf));
  const ids = new Set(population.map((p) => p.id));
  const open = population.filter((p) => openOn(p, asOf));
  const openIds = new Set(open.map((p) => p.id));
  // Tests and enrolments of every person (built once per facts); those of persons outside the population
  // are never asked for.
  const byPerson = factsByPerson(facts);

  const raw: Raw[] = [];
  const n = open.length;
  raw.push({
    id: 'caseload',
    label: 'Fälle im Integration Point',
    kind: 'count',
    numerator: n,
    denominator: null,
  });
  raw.push({
    id: 'new_intakes_90d',
    label: 'Neuaufnahmen (90 Tage)',
    kind: 'count',
    numerator: population.filter((p) => p.intakeOn > since && p.intakeOn <= asOf).length,
    denominator: null,
  });
  raw.push({
    id: 'exits_90d',
    label: 'Abgänge (90 Tage)',
    kind: 'count',
    numerator: population.filter((p) => p.closedOn !== null && p.closedOn > since && p.closedOn <= asOf)
      .length,
    denominator: null,
  });
  const decided = facts.handovers.filter(
    (h) => ids.has(h.personId) && ['accepted', 'done'].includes(h.state) && h.decidedOn <= asOf,
  );
  raw.push({
    id: 'handed_over_90d',
    label: 'Übergaben angenommen (90 Tage)',
    kind: 'count',
    numerator: decided.filter((h) => h.decidedOn > since).length,
    denominator: null,
  });
  const durations = decided.map((h) => daysBetween(h.createdOn, h.decidedOn)).sort((a, b) => a - b);
  raw.push({
    id: 'handover_days_median',
    label: 'Dauer einer Übergabe in Tagen (Median)',
    kind: 'days',
    numerator: durations.length,
    denominator: null,
    value: quantile(durations, 0.5),
  });
  const openHandovers = facts.handovers.filter(
    (h) => openIds.has(h.personId) && h.createdOn <= asOf && (h.state === 'requested' || h.decidedOn > asOf),
  );
  raw.push({
    id: 'open_handovers',
    label: 'Offene Übergaben',
    kind: 'count',
    numerator: openHandovers.length,
    denominator: null,
  });

  // Work (issue 14): a hire counts from its start day. Without hire facts (data from before the work
  // module) the value is null ("not known") rather than a zero that would read as "nobody works".
  const hires = facts.hires;
  const firstStart = new Map<string, string>();
  for (const h of hires ?? [])
    if (ids.has(h.personId) && h.start <= asOf && (firstStart.get(h.personId) ?? '9999') > h.start)
      firstStart.set(h.personId, h.start);
  raw.push({
    id: 'in_work_share',
    label: 'Anteil in Arbeit',
    kind: 'share',
    numerator: open.filter((p) => firstStart.has(p.id)).length,
    denominator: n,
    unknown: hires === undefined,
  });
  const hiredRecently = (hires ?? []).filter(
    (h) => ids.has(h.personId) && h.start > since && h.start <= asOf,
  );
  raw.push({
    id: 'hires_90d',
    label: 'Arbeitsaufnahmen (90 Tage)',
    kind: 'count',
    numerator: new Set(hiredRecently.map((h) => h.personId)).size,
    denominator: null,
    unknown: hires === undefined,
  });
  const intakeOf = new Map(population.map((p) => [p.id, p.intakeOn]));
  const toJob = [...firstStart]
    .map(([id, start]) => daysBetween(intakeOf.get(id) as string, start))
    .filter((d) => d >= 0)
    .sort((a, b) => a - b);
  raw.push({
    id: 'days_to_job_median',
    label: 'Tage von der Aufnahme bis zur Arbeit (Median)',
    kind: 'days',
    numerator: toJob.length,
    denominator: null,
    value: quantile(toJob, 0.5),
    unknown: hires === undefined,
  });

  // Language and courses, among the open cases.
  const inCourse = open.filter((p) => (byPerson.get(p.id)?.e ?? []).some((e) => inCourseOn(e, asOf))).length;
  raw.push({
    id: 'in_course_share',
    label: 'Anteil im Sprachkurs',
    kind: 'share',
    numerator: inCourse,
    denominator: n,
  });
  const waitsOf = new Map<string, WaitFact[]>();
  for (const w of facts.waits)
    if (openIds.has(w.personId)) waitsOf.set(w.personId, [...(waitsOf.get(w.personId) ?? []), w]);
  const waiting = open.filter((p) => {
    const own = byPerson.get(p.id) ?? NONE;
    if (own.e.some((e) => inCourseOn(e, asOf))) return false;
    return (waitsOf.get(p.id) ?? []).some((w) => w.since <= asOf && w.status !== 'withdrawn');
  }).length;
  raw.push({
    id: 'waiting_share',
    label: 'Anteil auf der Warteliste',
    kind: 'share',
    numerator: waiting,
    denominator: n,
  });
  const levels = open.map((p) => levelOn(p.id, facts, asOf, byPerson));
  const count = (pred: (l: string | null) => boolean) => levels.filter(pred).length;
  const rank = (l: string | null) => levelRank(l);
  const groups: [string, string, (l: string | null) => boolean][] = [
    ['level_unknown_share', 'Anteil ohne festgestelltes Deutschniveau', (l) => l === null],
    ['level_a0_a1_share', 'Anteil Deutsch bis A1', (l) => l !== null && rank(l) <= rank('A1')],
    ['level_a2_b1_share', 'Anteil Deutsch A2 oder B1', (l) => rank(l) >= rank('A2') && rank(l) <= rank('B1')],
    ['b2_share', 'Anteil mit B2', (l) => rank(l) >= rank('B2')],
  ];
  for (const [id, label, pred] of groups)
    raw.push({ id, label, kind: 'share', numerator: count(pred), denominator: n, group: 'level' });

  // Time from intake to the first course (persons whose first course began on or before the day).
  const toCourse = population
    .map((p) => {
      const first = (byPerson.get(p.id)?.e ?? [])
        .filter((e) => e.start <= asOf && e.status !== 'cancelled')
        .map((e) => e.start)
        .sort()[0];
      return first && first >= p.intakeOn ? daysBetween(p.intakeOn, first) : null;
    })
    .filter((d): d is number => d !== null)
    .sort((a, b) => a - b);
  for (const [id, label, q] of [
    ['days_intake_to_first_course_median', 'Tage von der Aufnahme bis zum ersten Kurs (Median)', 0.5],
    ['days_intake_to_first_course_p25', 'Tage von der Aufnahme bis zum ersten Kurs (1. Quartil)', 0.25],
    ['days_intake_to_first_course_p75', 'Tage von der Aufnahme bis zum ersten Kurs (3. Quartil)', 0.75],
  ] as const)
    raw.push({
      id,
      label,
      kind: 'days',
      numerator: toCourse.length,
      denominator: null,
      value: quantile(toCourse, q),
    });

  // Seats of the courses running on the day against the participants in them (the whole region's supply).
  const running = facts.courses.filter(
    (c) => c.start <= asOf && (c.end === null || c.end >= asOf) && c.status !== 'cancelled',
  );
  const runningIds = new Set(running.map((c) => c.id));
  const taken = facts.enrolments.filter((e) => runningIds.has(e.courseId) && inCourseOn(e, asOf)).length;
  raw.push({
    id: 'course_seat_use',
    label: 'Auslastung der laufenden Kurse',
    kind: 'share',
    numerator: taken,
    denominator: running.reduce((s, c) => s + c.seats, 0),
  });
  return present(raw, opts.suppress);
}

/**
 * Small cells are not shown outside the own agency: a count or share with fewer than MIN_CELL persons in
 * its numerator or denominator is suppressed (value, numerator, denominator null). Within a group that
 * adds up to its denominator (the German levels), one suppressed cell could be recovered from the others
 * and the total — so then the next smallest cell is suppressed too (complementary suppression).
 */
function present(raw: Raw[], suppress: boolean): Indicator[] {
  const hidden = new Set<string>();
  if (suppress) {
    for (const r of raw) {
      const persons = r.kind === 'days' ? r.numerator : r.numerator;
      if (
        (persons > 0 && persons < MIN_CELL) ||
        (r.denominator !== null && r.denominator < MIN_CELL && r.id !== 'course_seat_use')
      )
        hidden.add(r.id);
    }
    const groups = new Map<string, Raw[]>();
    for (const r of raw) if (r.group) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
    for (const members of groups.values()) {
      const shown = members.filter((m) => !hidden.has(m.id));
      if (shown.length === members.length - 1 && shown.length > 0) {
        const next = [...shown].sort((a, b) => a.numerator - b.numerator)[0];
        hidden.add(next.id);
      }
    }
  }
  return raw.map((r) => {
    if (r.unknown)
      return {
        id: r.id,
        label: r.label,
        value: null,
        numerator: null,
        denominator: r.denominator,
        suppressed: false,
      };
    if (hidden.has(r.id))
      return { id: r.id, label: r.label, value: null, numerator: null, denominator: null, suppressed: true };
    const value =
      r.kind === 'share'
        ? r.denominator
          ? Math.round((r.numerator / r.denominator) * 10000) / 10000
          : null
        : r.kind === 'days'
          ? r.value === null || r.value === undefined
            ? null
            : Math.round(r.value * 10) / 10
          : r.numerator;
    return {
      id: r.id,
      label: r.label,
      value,
      numerator: r.numerator,
      denominator: r.denominator,
      suppressed: false,
    };
  });
}
