import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { HttpError } from '../../http/errors';
import { writeAudit } from '../audit/audit-writer';
import { dummyHash, verifyPassword } from './passwords';
import { createSession, type SessionPolicy } from './sessions';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

const wrongCredentials = () =>
  new HttpError(401, 'invalid_credentials', 'E-Mail-Adresse oder Passwort ist falsch.');

/** Password login: argon2id check, lockout after repeated failures, then a server-side session. */
export async function loginWithPassword(
  db: Kysely<DB>,
  input: { email: string; password: string },
  policy: SessionPolicy,
  meta: { ip?: string; userAgent?: string; requestId?: string },
) {
  const user = await db
    .selectFrom('app_user')
    .selectAll()
    .where(({ fn }) => fn('lower', ['email']), '=', input.email.trim().toLowerCase())
    .executeTakeFirst();
  if (!user?.password_hash || user.disabled_at) {
    await verifyPassword(await dummyHash(), input.password);
    throw wrongCredentials();
  }
  if (user.locked_until && new Date(user.locked_until).getTime() > Date.now()) {
    throw new HttpError(
      423,
      'locked',
      `Zu viele Fehlversuche. Das Konto ist bis ${new Date(user.locked_until).toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' })} Uhr gesperrt.`,
    );
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const failed = user.failed_logins + 1;
    const lock = failed >= MAX_FAILED_LOGINS ? new Date(Date.now() + LOCKOUT_MINUTES * 60_000) : null;
    await db
      .updateTable('app_user')
      .set({ failed_logins: lock ? 0 : failed, locked_until: lock })
      .where('id', '=', user.id)
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
        details: { locked: lock !== null },
      },
      meta.requestId,
    );
    throw wrongCredentials();
  }
  await db
    .updateTable('app_user')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', user.id)
    .execute();
  const session = await createSession(db, user, policy, meta);
  await writeAudit(
    db,
    { tenantId: user.tenant_id, userId: user.id, agencyId: user.agency_id, role: user.role as never },
    { action: 'login', entity: 'app_user', entityId: user.id },
    meta.requestId,
  );
  return { user, ...session };
}
