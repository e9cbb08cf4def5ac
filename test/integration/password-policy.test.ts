import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeEachDb } from '../support/databases';
import { as, login, makeTenant } from '../support/factories';

describeEachDb('password policy on the admin API', (env) => {
  it('refuses a short, a breached and an e-mail-derived password with the field named, in German', async () => {
    const t = await makeTenant(env().database.db);
    const admin = await login(env().app, t.users.admin.email);
    const create = (email: string, password: string) =>
      env().app.inject({
        method: 'POST',
        url: '/api/admin/users',
        headers: as(admin),
        payload: { email, displayName: 'Neue Kollegin', role: 'admin', agencyId: t.agencies.kreis, password },
      });
    const local = `anna.schmidt.${t.tenantId.slice(0, 8)}`;
    for (const [pw, msg] of [
      ['1234567890', /mindestens 12 Zeichen/],
      ['qwertyuiop123', /zu bekannt/],
      [`${local}-2026`, /E-Mail-Adresse/],
    ] as const) {
      const r = await create(`${local}@test.lotse`, pw);
      expect(r.statusCode, pw).toBe(400);
      expect(r.json().issues).toEqual([{ path: 'password', message: expect.stringMatching(msg) }]);
    }
    const ok = await create(`${local}@test.lotse`, 'Tannenbaum im Flur 7');
    expect(ok.statusCode).toBe(201);
    const reset = await env().app.inject({
      method: 'POST',
      url: `/api/admin/users/${t.users.eingangszone.id}/reset-password`,
      headers: as(admin),
      payload: { password: 'password1234' },
    });
    expect(reset.statusCode).toBe(400);
    expect(reset.json().issues[0].path).toBe('password');
  });
});

// The CLI as an operator uses it, on a PGlite data directory of its own.
describe('password policy in lotse user (PGlite)', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-pw-'));
  const { DATABASE_URL: _server, LOTSE_NEW_PASSWORD: _pw, ...env } = process.env;
  const lotse = (extra: Record<string, string>, ...args: string[]) =>
    spawnSync('node', ['bin/lotse.mjs', ...args], {
      encoding: 'utf8',
      env: { ...env, ...extra, LOTSE_DATA_DIR: dir, LOTSE_LOG_LEVEL: 'silent' },
    });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const create = (extra: Record<string, string>, ...more: string[]) =>
    lotse(
      extra,
      'user',
      'create',
      '--email',
      'chefin@demo.lotse',
      '--name',
      'Chefin',
      '--role',
      'admin',
      '--agency',
      'Jobcenter Kreis Herford',
      ...more,
    );

  it('refuses 1234567890 for an admin and honours LOTSE_NEW_PASSWORD', () => {
    expect(lotse({}, 'seed', '--demo', '--clients', '5').status).toBe(0);
    const weak = create({}, '--password', '1234567890');
    expect(weak.status).toBe(2);
    expect(weak.stderr).toMatch(/mindestens 12 Zeichen/);
    const weakEnv = create({ LOTSE_NEW_PASSWORD: '1234567890' });
    expect(weakEnv.status).toBe(2);
    const none = create({});
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/LOTSE_NEW_PASSWORD/);
    const ok = create({ LOTSE_NEW_PASSWORD: 'Tannenbaum im Flur 7' });
    expect(ok.status, ok.stderr).toBe(0);
    const reset = lotse(
      { LOTSE_NEW_PASSWORD: 'passwort2024' },
      'user',
      'reset-password',
      'chefin@demo.lotse',
    );
    expect(reset.status).toBe(2);
    expect(reset.stderr).toMatch(/zu bekannt/);
  });
});
