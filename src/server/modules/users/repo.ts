import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';

/** Every account of the region with its agency's name, by e-mail. */
export function usersOfRegion(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('agency as a', 'a.id', 'u.agency_id')
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.team',
      'a.name as agency',
      'u.disabled_at',
      'u.locked_until',
    ])
    .where('u.tenant_id', '=', tenantId)
    .orderBy('u.email')
    .execute();
}
