import { expect, it } from 'vitest';
import { SESSION_CACHE_MS } from '../../src/server/modules/auth/sessions';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant } from '../support/factories';

// The in-process session cache (src/server/modules/auth/sessions.ts) saves the session's round trip on
// most requests; revocations must still take effect (its own suite: the login rate limit is per app).
describeEachDb('session cache and revocation', (env) => {
  it('refuses a cached session at once after logout-all, and a cached session of a disabled user', async () => {
    const t = await makeTenant(env().database.db);
    const person = await makePerson(env().database.db, t, { ownerUserId: t.users.integrationsfachkraft.id });
    const read = (s: { cookie: string; csrf: string }) =>
      env().app.inject({ method: 'GET', url: `/api/persons/${person.id}`, headers: as(s) });
    const a = await login(env().app, t.users.integrationsfachkraft.email);
    const b = await login(env().app, t.users.integrationsfachkraft.email);
    // Both sessions are read, so both are in the cache.
    expect((await read(a)).statusCode).toBe(200);
    expect((await read(b)).statusCode).toBe(200);
    const out = await env().app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: as(a) });
    expect(out.json().sessionsEnded).toBe(2);
    expect((await read(b)).statusCode).toBe(401);
    expect((await read(a)).statusCode).toBe(401);

    const admin = await login(env().app, t.users.admin.email);
    const victim = await login(env().app, t.users.integrationsfachkraft.email);
    expect((await read(victim)).statusCode).toBe(200);
    const res = await env().app.inject({
      method: 'POST',
      url: `/api/admin/users/${t.users.integrationsfachkraft.id}/disable`,
      headers: as(admin),
    });
    expect(res.statusCode).toBe(200);
    expect((await read(victim)).statusCode).toBe(401);
    expect(
      (await env().app.inject({ method: 'GET', url: '/api/auth/me', headers: as(victim) })).statusCode,
    ).toBe(401);
  });

  it('refuses a user disabled by another server instance within the session cache time, with the session kept', async () => {
    const t = await makeTenant(env().database.db);
    const s = await login(env().app, t.users.sprachberatung.email);
    const me = () => env().app.inject({ method: 'GET', url: '/api/auth/me', headers: as(s) });
    expect((await me()).statusCode).toBe(200);
    // Another instance disables the account and (as a bug or an old version) leaves the session row.
    await env()
      .database.db.updateTable('app_user')
      .set({ disabled_at: new Date() })
      .where('id', '=', t.users.sprachberatung.id)
      .execute();
    await new Promise((r) => setTimeout(r, SESSION_CACHE_MS + 200));
    expect((await me()).statusCode).toBe(401);
  });
});
