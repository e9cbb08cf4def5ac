import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { comparePlans, type PlanContent, REVIEW_MONTHS } from '../../../domain/plan/plan';
import { planLanguageFor, renderPlanDocument } from '../../../domain/plan/print';
import { addDays, todayInGermany } from '../../../domain/reference/dates';
import { addMonths, formatDay, parseDay } from '../../../domain/rules/dates';
import { conflict, notFound } from '../../http/errors';
import { printFontCss } from '../../print/fonts';
import { clientLanguage } from '../appointments/presenter';
import { authorizePerson } from '../persons/service';
import { type GeneratedTask, replaceSourceTasks } from '../tasks/service';
import * as repo from './repo';
import type { PlanOut } from './schema';

const iso = (d: Date | string) => new Date(d).toISOString();

function present(rows: repo.VersionRow[], n?: number): PlanOut {
  const cur = n === undefined ? rows[0] : rows.find((r) => r.version === n);
  if (!cur) throw notFound('Fassung des Kooperationsplans');
  return {
    version: cur.version,
    agreedOn: cur.agreed_on,
    reviewOn: cur.review_on,
    note: cur.note,
    content: cur.content as PlanContent,
    createdAt: iso(cur.created_at),
    createdBy: cur.created_by,
    versions: rows.map((r) => ({
      version: r.version,
      createdAt: iso(r.created_at),
      createdBy: r.created_by,
      agreedOn: r.agreed_on,
    })),
  };
}

async function load(db: Kysely<DB>, tenantId: string, personId: string) {
  const plan = await repo.findPlan(db, tenantId, personId);
  return plan ? repo.versions(db, tenantId, plan.id) : [];
}

/** The current plan with its list of versions; null when none was written yet. */
export async function getPlan(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  requestId?: string,
): Promise<PlanOut | null> {
  await authorizePerson(db, actor, personId, { action: 'read_plan', requestId });
  const rows = await load(db, actor.tenantId, personId);
  return rows.length === 0 ? null : present(rows);
}

export async function planVersion(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  version: number,
  requestId?: string,
) {
  await authorizePerson(db, actor, personId, { action: 'read_plan', requestId });
  return present(await load(db, actor.tenantId, personId), version);
}

export async function comparePlanVersions(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  from: number,
  to: number,
  requestId?: string,
) {
  await authorizePerson(db, actor, personId, { action: 'read_plan', requestId });
  const rows = await load(db, actor.tenantId, personId);
  const a = present(rows, from);
  const b = present(rows, to);
  return { from, to, changes: comparePlans(a.content, b.content) };
}

/**
 * Saves the plan as a new version (409 when someone saved since the editor's base version), and keeps the
 * plan's tasks in the advisor's inbox: the review day, and every open step the advisor owns.
 */
export async function savePlan(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  body: PlanContent & {
    baseVersion: number;
    agreedOn?: string | null;
    reviewOn?: string | null;
    note?: string | null;
  },
  requestId?: string,
): Promise<PlanOut> {
  const { row } = await authorizePerson(db, actor, personId, { action: 'update_plan', requestId });
  const from = body.agreedOn ?? todayInGermany();
  const reviewOn =
    body.reviewOn === undefined ? formatDay(addMonths(parseDay(from), REVIEW_MONTHS)) : body.reviewOn;
  const version = await repo.saveVersion(db, {
    tenantId: actor.tenantId,
    personId,
    baseVersion: body.baseVersion,
    content: { goals: body.goals },
    agreedOn: body.agreedOn ?? null,
    reviewOn,
    note: body.note ?? null,
    createdBy: actor.userId,
  });
  const rows = await load(db, actor.tenantId, personId);
  if (version === null) {
    throw conflict(
      'Der Kooperationsplan wurde inzwischen von jemand anderem gespeichert. Bitte den aktuellen Stand laden.',
      rows.length > 0 ? present(rows) : null,
    );
  }
  const owner = {
    userId: row.owner_user_id ?? actor.userId,
    agencyId: row.owner_agency_id ?? actor.agencyId,
  };
  const wanted: GeneratedTask[] = [];
  const doneKeys = new Set<string>();
  if (reviewOn)
    wanted.push({
      personId,
      kind: 'plan_review',
      source: 'plan',
      sourceKey: 'plan_review',
      dueOn: reviewOn,
      eventOn: null,
      legalBasis: '§ 15 Abs. 3 SGB II',
      remindOn: addDays(reviewOn, -7),
      ...owner,
    });
  for (const g of body.goals)
    for (const s of g.steps) {
      if (s.owner !== 'advisor') continue;
      if (s.status === 'open')
        wanted.push({
          personId,
          kind: 'plan_step',
          source: 'plan',
          sourceKey: `plan_step:${s.id}`,
          title: s.text,
          dueOn: s.dueOn,
          eventOn: null,
          legalBasis: null,
          remindOn: addDays(s.dueOn, -3),
          ...owner,
        });
      else if (s.status === 'done') doneKeys.add(`plan_step:${s.id}`);
    }
  await replaceSourceTasks(db, actor.tenantId, personId, 'plan', wanted, doneKeys);
  return present(rows);
}

/** The printable plan: German and the person's language (or the one asked for). Audited as a print. */
export async function printPlan(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  q: { lang?: string; version?: number },
  requestId?: string,
): Promise<string> {
  const { row } = await authorizePerson(db, actor, personId, {
    action: 'print_plan',
    requestId,
    details: { lang: q.lang ?? null },
  });
  const rows = await load(db, actor.tenantId, personId);
  if (rows.length === 0) throw notFound('Kooperationsplan');
  const plan = present(rows, q.version);
  const ids = plan.content.goals.flatMap((g) => g.steps.flatMap((s) => (s.measureId ? [s.measureId] : [])));
  const measures =
    ids.length === 0
      ? []
      : await db
          .selectFrom('measure')
          .select(['id', 'title'])
          .where('tenant_id', '=', actor.tenantId)
          .where('id', 'in', ids)
          .execute();
  const [agency, advisor] = await Promise.all([
    row.owner_agency_id
      ? db
          .selectFrom('agency')
          .select('name')
          .where('tenant_id', '=', actor.tenantId)
          .where('id', '=', row.owner_agency_id)
          .executeTakeFirst()
      : undefined,
    row.owner_user_id
      ? db
          .selectFrom('app_user')
          .select('display_name')
          .where('tenant_id', '=', actor.tenantId)
          .where('id', '=', row.owner_user_id)
          .executeTakeFirst()
      : undefined,
  ]);
  const lang =
    q.lang ??
    planLanguageFor(clientLanguage(row.languages as { code: string; level: string }[] | null)) ??
    'de';
  return renderPlanDocument(
    {
      version: plan.version,
      agreedOn: plan.agreedOn,
      reviewOn: plan.reviewOn,
      person: `${row.given_names} ${row.family_name}`,
      agency: agency?.name ?? '',
      advisor: advisor?.display_name ?? null,
      content: plan.content,
      measures: Object.fromEntries(measures.map((m) => [m.id, m.title])),
    },
    lang,
    printFontCss(),
  );
}
