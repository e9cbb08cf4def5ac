import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { todayInGermany } from '../../../domain/reference/dates';
import {
  AGE_GROUPS,
  ageGroupOf,
  computeIndicators,
  type Indicator,
  type PersonFact,
  STAT_RECHTSKREISE,
  type StatisticsFacts,
} from '../../../domain/statistics';
import { groupSuppress } from '../../../domain/statistics/dashboard';
import { addMonths, monthEnd, monthOf } from '../../../domain/statistics/forecast';
import { badRequest } from '../../http/errors';
import { regionFacts } from './facts-cache';
import { forecastOf } from './forecast-service';
import { loadReportNames } from './report-repo';
import type { ReportGroupRow, ReportOut } from './report-schema';

const GENDERS: [string, string][] = [
  ['f', 'Frauen'],
  ['m', 'Männer'],
  ['x', 'divers'],
];
const RECHTSKREISE: Record<(typeof STAT_RECHTSKREISE)[number], string> = {
  asylblg: 'Asylbewerberleistungsgesetz',
  sgb2: 'SGB II (Jobcenter)',
  sgb3_only: 'nur SGB III (Agentur für Arbeit)',
};
const UNKNOWN = 'sonstige oder ohne Angabe';

/** The share indicators a group row shows, by their numerator's id. */
const ROW_SHARES = [
  ['inWorkShare', 'in_work_share'],
  ['inCourseShare', 'in_course_share'],
  ['waitingShare', 'waiting_share'],
  ['b2Share', 'b2_share'],
] as const;

type Dim = 'gender' | 'rechtskreis' | 'ageGroup' | 'municipality';
const keyOf = (p: PersonFact, dim: Dim, asOf: string): string =>
  dim === 'gender'
    ? p.gender
    : dim === 'rechtskreis'
      ? p.rechtskreis
      : dim === 'ageGroup'
        ? (ageGroupOf(p.birthDate, asOf) ?? '')
        : (p.municipalityId ?? '');

/**
 * One table of a filter group: a row per value (and one for persons without it). The rows add up to the
 * region, so each column is protected as one group (`groupSuppress`): a cell of 1–4 persons is hidden and,
 * with it, as many of the next smallest as keep the total minus the shown cells from telling a small number.
 */
export function groupTable(
  facts: StatisticsFacts,
  asOf: string,
  dim: Dim,
  values: [string, string][],
): ReportGroupRow[] {
  const persons = new Map<string, PersonFact[]>(values.map(([k]) => [k, []]));
  const others: PersonFact[] = [];
  for (const p of facts.persons) {
    const own = persons.get(keyOf(p, dim, asOf));
    if (own) own.push(p);
    else others.push(p);
  }
  const cells: [string, string, Indicator[]][] = [...values, ['', UNKNOWN] as [string, string]].map(
    ([key, label]) => [
      key,
      label,
      computeIndicators(
        { ...facts, persons: key === '' ? others : (persons.get(key) ?? []) },
        asOf,
        {},
        {
          suppress: false,
        },
      ),
    ],
  );
  const num = (ind: Indicator[], id: string) => ind.find((i) => i.id === id)?.numerator ?? 0;
  const hideCases = groupSuppress(cells.map(([, , ind]) => num(ind, 'caseload')));
  const hideShare = Object.fromEntries(
    ROW_SHARES.map(([, id]) => [id, groupSuppress(cells.map(([, , ind]) => num(ind, id)))]),
  );
  return cells
    .map(([key, label, ind], i): ReportGroupRow & { n: number } => {
      const n = num(ind, 'caseload');
      const share = (id: string) => {
        const x = ind.find((v) => v.id === id);
        return hideCases[i] || hideShare[id][i] || !x ? null : x.value;
      };
      return {
        key,
        label,
        n,
        caseload: hideCases[i] ? null : n,
        inWorkShare: share('in_work_share'),
        inCourseShare: share('in_course_share'),
        waitingShare: share('waiting_share'),
        b2Share: share('b2_share'),
        suppressed: hideCases[i] || ROW_SHARES.some(([, id]) => hideShare[id][i]),
      };
    })
    .filter((r) => r.key !== '' || r.n > 0)
    .map(({ n: _, ...r }) => r);
}

/** The days of a month's report: its last day (today for the running month) and the last day before it. */
export function reportDays(month: string, today = todayInGermany()): { asOf: string; previousAsOf: string } {
  if (month > monthOf(today))
    throw badRequest('Der Bericht kann erst für einen begonnenen Monat erstellt werden.', [
      { path: 'query.month', message: 'Monat liegt in der Zukunft' },
    ]);
  const end = monthEnd(month);
  return { asOf: end < today ? end : today, previousAsOf: monthEnd(addMonths(month, -1)) };
}

/** The monthly report of a region as a reader outside the own agency may see it (small cells hidden). */
export async function monthlyReport(db: Kysely<DB>, tenantId: string, month: string): Promise<ReportOut> {
  const { asOf, previousAsOf } = reportDays(month);
  const [facts, names] = await Promise.all([
    regionFacts(db, tenantId).then((r) => r.facts),
    loadReportNames(db, tenantId),
  ]);
  const opts = { suppress: true };
  const now = computeIndicators(facts, asOf, {}, opts);
  const before = new Map(computeIndicators(facts, previousAsOf, {}, opts).map((i) => [i.id, i]));
  const trend = Array.from({ length: 12 }, (_, k) => {
    const day = k === 11 ? asOf : monthEnd(addMonths(month, k - 11));
    const ind = k === 11 ? now : computeIndicators(facts, day, {}, opts);
    const v = (id: string) => ind.find((i) => i.id === id)?.value ?? null;
    return {
      asOf: day,
      caseload: v('caseload'),
      inWorkShare: v('in_work_share'),
      inCourseShare: v('in_course_share'),
      waitingShare: v('waiting_share'),
    };
  });
  return {
    month,
    asOf,
    previousAsOf,
    region: names.region,
    indicators: now.map((i) => ({
      ...i,
      previous: before.get(i.id)?.value ?? null,
      previousSuppressed: before.get(i.id)?.suppressed ?? false,
    })),
    trend,
    forecast: forecastOf(facts, { from: addMonths(month, 1) }, opts),
    groups: [
      { key: 'gender', label: 'Geschlecht', rows: groupTable(facts, asOf, 'gender', GENDERS) },
      {
        key: 'rechtskreis',
        label: 'Rechtskreis',
        rows: groupTable(
          facts,
          asOf,
          'rechtskreis',
          STAT_RECHTSKREISE.map((r) => [r, RECHTSKREISE[r]]),
        ),
      },
      {
        key: 'ageGroup',
        label: 'Altersgruppe',
        rows: groupTable(
          facts,
          asOf,
          'ageGroup',
          AGE_GROUPS.map((a) => [a, a === '65+' ? '65 Jahre und älter' : `${a.replace('-', ' bis ')} Jahre`]),
        ),
      },
      {
        key: 'municipality',
        label: 'Kommune',
        rows: groupTable(
          facts,
          asOf,
          'municipality',
          names.municipalities.map((m) => [m.id, m.name]),
        ),
      },
    ],
  };
}
