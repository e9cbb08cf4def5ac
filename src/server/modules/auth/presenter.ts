import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { permissionsOf, type Role } from '../../../domain/access/roles';
import { notFound } from '../../http/errors';
import type { UserOut } from './schema';

/** The whitelisted view of a staff account: never the hash, counters or lock state. */
export async function presentUser(db: Kysely<DB>, userId: string, tenantId: string): Promise<UserOut> {
  const u = await db
    .selectFrom('app_user as u')
    .innerJoin('agency as a', 'a.id', 'u.agency_id')
    .innerJoin('tenant as t', 't.id', 'u.tenant_id')
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.team',
      'u.language',
      'a.id as agency_id',
      'a.kind as agency_kind',
      'a.name as agency_name',
      't.id as tenant_id',
      't.name as tenant_name',
    ])
    .where('u.tenant_id', '=', tenantId)
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!u) throw notFound('Benutzer');
  const role = u.role as Role;
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    role,
    team: u.team,
    agency: { id: u.agency_id, kind: u.agency_kind, name: u.agency_name },
    tenant: { id: u.tenant_id, name: u.tenant_name },
    permissions: permissionsOf(role, u.agency_kind),
    language: u.language,
  };
}
