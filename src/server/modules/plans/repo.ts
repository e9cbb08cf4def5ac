import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';

// The plans module's SQL; it alone writes plan and plan_version.

export function findPlan(db: Kysely<DB>, tenantId: string, personId: string) {
  return db
    .selectFrom('plan')
    .select(['id', 'current_version'])
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export function versions(db: Kysely<DB>, tenantId: string, planId: string) {
  return db
    .selectFrom('plan_version as v')
    .leftJoin('app_user as u', (j) => j.onRef('u.id', '=', 'v.created_by').on('u.tenant_id', '=', tenantId))
    .select([
      'v.version',
      'v.content',
      'v.agreed_on',
      'v.review_on',
      'v.note',
      'v.created_at',
      'u.display_name as created_by',
    ])
    .where('v.tenant_id', '=', tenantId)
    .where('v.plan_id', '=', planId)
    .orderBy('v.version', 'desc')
    .execute();
}
export type VersionRow = Awaited<ReturnType<typeof versions>>[number];

/**
 * Saves a new version if the plan is still at `baseVersion` (one UPDATE … WHERE current_version = base:
 * two editors from the same version cannot both win). Returns the new version, or null on a stale base.
 */
export async function saveVersion(
  db: Kysely<DB>,
  v: {
    tenantId: string;
    personId: string;
    baseVersion: number;
    content: unknown;
    agreedOn: string | null;
    reviewOn: string | null;
    note: string | null;
    createdBy: string;
  },
): Promise<number | null> {
  return db.transaction().execute(async (tx) => {
    await tx
      .insertInto('plan')
      .values({ tenant_id: v.tenantId, person_id: v.personId })
      .onConflict((oc) => oc.columns(['tenant_id', 'person_id']).doNothing())
      .execute();
    const bumped = await tx
      .updateTable('plan')
      .set((eb) => ({ current_version: eb('current_version', '+', 1), updated_at: new Date() }))
      .where('tenant_id', '=', v.tenantId)
      .where('person_id', '=', v.personId)
      .where('current_version', '=', v.baseVersion)
      .returning(['id', 'current_version'])
      .executeTakeFirst();
    if (!bumped) return null;
    await tx
      .insertInto('plan_version')
      .values({
        tenant_id: v.tenantId,
        plan_id: bumped.id,
        version: bumped.current_version,
        content: JSON.stringify(v.content),
        agreed_on: v.agreedOn,
        review_on: v.reviewOn,
        note: v.note,
        created_by: v.createdBy,
      })
      .execute();
    return bumped.current_version;
  });
}
