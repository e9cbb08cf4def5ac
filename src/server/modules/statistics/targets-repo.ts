import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB, StatisticsTargetTable } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { todayInGermany } from '../../../domain/reference/dates';
import { personScope } from '../persons/scope';
import { updateVersioned } from '../versioned';

export type TargetRow = Selectable<StatisticsTargetTable>;

const COLUMNS = {
  indicatorId: 'indicator_id',
  label: 'label',
  targetValue: 'target_value',
  direction: 'direction',
  deadline: 'deadline',
  baselineOn: 'baseline_on',
} as const;

/** Body fields → columns; only the fields sent (a PATCH changes what it names, nothing else). */
export function toColumns(fields: Partial<Record<keyof typeof COLUMNS, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, col] of Object.entries(COLUMNS))
    if (fields[k as keyof typeof COLUMNS] !== undefined) out[col] = fields[k as keyof typeof COLUMNS];
  return out;
}

export async function listTargets(db: Kysely<DB>, tenantId: string): Promise<TargetRow[]> {
  return db
    .selectFrom('statistics_target')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('deadline')
    .orderBy('label')
    .execute();
}

export async function findTarget(db: Kysely<DB>, tenantId: string, id: string) {
  return db
    .selectFrom('statistics_target')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertTarget(
  db: Kysely<DB>,
  actor: Actor,
  values: Record<string, unknown>,
): Promise<string> {
  const r = await db
    .insertInto('statistics_target')
    .values({ ...values, tenant_id: actor.tenantId, created_by: actor.userId } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export const updateTarget = (
  db: Kysely<DB>,
  tenantId: string,
  id: string,
  version: number,
  set: Record<string, unknown>,
) => updateVersioned(db, 'statistics_target', tenantId, id, version, set);

export async function deleteTarget(db: Kysely<DB>, tenantId: string, id: string, version: number) {
  const r = await db
    .deleteFrom('statistics_target')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function municipalities(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('municipality')
    .select(['id', 'name', 'lat', 'lon'])
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .execute();
}

/** The persons the reader may open — the persons list's own WHERE (persons/scope.ts). */
export async function visiblePersonIds(db: Kysely<DB>, actor: Actor): Promise<Set<string>> {
  const rows = await db
    .selectFrom('person')
    .select('person.id')
    .where('person.tenant_id', '=', actor.tenantId)
    .where(personScope(actor, todayInGermany()))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** One page of the persons behind a number, only those the reader may open, ordered by name. */
export async function drilldownPage(
  db: Kysely<DB>,
  actor: Actor,
  ids: readonly string[],
  page: { limit: number; offset: number },
) {
  if (ids.length === 0) return { total: 0, rows: [] };
  const base = db
    .selectFrom('person')
    .where('person.tenant_id', '=', actor.tenantId)
    // One array parameter, not one parameter per id: a county's caseload passes the 65,535 limit.
    .where(sql<boolean>`person.id = ANY(${[...ids]}::uuid[])`)
    .where(personScope(actor, todayInGermany()));
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .leftJoin('municipality as m', (j) =>
        j.onRef('m.id', '=', 'person.municipality_id').on('m.tenant_id', '=', actor.tenantId),
      )
      .select(['person.id', 'person.given_names', 'person.family_name', 'm.name as municipality'])
      .orderBy('person.family_name')
      .orderBy('person.given_names')
      .orderBy('person.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}
