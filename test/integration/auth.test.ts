import { expect, it } from 'vitest';
import { LOGIN_REFUSED_MESSAGE, MAX_FAILED_LOGINS } from '../../src/server/modules/auth/service';
import { SESSION_CACHE_MS } from '../../src/server/modules/auth/sessions';
import { describeEachDb } from '../support/databases';
import { as, login, makeTenant, TEST_PASSWORD } from '../support/factories';

describeEachDb('authentication and sessions', (env) => {
  it('logs in, sets an HttpOnly SameSite session cookie and returns a CSRF token', async () => {
    const t = await makeTenant(env().database.db);
    const res = await env().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: t.users.eingangszone.email, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'lotse_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(res.json().csrfToken.length).toBeGreaterThan(20);
    expect(res.json().user).toMatchObject({ role: 'eingangszone', email: t.users.eingangszone.email });
    expect(JSON.stringify(res.json())).not.toContain('argon2');
  });

  it('refuses a wrong password with a German message, and an unknown e-mail the same way', async () => {
    const t = await makeTenant(env().database.db);
    const wrong = await env().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: t.users.admin.email, password: 'falsch-falsch' },
    });
    const unknown = await env().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'niemand@test.lotse', password: 'falsch-falsch' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toBe(LOGIN_REFUSED_MESSAGE);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error).toBe(wrong.json().error);
  });

  it(`locks the account after ${MAX_FAILED_LOGINS} failed logins, even for the right password`, async () => {
    const t = await makeTenant(env().database.db);
    const email = t.users.koordination.email;
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      const r = await env().app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: 'falsch-falsch' },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await env().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });
    // Same answer as a wrong password: a locked account must not be told apart from an unknown one.
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error).toBe(LOGIN_REFUSED_MESSAGE);
  });

  it('requires the CSRF header for state-changing requests', async () => {
    const t = await makeTenant(env().database.db);
    const s = await login(env().app, t.users.eingangszone.email);
    const without = await env().app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf');
    const wrong = await env().app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(32) },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await env().app.inject({ method: 'POST', url: '/api/auth/logout', headers: as(s) });
    expect(ok.statusCode).toBe(200);
    const after = await env().app.inject({ method: 'GET', url: '/api/auth/me', headers: as(s) });
    expect(after.statusCode).toBe(401);
  });

  it('ends every session of the account on logout-all', async () => {
    const t = await makeTenant(env().database.db);
    const a = await login(env().app, t.users.integrationsfachkraft.email);
    const b = await login(env().app, t.users.integrationsfachkraft.email);
    const res = await env().app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: as(a) });
    expect(res.json().sessionsEnded).toBe(2);
    expect((await env().app.inject({ method: 'GET', url: '/api/auth/me', headers: as(b) })).statusCode).toBe(
      401,
    );
  });

  it('sees a session ended by another server instance within the session cache time, and its own logout at once', async () => {
    const t = await makeTenant(env().database.db);
    const s = await login(env().app, t.users.sprachberatung.email);
    const me = () => env().app.inject({ method: 'GET', url: '/api/auth/me', headers: as(s) });
    expect((await me()).statusCode).toBe(200);
    // Another instance ends it: only the database knows.
    await env()
      .database.db.deleteFrom('user_session')
      .where('user_id', '=', t.users.sprachberatung.id)
      .execute();
    await new Promise((r) => setTimeout(r, SESSION_CACHE_MS + 200));
    expect((await me()).statusCode).toBe(401);
    const s2 = await login(env().app, t.users.sprachberatung.email);
    expect((await env().app.inject({ method: 'GET', url: '/api/auth/me', headers: as(s2) })).statusCode).toBe(
      200,
    );
    const out = await env().app.inject({ method: 'POST', url: '/api/auth/logout', headers: as(s2) });
    expect(out.statusCode).toBeLessThan(300);
    expect((await env().app.inject({ method: 'GET', url: '/api/auth/me', headers: as(s2) })).statusCode).toBe(
      401,
    );
  });

  it('expires an idle session', async () => {
    const t = await makeTenant(env().database.db);
    const s = await login(env().app, t.users.sprachberatung.email);
    await env()
      .database.db.updateTable('user_session')
      .set({ last_seen_at: new Date(Date.now() - 24 * 3600_000) })
      .where('user_id', '=', t.users.sprachberatung.id)
      .execute();
    expect((await env().app.inject({ method: 'GET', url: '/api/auth/me', headers: as(s) })).statusCode).toBe(
      401,
    );
  });

  it('ends the sessions of a disabled account', async () => {
    const t = await makeTenant(env().database.db);
    const admin = await login(env().app, t.users.admin.email);
    const victim = await login(env().app, t.users.eingangszone.email);
    const res = await env().app.inject({
      method: 'POST',
      url: `/api/admin/users/${t.users.eingangszone.id}/disable`,
      headers: as(admin),
    });
    expect(res.statusCode).toBe(200);
    expect(
      (await env().app.inject({ method: 'GET', url: '/api/auth/me', headers: as(victim) })).statusCode,
    ).toBe(401);
    const again = await env().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: t.users.eingangszone.email, password: TEST_PASSWORD },
    });
    expect(again.statusCode).toBe(401);
  });
});
