import { addDays } from '../reference/dates';
import { CEFR_LEVELS } from '../reference/languages';
import {
  ageGroupOf,
  computeIndicators,
  type Indicator,
  MIN_CELL,
  matches,
  openOn,
  type PersonFact,
  type StatisticsFacts,
  type StatisticsFilters,
} from './indicators';
import {
  alignedTimelines,
  firstCourseOn,
  firstHireOn,
  hiredBetween,
  inCourseOnDay,
  inSpellOn,
  oldestOpenPermit,
  rankOn,
  subsetFacts,
  type Timeline,
  timelineOf,
  timelinesOf,
} from './timelines';

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

const rank = (l: string) => CEFR_LEVELS.indexOf(l as never);
const FILTER_DIMS = ['municipality', 'gender', 'nationality', 'rechtskreis', 'ageGroup'] as const;
type Dim = (typeof FILTER_DIMS)[number];
/** Indicators whose numerator is no set of the filtered persons (region-wide supply): no subtraction check. */
const NOT_OF_PERSONS = new Set(['course_seat_use']);

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
  const test = behindTest(facts, asOf, id);
  if (test === null) return null;
  const lines = alignedTimelines(facts);
  const out: string[] = [];
  facts.persons.forEach((p, i) => {
    if (matches(p, filters, asOf) && test(p, lines[i], openOn(p, asOf))) out.push(p.id);
  });
  return out;
}

type BehindTest = (p: PersonFact, t: Timeline, open: boolean) => boolean;

/** Whether a person of the population counts in a number (null: the number counts no persons). */
function behindTest(facts: StatisticsFacts, asOf: string, id: string): BehindTest | null {
  const since = addDays(asOf, -90);
  const noHires = facts.hires === undefined;
  switch (id) {
    case 'caseload':
    case 'funnel_intake':
      return (_p, _t, open) => open;
    case 'new_intakes_90d':
      return (p) => p.intakeOn > since && p.intakeOn <= asOf;
    case 'exits_90d':
      return (p) => p.closedOn !== null && p.closedOn > since && p.closedOn <= asOf;
    case 'in_work_share':
    case 'funnel_work':
      return noHires ? null : (_p, t, open) => open && firstHireOn(t, asOf) !== null;
    case 'hires_90d':
      return noHires ? null : (_p, t) => hiredBetween(t, since, asOf);
    case 'days_to_job_median':
    case 'days_to_job_p25':
    case 'days_to_job_p75':
      // Without hire facts: nobody (an empty list, as the number shows "not known").
      return (p, t) => {
        const h = firstHireOn(t, asOf);
        return h !== null && h >= p.intakeOn;
      };
    case 'days_intake_to_first_offer_median':
    case 'days_intake_to_first_offer_p25':
    case 'days_intake_to_first_offer_p75':
      return noHires
        ? null
        : (p, t) => t.firstOffer !== null && t.firstOffer <= asOf && t.firstOffer >= p.intakeOn;
    case 'in_training_share':
      return noHires ? null : (_p, t, open) => open && t.trainingFrom !== null && t.trainingFrom <= asOf;
    case 'open_permit_requests':
      return noHires ? null : (_p, t, open) => open && oldestOpenPermit(t, asOf) !== null;
    case 'in_measure_share':
      return facts.measures === undefined ? null : (_p, t, open) => open && inSpellOn(t.measures, asOf);
    case 'in_course_share':
      return (_p, t, open) => open && inCourseOnDay(t, asOf);
    case 'waiting_share':
      return (_p, t, open) => open && !inCourseOnDay(t, asOf) && t.waitFrom !== null && t.waitFrom <= asOf;
    case 'level_unknown_share':
      return (_p, t, open) => open && rankOn(t, asOf) < 0;
    case 'level_a0_a1_share':
      return (_p, t, open) => open && rankOn(t, asOf) >= 0 && rankOn(t, asOf) <= rank('A1');
    case 'level_a2_b1_share':
      return (_p, t, open) => open && rankOn(t, asOf) >= rank('A2') && rankOn(t, asOf) <= rank('B1');
    case 'b2_share':
      return (_p, t, open) => open && rankOn(t, asOf) >= rank('B2');
    case 'funnel_b1':
      return (_p, t, open) => open && rankOn(t, asOf) >= rank('B1');
    case 'funnel_course':
      return (_p, t, open) => open && firstCourseOn(t, asOf) !== null;
    case 'days_intake_to_first_course_median':
    case 'days_intake_to_first_course_p25':
    case 'days_intake_to_first_course_p75':
      return (p, t) => {
        const f = firstCourseOn(t, asOf);
        return f !== null && f >= p.intakeOn;
      };
    default:
      return null;
  }
}

/** The funnel's stage counts among the open cases (each stage counted on its own, not nested). */
export function funnelCounts(facts: StatisticsFacts, asOf: string, filters: StatisticsFilters) {
  const tests = FUNNEL_STAGES.map(([id]) => behindTest(facts, asOf, id));
  const counts: (number | null)[] = tests.map((t) => (t === null ? null : 0));
  const lines = alignedTimelines(facts);
  for (let i = 0; i < facts.persons.length; i++) {
    const p = facts.persons[i];
    if (!matches(p, filters, asOf)) continue;
    const open = openOn(p, asOf);
    if (!open) continue; // every stage counts open cases only
    const t = lines[i];
    tests.forEach((test, i) => {
      if (test?.(p, t, open)) counts[i] = (counts[i] as number) + 1;
    });
  }
  const out = {} as Record<FunnelStageId, number | null>;
  FUNNEL_STAGES.forEach(([id], i) => {
    out[id] = counts[i];
  });
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
  const lines = alignedTimelines(facts);
  const groups = new Map<string, { persons: PersonFact[]; lines: Timeline[] }>();
  facts.persons.forEach((p, i) => {
    if (!matches(p, rest, asOf)) return;
    const k = keyOf(p, dim, asOf);
    let g = groups.get(k);
    if (!g) {
      g = { persons: [], lines: [] };
      groups.set(k, g);
    }
    g.persons.push(p);
    g.lines.push(lines[i]);
  });
  const cells = new Map<string, Counts>();
  for (const [k, g] of groups) cells.set(k, countsOf(subsetFacts(facts, g.persons, g.lines), asOf, rest));
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
  const lines = timelinesOf(facts);
  const hired = { has: (id: string) => firstHireOn(timelineOf(lines, id), asOf) !== null };
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
 * subtraction check of protectIndicators), in one pass instead of the whole table for every value of each
 * filtered dimension. An equivalence test holds the two paths together (dashboard.test.ts).
 *
 * Kept as an aggregate of per-person contributions: a person failing no filter counts in the cell shown and
 * in the own cell of every dimension's group; failing exactly one dimension's filter, in a sibling cell of
 * that dimension's group (the group is what the reader sees without that filter); failing two or more,
 * nowhere. Contributions add up, so the facts cache takes a changed person's old contribution out and puts
 * the new one in (`apply(…, -1)` / `apply(…, +1)`) instead of counting the county again.
 */
export class TrendAggregate {
  private n = 0;
  private working = 0;
  private readonly dims: Dim[];
  private readonly groups: Map<string, [number, number]>[];

  constructor(
    private readonly day: string,
    private readonly filters: StatisticsFilters,
    private readonly suppress: boolean,
    private readonly hiresKnown: boolean,
  ) {
    this.dims = FILTER_DIMS.filter((d) => filters[d] !== undefined);
    this.groups = this.dims.map(() => new Map());
  }

  static build(
    facts: StatisticsFacts,
    day: string,
    filters: StatisticsFilters,
    suppress: boolean,
  ): TrendAggregate {
    const agg = new TrendAggregate(day, filters, suppress, facts.hires !== undefined);
    const lines = alignedTimelines(facts);
    const persons = facts.persons;
    for (let i = 0; i < persons.length; i++) agg.apply(persons[i], lines[i], 1);
    return agg;
  }

  apply(p: PersonFact, t: Timeline, sign: 1 | -1): void {
    const { dims, day, filters } = this;
    if (!openOn(p, day)) return; // only open cases are counted (a key without them changes nothing)
    let failed = -1;
    let fails = 0;
    for (let k = 0; k < dims.length && fails < 2; k++)
      if (keyOf(p, dims[k], day) !== filters[dims[k]]) {
        failed = k;
        fails++;
      }
    if (fails >= 2) return;
    const hired = firstHireOn(t, day) !== null;
    if (fails === 0) {
      this.n += sign;
      if (hired) this.working += sign;
    }
    if (!this.suppress) return;
    for (let k = 0; k < dims.length; k++) {
      if (fails === 1 && k !== failed) continue;
      const key = fails === 0 ? (filters[dims[k]] as string) : keyOf(p, dims[k], day);
      let cell = this.groups[k].get(key);
      if (!cell) {
        cell = [0, 0];
        this.groups[k].set(key, cell);
      }
      cell[0] += sign;
      if (hired) cell[1] += sign;
    }
  }

  result(): { caseload: number | null; inWorkShare: number | null } {
    const { n, working } = this;
    const unknown = !this.hiresKnown;
    const share = unknown || n === 0 ? null : Math.round((working / n) * 10000) / 10000;
    if (!this.suppress) return { caseload: n, inWorkShare: share };
    let hideCaseload = n > 0 && n < MIN_CELL;
    let hideWork = unknown || (working > 0 && working < MIN_CELL) || n < MIN_CELL;
    this.dims.forEach((dim, k) => {
      // Cells without open cases change nothing in groupSuppress; sorted keys make ties independent of
      // the order the persons were loaded or changed in.
      const keys = [...this.groups[k].keys()]
        .filter((key) => (this.groups[k].get(key) as number[])[0] > 0)
        .sort();
      const own = keys.indexOf(this.filters[dim] as string);
      if (own < 0) return;
      const cells = keys.map((key) => this.groups[k].get(key) as [number, number]);
      const openHidden = groupSuppress(cells.map((c) => c[0]))[own];
      if (openHidden) hideCaseload = true;
      if (openHidden || groupSuppress(cells.map((c) => c[1]))[own]) hideWork = true;
    });
    return { caseload: hideCaseload ? null : n, inWorkShare: hideWork ? null : share };
  }
}

export function trendPoint(
  facts: StatisticsFacts,
  day: string,
  filters: StatisticsFilters,
  suppress: boolean,
): { caseload: number | null; inWorkShare: number | null } {
  return TrendAggregate.build(facts, day, filters, suppress).result();
}
