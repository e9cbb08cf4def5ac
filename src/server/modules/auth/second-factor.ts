import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { badRequest, conflict, HttpError, notFound } from '../../http/errors';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords';
import { endAllSessions, forgetSessions } from './sessions';
import {
  hashRecoveryCode,
  isTotpShape,
  matchingStep,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
} from './totp';

/**
 * The second factor of a password login (issue 9, ASVS 2.7/2.8): set up, confirmed, checked at login,
 * switched off by its owner or reset by an administrator. Single sign-on leaves the second factor to
 * the identity provider and never comes here.
 */

/** Administrators with a password login must set the factor up (`required`) or may (`optional`). */
export type AdminTotpPolicy = 'optional' | 'required';

export interface FactorUser {
  id: string;
  tenant_id: string;
  email: string;
  role: string;
  password_hash: string | null;
}

/** The own account for the second-factor screens: 404 when it is gone (deleted under a live session). */
export async function loadFactorUser(
  db: Kysely<DB>,
  who: {
    /** the session's region */
    tenantId: string;
    /** the session's account */
    userId: string;
  },
): Promise<FactorUser> {
  const u = await db
    .selectFrom('app_user')
    .select(['id', 'tenant_id', 'email', 'role', 'password_hash'])
    .where('tenant_id', '=', who.tenantId)
    .where('id', '=', who.userId)
    .executeTakeFirst();
  if (!u) throw notFound('Benutzer');
  return u;
}

export const secondFactorMandatory = (user: { role: string }, policy: AdminTotpPolicy) =>
  user.role === 'admin' && policy === 'required';

export async function secondFactorState(db: Kysely<DB>, user: { id: string; tenant_id: string }) {
  const totp = await db
    .selectFrom('user_totp')
    .select(['confirmed_at'])
    .where('tenant_id', '=', user.tenant_id)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  const left = await db
    .selectFrom('user_recovery_code')
    .select(({ fn }) => fn.countAll<string>().as('n'))
    .where('tenant_id', '=', user.tenant_id)
    .where('user_id', '=', user.id)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { enabled: !!totp?.confirmed_at, recoveryCodesLeft: Number(left.n) };
}

/** Changing the factor needs the password again: an unattended open session must not be enough. */
async function requirePassword(user: FactorUser, password: string): Promise<void> {
  if (!user.password_hash) {
    throw new HttpError(
      409,
      'single_sign_on',
      'Dieses Konto meldet sich über Single Sign-on an; den zweiten Faktor verwaltet der Anmeldedienst.',
    );
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    throw badRequest('Das Passwort ist falsch.', [{ path: 'password', message: 'Das Passwort ist falsch.' }]);
  }
}

/** Step 1 of the set-up: a new secret, not yet in force until a code from the app confirms it. */
export async function beginTotpSetup(
  db: Kysely<DB>,
  user: FactorUser,
  password: string,
  issuer: string,
): Promise<{ secret: string; otpauthUri: string }> {
  await requirePassword(user, password);
  if ((await secondFactorState(db, user)).enabled) {
    throw conflict('Der zweite Faktor ist schon eingerichtet. Zum Wechseln des Geräts zuerst abschalten.');
  }
  const secret = newTotpSecret();
  await db
    .insertInto('user_totp')
    .values({ user_id: user.id, tenant_id: user.tenant_id, secret })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ secret, confirmed_at: null, last_step: 0 }))
    .execute();
  return { secret, otpauthUri: otpauthUri(secret, user.email, issuer) };
}

const WRONG_CODE =
  'Der Code passt nicht. Bitte den aktuellen Code aus der App eingeben und die Uhrzeit des Telefons prüfen.';

/** Step 2: the first code from the app puts the factor in force and yields the recovery codes, once. */
export async function confirmTotpSetup(
  db: Kysely<DB>,
  user: FactorUser,
  code: string,
  now = Date.now(),
): Promise<string[]> {
  const row = await db
    .selectFrom('user_totp')
    .select(['secret', 'confirmed_at'])
    .where('tenant_id', '=', user.tenant_id)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (!row) throw conflict('Bitte die Einrichtung zuerst beginnen.');
  if (row.confirmed_at) throw conflict('Der zweite Faktor ist schon eingerichtet.');
  const step = matchingStep(row.secret, code, now);
  if (step === null) throw badRequest(WRONG_CODE, [{ path: 'code', message: WRONG_CODE }]);
  const codes = newRecoveryCodes();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('user_totp')
      .set({ confirmed_at: new Date(now), last_step: step })
      .where('tenant_id', '=', user.tenant_id)
      .where('user_id', '=', user.id)
      .execute();
    await replaceRecoveryCodes(trx, user, codes);
    // Sessions that were held to the set-up page are now full sessions.
    await trx
      .updateTable('user_session')
      .set({ second_factor_pending: false })
      .where('tenant_id', '=', user.tenant_id)
      .where('user_id', '=', user.id)
      .execute();
  });
  forgetSessions(user.id);
  return codes;
}

async function replaceRecoveryCodes(db: Kysely<DB>, user: FactorUser, codes: string[]): Promise<void> {
  await db
    .deleteFrom('user_recovery_code')
    .where('tenant_id', '=', user.tenant_id)
    .where('user_id', '=', user.id)
    .execute();
  await db
    .insertInto('user_recovery_code')
    .values(
      codes.map((c) => ({ tenant_id: user.tenant_id, user_id: user.id, code_hash: hashRecoveryCode(c) })),
    )
    .execute();
}

/** New recovery codes (the old ones stop working), e.g. when the paper is lost or most are used. */
export async function renewRecoveryCodes(db: Kysely<DB>, user: FactorUser, password: string) {
  await requirePassword(user, password);
  if (!(await secondFactorState(db, user)).enabled)
    throw conflict('Der zweite Faktor ist nicht eingerichtet.');
  const codes = newRecoveryCodes();
  await db.transaction().execute((trx) => replaceRecoveryCodes(trx, user, codes));
  return codes;
}

/** The owner switches the factor off — not an administrator under a policy that requires it. */
export async function disableTotp(
  db: Kysely<DB>,
  user: FactorUser,
  password: string,
  policy: AdminTotpPolicy,
): Promise<void> {
  await requirePassword(user, password);
  if (secondFactorMandatory(user, policy)) {
    throw conflict(
      'Für Administratorinnen und Administratoren ist der zweite Faktor vorgeschrieben. Ein neues Gerät: eine andere Administratorin setzt den Faktor zurück.',
    );
  }
  await removeFactor(db, user.tenant_id, user.id);
}

async function removeFactor(db: Kysely<DB>, tenantId: string, userId: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('user_recovery_code')
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId)
      .execute();
    const r = await trx
      .deleteFrom('user_totp')
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  });
}

/**
 * An administrator resets a colleague's lost factor: it is removed and every session of that account
 * ends; the colleague sets it up again at the next login. Not one's own (that needs a second person).
 */
export async function resetSecondFactor(
  db: Kysely<DB>,
  tenantId: string,
  actorId: string,
  userId: string,
): Promise<void> {
  if (actorId === userId) {
    throw conflict(
      'Den eigenen zweiten Faktor setzt eine andere Administratorin oder ein anderer Administrator zurück.',
    );
  }
  const user = await db
    .selectFrom('app_user')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) throw notFound('Benutzer');
  await removeFactor(db, tenantId, userId);
  await endAllSessions(db, userId);
}

/** Does this account have a confirmed factor, so that a login needs a code? */
export async function hasConfirmedFactor(db: Kysely<DB>, user: { id: string; tenant_id: string }) {
  const r = await db
    .selectFrom('user_totp')
    .select('user_id')
    .where('tenant_id', '=', user.tenant_id)
    .where('user_id', '=', user.id)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirst();
  return !!r;
}

/**
 * Checks a code at login: a six-digit TOTP code (each accepted once: the UPDATE only wins if its step
 * is later than the last accepted one, so two parallel logins with one code cannot both pass) or a
 * recovery code (used once).
 */
export async function verifySecondFactor(
  db: Kysely<DB>,
  user: { id: string; tenant_id: string },
  input: string,
  now = Date.now(),
): Promise<'totp' | 'recovery_code' | null> {
  if (isTotpShape(input)) {
    const row = await db
      .selectFrom('user_totp')
      .select('secret')
      .where('tenant_id', '=', user.tenant_id)
      .where('user_id', '=', user.id)
      .where('confirmed_at', 'is not', null)
      .executeTakeFirst();
    const step = row ? matchingStep(row.secret, input, now) : null;
    if (step === null) return null;
    const r = await db
      .updateTable('user_totp')
      .set({ last_step: step })
      .where('tenant_id', '=', user.tenant_id)
      .where('user_id', '=', user.id)
      .where('last_step', '<', step)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1 ? 'totp' : null;
  }
  const r = await db
    .updateTable('user_recovery_code')
    .set({ used_at: new Date(now) })
    .where('tenant_id', '=', user.tenant_id)
    .where('user_id', '=', user.id)
    .where('code_hash', '=', hashRecoveryCode(input))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1 ? 'recovery_code' : null;
}

/**
 * The owner changes the password with the current one (ASVS 2.1.5/2.1.6). Every other session of the
 * account ends — whoever knew the old password is out — and this one goes on.
 */
export async function changeOwnPassword(
  db: Kysely<DB>,
  user: FactorUser,
  input: { currentPassword: string; newPassword: string },
  keepSessionHash: string,
): Promise<number> {
  if (!user.password_hash) {
    throw new HttpError(
      409,
      'single_sign_on',
      'Dieses Konto meldet sich über Single Sign-on an; das Passwort ändern Sie dort.',
    );
  }
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    const m = 'Das bisherige Passwort ist falsch.';
    throw badRequest(m, [{ path: 'currentPassword', message: m }]);
  }
  const policy = checkPasswordPolicy(input.newPassword, { email: user.email });
  if (policy) throw badRequest(policy, [{ path: 'newPassword', message: policy }]);
  if (input.newPassword === input.currentPassword) {
    const m = 'Das neue Passwort muss sich vom bisherigen unterscheiden.';
    throw badRequest(m, [{ path: 'newPassword', message: m }]);
  }
  await db
    .updateTable('app_user')
    .set({ password_hash: await hashPassword(input.newPassword), updated_at: new Date() })
    .where('tenant_id', '=', user.tenant_id)
    .where('id', '=', user.id)
    .execute();
  forgetSessions(user.id);
  const r = await db
    .deleteFrom('user_session')
    .where('tenant_id', '=', user.tenant_id)
    .where('user_id', '=', user.id)
    .where('id_hash', '!=', keepSessionHash)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
