import { addDays } from '../../reference/dates';
import { CEFR_LEVELS } from '../../reference/languages';
import {
  ageGroupOf,
  computeIndicators,
  type Indicator,
  inCourseOn,
  levelOn,
  MIN_CELL,
  matches,
  openOn,
  type PersonFact,
  type StatisticsFacts,
  type StatisticsFilters,
} from './reference-indicators';

/**
 * The steering dashboard (issue 15) beyond the indicator table: the funnel, the map of the municipalities,
 * the persons behind a number (drill-down) and the protection of small cells against subtraction. Pure.
 */

export const FUNNEL_STAGES = [
  ['funnel_intake', 'Offene Fälle'],
  ['funnel_course', 'Mit Sprachkurs begonnen'],
  ['funnel_b1', 'Deutsch B1 oder besser'],
  ['funnel_work', 'In Arbeit'],
] as const;
export type FunnelStageId = (typeof FUNNEL_STAGES)[number][0];

export interface Cell {
  id: string;
  label: string;
  value: number | null;
  suppressed: boolean;
}
export interface MapCell {
  municipalityId: string;
  caseload: number | null;
  inWorkShare: number | null;
  suppressed: boolean;
}

const rank = (l: string | null) => (l ? CEFR_LEVELS.indexOf(l as never) : -1);
const FILTER_DIMS = ['municipality', 'gender', 'nationality', 'rechtskreis', 'ageGroup'] as const;
type Dim = (typeof FILTER_DIMS)[number];
/** Indicators whose numerator is no set of the filtered persons (region-wide supply): no subtraction check. */
const NOT_OF_PERSONS = new Set(['course_seat_use']);

function firstHire(facts: StatisticsFacts, asOf: string): Map<string, string> {
  const first = new Map<string, string>();
  for (const h of facts.hires ?? [])
    if (h.start <= asOf && (first.get(h.personId) ?? '9999') > h.start) first.set(h.personId, h.start);
  return first;
}

/**
 * The persons behind a number: the ids an indicator's numerator (or a funnel stage) counts, as of the day.
 * null for numbers that count no persons of the population (handovers, course seats).
 */
export function personsBehind(
  facts: StatisticsFacts,
  asOf: string,
  filters: StatisticsFilters,
  id: string,
): string[] | null {
  const population = facts.persons.filter((p) => matches(p, filters, asOf));
  const open = population.filter((p) => openOn(p, asOf));
  const since = addDays(asOf, -90);
  const enrolOf = new Map<string, StatisticsFacts['enrolments']>();
  for (const e of facts.enrolments) enrolOf.set(e.personId, [...(enrolOf.get(e.personId) ?? []), e]);
  const hired = firstHire(facts, asOf);
  const inCourse = (p: PersonFact) => (enrolOf.get(p.id) ?? []).some((e) => inCourseOn(e, asOf));
  const level = (p: PersonFact) => levelOn(p.id, facts, asOf);
  const firstCourse = (p: PersonFact) =>
    (enrolOf.get(p.id) ?? [])
      .filter((e) => e.start <= asOf && e.status !== 'cancelled')
      .map((e) => e.start)
      .sort()[0];
  const ids = (ps: PersonFact[]) => ps.map((p) => p.id);
  switch (id) {
    case 'caseload':
    case 'funnel_intake':
      return ids(open);
    case 'new_intakes_90d':
      return ids(population.filter((p) => p.intakeOn > since && p.intakeOn <= asOf));
    case 'exits_90d':
      return ids(population.filter((p) => p.closedOn !== null && p.closedOn > since && p.closedOn <= asOf));
    case 'in_work_share':
    case 'funnel_work':
      return facts.hires === undefined ? null : ids(open.filter((p) => hired.has(p.id)));
    case 'hires_90d': {
      if (facts.hires === undefined) return null;
      const inWindow = new Set(
        facts.hires.filter((h) => h.start > since && h.start <= asOf).map((h) => h.personId),
      );
      return ids(population.filter((p) => inWindow.has(p.id)));
    }
    case 'days_to_job_median':
      return ids(population.filter((p) => hired.has(p.id) && (hired.get(p.id) as string) >= p.intakeOn));
    case 'in_course_share':
      return ids(open.filter(inCourse));
    case 'waiting_share':
      return ids(
        open.filter(
          (p) =>
            !inCourse(p) &&
            facts.waits.some((w) => w.personId === p.id && w.since <= asOf && w.status !== 'withdrawn'),
        ),
      );
    case 'level_unknown_share':
      return ids(open.filter((p) => level(p) === null));
    case 'level_a0_a1_share':
      return ids(open.filter((p) => level(p) !== null && rank(level(p)) <= rank('A1')));
    case 'level_a2_b1_share':
      return ids(open.filter((p) => rank(level(p)) >= rank('A2') && rank(level(p)) <= rank('B1')));
    case 'b2_share':
      return ids(open.filter((p) => rank(level(p)) >= rank('B2')));
    case 'funnel_b1':
      return ids(open.filter((p) => rank(level(p)) >= rank('B1')));
    case 'funnel_course':
      return ids(open.filter((p) => firstCourse(p) !== undefined));
    case 'days_intake_to_first_course_median':
    case 'days_intake_to_first_course_p25':
    case 'days_intake_to_first_course_p75':
      return ids(
        population.filter((p) => {
          const f = firstCourse(p);
          return f !== undefined && f >= p.intakeOn;
        }),
      );
    default:
      return null;
  }
}

/** The funnel's stage counts among the open cases (each stage counted on its own, not nested). */
export function funnelCounts(facts: StatisticsFacts, asOf: string, filters: StatisticsFilters) {
  const out: Record<FunnelStageId, number | null> = {
    funnel_intake: 0,
    funnel_course: 0,
    funnel_b1: 0,
    funnel_work: 0,
  };
  for (const [id] of FUNNEL_STAGES) out[id] = personsBehind(facts, asOf, filters, id)?.length ?? null;
  return out;
}

/**
 * Complementary suppression in one group of cells that add up to a total someone can see (the persons of
 * every municipality add up to the county): cells of 1–4 are hidden; then, while the hidden cells hold fewer
 * than MIN_CELL persons together or only one cell is hidden, the next smallest shown cell is hidden too — so
 * the total minus the shown cells never tells a small number.
 */
export function groupSuppress(counts: readonly number[]): boolean[] {
  const hidden = counts.map((c) => c > 0 && c < MIN_CELL);
  const sumHidden = () => counts.reduce((s, c, i) => s + (hidden[i] ? c : 0), 0);
  const nHidden = () => hidden.filter(Boolean).length;
  while (nHidden() > 0 && (sumHidden() < MIN_CELL || nHidden() === 1)) {
    let next = -1;
    for (let i = 0; i < counts.length; i++)
      if (!hidden[i] && counts[i] > 0 && (next < 0 || counts[i] < counts[next])) next = i;
    if (next < 0) break;
    hidden[next] = true;
  }
  return hidden;
}

/** The key of a person in one filter dimension ('' where the fact is not recorded). */
function keyOf(p: PersonFact, dim: Dim, asOf: string): string {
  switch (dim) {
    case 'municipality':
      return p.municipalityId ?? '';
    case 'gender':
      return p.gender;
    case 'nationality':
      return p.nationality ?? '';
    case 'rechtskreis':
      return p.rechtskreis;
    case 'ageGroup':
      return ageGroupOf(p.birthDate, asOf) ?? '';
  }
}

type Counts = Map<string, { numerator: number | null; denominator: number | null }>;

function countsOf(facts: StatisticsFacts, asOf: string, filters: StatisticsFilters): Counts {
  const out: Counts = new Map();
  for (const i of computeIndicators(facts, asOf, filters, { suppress: false }))
    if (!NOT_OF_PERSONS.has(i.id)) out.set(i.id, { numerator: i.numerator, denominator: i.denominator });
  const f = funnelCounts(facts, asOf, filters);
  for (const [id] of FUNNEL_STAGES) out.set(id, { numerator: f[id], denominator: null });
  return out;
}

/** The cells of the population (other filters applied) split by one dimension, keyed by its value. */
function partition(facts: StatisticsFacts, asOf: string, filters: StatisticsFilters, dim: Dim) {
  const rest: StatisticsFilters = { ...filters, [dim]: undefined };
  const groups = new Map<string, PersonFact[]>();
  for (const p of facts.persons)
    if (matches(p, rest, asOf)) {
      const k = keyOf(p, dim, asOf);
      groups.set(k, [...(groups.get(k) ?? []), p]);
    }
  const cells = new Map<string, Counts>();
  for (const [k, persons] of groups) cells.set(k, countsOf({ ...facts, persons }, asOf, rest));
  return cells;
}

/**
 * The ids of numbers that the subtraction check hides: for each filter given, the numbers of the filtered
 * cell are compared with its siblings (same other filters, other values of that dimension), whose sum the
 * reader gets from the call without that filter; a cell hidden by `groupSuppress` in that group is hidden.
 */
export function subtractionHidden(
  facts: StatisticsFacts,
  asOf: string,
  filters: StatisticsFilters,
): Set<string> {
  const hidden = new Set<string>();
  for (const dim of FILTER_DIMS) {
    const value = filters[dim];
    if (value === undefined) continue;
    const cells = partition(facts, asOf, filters, dim);
    // Sorted: which of equal cells is hidden must not depend on the order the facts were loaded in.
    const keys = [...cells.keys()].sort();
    const own = keys.indexOf(value);
    if (own < 0) continue;
    const ids = [...(cells.get(value) as Counts).keys()];
    for (const id of ids)
      for (const part of ['numerator', 'denominator'] as const) {
        const counts = keys.map((k) => cells.get(k)?.get(id)?.[part] ?? 0);
        if (groupSuppress(counts)[own]) hidden.add(id);
      }
  }
  return hidden;
}

/**
 * Funnel cells as shown: with `suppress`, a stage of 1–4 persons, a stage whose difference to the last shown
 * stage is 1–4 persons, and a stage the subtraction check hides are not shown.
 */
export function funnelCells(
  counts: Record<FunnelStageId, number | null>,
  hidden: Set<string>,
  suppress: boolean,
): Cell[] {
  let last: number | null = null;
  return FUNNEL_STAGES.map(([id, label]) => {
    const v = counts[id];
    if (!suppress || v === null) return { id, label, value: v, suppressed: false };
    const small = v > 0 && v < MIN_CELL;
    const diff = last === null ? 0 : Math.abs(last - v);
    if (small || (diff > 0 && diff < MIN_CELL) || hidden.has(id))
      return { id, label, value: null, suppressed: true };
    last = v;
    return { id, label, value: v, suppressed: false };
  });
}

/**
 * The map: open cases and the share in work per municipality, under the other filters. With `suppress` the
 * municipalities are one group (they add up to the county): `groupSuppress` on the caseload and on the
 * persons in work.
 */
export function mapCells(
  facts: StatisticsFacts,
  asOf: string,
  filters: StatisticsFilters,
  municipalityIds: readonly string[],
  suppress: boolean,
): MapCell[] {
  const rest: StatisticsFilters = { ...filters, municipality: undefined };
  const hired = firstHire(facts, asOf);
  const open = new Map<string, number>();
  const working = new Map<string, number>();
  for (const p of facts.persons)
    if (p.municipalityId && matches(p, rest, asOf) && openOn(p, asOf)) {
      open.set(p.municipalityId, (open.get(p.municipalityId) ?? 0) + 1);
      if (hired.has(p.id)) working.set(p.municipalityId, (working.get(p.municipalityId) ?? 0) + 1);
    }
  // Persons without a municipality are a cell of the group too (the county total includes them).
  const all = [...municipalityIds, ''];
  const unplaced = facts.persons.filter(
    (p) => !p.municipalityId && matches(p, rest, asOf) && openOn(p, asOf),
  );
  const caseloads = all.map((m) => (m ? (open.get(m) ?? 0) : unplaced.length));
  const workers = all.map((m) =>
    m ? (working.get(m) ?? 0) : unplaced.filter((p) => hired.has(p.id)).length,
  );
  const hideCases = suppress ? groupSuppress(caseloads) : caseloads.map(() => false);
  const hideWork = suppress ? groupSuppress(workers) : workers.map(() => false);
  return municipalityIds.map((m, i) => {
    const n = caseloads[i];
    if (hideCases[i]) return { municipalityId: m, caseload: null, inWorkShare: null, suppressed: true };
    const share =
      facts.hires === undefined || n === 0 || hideWork[i]
        ? null
        : Math.round((workers[i] / n) * 10000) / 10000;
    return { municipalityId: m, caseload: n, inWorkShare: share, suppressed: false };
  });
}

const LEVEL_GROUP = ['level_unknown_share', 'level_a0_a1_share', 'level_a2_b1_share', 'b2_share'];

/**
 * The indicators as shown: the table's own suppression plus the subtraction check; the German levels add up
 * to the caseload, so one hidden level alone takes the next smallest with it (as in indicators.ts).
 */
export function protectIndicators(indicators: Indicator[], hidden: Set<string>): Indicator[] {
  const all = new Set([...hidden, ...indicators.filter((i) => i.suppressed).map((i) => i.id)]);
  const levels = indicators.filter((i) => LEVEL_GROUP.includes(i.id));
  const shownLevels = levels.filter((i) => !all.has(i.id));
  if (shownLevels.length === levels.length - 1 && shownLevels.length > 0)
    all.add([...shownLevels].sort((a, b) => (a.numerator ?? 0) - (b.numerator ?? 0))[0].id);
  return indicators.map((i) =>
    all.has(i.id) && !i.suppressed
      ? { ...i, value: null, numerator: null, denominator: null, suppressed: true }
      : i,
  );
}

/**
 * One point of the dashboard's trend — the caseload and the share in work on a day — exactly as the full
 * indicator table shows them (computeIndicators, and with `suppress` the table's own small cells plus the
 * subtraction check of protectIndicators), in one pass per filtered dimension instead of the whole table
 * for every value of it: a trend of twelve month ends made the county view the slowest request of the app.
 * An equivalence test holds the two paths together (dashboard.test.ts).
 */
export function trendPoint(
  facts: StatisticsFacts,
  day: string,
  filters: StatisticsFilters,
  suppress: boolean,
): { caseload: number | null; inWorkShare: number | null } {
  const hired = firstHire(facts, day);
  let n = 0;
  let working = 0;
  for (const p of facts.persons)
    if (matches(p, filters, day) && openOn(p, day)) {
      n++;
      if (hired.has(p.id)) working++;
    }
  const unknown = facts.hires === undefined;
  const share = unknown || n === 0 ? null : Math.round((working / n) * 10000) / 10000;
  if (!suppress) return { caseload: n, inWorkShare: share };
  let hideCaseload = n > 0 && n < MIN_CELL;
  let hideWork = unknown || (working > 0 && working < MIN_CELL) || n < MIN_CELL;
  for (const dim of FILTER_DIMS) {
    const value = filters[dim];
    if (value === undefined) continue;
    const rest: StatisticsFilters = { ...filters, [dim]: undefined };
    const open = new Map<string, number>();
    const work = new Map<string, number>();
    for (const p of facts.persons) {
      if (!matches(p, rest, day)) continue;
      const k = keyOf(p, dim, day);
      if (!open.has(k)) {
        open.set(k, 0);
        work.set(k, 0);
      }
      if (openOn(p, day)) {
        open.set(k, (open.get(k) as number) + 1);
        if (hired.has(p.id)) work.set(k, (work.get(k) as number) + 1);
      }
    }
    const keys = [...open.keys()].sort();
    const own = keys.indexOf(value);
    if (own < 0) continue;
    const openHidden = groupSuppress(keys.map((k) => open.get(k) as number))[own];
    if (openHidden) hideCaseload = true;
    if (openHidden || groupSuppress(keys.map((k) => work.get(k) as number))[own]) hideWork = true;
  }
  return { caseload: hideCaseload ? null : n, inWorkShare: hideWork ? null : share };
}
