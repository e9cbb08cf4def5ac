import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { crossTenant } from '../../../db/tenant-guard';
import { HttpError } from '../../http/errors';
import { writeAudit } from '../audit/audit-writer';
import { dummyHash, verifyPassword } from './passwords';
import {
  type AdminTotpPolicy,
  hasConfirmedFactor,
  secondFactorMandatory,
  verifySecondFactor,
} from './second-factor';
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
): Promise<PasswordChecked> {
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
  // The counters are reset only when the whole login has passed (password and, where set up, code).
  if (checkable && ok) return { user, succeeded: () => loginSucceeded(db, account, client) };
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

interface PasswordChecked {
  user: NonNullable<AppUserRow>;
  succeeded: () => Promise<void>;
}

const CODE_NEEDED =
  'Bitte den sechsstelligen Code aus der Authenticator-App oder einen Wiederherstellungscode eingeben.';
const CODE_WRONG = 'Der Code ist falsch oder schon benutzt. Bitte den aktuellen Code aus der App eingeben.';

/**
 * Password login: the throttled password check above, then — if the account has a second factor —
 * the code, then a server-side session. A wrong code counts like a wrong password (the attempt was
 * reserved before the password check), so six digits cannot be guessed faster than a password.
 * An administrator without a factor under LOTSE_ADMIN_TOTP=required gets a session that reaches only
 * the set-up of the factor.
 */
export async function loginWithPassword(
  db: Kysely<DB>,
  input: { email: string; password: string; totp?: string | undefined },
  policy: SessionPolicy & { adminTotp: AdminTotpPolicy },
  meta: LoginMeta,
) {
  const { user, succeeded } = await checkPasswordLogin(db, input, meta);
  const factor = await hasConfirmedFactor(db, user);
  if (factor) {
    if (!input.totp) {
      throw new HttpError(401, 'second_factor_required', CODE_NEEDED, {
        issues: [{ path: 'totp', message: CODE_NEEDED }],
      });
    }
    const used = await verifySecondFactor(db, user, input.totp);
    if (!used) {
      await writeAudit(
        db,
        null,
        {
          tenantId: user.tenant_id,
          action: 'login',
          entity: 'app_user',
          entityId: user.id,
          outcome: 'denied',
          details: { reason: 'wrong_second_factor' },
        },
        meta.requestId,
      );
      throw new HttpError(401, 'invalid_second_factor', CODE_WRONG, {
        issues: [{ path: 'totp', message: CODE_WRONG }],
      });
    }
  }
  await succeeded();
  const pending = !factor && secondFactorMandatory(user, policy.adminTotp);
  return startSession(db, user, policy, meta, 'password', { secondFactor: factor, pending });
}

/** The one way into a session, for every way of authenticating (password, OpenID Connect). */
export async function startSession(
  db: Kysely<DB>,
  user: NonNullable<AppUserRow>,
  policy: SessionPolicy,
  meta: LoginMeta,
  method: 'password' | 'oidc',
  factor: { secondFactor: boolean; pending: boolean } = { secondFactor: false, pending: false },
) {
  await db
    .updateTable('app_user')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', user.id)
    .where('tenant_id', '=', user.tenant_id)
    .execute();
  const session = await createSession(db, user, policy, meta, factor.pending);
  await writeAudit(
    db,
    { tenantId: user.tenant_id, userId: user.id, agencyId: user.agency_id, role: user.role as never },
    {
      action: 'login',
      entity: 'app_user',
      entityId: user.id,
      details: { method, secondFactor: factor.secondFactor },
    },
    meta.requestId,
  );
  return { user, ...session, secondFactorPending: factor.pending };
}
