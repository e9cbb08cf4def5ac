import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';

/** The region's master data read by every screen: agencies, offices, municipalities, staff. */

export function agencies(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('agency')
    .select(['id', 'kind', 'name'])
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .execute();
}

/** The first agency of a kind by name (e.g. the region's Jobcenter), if the region has one. */
export function firstAgencyOfKind(db: Kysely<DB>, q: { tenantId: string; kind: string }) {
  return db
    .selectFrom('agency')
    .select('id')
    .where('tenant_id', '=', q.tenantId)
    .where('kind', '=', q.kind)
    .orderBy('name')
    .executeTakeFirst();
}

export function offices(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('office as o')
    .innerJoin('municipality as m', (j) =>
      j.onRef('m.id', '=', 'o.municipality_id').on('m.tenant_id', '=', tenantId),
    )
    .select(['o.id', 'o.name', 'o.kind', 'm.name as municipality'])
    .where('o.tenant_id', '=', tenantId)
    .execute();
}

export function municipalities(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('municipality')
    .select(['id', 'name', 'ags', 'lat', 'lon'])
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .execute();
}

/** Active accounts of one agency of the region, administrators left out. */
export function activeStaff(db: Kysely<DB>, q: { tenantId: string; agencyId: string }) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('agency as a', 'a.id', 'u.agency_id')
    .select(['u.id', 'u.display_name', 'u.role'])
    .where('a.tenant_id', '=', q.tenantId)
    .where('u.tenant_id', '=', q.tenantId)
    .where('u.agency_id', '=', q.agencyId)
    .where('u.disabled_at', 'is', null)
    .where('u.role', '!=', 'admin')
    .execute();
}
