import { expect, it } from 'vitest';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant } from '../support/factories';

// CONTRACTS §7: GET /api/statistics/indicators answers the indicators as of a day, with small cells hidden.
describeEachDb('GET /api/statistics/indicators', (env) => {
  it('answers the contract shape for the coordination, counting only what was true on the day', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    for (let i = 0; i < 7; i++) {
      const p = await makePerson(db, t, { givenNames: `Frau${i}`, gender: 'f' });
      await db.updateTable('person').set({ ip_entry_date: '2026-03-01' }).where('id', '=', p.id).execute();
    }
    const m = await makePerson(db, t, { givenNames: 'Herr', gender: 'm' });
    await db.updateTable('person').set({ ip_entry_date: '2026-03-02' }).where('id', '=', m.id).execute();
    const s = await login(env().app, t.users.koordination.email);
    const get = (q: string) =>
      env().app.inject({ method: 'GET', url: `/api/statistics/indicators?${q}`, headers: as(s) });

    const before = await get('asOf=2026-02-28');
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().indicators.find((i: { id: string }) => i.id === 'caseload').value).toBe(0);

    const res = await get('asOf=2026-03-01&gender=f');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ asOf: '2026-03-01', filters: { gender: 'f' } });
    const caseload = body.indicators.find((i: { id: string }) => i.id === 'caseload');
    expect(caseload).toEqual({
      id: 'caseload',
      label: 'Fälle im Integration Point',
      value: 7,
      numerator: 7,
      denominator: null,
      suppressed: false,
    });
    for (const id of [
      'in_work_share',
      'b2_share',
      'new_intakes_90d',
      'exits_90d',
      'in_course_share',
      'waiting_share',
      'course_seat_use',
      'days_intake_to_first_course_median',
    ])
      expect(body.indicators.map((i: { id: string }) => i.id)).toContain(id);

    // One man: a cell of one person is not shown outside the own agency.
    const men = (await get('asOf=2026-03-02&gender=m')).json();
    expect(men.indicators.find((i: { id: string }) => i.id === 'caseload')).toMatchObject({
      value: null,
      suppressed: true,
    });
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', t.tenantId)
      .where('action', '=', 'statistics')
      .execute();
    expect(audit).toHaveLength(3);
  });

  it('refuses roles without the statistics permission, and bad input with the field in German', async () => {
    const t = await makeTenant(env().database.db);
    const desk = await login(env().app, t.users.eingangszone.email);
    expect(
      (
        await env().app.inject({
          method: 'GET',
          url: '/api/statistics/indicators?asOf=2026-06-30',
          headers: as(desk),
        })
      ).statusCode,
    ).toBe(403);
    const k = await login(env().app, t.users.koordination.email);
    const bad = await env().app.inject({
      method: 'GET',
      url: '/api/statistics/indicators?asOf=2026-02-30&rechtskreis=sgb12&ageGroup=alt',
      headers: as(k),
    });
    expect(bad.statusCode).toBe(400);
    const issues = bad.json().issues as { path: string; message: string }[];
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['query.asOf', 'query.rechtskreis', 'query.ageGroup']),
    );
    expect(issues.find((i) => i.path === 'query.rechtskreis')?.message).toMatch(/Rechtskreis/);
  });
});
