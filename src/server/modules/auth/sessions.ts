import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { crossTenant } from '../../../db/tenant-guard';
import type { AgencyKind } from '../../../domain/access/agencies';
import { isRole } from '../../../domain/access/roles';
import type { AuthContext } from '../../context';

export const SESSION_COOKIE = 'lotse_session';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

/**
 * Creates a server-side session for a user however they were authenticated (password today,
 * OpenID Connect later): the identity provider only has to end in this call.
 */
export async function createSession(
  db: Kysely<DB>,
  user: { id: string; tenant_id: string },
  policy: SessionPolicy,
  meta: { ip?: string; userAgent?: string },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + policy.maxHours * 3600_000);
  await db
    .insertInto('user_session')
    .values({
      id_hash: sha256(token),
      tenant_id: user.tenant_id,
      user_id: user.id,
      csrf_token: csrfToken,
      expires_at: expiresAt,
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** Looks a session up, enforcing absolute and idle expiry; touches last_seen at most once a minute. */
export async function loadSession(
  db: Kysely<DB>,
  token: string,
  policy: SessionPolicy,
): Promise<AuthContext | null> {
  const idHash = sha256(token);
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .innerJoin('agency as a', 'a.id', 'u.agency_id')
    .select([
      's.id_hash',
      's.csrf_token',
      's.expires_at',
      's.last_seen_at',
      'u.id as user_id',
      'u.tenant_id',
      'u.agency_id',
      'u.role',
      'u.team',
      'u.email',
      'u.display_name',
      'u.disabled_at',
      'a.kind as agency_kind',
    ])
    .where('s.id_hash', '=', idHash)
    .modifyEnd(crossTenant('the session is found by its token before its tenant is known'))
    .executeTakeFirst();
  if (!row || row.disabled_at || !isRole(row.role)) return null;
  const now = Date.now();
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (new Date(row.expires_at).getTime() <= now || lastSeen + policy.idleMinutes * 60_000 <= now) {
    await db
      .deleteFrom('user_session')
      .where('tenant_id', '=', row.tenant_id)
      .where('id_hash', '=', idHash)
      .execute();
    return null;
  }
  if (now - lastSeen > 60_000) {
    await db
      .updateTable('user_session')
      .set({ last_seen_at: new Date(now) })
      .where('tenant_id', '=', row.tenant_id)
      .where('id_hash', '=', idHash)
      .execute();
  }
  return {
    actor: {
      userId: row.user_id,
      tenantId: row.tenant_id,
      agencyId: row.agency_id,
      agencyKind: row.agency_kind as AgencyKind,
      role: row.role,
      team: row.team,
    },
    sessionHash: row.id_hash,
    csrfToken: row.csrf_token,
    email: row.email,
    displayName: row.display_name,
  };
}

export async function endSession(db: Kysely<DB>, sessionHash: string): Promise<void> {
  await db
    .deleteFrom('user_session')
    .where('id_hash', '=', sessionHash)
    .modifyEnd(crossTenant('logout by the token hash of the own session'))
    .execute();
}

export async function endAllSessions(db: Kysely<DB>, userId: string): Promise<number> {
  const r = await db
    .deleteFrom('user_session')
    .where('user_id', '=', userId)
    .modifyEnd(crossTenant('every session of a user whose tenant the caller has checked'))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
