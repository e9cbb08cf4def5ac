import type { Kysely } from 'kysely';
import type { DB } from '../../../../db/schema';

/** The region's latest allocation runs, newest first (without their instance and result). */
export function recentRuns(db: Kysely<DB>, q: { tenantId: string; limit: number }) {
  return db
    .selectFrom('allocation_run')
    .select([
      'id',
      'version',
      'state',
      'as_of',
      'input_hash',
      'metrics',
      'created_at',
      'created_by',
      'confirmed_at',
    ])
    .where('tenant_id', '=', q.tenantId)
    .orderBy('created_at', 'desc')
    .limit(q.limit)
    .execute();
}

/** The languages of some persons of the region (for the language of their course letters). */
export function personLanguages(db: Kysely<DB>, q: { tenantId: string; personIds: readonly string[] }) {
  return db
    .selectFrom('person')
    .select(['id', 'languages'])
    .where('tenant_id', '=', q.tenantId)
    .where('id', 'in', q.personIds)
    .execute();
}
