import { randomUUID } from 'node:crypto';
import { readSheet } from 'read-excel-file/node';
import { expect, it } from 'vitest';
import { describeEachDb, type TestEnv } from '../support/databases';
import { as, login, makePerson, makeTenant, type TestTenant } from '../support/factories';

// Issue 15 (steering): targets with deadlines (CRUD, 409, 400, audit), the dashboard per role, the persons
// behind a number (authorised and audited), small cells hidden for the steering group incl. subtraction, and
// the XLSX/CSV export holding the dashboard's numbers.

const AS_OF = '2026-07-01';

async function municipality(env: TestEnv, t: TestTenant, name: string, lat: number, lon: number) {
  const m = await env.database.db
    .insertInto('municipality')
    .values({ tenant_id: t.tenantId, name: `${name} ${randomUUID().slice(0, 4)}`, lat, lon })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  return m;
}

/** 12 women and 3 men in A, 6 women in B; all taken in on 10.01.2026; the 12 women of A of the advisor. */
async function county(env: TestEnv, t: TestTenant) {
  const db = env.database.db;
  const a = await municipality(env, t, 'Aheim', 52.3, 8.1);
  const b = await municipality(env, t, 'Bdorf', 52.0, 8.6);
  const advisor = t.users.integrationsfachkraft;
  const ids: Record<string, string[]> = { womenA: [], menA: [], womenB: [] };
  const add = async (key: string, n: number, over: Record<string, unknown>) => {
    for (let i = 0; i < n; i++) {
      const p = await makePerson(db, t, { givenNames: `${key}${i}`, ...over });
      await db
        .updateTable('person')
        .set({ ip_entry_date: '2026-01-10' })
        .where('tenant_id', '=', t.tenantId)
        .where('id', '=', p.id)
        .execute();
      ids[key].push(p.id);
    }
  };
  await add('womenA', 12, {
    gender: 'f',
    municipalityId: a.id,
    ownerUserId: advisor.id,
    ownerAgencyId: advisor.agencyId,
    team: 'team-jc',
  });
  await add('menA', 3, { gender: 'm', municipalityId: a.id, ownerAgencyId: t.agencies.agentur_fuer_arbeit });
  await add('womenB', 6, {
    gender: 'f',
    municipalityId: b.id,
    ownerAgencyId: t.agencies.agentur_fuer_arbeit,
  });
  return { a, b, ids };
}

type Ind = { id: string; value: number | null; suppressed: boolean };
const ind = (body: { indicators: Ind[] }, id: string) => body.indicators.find((i) => i.id === id) as Ind;

describeEachDb('steering: targets, dashboards per role, drill-down, exports', (env) => {
  it('targets: create, a field alone, 409 on a stale version, 400 in German, delete; audited', async () => {
    const { app, database } = env();
    const t = await makeTenant(database.db);
    const k = await login(app, t.users.koordination.email);
    const post = (payload: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: '/api/statistics/targets', headers: as(k), payload });
    const created = await post({
      indicatorId: 'in_work_share',
      label: 'Die Hälfte in Arbeit',
      targetValue: 0.5,
      deadline: '2027-12-31',
    });
    expect(created.statusCode, created.body).toBe(201);
    const target = created.json();
    expect(target).toMatchObject({ direction: 'at_least', baselineOn: null, version: 1 });

    const patch = (payload: Record<string, unknown>) =>
      app.inject({ method: 'PATCH', url: `/api/statistics/targets/${target.id}`, headers: as(k), payload });
    const renamed = await patch({ label: 'Hälfte in Arbeit bis Ende 2027', version: 1 });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toEqual({ ...target, label: 'Hälfte in Arbeit bis Ende 2027', version: 2 });

    const stale = await patch({ targetValue: 0.6, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2, targetValue: 0.5 });

    const bad = await post({
      indicatorId: 'quatsch',
      label: '',
      targetValue: 'viel',
      deadline: '2027-02-30',
    });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json().issues as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['indicatorId', 'label', 'targetValue', 'deadline']));
    expect(bad.json().issues.find((i: { path: string }) => i.path === 'indicatorId').message).toMatch(
      /Kennzahl/,
    );
    const share = await patch({ targetValue: 50, version: 2 });
    expect(share.statusCode).toBe(400);
    expect(share.json().issues).toEqual([
      { path: 'targetValue', message: 'Ein Anteil liegt zwischen 0 und 1 (0 % bis 100 %)' },
    ]);
    const baseline = await patch({ baselineOn: '2028-01-01', version: 2 });
    expect(baseline.json().issues[0].path).toBe('baselineOn');

    // The advisor reads targets but may not set them; the front desk sees no steering at all.
    const advisor = await login(app, t.users.integrationsfachkraft.email);
    expect(
      (await app.inject({ method: 'GET', url: '/api/statistics/targets', headers: as(advisor) })).json(),
    ).toHaveLength(1);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/statistics/targets',
          headers: as(advisor),
          payload: { indicatorId: 'caseload', label: 'x', targetValue: 1, deadline: '2027-01-01' },
        })
      ).statusCode,
    ).toBe(403);

    const delStale = await app.inject({
      method: 'DELETE',
      url: `/api/statistics/targets/${target.id}?version=1`,
      headers: as(k),
    });
    expect(delStale.statusCode).toBe(409);
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/statistics/targets/${target.id}?version=2`,
      headers: as(k),
    });
    expect(del.statusCode, del.body).toBe(200);
    const audit = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', t.tenantId)
      .where('entity', '=', 'statistics_target')
      .orderBy('id')
      .execute();
    expect(audit.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
  });

  it('dashboards per role: the advisor their caseload, the coordination the whole IP, both unsuppressed', async () => {
    const { app, database } = env();
    const t = await makeTenant(database.db);
    const { a } = await county(env(), t);
    const k = await login(app, t.users.koordination.email);
    await app.inject({
      method: 'POST',
      url: '/api/statistics/targets',
      headers: as(k),
      payload: { indicatorId: 'caseload', label: '30 Fälle', targetValue: 30, deadline: '2026-12-31' },
    });
    const get = async (s: Awaited<ReturnType<typeof login>>, q: string) => {
      const r = await app.inject({ method: 'GET', url: `/api/statistics/dashboard?${q}`, headers: as(s) });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const region = await get(k, `asOf=${AS_OF}`);
    expect(region).toMatchObject({
      view: 'ip',
      smallCellsHidden: false,
      mayDrillDown: true,
      mayManageTargets: true,
    });
    expect(ind(region, 'caseload').value).toBe(21);
    expect(region.funnel[0]).toMatchObject({ id: 'funnel_intake', value: 21 });
    expect(region.map.tiles.find((m: { municipalityId: string }) => m.municipalityId === a.id)).toMatchObject(
      {
        caseload: 15,
        suppressed: false,
      },
    );
    // The trend: month ends of a year; before the intake day nobody.
    expect(region.trend).toHaveLength(12);
    expect(region.trend[0]).toEqual({ on: '2025-08-31', caseload: 0, inWorkShare: null });
    expect(region.trend.at(-1)).toMatchObject({ on: AS_OF, caseload: 21 });
    expect(region.targets[0]).toMatchObject({ label: '30 Fälle', current: 21, distance: 9, unit: 'count' });
    expect(region.targets[0].points.at(-1)).toEqual({ on: AS_OF, value: 21 });

    // The coordination may open every case: the 3 men of A are shown (the steering group's view hides them).
    expect(ind(await get(k, `asOf=${AS_OF}&municipality=${a.id}&gender=m`), 'caseload').value).toBe(3);

    const advisor = await login(app, t.users.integrationsfachkraft.email);
    const own = await get(advisor, `asOf=${AS_OF}&gender=m`);
    // The advisor's team scope reaches the Jobcenter's cases: the 12 women of A; no man among them.
    expect(own).toMatchObject({ view: 'caseload', smallCellsHidden: false, mayManageTargets: false });
    expect(ind(own, 'caseload')).toMatchObject({ value: 0, suppressed: false });
    expect(ind(await get(advisor, `asOf=${AS_OF}`), 'caseload').value).toBe(12);
  });

  it('the steering group (partner) sees no small cell, and no subtraction reveals one', async () => {
    const { app, database } = env();
    const t = await makeTenant(database.db);
    const { a } = await county(env(), t);
    const p = await login(app, t.users.partner.email);
    const get = async (q: string) => {
      const r = await app.inject({ method: 'GET', url: `/api/statistics/dashboard?${q}`, headers: as(p) });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const all = await get(`asOf=${AS_OF}&municipality=${a.id}`);
    expect(ind(all, 'caseload')).toMatchObject({ value: 15, suppressed: false });
    expect(all.mayDrillDown).toBe(false);
    const men = await get(`asOf=${AS_OF}&municipality=${a.id}&gender=m`);
    expect(ind(men, 'caseload')).toMatchObject({ value: null, suppressed: true });
    // 12 women alone would be shown, but 15 − 12 = the 3 men: the women's cell is hidden too.
    const women = await get(`asOf=${AS_OF}&municipality=${a.id}&gender=f`);
    expect(ind(women, 'caseload')).toMatchObject({ value: null, suppressed: true });
    expect(women.funnel[0]).toMatchObject({ value: null, suppressed: true });
    // The map of the men: both municipalities hidden (3 and 0 → the 3 alone; no second cell to pair with).
    const menMap = men.map.tiles.find((m: { municipalityId: string }) => m.municipalityId === a.id);
    expect(menMap).toMatchObject({ caseload: null, suppressed: true });
    // Same for the CSV export of the steering group.
    const csv = await app.inject({
      method: 'GET',
      url: `/api/statistics/export?asOf=${AS_OF}&municipality=${a.id}&gender=f&format=csv`,
      headers: as(p),
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('"Fälle im Integration Point";"unter 5 – nicht gezeigt"');
    // The partner sees no person behind a number.
    const dd = await app.inject({
      method: 'GET',
      url: `/api/statistics/drilldown?asOf=${AS_OF}&indicator=caseload`,
      headers: as(p),
    });
    expect(dd.statusCode).toBe(403);
  });

  it('drill-down: only persons the reader may open, paged, one audit row per call', async () => {
    const { app, database } = env();
    const t = await makeTenant(database.db);
    const { a, ids } = await county(env(), t);
    const k = await login(app, t.users.koordination.email);
    const dd = (s: Awaited<ReturnType<typeof login>>, q: string) =>
      app.inject({ method: 'GET', url: `/api/statistics/drilldown?asOf=${AS_OF}&${q}`, headers: as(s) });
    const page1 = await dd(k, `indicator=caseload&municipality=${a.id}&limit=10`);
    expect(page1.statusCode, page1.body).toBe(200);
    expect(page1.json()).toMatchObject({ indicator: 'caseload', total: 15 });
    expect(page1.json().items).toHaveLength(10);
    expect(page1.json().items[0]).toMatchObject({ municipality: a.name, intakeOn: '2026-01-10' });
    const page2 = (await dd(k, `indicator=caseload&municipality=${a.id}&limit=10&offset=10`)).json();
    expect(page2.items).toHaveLength(5);
    const listed = new Set([...page1.json().items, ...page2.items].map((i: { id: string }) => i.id));
    expect(listed).toEqual(new Set([...ids.womenA, ...ids.menA]));

    // The advisor: the same number in the region has 21 persons, the advisor's list holds the 12 own ones.
    const advisor = await login(app, t.users.integrationsfachkraft.email);
    const own = (await dd(advisor, 'indicator=caseload&limit=50')).json();
    expect(own.total).toBe(12);
    expect(new Set(own.items.map((i: { id: string }) => i.id))).toEqual(new Set(ids.womenA));

    const bad = await dd(k, 'indicator=course_seat_use');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0]).toMatchObject({ path: 'query.indicator' });
    const desk = await login(app, t.users.eingangszone.email);
    expect((await dd(desk, 'indicator=caseload')).statusCode).toBe(403);

    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'user_id', 'details'])
      .where('tenant_id', '=', t.tenantId)
      .where('action', '=', 'search')
      .where('entity', '=', 'person')
      // In the order written: without it PostgreSQL may return the rows in any order.
      .orderBy('id')
      .execute();
    expect(audit).toHaveLength(3);
    const details = audit.map((r) => (typeof r.details === 'string' ? JSON.parse(r.details) : r.details));
    expect(details.map((d) => d.drilldown)).toEqual(['caseload', 'caseload', 'caseload']);
    expect(details[0]).toMatchObject({ asOf: AS_OF, results: 10, total: 15 });
  });

  it('the XLSX export holds the numbers of the dashboard, one sheet per table', async () => {
    const { app, database } = env();
    const t = await makeTenant(database.db);
    const { a } = await county(env(), t);
    const k = await login(app, t.users.koordination.email);
    const q = `asOf=${AS_OF}`;
    const dash = (
      await app.inject({ method: 'GET', url: `/api/statistics/dashboard?${q}`, headers: as(k) })
    ).json();
    const x = await app.inject({
      method: 'GET',
      url: `/api/statistics/export?${q}&format=xlsx`,
      headers: as(k),
    });
    expect(x.statusCode, x.body).toBe(200);
    expect(x.headers['content-type']).toMatch(/spreadsheetml/);
    const sheet = await readSheet(x.rawPayload, 'Kennzahlen');
    expect(sheet[0]).toEqual(['Kennzahl', 'Wert', 'Zähler', 'Nenner']);
    const row = sheet.find((r) => r[0] === 'Fälle im Integration Point');
    expect(row?.[1]).toBe(ind(dash, 'caseload').value);
    const places = await readSheet(x.rawPayload, 'Kommunen');
    expect(places.find((r) => r[0] === a.name)?.[1]).toBe(15);
    const funnel = await readSheet(x.rawPayload, 'Weg in Arbeit');
    expect(funnel[1]).toEqual(['Offene Fälle', dash.funnel[0].value]);
    const audit = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', t.tenantId)
      .where('entity', '=', 'statistics')
      .execute();
    expect(audit.map((r) => r.action).sort()).toEqual(['export', 'statistics']);
  });
});
