import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { crossTenant } from '../../../db/tenant-guard';
import { HttpError } from '../../http/errors';
import { writeAudit } from '../audit/audit-writer';
import { dummyHash, verifyPassword } from './passwords';
import { createSession, type SessionPolicy } from './sessions';
import {
  accountKey,
  clientKey,
  LOCKOUT_MINUTES,
  loginSucceeded,
  MAX_FAILED_LOGINS,
  passGate,
  pruneThrottle,
} from './throttle';

export { LOCKOUT_MINUTES, MAX_FAILED_LOGINS };

/**
 * One answer for an unknown e-mail, a wrong password, a disabled and a locked account: same status,
 * same words. Anything else would tell a stranger which e-mail addresses have an account.
 */
export const LOGIN_REFUSED_MESSAGE = `E-Mail-Adresse oder Passwort ist falsch. Nach ${MAX_FAILED_LOGINS} Fehlversuchen ist die Anmeldung für ${LOCKOUT_MINUTES} Minuten gesperrt.`;
export const loginRefused = () => new HttpError(401, 'invalid_credentials', LOGIN_REFUSED_MESSAGE);

export type AppUserRow = Awaited<ReturnType<typeof findLoginUser>>;

function findLoginUser(db: Kysely<DB>, email: string) {
  return (
    db
      .selectFrom('app_user')
      .selectAll()
      .where(({ fn }) => fn('lower', ['email']), '=', email.trim().toLowerCase())
      // E-mail addresses are unique across regions: the login finds the user, the user brings the tenant.
      .modifyEnd(crossTenant('login by e-mail before the tenant is known'))
      .executeTakeFirst()
  );
}

export interface LoginMeta {
  ip?: string;
  userAgent?: string;
  requestId?: string;
}

/**
 * Checks e-mail and password without opening a session. Every path costs one argon2 verification
 * (against a dummy hash when there is nothing real to check), so the answer time does not tell an
 * unknown from a wrong from a locked account either. The attempt is counted before the check.
 */
export async function checkPasswordLogin(
  db: Kysely<DB>,
  input: { email: string; password: string },
  meta: LoginMeta,
): Promise<NonNullable<AppUserRow>> {
  const account = accountKey(input.email);
  const client = clientKey(meta.ip);
  if (Math.random() < 0.01) await pruneThrottle(db);
  const user = await findLoginUser(db, input.email);
  const gate = await passGate(db, account, client);
  const checkable = gate.open && user?.password_hash && !user.disabled_at;
  const ok = await verifyPassword(
    checkable ? (user.password_hash as string) : await dummyHash(),
    input.password,
  );
  if (checkable && ok) {
    await loginSucceeded(db, account, client);
    return user;
  }
  if (user) {
    if (gate.accountLocked)
      await db
        .updateTable('app_user')
        .set({ locked_until: new Date(Date.now() + LOCKOUT_MINUTES * 60_000) })
        .where('id', '=', user.id)
        .where('tenant_id', '=', user.tenant_id)
        .execute();
    await writeAudit(
      db,
      null,
      {
        tenantId: user.tenant_id,
        action: 'login',
        entity: 'app_user',
        entityId: user.id,
        outcome: 'denied',
        // 'throttled': refused before the password was looked at.
        details: { reason: gate.open ? 'wrong_password' : 'throttled', accountLocked: gate.accountLocked },
      },
      meta.requestId,
    );
  }
  throw loginRefused();
}

/** Password login: the throttled check above, then a server-side session. */
export async function loginWithPassword(
  db: Kysely<DB>,
  input: { email: string; password: string },
  policy: SessionPolicy,
  meta: LoginMeta,
) {
  const user = await checkPasswordLogin(db, input, meta);
  return startSession(db, user, policy, meta, 'password');
}

/** The one way into a session, for every way of authenticating (password, OpenID Connect). */
export async function startSession(
  db: Kysely<DB>,
  user: NonNullable<AppUserRow>,
  policy: SessionPolicy,
  meta: LoginMeta,
  method: 'password' | 'oidc',
) {
  await db
    .updateTable('app_user')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', user.id)
    .where('tenant_id', '=', user.tenant_id)
    .execute();
  const session = await createSession(db, user, policy, meta);
  await writeAudit(
    db,
    { tenantId: user.tenant_id, userId: user.id, agencyId: user.agency_id, role: user.role as never },
    { action: 'login', entity: 'app_user', entityId: user.id, details: { method } },
    meta.requestId,
  );
  return { user, ...session };
}
