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
  secondFactorPending = false,
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
      second_factor_pending: secondFactorPending,
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
  const now = Date.now();
  const cached = recent.get(idHash);
  const row = cached && now - cached.at < SESSION_CACHE_MS ? cached.row : await fetchSession(db, idHash);
  if (row && row !== cached?.row) remember(idHash, row, now);
  if (!row || row.disabled_at || !isRole(row.role)) return null;
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (new Date(row.expires_at).getTime() <= now || lastSeen + policy.idleMinutes * 60_000 <= now) {
    recent.delete(idHash);
    await db
      .deleteFrom('user_session')
      .where('tenant_id', '=', row.tenant_id)
      .where('id_hash', '=', idHash)
      .execute();
    return null;
  }
  if (now - lastSeen > 60_000) {
    row.last_seen_at = new Date(now);
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
    secondFactorPending: row.second_factor_pending,
    email: row.email,
    displayName: row.display_name,
  };
}

/**
 * Sessions read in the last few seconds, by token hash. A working session sends its requests in bursts
 * (a page loads five to ten resources); without this every one of them paid a round trip for the same
 * row. Revocations in this process (logout, disabling an account, a new password, expiry) drop the
 * entry at once; one made by another server instance on the same database is seen after at most
 * SESSION_CACHE_MS.
 */
export const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;
type SessionRow = NonNullable<Awaited<ReturnType<typeof fetchSession>>>;
const recent = new Map<string, { row: SessionRow; at: number }>();

function remember(idHash: string, row: SessionRow, at: number): void {
  recent.delete(idHash);
  recent.set(idHash, { row, at });
  // Oldest first in a Map's order: drop the oldest beyond the bound.
  if (recent.size > SESSION_CACHE_MAX) recent.delete(recent.keys().next().value as string);
}

/** Forgets cached sessions of a user (disabled, new password) or all of them (tests, a role change). */
export function forgetSessions(userId?: string): void {
  for (const [k, v] of recent) if (userId === undefined || v.row.user_id === userId) recent.delete(k);
}

function fetchSession(db: Kysely<DB>, idHash: string) {
  return db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .innerJoin('agency as a', 'a.id', 'u.agency_id')
    .select([
      's.id_hash',
      's.csrf_token',
      's.expires_at',
      's.last_seen_at',
      's.second_factor_pending',
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
}

export async function endSession(db: Kysely<DB>, sessionHash: string): Promise<void> {
  recent.delete(sessionHash);
  await db
    .deleteFrom('user_session')
    .where('id_hash', '=', sessionHash)
    .modifyEnd(crossTenant('logout by the token hash of the own session'))
    .execute();
}

export async function endAllSessions(db: Kysely<DB>, userId: string): Promise<number> {
  forgetSessions(userId);
  const r = await db
    .deleteFrom('user_session')
    .where('user_id', '=', userId)
    .modifyEnd(crossTenant('every session of a user whose tenant the caller has checked'))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
