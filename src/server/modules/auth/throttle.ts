import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema';

/** Wrong passwords one client may try for one account per window. */
export const MAX_FAILED_LOGINS = 5;
/** Wrong passwords for one account from all clients together per window: a botnet cannot guess on. */
export const MAX_FAILED_LOGINS_PER_ACCOUNT = 50;
export const LOCKOUT_MINUTES = 15;

const ACCOUNT_WIDE = '*';

export const accountKey = (email: string): string =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

/**
 * The client part of the key: the address as Fastify resolved it (X-Forwarded-For only from configured
 * proxies). An IPv6 client usually owns a whole /64, so it counts as one client.
 */
export function clientKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4mapped?.[1]) return v4mapped[1];
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = ip.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Reserves one attempt in the counter and returns the count including it. One statement (INSERT … ON
 * CONFLICT DO UPDATE … RETURNING) so parallel attempts cannot read the same old value: the n-th
 * attempt in a window sees exactly n. A window older than the lockout starts again at 1.
 */
async function reserve(db: Kysely<DB>, account: string, client: string): Promise<number> {
  const r = await sql<{ attempts: number }>`
    INSERT INTO login_throttle AS t (account_hash, client, attempts, window_started_at)
    VALUES (${account}, ${client}, 1, now())
    ON CONFLICT (account_hash, client) DO UPDATE SET
      attempts = CASE WHEN t.window_started_at <= now() - make_interval(mins => ${LOCKOUT_MINUTES})
                      THEN 1 ELSE t.attempts + 1 END,
      window_started_at = CASE WHEN t.window_started_at <= now() - make_interval(mins => ${LOCKOUT_MINUTES})
                      THEN now() ELSE t.window_started_at END
    RETURNING attempts`.execute(db);
  return r.rows[0]?.attempts ?? Number.POSITIVE_INFINITY;
}

export interface Gate {
  /** May the password be checked at all? Decided before the check, from the atomic counters. */
  open: boolean;
  /** This attempt closed the account-wide gate: the account is now locked for every client. */
  accountLocked: boolean;
}

/**
 * Counts this attempt for (account, client) and — only if that gate is open — for the account as a
 * whole. Per client so a stranger cannot lock a colleague out from elsewhere; the account-wide
 * ceiling is ten times higher and stops guessing spread over many addresses.
 */
export async function passGate(db: Kysely<DB>, account: string, client: string): Promise<Gate> {
  const perClient = await reserve(db, account, client);
  if (perClient > MAX_FAILED_LOGINS) return { open: false, accountLocked: false };
  const perAccount = await reserve(db, account, ACCOUNT_WIDE);
  if (perAccount > MAX_FAILED_LOGINS_PER_ACCOUNT) return { open: false, accountLocked: false };
  return { open: true, accountLocked: perAccount === MAX_FAILED_LOGINS_PER_ACCOUNT };
}

/**
 * A right password: this client's counter starts again, and the attempt no longer counts against the
 * account (the account-wide counter is not reset: a login elsewhere must not reopen it for guessers).
 */
export async function loginSucceeded(db: Kysely<DB>, account: string, client: string): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('account_hash', '=', account)
    .where('client', '=', client)
    .execute();
  await db
    .updateTable('login_throttle')
    .set({ attempts: sql`greatest(attempts - 1, 0)` })
    .where('account_hash', '=', account)
    .where('client', '=', ACCOUNT_WIDE)
    .execute();
}

/** An administrator's password reset lifts every lock of the account. */
export async function clearThrottle(db: Kysely<DB>, email: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('account_hash', '=', accountKey(email)).execute();
}

/** Counters of expired windows are worthless; dropped now and then so the table stays small. */
export async function pruneThrottle(db: Kysely<DB>): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('window_started_at', '<', sql<Date>`now() - make_interval(mins => ${LOCKOUT_MINUTES})`)
    .execute();
}
