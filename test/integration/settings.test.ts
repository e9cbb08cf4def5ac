import { expect, it } from 'vitest';
import { describeEachDb } from '../support/databases';
import { as, login, makeTenant } from '../support/factories';

describeEachDb('region settings (maximum IP stay, retention periods)', (env) => {
  it('shows the defaults, saves a change under the version read, answers 409 to a stale save and 400 naming the field', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    const admin = await login(env().app, t.users.admin.email);
    const read = await env().app.inject({ method: 'GET', url: '/api/admin/settings', headers: as(admin) });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ ipMaxStayMonths: 12, retentionYears: { sgb2: 10, sgb3_only: 5 } });
    const version = read.json().version as number;

    const saved = await env().app.inject({
      method: 'PATCH',
      url: '/api/admin/settings',
      headers: as(admin),
      payload: { version, ipMaxStayMonths: 18, retentionYears: { sgb3_only: 6 } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      ipMaxStayMonths: 18,
      retentionYears: { sgb2: 10, sgb3_only: 6 },
      version: version + 1,
    });

    // A second administrator who read before that change must not overwrite it.
    const stale = await env().app.inject({
      method: 'PATCH',
      url: '/api/admin/settings',
      headers: as(admin),
      payload: { version, ipMaxStayMonths: 9 },
    });
    expect(stale.statusCode).toBe(409);
    const after = await env().app.inject({ method: 'GET', url: '/api/admin/settings', headers: as(admin) });
    expect(after.json().ipMaxStayMonths).toBe(18);

    const bad = await env().app.inject({
      method: 'PATCH',
      url: '/api/admin/settings',
      headers: as(admin),
      payload: { version: version + 1, retentionYears: { sgb2: 0 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toBe('retentionYears.sgb2');

    const audited = await db
      .selectFrom('audit_log')
      .select('details')
      .where('tenant_id', '=', t.tenantId)
      .where('action', '=', 'settings_change')
      .execute();
    expect(audited).toHaveLength(1);
    expect(audited[0].details).toMatchObject({
      before: { ipMaxStayMonths: 12 },
      after: { ipMaxStayMonths: 18 },
    });

    // Only the administration may change them.
    const desk = await login(env().app, t.users.eingangszone.email);
    expect(
      (await env().app.inject({ method: 'GET', url: '/api/admin/settings', headers: as(desk) })).statusCode,
    ).toBe(403);
  });
});
