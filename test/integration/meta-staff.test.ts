import { expect, it } from 'vitest';
import { describeEachDb } from '../support/databases';
import { as, login, makeTenant } from '../support/factories';

describeEachDb('GET /api/meta/staff', (env) => {
  it('lists the active staff of one agency of the own region (name, id, role), never admins or disabled accounts', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    const other = await makeTenant(db);
    await db
      .updateTable('app_user')
      .set({ disabled_at: new Date() })
      .where('id', '=', t.users.sprachberatung.id)
      .execute();
    const s = await login(env().app, t.users.eingangszone.email);

    const jc = await env().app.inject({
      method: 'GET',
      url: `/api/meta/staff?agencyId=${t.agencies.jobcenter}`,
      headers: as(s),
    });
    expect(jc.statusCode).toBe(200);
    const staff = jc.json() as { id: string; name: string; role: string }[];
    expect(staff).toEqual([
      { id: t.users.integrationsfachkraft.id, name: 'integrationsfachkraft', role: 'integrationsfachkraft' },
    ]);
    expect(Object.keys(staff[0]).sort()).toEqual(['id', 'name', 'role']);

    const kreis = await env().app.inject({
      method: 'GET',
      url: `/api/meta/staff?agencyId=${t.agencies.kreis}`,
      headers: as(s),
    });
    const roles = (kreis.json() as { role: string }[]).map((u) => u.role).sort();
    expect(roles).toEqual(['eingangszone', 'koordination']);

    // Another region's agency: nothing.
    const foreign = await env().app.inject({
      method: 'GET',
      url: `/api/meta/staff?agencyId=${other.agencies.jobcenter}`,
      headers: as(s),
    });
    expect(foreign.statusCode).toBe(200);
    expect(foreign.json()).toEqual([]);
  });

  it('refuses a bad agency id (400) and answers 401 without a session', async () => {
    const t = await makeTenant(env().database.db);
    const s = await login(env().app, t.users.partner.email);
    const bad = await env().app.inject({ method: 'GET', url: '/api/meta/staff?agencyId=x', headers: as(s) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toBe('query.agencyId');
    const anon = await env().app.inject({
      method: 'GET',
      url: `/api/meta/staff?agencyId=${t.agencies.jobcenter}`,
    });
    expect(anon.statusCode).toBe(401);
  });
});
