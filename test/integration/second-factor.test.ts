import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { LotseApp } from '../../src/server/app';
import { stepAt, totpCodeAt } from '../../src/server/modules/auth/totp';
import { describeEachDb } from '../support/databases';
import { as, login, makeTenant, type Session, TEST_PASSWORD } from '../support/factories';

const post = (app: LotseApp, s: Session, url: string, payload: object) =>
  app.inject({ method: 'POST', url, headers: as(s), payload });

const loginWith = (app: LotseApp, email: string, totp?: string, password = TEST_PASSWORD, ip = '10.44.0.1') =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: ip,
    payload: totp === undefined ? { email, password } : { email, password, totp },
  });

/** Sets the factor up through the routes and returns the secret and the recovery codes. */
async function enrol(app: LotseApp, s: Session) {
  const setup = await post(app, s, '/api/auth/second-factor/setup', { password: TEST_PASSWORD });
  expect(setup.statusCode).toBe(200);
  const { secret, otpauthUri } = setup.json();
  expect(otpauthUri).toContain(`secret=${secret}`);
  const confirm = await post(app, s, '/api/auth/second-factor/confirm', {
    code: totpCodeAt(secret, Date.now()),
  });
  expect(confirm.statusCode).toBe(200);
  return { secret: secret as string, recoveryCodes: confirm.json().recoveryCodes as string[] };
}

/** A code of the next step: the step of the set-up code is used, and a code counts once only. */
const nextCode = (secret: string) => totpCodeAt(secret, (stepAt(Date.now()) + 1) * 30_000);

describeEachDb('second factor (TOTP) for password logins', (env) => {
  it('set-up needs the password and a right first code; then login asks for the code', async () => {
    const { app } = env();
    const t = await makeTenant(env().database.db);
    const u = t.users.admin;
    const s = await login(app, u.email);

    const wrongPw = await post(app, s, '/api/auth/second-factor/setup', { password: 'falsch' });
    expect(wrongPw.statusCode).toBe(400);
    expect(wrongPw.json().issues[0].path).toBe('password');

    await post(app, s, '/api/auth/second-factor/setup', { password: TEST_PASSWORD });
    const badCode = await post(app, s, '/api/auth/second-factor/confirm', { code: '000000' });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().issues[0]).toMatchObject({ path: 'code' });
    expect(badCode.json().issues[0].message).toMatch(/Code passt nicht/);
    // Not in force until confirmed: the login still works without a code.
    expect((await loginWith(app, u.email)).statusCode).toBe(200);

    const { secret, recoveryCodes } = await enrol(app, s);
    expect(recoveryCodes).toHaveLength(10);

    const noCode = await loginWith(app, u.email);
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json()).toMatchObject({ code: 'second_factor_required' });
    expect(noCode.json().issues[0].path).toBe('totp');
    expect(noCode.cookies.find((c) => c.name === 'lotse_session')).toBeUndefined();

    const wrong = await loginWith(app, u.email, '123456');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('invalid_second_factor');

    const code = nextCode(secret);
    const ok = await loginWith(app, u.email, code);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ secondFactorSetupRequired: false });

    // The same code again (replay within its 90 s window) is refused.
    const replay = await loginWith(app, u.email, code);
    expect(replay.statusCode).toBe(401);

    const state = await app.inject({ method: 'GET', url: '/api/auth/second-factor', headers: as(s) });
    expect(state.json()).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 10,
      required: false,
      available: true,
    });
  });

  it('a wrong password with a right code is still refused, in the same words as ever', async () => {
    const { app } = env();
    const t = await makeTenant(env().database.db);
    const u = t.users.koordination;
    const { secret } = await enrol(app, await login(app, u.email));
    const r = await loginWith(app, u.email, nextCode(secret), 'falsches-passwort');
    expect(r.statusCode).toBe(401);
    expect(r.json().code).toBe('invalid_credentials');
  });

  it('a recovery code works once, in any case and without dashes', async () => {
    const { app } = env();
    const t = await makeTenant(env().database.db);
    const u = t.users.admin;
    const { recoveryCodes } = await enrol(app, await login(app, u.email));
    const c = (recoveryCodes[3] as string).toUpperCase().replace(/-/g, '');
    expect((await loginWith(app, u.email, c)).statusCode).toBe(200);
    expect((await loginWith(app, u.email, c, TEST_PASSWORD, '10.44.0.2')).statusCode).toBe(401);
  });

  it('two parallel logins with one code: exactly one gets in', async () => {
    const { app } = env();
    const t = await makeTenant(env().database.db);
    const u = t.users.admin;
    const { secret } = await enrol(app, await login(app, u.email));
    const code = nextCode(secret);
    const rs = await Promise.all(
      ['10.44.1.1', '10.44.1.2', '10.44.1.3', '10.44.1.4'].map((ip) =>
        loginWith(app, u.email, code, TEST_PASSWORD, ip),
      ),
    );
    expect(rs.filter((r) => r.statusCode === 200)).toHaveLength(1);
  });

  it('wrong codes count like wrong passwords: after five the right code does not help from that client', async () => {
    const { app } = env();
    const t = await makeTenant(env().database.db);
    const u = t.users.admin;
    const { secret } = await enrol(app, await login(app, u.email));
    for (let i = 0; i < 5; i++) {
      expect((await loginWith(app, u.email, '111111', TEST_PASSWORD, '10.44.2.1')).statusCode).toBe(401);
    }
    const locked = await loginWith(app, u.email, nextCode(secret), TEST_PASSWORD, '10.44.2.1');
    expect(locked.statusCode).toBe(401);
    expect(locked.json().code).toBe('invalid_credentials');
    const audit = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log
      WHERE entity_id = ${u.id} AND details->>'reason' = 'wrong_second_factor'`.execute(env().database.db);
    expect(audit.rows[0]?.n).toBe(5);
  });

  it('switching off needs the password; an administrator resets a colleague, not oneself', async () => {
    const { app } = env();
    const t = await makeTenant(env().database.db);
    const admin = await login(app, t.users.admin.email);
    const colleague = t.users.sprachberatung;
    const cs = await login(app, colleague.email);
    await enrol(app, cs);

    expect((await post(app, cs, '/api/auth/second-factor/disable', { password: 'falsch' })).statusCode).toBe(
      400,
    );
    const self = await post(app, admin, `/api/admin/users/${t.users.admin.id}/reset-second-factor`, {});
    expect(self.statusCode).toBe(409);
    const byNonAdmin = await post(app, cs, `/api/admin/users/${t.users.admin.id}/reset-second-factor`, {});
    expect(byNonAdmin.statusCode).toBe(403);

    const reset = await post(app, admin, `/api/admin/users/${colleague.id}/reset-second-factor`, {});
    expect(reset.statusCode).toBe(200);
    // The colleague's sessions ended, and the login needs no code any more.
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: as(cs) });
    expect(me.statusCode).toBe(401);
    expect((await loginWith(app, colleague.email)).statusCode).toBe(200);
  });
});

describeEachDb('own password change', (env) => {
  it('needs the current password, applies the policy, ends the other sessions and keeps this one', async () => {
    const { app } = env();
    const t = await makeTenant(env().database.db);
    const u = t.users.integrationsfachkraft;
    const other = await login(app, u.email);
    const s = await login(app, u.email);
    const change = (currentPassword: string, newPassword: string) =>
      post(app, s, '/api/auth/password', { currentPassword, newPassword });

    const wrong = await change('falsch', 'ein ganz neues Passwort 7');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues[0].path).toBe('currentPassword');
    const weak = await change(TEST_PASSWORD, 'kurz');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().issues[0]).toMatchObject({ path: 'newPassword' });
    expect(weak.json().issues[0].message).toMatch(/mindestens 12 Zeichen/);
    const same = await change(TEST_PASSWORD, TEST_PASSWORD);
    expect(same.json().issues[0].path).toBe('newPassword');

    const ok = await change(TEST_PASSWORD, 'ein ganz neues Passwort 7');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().sessionsEnded).toBe(1);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: as(s) })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: as(other) })).statusCode).toBe(
      401,
    );
    expect((await loginWith(app, u.email)).statusCode).toBe(401);
    expect(
      (await loginWith(app, u.email, undefined, 'ein ganz neues Passwort 7', '10.44.3.1')).statusCode,
    ).toBe(200);
  });
});

describeEachDb(
  'second factor required for administrators (LOTSE_ADMIN_TOTP=required)',
  (env) => {
    it('an administrator without a factor reaches only the set-up until it is confirmed', async () => {
      const { app } = env();
      const t = await makeTenant(env().database.db);
      const res = await loginWith(app, t.users.admin.email);
      expect(res.statusCode).toBe(200);
      expect(res.json().secondFactorSetupRequired).toBe(true);
      const s = await login(app, t.users.admin.email);

      const users = await app.inject({ method: 'GET', url: '/api/admin/users', headers: as(s) });
      expect(users.statusCode).toBe(403);
      expect(users.json()).toMatchObject({ code: 'second_factor_setup_required' });
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: as(s) })).json()).toMatchObject(
        {
          secondFactorSetupRequired: true,
        },
      );

      await enrol(app, s);
      expect((await app.inject({ method: 'GET', url: '/api/admin/users', headers: as(s) })).statusCode).toBe(
        200,
      );
      // Mandatory: the owner cannot switch it off.
      const off = await post(app, s, '/api/auth/second-factor/disable', { password: TEST_PASSWORD });
      expect(off.statusCode).toBe(409);
    });

    it('other roles are not held up', async () => {
      const { app } = env();
      const t = await makeTenant(env().database.db);
      const res = await loginWith(app, t.users.integrationsfachkraft.email);
      expect(res.json().secondFactorSetupRequired).toBe(false);
    });
  },
  { LOTSE_ADMIN_TOTP: 'required' },
);
