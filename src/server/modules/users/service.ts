import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { crossTenant } from '../../../db/tenant-guard';
import type { Role } from '../../../domain/access/roles';
import { badRequest, conflict, notFound } from '../../http/errors';
import { checkPasswordPolicy, hashPassword } from '../auth/passwords';
import { endAllSessions } from '../auth/sessions';
import { clearThrottle } from '../auth/throttle';
import { usersOfRegion } from './repo';

export interface NewUser {
  tenantId: string;
  agencyId: string;
  email: string;
  displayName: string;
  role: Role;
  team?: string | null;
  password: string;
}

/** Shared by the admin API and the `lotse user` CLI. */
export async function createUser(db: Kysely<DB>, u: NewUser): Promise<{ id: string }> {
  const policy = checkPasswordPolicy(u.password, { email: u.email });
  if (policy) throw badRequest(policy, [{ path: 'password', message: policy }]);
  const agency = await db
    .selectFrom('agency')
    .select('id')
    .where('id', '=', u.agencyId)
    .where('tenant_id', '=', u.tenantId)
    .executeTakeFirst();
  if (!agency)
    throw badRequest('Unbekannte Stelle', [
      { path: 'agencyId', message: 'Stelle gehört nicht zu dieser Region' },
    ]);
  const exists = await db
    .selectFrom('app_user')
    .select('id')
    .where(({ fn }) => fn('lower', ['email']), '=', u.email.toLowerCase())
    // E-mail addresses are the login and unique across all regions.
    .modifyEnd(crossTenant('e-mail uniqueness across regions'))
    .executeTakeFirst();
  if (exists) throw conflict('Diese E-Mail-Adresse ist schon vergeben.');
  return db
    .insertInto('app_user')
    .values({
      tenant_id: u.tenantId,
      agency_id: u.agencyId,
      email: u.email.toLowerCase(),
      display_name: u.displayName,
      role: u.role,
      team: u.team ?? null,
      password_hash: await hashPassword(u.password),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function disableUser(db: Kysely<DB>, tenantId: string | null, userId: string): Promise<void> {
  let q = db
    .updateTable('app_user')
    .set({ disabled_at: new Date(), updated_at: new Date() })
    .where('id', '=', userId);
  if (tenantId) q = q.where('tenant_id', '=', tenantId);
  const r = await q.executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw notFound('Benutzer');
  await endAllSessions(db, userId);
}

export async function resetPassword(
  db: Kysely<DB>,
  tenantId: string | null,
  userId: string,
  password: string,
): Promise<void> {
  let found = db.selectFrom('app_user').select('email').where('id', '=', userId);
  if (tenantId) found = found.where('tenant_id', '=', tenantId);
  const user = await found.executeTakeFirst();
  if (!user) throw notFound('Benutzer');
  const policy = checkPasswordPolicy(password, { email: user.email });
  if (policy) throw badRequest(policy, [{ path: 'password', message: policy }]);
  let q = db
    .updateTable('app_user')
    .set({
      password_hash: await hashPassword(password),
      failed_logins: 0,
      locked_until: null,
      updated_at: new Date(),
    })
    .where('id', '=', userId);
  if (tenantId) q = q.where('tenant_id', '=', tenantId);
  const r = await q.executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw notFound('Benutzer');
  // A reset ends every session (whoever knew the old password is logged out) and lifts every lock.
  await endAllSessions(db, userId);
  await clearThrottle(db, user.email);
}

/** An account as the administration's list shows it. */
export interface UserListItem {
  id: string;
  email: string;
  displayName: string;
  role: string;
  team: string | null;
  agency: string;
  disabled: boolean;
  /** locked for now after too many failed logins */
  locked: boolean;
}

/** The accounts of the region for the administration, by e-mail. */
export async function listUsers(db: Kysely<DB>, tenantId: string): Promise<UserListItem[]> {
  const rows = await usersOfRegion(db, tenantId);
  const now = Date.now();
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    role: u.role,
    team: u.team,
    agency: u.agency,
    disabled: u.disabled_at !== null,
    locked: u.locked_until !== null && new Date(u.locked_until).getTime() > now,
  }));
}
