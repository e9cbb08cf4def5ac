import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { IP_CORE_AGENCIES } from '../../../domain/access/agencies';
import type { Actor } from '../../../domain/access/person-access';
import { actorMay, ROLE_DEFINITIONS } from '../../../domain/access/roles';
import { computeIndicators, type Indicator, type StatisticsFacts } from '../../../domain/statistics';
import {
  funnelCells,
  funnelCounts,
  mapCells,
  personsBehind,
  protectIndicators,
  subtractionHidden,
  TrendAggregate,
} from '../../../domain/statistics/dashboard';
import { targetProgress, trendDays, unitOf } from '../../../domain/statistics/targets';
import { tileLayout } from '../../../domain/statistics/tile-map';
import { badRequest, conflict, notFound } from '../../http/errors';
import { writeAudit } from '../audit/audit-writer';
import { type Aggregate, type Memo, regionFacts } from './facts-cache';
import type {
  DashboardOut,
  DashboardQuery,
  DrilldownOut,
  DrilldownQuery,
  TargetCreate,
  TargetOut,
  TargetUpdate,
} from './steering-schema';
import * as repo from './targets-repo';

/**
 * Which dashboard a reader gets (docs/statistics.md). An IP agency's reader with a record scope narrower than
 * the region (the advisor: own cases and team) sees that caseload; the coordination, who may open every case of
 * the region, sees the whole Integration Point — in both, the reader could list every person behind a number,
 * so hiding small cells would protect nobody. Everybody else with the dashboard (partner agencies of the
 * steering group) sees the county with small cells hidden and the subtraction check: those numbers reach
 * beyond what the reader may open.
 */
export type DashboardView = 'caseload' | 'ip' | 'county';
export function dashboardView(actor: Actor): DashboardView {
  const scope = ROLE_DEFINITIONS[actor.role].scope;
  if (!IP_CORE_AGENCIES.includes(actor.agencyKind)) return 'county';
  if (scope === 'tenant') return 'ip';
  return scope === 'own' || scope === 'team' || scope === 'agency' ? 'caseload' : 'county';
}

/**
 * The facts the reader's dashboard counts: the own caseload's persons only, or the whole region. `memo`
 * keeps results per version of the region's facts (the next reader of the same numbers gets them without
 * counting); a caseload's results are kept under the set of persons it holds.
 */
async function factsFor(
  db: Kysely<DB>,
  actor: Actor,
  view: DashboardView,
): Promise<{ facts: StatisticsFacts; memo: Memo; aggregate: Aggregate }> {
  const region = await regionFacts(db, actor.tenantId);
  if (view !== 'caseload') return region;
  const visible = await repo.visiblePersonIds(db, actor);
  // The caseload's results are kept under the set of persons it holds (a reader's caseload changes when a
  // case is assigned, which is no change of facts).
  const scope = createHash('sha1')
    .update([...visible].sort().join())
    .digest('base64');
  const memo: Memo = (key, compute) => region.memo(`caseload ${scope}|${key}`, compute);
  return {
    facts: memo('facts', () => ({
      ...region.facts,
      persons: region.facts.persons.filter((p) => visible.has(p.id)),
    })),
    memo,
    // A caseload is no sum over the region's persons: its aggregates live as long as the version.
    aggregate: (key, build) => memo(key, build),
  };
}

function splitQuery(q: DashboardQuery) {
  const { asOf, ...rest } = q;
  const filters = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
  return { asOf, filters };
}

/** The indicators as shown on a day: with `suppress`, small cells and the subtraction check. */
function indicatorsOn(
  facts: StatisticsFacts,
  day: string,
  filters: DashboardQuery,
  suppress: boolean,
): { indicators: Indicator[]; hidden: Set<string> } {
  const indicators = computeIndicators(facts, day, filters, { suppress });
  if (!suppress) return { indicators, hidden: new Set() };
  const hidden = subtractionHidden(facts, day, filters);
  return { indicators: protectIndicators(indicators, hidden), hidden };
}

export const presentTarget = (r: repo.TargetRow): TargetOut => ({
  id: r.id,
  indicatorId: r.indicator_id,
  label: r.label,
  targetValue: r.target_value,
  direction: r.direction,
  deadline: r.deadline,
  baselineOn: r.baseline_on,
  version: r.version,
});

/** The dashboard without its audit row (the export audits itself as an export). */
export async function computeDashboard(
  db: Kysely<DB>,
  actor: Actor,
  q: DashboardQuery,
): Promise<DashboardOut> {
  const view = dashboardView(actor);
  const suppress = view === 'county';
  const { asOf, filters } = splitQuery(q);
  const [{ facts, memo, aggregate }, munis, targets] = await Promise.all([
    factsFor(db, actor, view),
    repo.municipalities(db, actor.tenantId),
    repo.listTargets(db, actor.tenantId),
  ]);
  const filterKey = JSON.stringify(Object.entries(filters).sort());
  const key = (what: string, day: string) => `${what}|${suppress}|${day}|${filterKey}`;
  const on = (day: string) => memo(key('table', day), () => indicatorsOn(facts, day, q, suppress));
  const now = on(asOf);
  const valueAt = (day: string, id: string) => on(day).indicators.find((i) => i.id === id)?.value ?? null;
  const layout = tileLayout(munis);
  const cells = new Map(
    memo(key(`map ${munis.map((m) => m.id).join()}`, asOf), () =>
      mapCells(
        facts,
        asOf,
        q,
        munis.map((m) => m.id),
        suppress,
      ),
    ).map((c) => [c.municipalityId, c]),
  );
  const names = new Map(munis.map((m) => [m.id, m.name]));
  return {
    asOf,
    filters,
    view,
    smallCellsHidden: suppress,
    mayDrillDown: actorMay(actor, 'reports:drilldown'),
    mayManageTargets: actorMay(actor, 'reports:manage'),
    indicators: now.indicators,
    // The trend needs two numbers a day: the light path (equal to the table's, tested) instead of the
    // whole table with its subtraction check for every month end.
    trend: trendDays(asOf, 11).map((d) => {
      if (d === asOf)
        return { on: d, caseload: valueAt(d, 'caseload'), inWorkShare: valueAt(d, 'in_work_share') };
      return {
        on: d,
        ...aggregate(key('trend', d), () => TrendAggregate.build(facts, d, q, suppress)).result(),
      };
    }),
    funnel: funnelCells(
      memo(key('funnel', asOf), () => funnelCounts(facts, asOf, q)),
      now.hidden,
      suppress,
    ),
    map: {
      rows: layout.rows,
      cols: layout.cols,
      tiles: layout.tiles.map((t) => {
        const c = cells.get(t.id);
        return {
          municipalityId: t.id,
          name: names.get(t.id) ?? '',
          row: t.row,
          col: t.col,
          caseload: c?.caseload ?? null,
          inWorkShare: c?.inWorkShare ?? null,
          suppressed: c?.suppressed ?? false,
        };
      }),
    },
    targets: targets.map((t) => {
      const points = trendDays(asOf, 6, t.baseline_on).map((d) => ({
        on: d,
        value: valueAt(d, t.indicator_id),
      }));
      return {
        ...presentTarget(t),
        unit: unitOf(t.indicator_id),
        ...targetProgress({
          target: t.target_value,
          direction: t.direction,
          deadline: t.deadline,
          asOf,
          points,
        }),
        points,
      };
    }),
  };
}

export async function dashboard(
  db: Kysely<DB>,
  actor: Actor,
  q: DashboardQuery,
  requestId?: string,
): Promise<DashboardOut> {
  const out = await computeDashboard(db, actor, q);
  await writeAudit(
    db,
    actor,
    {
      action: 'statistics',
      entity: 'statistics',
      details: { view: out.view, asOf: out.asOf, filters: out.filters },
    },
    requestId,
  );
  return out;
}

/**
 * The persons behind a number, for readers who may open persons: only those the reader may open are listed
 * (the persons list's WHERE), one page, audited once like a person search.
 */
export async function drilldown(
  db: Kysely<DB>,
  actor: Actor,
  q: DrilldownQuery,
  requestId?: string,
): Promise<DrilldownOut> {
  const { indicator, limit, offset, ...statsQuery } = q;
  const view = dashboardView(actor);
  const { facts } = await factsFor(db, actor, view);
  const ids = personsBehind(facts, statsQuery.asOf, statsQuery, indicator) ?? [];
  const { total, rows } = await repo.drilldownPage(db, actor, ids, { limit, offset });
  const { asOf, filters } = splitQuery(statsQuery);
  await writeAudit(
    db,
    actor,
    {
      action: 'search',
      entity: 'person',
      details: { drilldown: indicator, asOf, filters, offset, results: rows.length, total },
    },
    requestId,
  );
  const intake = new Map(facts.persons.map((p) => [p.id, p.intakeOn]));
  return {
    indicator,
    asOf,
    total,
    items: rows.map((r) => ({
      id: r.id,
      name: [r.family_name, r.given_names].filter(Boolean).join(', '),
      municipality: r.municipality ?? null,
      intakeOn: intake.get(r.id) ?? '',
    })),
  };
}

// Targets: read by everybody with the dashboard, kept by the coordination (reports:manage).

export async function listTargets(db: Kysely<DB>, actor: Actor): Promise<TargetOut[]> {
  return (await repo.listTargets(db, actor.tenantId)).map(presentTarget);
}

function checkTarget(t: {
  indicatorId: string;
  targetValue: number;
  deadline: string;
  baselineOn: string | null;
}): void {
  if (unitOf(t.indicatorId) === 'share' && t.targetValue > 1)
    throw badRequest('Ein Anteil liegt zwischen 0 und 1 (0 % bis 100 %).', [
      { path: 'targetValue', message: 'Ein Anteil liegt zwischen 0 und 1 (0 % bis 100 %)' },
    ]);
  if (t.baselineOn && t.baselineOn >= t.deadline)
    throw badRequest('Der Ausgangstag liegt nicht vor der Frist.', [
      { path: 'baselineOn', message: 'Der Ausgangstag muss vor der Frist liegen' },
    ]);
}

export async function createTarget(
  db: Kysely<DB>,
  actor: Actor,
  body: TargetCreate,
  requestId?: string,
): Promise<TargetOut> {
  checkTarget({ ...body, baselineOn: body.baselineOn ?? null });
  const id = await db.transaction().execute(async (tx) => {
    const newId = await repo.insertTarget(tx, actor, {
      ...repo.toColumns(body),
      direction: body.direction ?? 'at_least',
    });
    await writeAudit(
      tx,
      actor,
      {
        action: 'create',
        entity: 'statistics_target',
        entityId: newId,
        details: { indicator: body.indicatorId },
      },
      requestId,
    );
    return newId;
  });
  return presentTarget((await repo.findTarget(db, actor.tenantId, id)) as repo.TargetRow);
}

export async function changeTarget(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  body: TargetUpdate,
  requestId?: string,
): Promise<TargetOut> {
  const cur = await repo.findTarget(db, actor.tenantId, id);
  if (!cur) throw notFound('Ziel');
  const { version, ...fields } = body;
  checkTarget({
    indicatorId: fields.indicatorId ?? cur.indicator_id,
    targetValue: fields.targetValue ?? cur.target_value,
    deadline: fields.deadline ?? cur.deadline,
    baselineOn: fields.baselineOn !== undefined ? fields.baselineOn : cur.baseline_on,
  });
  const updated = await db.transaction().execute(async (tx) => {
    const ok = await repo.updateTarget(tx, actor.tenantId, id, version, repo.toColumns(fields));
    if (ok)
      await writeAudit(
        tx,
        actor,
        {
          action: 'update',
          entity: 'statistics_target',
          entityId: id,
          details: { fields: Object.keys(fields) },
        },
        requestId,
      );
    return ok;
  });
  if (!updated)
    throw conflict(
      'Das Ziel wurde inzwischen von jemand anderem geändert. Bitte neu laden.',
      presentTarget(cur),
    );
  return presentTarget((await repo.findTarget(db, actor.tenantId, id)) as repo.TargetRow);
}

export async function removeTarget(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  version: number,
  requestId?: string,
): Promise<void> {
  const cur = await repo.findTarget(db, actor.tenantId, id);
  if (!cur) throw notFound('Ziel');
  const removed = await db.transaction().execute(async (tx) => {
    const ok = await repo.deleteTarget(tx, actor.tenantId, id, version);
    if (ok)
      await writeAudit(
        tx,
        actor,
        { action: 'delete', entity: 'statistics_target', entityId: id, details: { label: cur.label } },
        requestId,
      );
    return ok;
  });
  if (!removed)
    throw conflict(
      'Das Ziel wurde inzwischen von jemand anderem geändert. Bitte neu laden.',
      presentTarget(cur),
    );
}
