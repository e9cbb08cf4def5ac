import { addDays, ageInYears } from '../reference/dates';
import { CEFR_LEVELS } from '../reference/languages';
import {
  alignedTimelines,
  daysFromTo,
  firstCourseOn,
  firstHireOn,
  hiredBetween,
  inCourseOnDay,
  inSpellOn,
  levelRank,
  oldestOpenPermit,
  rankOn,
  timelineOf,
  timelinesOf,
} from './timelines';

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
  /** An apprenticeship (Ausbildung): in training from its start day (and counted in work as well). */
  training?: boolean;
}
/** A placement proposal (Vermittlungsvorschlag) of the work module: the day a job was offered. */
export interface OfferFact {
  personId: string;
  on: string;
}
/** A work permit asked of the immigration office for a placement (§ 39 AufenthG), open until decided. */
export interface PermitFact {
  personId: string;
  requestedOn: string;
  decidedOn: string | null;
}
/** Taking part in a measure by the cooperation plan in force: from `start` to `end` (null: open). */
export interface MeasureSpell {
  personId: string;
  start: string;
  end: string | null;
}
export interface StatisticsFacts {
  /** Hires of the placement pipeline; absent in facts from before the work module (then also offers, permits). */
  hires?: HireFact[];
  offers?: OfferFact[];
  permits?: PermitFact[];
  /** Measure spells from the cooperation plans; absent: not known. */
  measures?: MeasureSpell[];
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

/** The highest German level known on the day: tests and course results dated on or before it. */
export function levelOn(personId: string, facts: StatisticsFacts, day: string): string | null {
  const rank = rankOn(timelineOf(timelinesOf(facts), personId), day);
  return rank < 0 ? null : CEFR_LEVELS[rank];
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
  const lines = alignedTimelines(facts);
  const hiresKnown = facts.hires !== undefined;
  let n = 0;
  let intakes = 0;
  let exits = 0;
  let working = 0;
  let hiredRecently = 0;
  let inCourse = 0;
  let waiting = 0;
  const levels = [0, 0, 0, 0]; // unknown, up to A1, A2–B1, B2 and above
  const toJob: number[] = [];
  const toCourse: number[] = [];
  const decided: number[] = [];
  let decidedRecently = 0;
  let openHandovers = 0;
  let training = 0;
  let inMeasure = 0;
  const toOffer: number[] = [];
  const permitAges: number[] = [];
  const persons = facts.persons;
  for (let i = 0; i < persons.length; i++) {
    const p = persons[i];
    if (!matches(p, filters, asOf)) continue;
    const t = lines[i];
    const open = openOn(p, asOf);
    if (p.intakeOn > since && p.intakeOn <= asOf) intakes++;
    if (p.closedOn !== null && p.closedOn > since && p.closedOn <= asOf) exits++;
    for (const h of t.handovers) {
      if ((h.state === 'accepted' || h.state === 'done') && h.decidedOn <= asOf) {
        decided.push(daysFromTo(h.createdOn, h.decidedOn));
        if (h.decidedOn > since) decidedRecently++;
      }
      if (open && h.createdOn <= asOf && (h.state === 'requested' || h.decidedOn > asOf)) openHandovers++;
    }
    const hired = firstHireOn(t, asOf);
    if (hired !== null) {
      const d = daysFromTo(p.intakeOn, hired);
      if (d >= 0) toJob.push(d);
    }
    if (hiredBetween(t, since, asOf)) hiredRecently++;
    const first = firstCourseOn(t, asOf);
    if (first !== null && first >= p.intakeOn) toCourse.push(daysFromTo(p.intakeOn, first));
    if (t.firstOffer !== null && t.firstOffer <= asOf && t.firstOffer >= p.intakeOn)
      toOffer.push(daysFromTo(p.intakeOn, t.firstOffer));
    if (!open) continue;
    n++;
    if (hired !== null) working++;
    if (t.trainingFrom !== null && t.trainingFrom <= asOf) training++;
    if (inSpellOn(t.measures, asOf)) inMeasure++;
    const waitingForPermit = oldestOpenPermit(t, asOf);
    if (waitingForPermit !== null) permitAges.push(daysFromTo(waitingForPermit, asOf));
    const courseNow = inCourseOnDay(t, asOf);
    if (courseNow) inCourse++;
    else if (t.waitFrom !== null && t.waitFrom <= asOf) waiting++;
    const r = rankOn(t, asOf);
    levels[r < 0 ? 0 : r <= A1 ? 1 : r <= B1 ? 2 : 3]++;
  }
  const byNumber = (a: number, b: number) => a - b;
  decided.sort(byNumber);
  toJob.sort(byNumber);
  toCourse.sort(byNumber);
  toOffer.sort(byNumber);
  permitAges.sort(byNumber);
  const measuresKnown = facts.measures !== undefined;

  const raw: Raw[] = [
    { id: 'caseload', label: 'Fälle im Integration Point', kind: 'count', numerator: n, denominator: null },
    {
      id: 'new_intakes_90d',
      label: 'Neuaufnahmen (90 Tage)',
      kind: 'count',
      numerator: intakes,
      denominator: null,
    },
    { id: 'exits_90d', label: 'Abgänge (90 Tage)', kind: 'count', numerator: exits, denominator: null },
    {
      id: 'handed_over_90d',
      label: 'Übergaben angenommen (90 Tage)',
      kind: 'count',
      numerator: decidedRecently,
      denominator: null,
    },
    {
      id: 'handover_days_median',
      label: 'Dauer einer Übergabe in Tagen (Median)',
      kind: 'days',
      numerator: decided.length,
      denominator: null,
      value: quantile(decided, 0.5),
    },
    {
      id: 'open_handovers',
      label: 'Offene Übergaben',
      kind: 'count',
      numerator: openHandovers,
      denominator: null,
    },
    // Work (issue 14): a hire counts from its start day. Without hire facts (data from before the work
    // module) the value is null ("not known") rather than a zero that would read as "nobody works".
    {
      id: 'in_work_share',
      label: 'Anteil in Arbeit',
      kind: 'share',
      numerator: working,
      denominator: n,
      unknown: !hiresKnown,
    },
    {
      id: 'hires_90d',
      label: 'Arbeitsaufnahmen (90 Tage)',
      kind: 'count',
      numerator: hiredRecently,
      denominator: null,
      unknown: !hiresKnown,
    },
    ...quartiles(
      'days_to_job',
      'Tage von der Aufnahme bis zur Arbeit',
      toJob,
      ['median', 'p25', 'p75'],
      !hiresKnown,
    ),
    ...quartiles(
      'days_intake_to_first_offer',
      'Tage von der Aufnahme bis zum ersten Stellenangebot',
      toOffer,
      ['median', 'p25', 'p75'],
      !hiresKnown,
    ),
    {
      id: 'in_training_share',
      label: 'Anteil in Ausbildung',
      kind: 'share',
      numerator: training,
      denominator: n,
      unknown: !hiresKnown,
    },
    {
      id: 'open_permit_requests',
      label: 'Personen mit offener Anfrage zur Beschäftigungserlaubnis',
      kind: 'count',
      numerator: permitAges.length,
      denominator: null,
      unknown: !hiresKnown,
    },
    {
      id: 'open_permit_days_median',
      label: 'Wartezeit auf die Beschäftigungserlaubnis in Tagen (Median)',
      kind: 'days',
      numerator: permitAges.length,
      denominator: null,
      value: quantile(permitAges, 0.5),
      unknown: !hiresKnown,
    },
    // Language and courses, among the open cases.
    {
      id: 'in_course_share',
      label: 'Anteil im Sprachkurs',
      kind: 'share',
      numerator: inCourse,
      denominator: n,
    },
    {
      id: 'waiting_share',
      label: 'Anteil auf der Warteliste',
      kind: 'share',
      numerator: waiting,
      denominator: n,
    },
    {
      id: 'in_measure_share',
      label: 'Anteil in einer Maßnahme (laut Kooperationsplan)',
      kind: 'share',
      numerator: inMeasure,
      denominator: n,
      unknown: !measuresKnown,
    },
  ];
  const groups: [string, string][] = [
    ['level_unknown_share', 'Anteil ohne festgestelltes Deutschniveau'],
    ['level_a0_a1_share', 'Anteil Deutsch bis A1'],
    ['level_a2_b1_share', 'Anteil Deutsch A2 oder B1'],
    ['b2_share', 'Anteil mit B2'],
  ];
  groups.forEach(([id, label], i) => {
    raw.push({ id, label, kind: 'share', numerator: levels[i], denominator: n, group: 'level' });
  });
  // Time from intake to the first course (persons whose first course began on or before the day).
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
  raw.push(seatUse(facts, asOf));
  return present(raw, opts.suppress);
}

const QUANTILE_OF = {
  median: [0.5, 'Median'],
  p25: [0.25, '1. Quartil'],
  p75: [0.75, '3. Quartil'],
} as const;

/** Median and quartiles of a duration: ids `<base>_median`, `<base>_p25`, `<base>_p75`. */
function quartiles(
  base: string,
  label: string,
  sorted: number[],
  which: readonly (keyof typeof QUANTILE_OF)[],
  unknown: boolean,
): Raw[] {
  return which.map((w) => ({
    id: `${base}_${w}`,
    label: `${label} (${QUANTILE_OF[w][1]})`,
    kind: 'days' as const,
    numerator: sorted.length,
    denominator: null,
    value: quantile(sorted, QUANTILE_OF[w][0]),
    unknown,
  }));
}

const A1 = levelRank('A1');
const B1 = levelRank('B1');

const seatUses = new WeakMap<object, { courses: unknown; byDay: Map<string, Raw> }>();

/**
 * Seats of the courses running on the day against the participants in them (the whole region's supply,
 * the same for every filter): counted once per set of enrolments, courses and day — the subtraction check
 * asks for the table of every cell of a partition.
 */
function seatUse(facts: StatisticsFacts, asOf: string): Raw {
  let memo = seatUses.get(facts.enrolments);
  if (!memo || memo.courses !== facts.courses) {
    memo = { courses: facts.courses, byDay: new Map() };
    seatUses.set(facts.enrolments, memo);
  }
  let r = memo.byDay.get(asOf);
  if (!r) {
    r = countSeatUse(facts, asOf);
    memo.byDay.set(asOf, r);
  }
  return { ...r };
}

function countSeatUse(facts: StatisticsFacts, asOf: string): Raw {
  const running = new Set<string>();
  let seats = 0;
  for (const c of facts.courses)
    if (c.start <= asOf && (c.end === null || c.end >= asOf) && c.status !== 'cancelled') {
      running.add(c.id);
      seats += c.seats;
    }
  let taken = 0;
  if (running.size > 0)
    for (const e of facts.enrolments) if (running.has(e.courseId) && inCourseOn(e, asOf)) taken++;
  return {
    id: 'course_seat_use',
    label: 'Auslastung der laufenden Kurse',
    kind: 'share',
    numerator: taken,
    denominator: seats,
  };
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
