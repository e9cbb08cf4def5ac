import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env';
import { buildApp, VERSION } from '../../src/server/app';
import {
  checkPasswordLogin,
  LOGIN_REFUSED_MESSAGE,
  MAX_FAILED_LOGINS,
} from '../../src/server/modules/auth/service';
import { describeEachDb } from '../support/databases';
import { makeTenant, TEST_PASSWORD } from '../support/factories';

const loginFrom = (remoteAddress: string, email: string, password: string, headers = {}) => ({
  method: 'POST' as const,
  url: '/api/auth/login',
  remoteAddress,
  headers,
  payload: { email, password },
});

/** Password checks that got past the gate: each leaves one audit row with reason wrong_password. */
async function passwordChecks(db: Parameters<typeof makeTenant>[0], tenantId: string, userId: string) {
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM audit_log
    WHERE tenant_id = ${tenantId} AND entity_id = ${userId} AND action = 'login'
      AND details->>'reason' = 'wrong_password'`.execute(db);
  return r.rows[0]?.n ?? -1;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

describeEachDb('login throttling and enumeration', (env) => {
  it(`lets at most ${MAX_FAILED_LOGINS} of 50 parallel wrong passwords reach the password check`, async () => {
    const { db } = env().database;
    const t = await makeTenant(db);
    const u = t.users.koordination;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => env().app.inject(loginFrom('10.9.0.1', u.email, 'falsch-falsch-1'))),
    );
    // The route's rate limit (20 a minute per address) may answer some with 429, in German.
    expect(answers.every((a) => a.statusCode === 401 || a.statusCode === 429)).toBe(true);
    const limited = answers.find((a) => a.statusCode === 429);
    if (limited) expect(limited.json().error).toMatch(/Zu viele Anmeldeversuche/);
    expect(await passwordChecks(db, t.tenantId, u.id)).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
    // Locked for this client, even with the right password …
    const right = await env().app.inject(loginFrom('10.9.0.1', u.email, TEST_PASSWORD));
    expect([401, 429]).toContain(right.statusCode);
    // … but a colleague elsewhere is not locked out by a stranger.
    const elsewhere = await env().app.inject(loginFrom('10.9.0.2', u.email, TEST_PASSWORD));
    expect(elsewhere.statusCode).toBe(200);
  });

  it('counts atomically in the database: 50 parallel checks behind the route, at most 5 pass the gate', async () => {
    const { db } = env().database;
    const t = await makeTenant(db);
    const u = t.users.partner;
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        checkPasswordLogin(db, { email: u.email, password: 'falsch-falsch-1' }, { ip: '10.9.7.1' }),
      ),
    );
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(await passwordChecks(db, t.tenantId, u.id)).toBe(MAX_FAILED_LOGINS);
    const throttled = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = ${t.tenantId} AND entity_id = ${u.id}
        AND details->>'reason' = 'throttled'`.execute(db);
    expect(throttled.rows[0]?.n).toBe(50 - MAX_FAILED_LOGINS);
  });

  it('ignores X-Forwarded-For unless a proxy is configured', async () => {
    const { db } = env().database;
    const t = await makeTenant(db);
    const u = t.users.integrationsfachkraft;
    for (let i = 0; i < MAX_FAILED_LOGINS + 3; i++) {
      const r = await env().app.inject(
        loginFrom('10.9.1.1', u.email, 'falsch-falsch-1', { 'x-forwarded-for': `198.51.100.${i}` }),
      );
      expect(r.statusCode).toBe(401);
    }
    expect(await passwordChecks(db, t.tenantId, u.id)).toBe(MAX_FAILED_LOGINS);
    const spoofed = await env().app.inject(
      loginFrom('10.9.1.1', u.email, TEST_PASSWORD, { 'x-forwarded-for': '198.51.100.200' }),
    );
    expect(spoofed.statusCode).toBe(401);
  });

  it('takes the client address from X-Forwarded-For only when it comes from the configured proxy', async () => {
    const { db, kind } = env().database;
    const config = loadConfig({
      LOTSE_LOG_LEVEL: 'silent',
      LOTSE_DATA_DIR: `/tmp/unused-${randomUUID()}`,
      LOTSE_TRUST_PROXY: '10.9.2.0/24',
    });
    const app = await buildApp({ db, dbKind: kind, config, version: VERSION });
    try {
      const t = await makeTenant(db);
      const u = t.users.sprachberatung;
      for (let i = 0; i < MAX_FAILED_LOGINS; i++)
        await app.inject(
          loginFrom('10.9.2.1', u.email, 'falsch-falsch-1', { 'x-forwarded-for': '203.0.113.7' }),
        );
      // The client behind the proxy is locked; another client behind the same proxy is not.
      const same = await app.inject(
        loginFrom('10.9.2.1', u.email, TEST_PASSWORD, { 'x-forwarded-for': '203.0.113.7' }),
      );
      expect(same.statusCode).toBe(401);
      const other = await app.inject(
        loginFrom('10.9.2.1', u.email, TEST_PASSWORD, { 'x-forwarded-for': '203.0.113.8' }),
      );
      expect(other.statusCode).toBe(200);
      // A header from an address that is not the proxy is ignored: the socket address counts.
      const t2 = await makeTenant(db);
      const v = t2.users.sprachberatung;
      for (let i = 0; i < MAX_FAILED_LOGINS; i++)
        await app.inject(
          loginFrom('10.9.3.1', v.email, 'falsch-falsch-1', { 'x-forwarded-for': `203.0.113.${i}` }),
        );
      const direct = await app.inject(
        loginFrom('10.9.3.1', v.email, TEST_PASSWORD, { 'x-forwarded-for': '203.0.113.99' }),
      );
      expect(direct.statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });

  it('answers unknown, wrong and locked alike: same status, same body, comparable time', async () => {
    const { db } = env().database;
    const t = await makeTenant(db);
    const wrongUser = t.users.arbeitgeberservice.email;
    const lockedUser = t.users.admin.email;
    // Two locked clients, so no address passes the route's rate limit (20 a minute).
    const lockedFrom = ['10.9.4.1', '10.9.4.2'];
    for (const ip of lockedFrom)
      for (let i = 0; i < MAX_FAILED_LOGINS; i++)
        await env().app.inject(loginFrom(ip, lockedUser, 'falsch-falsch-1'));
    const cases = {
      unknown: (i: number) =>
        loginFrom(`10.9.6.${i}`, `niemand-${randomUUID()}@test.lotse`, 'falsch-falsch-1'),
      // A fresh client each time, so the wrong-password case never locks itself.
      wrong: (i: number) => loginFrom(`10.9.5.${i}`, wrongUser, 'falsch-falsch-1'),
      locked: (i: number) => loginFrom(lockedFrom[i % 2] ?? '', lockedUser, TEST_PASSWORD),
    };
    const times: Record<string, number[]> = { unknown: [], wrong: [], locked: [] };
    const bodies = new Set<string>();
    for (let i = 0; i < 20; i++) {
      for (const [name, make] of Object.entries(cases)) {
        const start = performance.now();
        const r = await env().app.inject(make(i));
        times[name]?.push(performance.now() - start);
        expect(r.statusCode, name).toBe(401);
        bodies.add(r.body);
      }
    }
    expect([...bodies]).toEqual([
      JSON.stringify({ error: LOGIN_REFUSED_MESSAGE, code: 'invalid_credentials' }),
    ]);
    const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
    process.stdout.write(`login medians ms: ${JSON.stringify(m)}\n`);
    const spread = Math.max(...Object.values(m)) - Math.min(...Object.values(m));
    // Each path runs one argon2 verification (tens of ms); the rest differs by a few database calls.
    // Before, a locked account answered in about 2 ms. The bound leaves room for a loaded CI machine
    // (single answers vary from 30 to 230 ms there; the medians of 20 stay within a few ms).
    expect(spread, JSON.stringify(m)).toBeLessThan(Math.max(30, 0.5 * Math.min(...Object.values(m))));
  });
});
