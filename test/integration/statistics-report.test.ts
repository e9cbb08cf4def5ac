import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { monthRange } from '../../src/domain/statistics/forecast';
import type { ForecastOut } from '../../src/server/modules/statistics/forecast-schema';
import { reportHtml } from '../../src/server/modules/statistics/report-html';
import type { ReportOut } from '../../src/server/modules/statistics/report-schema';
import { type DbTarget, describeEachDb, type TestEnv } from '../support/databases';
import { as, login, makePerson, makeTenant, type TestTenant } from '../support/factories';

// Issue 15: the forecast (GET /api/statistics/forecast) and the monthly report (page data and PDF).

/**
 * A region with a hand-made history: six intakes in each month from May 2025 to April 2026, but only two in
 * September 2025 (a small cell); two of all the persons are women; every second person went on the
 * waitlist ten days after intake; one course of 20 seats starts in June 2026.
 */
async function region(env: TestEnv): Promise<TestTenant> {
  const db = env.database.db;
  const t = await makeTenant(db);
  let n = 0;
  for (const month of monthRange('2025-05', '2026-04'))
    for (let i = 0; i < (month === '2025-09' ? 2 : 6); i++) {
      const p = await makePerson(db, t, { givenNames: `Person${n}`, gender: n < 2 ? 'f' : 'm' });
      await db
        .updateTable('person')
        .set({ ip_entry_date: `${month}-05` })
        .where('id', '=', p.id)
        .execute();
      if (n % 2 === 0)
        await db
          .insertInto('waitlist_entry')
          .values({
            tenant_id: t.tenantId,
            person_id: p.id,
            course_types: ['ik_allgemein'],
            since: `${month}-15`,
          })
          .execute();
      n++;
    }
  const m = await db
    .insertInto('municipality')
    .values({ tenant_id: t.tenantId, name: `Herford ${randomUUID()}`, lat: 52.1, lon: 8.67 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const place = await db
    .insertInto('course_place')
    .values({
      tenant_id: t.tenantId,
      kind: 'venue',
      name: 'VHS',
      municipality_id: m.id,
      lat: 52.1,
      lon: 8.67,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const provider = await db
    .insertInto('course_provider')
    .values({ tenant_id: t.tenantId, agency_id: t.agencies.bildungstraeger })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('course')
    .values({
      tenant_id: t.tenantId,
      provider_id: provider.id,
      place_id: place.id,
      ref: `IK-${randomUUID().slice(0, 8)}`,
      course_type: 'ik_allgemein',
      entry_levels: ['A1'],
      hours: 700,
      start_date: '2026-06-08',
      seats: 20,
    })
    .execute();
  return t;
}

const audits = (env: TestEnv, t: TestTenant, entity: string) =>
  env.database.db
    .selectFrom('audit_log')
    .select(['action', 'details'])
    .where('tenant_id', '=', t.tenantId)
    .where('entity', '=', entity)
    .orderBy('id')
    .execute();

describeEachDb('forecast and monthly report', (env: () => TestEnv, _target: DbTarget) => {
  it('forecasts from the history before the month, under a scenario, hiding small history cells; audited', async () => {
    const t = await region(env());
    const s = await login(env().app, t.users.koordination.email);
    const get = (q: string) =>
      env().app.inject({ method: 'GET', url: `/api/statistics/forecast?${q}`, headers: as(s) });

    const res = await get('from=2026-05');
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json() as ForecastOut;
    expect(f.history.map((h) => h.month)).toEqual(monthRange('2025-05', '2026-04'));
    expect(f.history[0]).toEqual({ month: '2025-05', arrivals: 6, demand: null }); // 3 requests: under 5
    expect(f.history.find((h) => h.month === '2025-09')?.arrivals).toBeNull(); // 2 intakes: not shown
    expect(f.months).toHaveLength(12);
    expect(f.months[0].month).toBe('2026-05');
    expect(f.months[1].seats).toBe(20);
    expect(f.totals.seats).toBe(20);
    expect(f.months[0].arrivals).toBeGreaterThan(4);
    expect(f.months[0].arrivals).toBeLessThan(7);
    expect(f.waitingNow).toBe(34); // every second of 68 persons
    expect(f.backtest.arrivals.origins).toBe(6);
    expect(f.scenario).toEqual({ factor: 1, annualArrivals: null });

    const doubled = (await get('from=2026-05&factor=2')).json() as ForecastOut;
    expect(doubled.months[0].arrivals).toBeCloseTo(f.months[0].arrivals * 2, 0);
    const herford = (await get('from=2026-05&annualArrivals=1200')).json() as ForecastOut;
    expect(herford.totals.arrivals).toBe(1200);
    expect(herford.scenario.annualArrivals).toBe(1200);

    const bad = await get('from=2026-13&factor=9');
    expect(bad.statusCode).toBe(400);
    expect((bad.json().issues as { path: string }[]).map((i) => i.path)).toEqual(
      expect.arrayContaining(['query.from', 'query.factor']),
    );
    const both = await get('factor=2&annualArrivals=450');
    expect(both.statusCode).toBe(400);
    expect(both.body).toContain('nicht beides');

    const rows = await audits(env(), t, 'forecast');
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.action === 'statistics')).toBe(true);
  });

  it('refuses the forecast and the report to roles without the statistics permission', async () => {
    const t = await makeTenant(env().database.db);
    for (const role of ['eingangszone', 'integrationsfachkraft', 'partner_bildungstraeger']) {
      const s = await login(env().app, t.users[role].email);
      for (const url of [
        '/api/statistics/forecast',
        '/api/statistics/report?month=2026-04',
        '/api/statistics/report.pdf?month=2026-04',
      ]) {
        const res = await env().app.inject({ method: 'GET', url, headers: as(s) });
        expect(res.statusCode, `${role} ${url}`).toBe(403);
      }
    }
    expect(await audits(env(), t, 'forecast')).toHaveLength(0);
  });

  it('answers the monthly report with both month ends, trend, forecast and protected group tables', async () => {
    const t = await region(env());
    const s = await login(env().app, t.users.koordination.email);
    const res = await env().app.inject({
      method: 'GET',
      url: '/api/statistics/report?month=2026-04',
      headers: as(s),
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as ReportOut;
    expect(r).toMatchObject({ month: '2026-04', asOf: '2026-04-30', previousAsOf: '2026-03-31' });
    const caseload = r.indicators.find((i) => i.id === 'caseload');
    expect(caseload).toMatchObject({ value: 68, previous: 62, previousSuppressed: false });
    expect(r.trend.map((x) => x.asOf)[0]).toBe('2025-05-31');
    expect(r.trend.at(-1)?.caseload).toBe(68);
    expect(r.forecast.from).toBe('2026-05');
    // Two women: hidden, and the men with them (the total would tell the women otherwise).
    const gender = r.groups.find((g) => g.key === 'gender');
    expect(gender?.rows.find((x) => x.key === 'f')).toMatchObject({ caseload: null, suppressed: true });
    expect(gender?.rows.find((x) => x.key === 'm')).toMatchObject({ caseload: null, suppressed: true });
    // The HTML the PDF is printed from shows the hidden cells as "unter 5", never the number.
    const html = reportHtml(r);
    expect(html).toContain('unter 5');
    expect(html).toContain('April 2026');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/2026-04-30/);

    const future = await env().app.inject({
      method: 'GET',
      url: '/api/statistics/report?month=2099-01',
      headers: as(s),
    });
    expect(future.statusCode).toBe(400);
    expect(await audits(env(), t, 'report')).toHaveLength(1);
  });

  it('prints the report as a PDF with Chromium, audited once', async () => {
    const t = await region(env());
    const s = await login(env().app, t.users.koordination.email);
    const started = performance.now();
    const res = await env().app.inject({
      method: 'GET',
      url: '/api/statistics/report.pdf?month=2026-04',
      headers: as(s),
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('monatsbericht-2026-04.pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(performance.now() - started).toBeLessThan(30_000);
    const rows = await audits(env(), t, 'report');
    expect(rows).toHaveLength(1);
    expect(rows[0].details).toMatchObject({ month: '2026-04', format: 'pdf' });
  }, 60_000);
});

describeEachDb(
  'monthly report PDF without Chromium',
  (env) => {
    it('answers 503 with a German message and audits nothing', async () => {
      const t = await makeTenant(env().database.db);
      const s = await login(env().app, t.users.koordination.email);
      const res = await env().app.inject({
        method: 'GET',
        url: '/api/statistics/report.pdf?month=2026-04',
        headers: as(s),
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().error).toMatch(/Chromium ist auf dem Server nicht installiert/);
      expect(await audits(env(), t, 'report')).toHaveLength(0);
    });
  },
  { LOTSE_CHROMIUM_PATH: '/nonexistent/chromium' },
);
