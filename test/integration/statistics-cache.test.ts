import { expect, it } from 'vitest';
import { addDays, todayInGermany } from '../../src/domain/reference/dates';
import { clearRegionFacts } from '../../src/server/modules/statistics/facts-cache';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant } from '../support/factories';

/**
 * Issue 15, Land scale: the indicators are counted from facts kept in memory per region
 * (statistics/facts-cache.ts). They must stay correct when facts arrive or are corrected by any module
 * (the change log is written by triggers, so no module has to remember to tell the cache).
 */
describeEachDb('statistics facts stay correct under new facts and corrections', (env) => {
  it('counts a new intake, a correction, a test, and a merge, each on the next request', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const p = await makePerson(db, t, { givenNames: `Frau${i}`, gender: 'f' });
      await db
        .updateTable('person')
        .set({ ip_entry_date: '2026-03-01' })
        .where('tenant_id', '=', t.tenantId)
        .where('id', '=', p.id)
        .execute();
      ids.push(p.id);
    }
    const s = await login(env().app, t.users.koordination.email);
    const value = async (q: string, id: string) => {
      const r = await env().app.inject({
        method: 'GET',
        url: `/api/statistics/indicators?${q}`,
        headers: as(s),
      });
      expect(r.statusCode, r.body).toBe(200);
      return r.json().indicators.find((i: { id: string }) => i.id === id) as {
        value: number | null;
        numerator: number | null;
        denominator: number | null;
      };
    };
    expect((await value('asOf=2026-06-30', 'caseload')).value).toBe(8);
    // The dashboards (their trends are aggregates kept current person by person), for the coordination and
    // for a partner of the steering group (small cells hidden, subtraction check), asked before the changes.
    const partner = await login(env().app, t.users.partner.email);
    const dashboards = async () => {
      const out: unknown[] = [];
      for (const reader of [s, partner])
        for (const q of ['asOf=2026-06-30', 'asOf=2026-12-31&gender=f', 'asOf=2026-12-31&gender=m'])
          out.push(
            (
              await env().app.inject({
                method: 'GET',
                url: `/api/statistics/dashboard?${q}`,
                headers: as(reader),
              })
            ).json(),
          );
      return out;
    };
    await dashboards();

    // A new person: counted on the next request.
    const seventh = await makePerson(db, t, { givenNames: 'Frau7', gender: 'f' });
    await db
      .updateTable('person')
      .set({ ip_entry_date: '2026-04-01' })
      .where('tenant_id', '=', t.tenantId)
      .where('id', '=', seventh.id)
      .execute();
    expect((await value('asOf=2026-06-30', 'caseload')).value).toBe(9);
    expect((await value('asOf=2026-03-31', 'caseload')).value).toBe(8);

    // A correction: the case was closed on 1 May — the day before still counts it.
    await db
      .updateTable('person')
      .set({ closed_on: '2026-05-01' })
      .where('tenant_id', '=', t.tenantId)
      .where('id', '=', ids[0])
      .execute();
    expect((await value('asOf=2026-06-30', 'caseload')).value).toBe(8);
    expect((await value('asOf=2026-04-30', 'caseload')).value).toBe(9);

    // Tests recorded: seven persons at B2 from 2 June.
    await db
      .insertInto('language_assessment')
      .values(
        ids.slice(1).map((personId) => ({
          tenant_id: t.tenantId,
          person_id: personId,
          assessed_on: '2026-06-02',
          test_kind: 'dtz',
          overall: 'B2',
        })),
      )
      .execute();
    expect((await value('asOf=2026-06-30', 'b2_share')).numerator).toBe(7);
    expect((await value('asOf=2026-06-01', 'b2_share')).numerator).toBe(0);

    // A merge: the duplicate is the same person as its survivor and leaves the count.
    await db
      .updateTable('person')
      .set({ merged_into: ids[1] })
      .where('tenant_id', '=', t.tenantId)
      .where('id', '=', seventh.id)
      .execute();
    expect((await value('asOf=2026-06-30', 'caseload')).value).toBe(7);

    // A correction of a test (deleted as wrongly recorded).
    await db
      .deleteFrom('language_assessment')
      .where('tenant_id', '=', t.tenantId)
      .where('person_id', '=', ids[1])
      .execute();
    expect((await value('asOf=2026-06-30', 'b2_share')).numerator).toBe(6);

    // Up to here every change named its persons: the dashboards' aggregates were kept current person by
    // person, and count what a fresh load counts.
    const kept = await dashboards();
    clearRegionFacts();
    expect(await dashboards()).toEqual(kept);

    // A measure in the cooperation plans of five persons (saved today), then the measure's end moved
    // to yesterday: a change of the measure (no person named) reloads the region.
    const today = todayInGermany();
    const measure = await db
      .insertInto('measure')
      .values({
        tenant_id: t.tenantId,
        title: 'Berufsorientierung',
        type: 'berufsorientierung',
        provider: 'Bildungswerk',
        start_date: '2026-01-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const personId of ids.slice(2, 7)) {
      const plan = await db
        .insertInto('plan')
        .values({ tenant_id: t.tenantId, person_id: personId, current_version: 1 })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('plan_version')
        .values({
          tenant_id: t.tenantId,
          plan_id: plan.id,
          version: 1,
          content: JSON.stringify({
            goals: [
              {
                id: 'g1',
                text: 'Arbeit',
                steps: [
                  {
                    id: 's1',
                    text: 'Kurs',
                    owner: 'client',
                    dueOn: today,
                    status: 'open',
                    measureId: measure.id,
                  },
                ],
              },
            ],
          }) as never,
        })
        .execute();
    }
    expect((await value(`asOf=${today}`, 'in_measure_share')).numerator).toBe(5);
    await db
      .updateTable('measure')
      .set({ end_date: addDays(today, -1) })
      .where('tenant_id', '=', t.tenantId)
      .where('id', '=', measure.id)
      .execute();
    expect((await value(`asOf=${today}`, 'in_measure_share')).numerator).toBe(0);
    expect((await value(`asOf=${addDays(today, -1)}`, 'in_measure_share')).numerator).toBe(0);

    // The facts brought up to date step by step count what a fresh load counts, on every day and filter.
    const tables = async () => {
      const out: unknown[] = [];
      for (const q of ['asOf=2026-06-30', 'asOf=2026-04-30&gender=f', 'asOf=2026-06-02'])
        out.push(
          (
            await env().app.inject({ method: 'GET', url: `/api/statistics/indicators?${q}`, headers: as(s) })
          ).json(),
        );
      return out;
    };
    const stepwise = await tables();
    const stepwiseDashboards = await dashboards();
    clearRegionFacts();
    expect(await tables()).toEqual(stepwise);
    expect(await dashboards()).toEqual(stepwiseDashboards);

    // Every change was logged by the triggers, with the persons touched.
    const logged = await db
      .selectFrom('statistics_change')
      .select('person_id')
      .where('tenant_id', '=', t.tenantId)
      .execute();
    expect(new Set(logged.map((r) => r.person_id))).toEqual(new Set([...ids, seventh.id, null]));
  });
});

describeEachDb('statistics facts beyond the memory budget', (env) => {
  it('drops the region used longest ago and counts it right when it comes back', async () => {
    const db = env().database.db;
    const before = process.env.LOTSE_STATISTICS_CACHE_PERSONS;
    process.env.LOTSE_STATISTICS_CACHE_PERSONS = '6';
    try {
      const regions: {
        t: Awaited<ReturnType<typeof makeTenant>>;
        n: number;
        s: Awaited<ReturnType<typeof login>>;
      }[] = [];
      for (const n of [5, 6]) {
        const t = await makeTenant(db);
        for (let i = 0; i < n; i++) await makePerson(db, t, { givenNames: `P${i}` });
        regions.push({ t, n, s: await login(env().app, t.users.koordination.email) });
      }
      const caseload = async (r: (typeof regions)[number]) =>
        (
          await env().app.inject({
            method: 'GET',
            url: '/api/statistics/indicators?asOf=2099-12-31',
            headers: as(r.s),
          })
        )
          .json()
          .indicators.find((i: { id: string }) => i.id === 'caseload').value;
      // 5 + 6 persons do not fit into 6: each use drops the other region; the counts stay right.
      for (let round = 0; round < 2; round++) for (const r of regions) expect(await caseload(r)).toBe(r.n);
    } finally {
      if (before === undefined) delete process.env.LOTSE_STATISTICS_CACHE_PERSONS;
      else process.env.LOTSE_STATISTICS_CACHE_PERSONS = before;
    }
  });
});
