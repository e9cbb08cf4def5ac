import { expect, it } from 'vitest';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant } from '../support/factories';

// Issue 12: the review queue for the clean-up after importing lists — candidate pairs side by side,
// merge or "not the same person" (remembered, never proposed again), audited.
describeEachDb('duplicate review queue', (env) => {
  async function setUp() {
    const db = env().database.db;
    const t = await makeTenant(db);
    const advisor = t.users.integrationsfachkraft;
    const own = { ownerUserId: advisor.id, ownerAgencyId: advisor.agencyId };
    const person = (
      givenNames: string,
      familyName: string,
      birthDate: string,
      precision: 'day' | 'year',
      nat: string,
    ) =>
      makePerson(db, t, {
        ...own,
        givenNames,
        familyName,
        birthDate,
        birthDatePrecision: precision,
        nationalities: [nat],
        gender: givenNames === 'Amina' ? 'f' : 'm',
      });
    const georgi = await person('Georgi', 'Gebremedhin', '1990-08-21', 'day', 'AF');
    const geogri = await person('Geogri', 'Gebremedhin', '1990-08-21', 'day', 'AF');
    const amina = await person('Amina', 'Demir', '1982-03-04', 'day', 'AF');
    const aminaYear = await person('Amina', 'Demir', '1982-01-01', 'year', 'AF');
    await person('Tesfay', 'Berhe', '1975-05-05', 'day', 'ER');
    const s = await login(env().app, advisor.email);
    return { db, t, s, georgi, geogri, amina, aminaYear };
  }
  type Pair = {
    id: string;
    version: number;
    score: number;
    a: { id: string; version: number };
    b: { id: string; version: number };
  };
  const key = (x: string, y: string) => [x, y].sort().join('|');

  it('proposes the pairs side by side, remembers "not the same person", merges, and audits each act once', async () => {
    const { db, t, s, georgi, geogri, amina, aminaYear } = await setUp();
    const app = env().app;
    const run = await app.inject({ method: 'POST', url: '/api/duplicates/review/run', headers: as(s) });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ records: 5, proposed: 2 });

    const list = async () => {
      const r = await app.inject({ method: 'GET', url: '/api/duplicates/review', headers: as(s) });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { pairs: Pair[]; total: number; lastRun: { records: number } };
    };
    const first = await list();
    expect(first.total).toBe(2);
    expect(first.lastRun.records).toBe(5);
    const byKey = new Map(first.pairs.map((p) => [key(p.a.id, p.b.id), p]));
    const typo = byKey.get(key(georgi.id, geogri.id)) as Pair;
    const yearOnly = byKey.get(key(amina.id, aminaYear.id)) as Pair;
    expect(typo.score).toBeGreaterThanOrEqual(0.5);
    expect(yearOnly).toBeDefined();

    // "Not the same person": remembered — a new run does not propose the pair again.
    const distinct = await app.inject({
      method: 'POST',
      url: `/api/duplicates/review/${typo.id}/decision`,
      headers: as(s),
      payload: { decision: 'distinct', version: typo.version },
    });
    expect(distinct.statusCode, distinct.body).toBe(200);
    const again = await app.inject({
      method: 'POST',
      url: `/api/duplicates/review/${typo.id}/decision`,
      headers: as(s),
      payload: { decision: 'distinct', version: typo.version },
    });
    expect(again.statusCode).toBe(409);
    await app.inject({ method: 'POST', url: '/api/duplicates/review/run', headers: as(s) });
    const second = await list();
    expect(second.pairs.map((p) => key(p.a.id, p.b.id))).toEqual([key(amina.id, aminaYear.id)]);

    // A survivor outside the pair is named on its field.
    const pair = second.pairs[0];
    const wrong = await app.inject({
      method: 'POST',
      url: `/api/duplicates/review/${pair.id}/decision`,
      headers: as(s),
      payload: {
        decision: 'merge',
        version: pair.version,
        survivorId: georgi.id,
        survivorVersion: 1,
        duplicateVersion: 1,
      },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues[0].path).toBe('survivorId');

    // The duplicate's file: a note, a recognition case, a competence profile with an occupation, a plan —
    // and the survivor has a plan of its own (one per person: the survivor's stays).
    const advisor = t.users.integrationsfachkraft;
    await db
      .insertInto('case_note')
      .values({
        tenant_id: t.tenantId,
        person_id: aminaYear.id,
        category: 'general',
        visibility: 'agency',
        text: 'Zeugnisse liegen vor',
        agency_id: advisor.agencyId,
      })
      .execute();
    await db
      .insertInto('recognition')
      .values({
        tenant_id: t.tenantId,
        person_id: aminaYear.id,
        qualification: 'Lehrerin',
        reference_occupation: 'Lehrerin',
      })
      .execute();
    await db.insertInto('work_profile').values({ tenant_id: t.tenantId, person_id: aminaYear.id }).execute();
    await db
      .insertInto('work_profile_occupation')
      .values({
        tenant_id: t.tenantId,
        person_id: aminaYear.id,
        esco_uri: 'http://data.europa.eu/esco/occupation/x',
        isco4: '2341',
        source: 'experience',
      })
      .execute();
    const [dupPlan, survivorPlan] = await Promise.all(
      [aminaYear.id, amina.id].map((id) =>
        db
          .insertInto('plan')
          .values({ tenant_id: t.tenantId, person_id: id })
          .returning('id')
          .executeTakeFirstOrThrow(),
      ),
    );

    // Merge: the full date stays, the year-only record points to it.
    const merged = await app.inject({
      method: 'POST',
      url: `/api/duplicates/review/${pair.id}/decision`,
      headers: as(s),
      payload: {
        decision: 'merge',
        version: pair.version,
        survivorId: amina.id,
        survivorVersion: amina.version,
        duplicateVersion: aminaYear.version,
      },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toEqual({ id: pair.id, state: 'merged' });
    const stub = await db
      .selectFrom('person')
      .select('merged_into')
      .where('id', '=', aminaYear.id)
      .executeTakeFirstOrThrow();
    expect(stub.merged_into).toBe(amina.id);
    const owner = async (table: 'case_note' | 'recognition' | 'work_profile' | 'work_profile_occupation') =>
      (
        await db
          .selectFrom(table)
          .select('person_id')
          .where('tenant_id', '=', t.tenantId)
          .where('person_id', 'in', [amina.id, aminaYear.id])
          .execute()
      ).map((r) => r.person_id);
    for (const table of ['case_note', 'recognition', 'work_profile', 'work_profile_occupation'] as const)
      expect(await owner(table), table).toEqual([amina.id]);
    const plans = await db
      .selectFrom('plan')
      .select(['id', 'person_id'])
      .where('tenant_id', '=', t.tenantId)
      .where('id', 'in', [dupPlan.id, survivorPlan.id])
      .execute();
    expect(new Map(plans.map((p) => [p.id, p.person_id]))).toEqual(
      new Map([
        [survivorPlan.id, amina.id],
        [dupPlan.id, aminaYear.id],
      ]),
    );
    expect((await list()).total).toBe(0);

    const audit = await db
      .selectFrom('audit_log')
      .select(['action'])
      .where('tenant_id', '=', t.tenantId)
      .where('action', 'in', ['duplicate_review_run', 'duplicate_review', 'duplicate_distinct'])
      .execute();
    const count = (a: string) => audit.filter((x) => x.action === a).length;
    expect(count('duplicate_review_run')).toBe(2);
    expect(count('duplicate_distinct')).toBe(1);
    // One row per list that showed persons (the first two lists; the empty one shows none).
    expect(count('duplicate_review')).toBe(2);
  });

  it('the intake check uses the same engine: a typo in one token and a year-only record are found', async () => {
    const { t, georgi, aminaYear } = await setUp();
    const desk = await login(env().app, t.users.eingangszone.email);
    const check = async (payload: Record<string, unknown>) => {
      const r = await env().app.inject({
        method: 'POST',
        url: '/api/persons/duplicate-check',
        headers: as(desk),
        payload,
      });
      expect(r.statusCode, r.body).toBe(200);
      return r.json().candidates as { id: string; score: number }[];
    };
    // Gebremdehin / Gebremedhin: the name-pair keys differ; the given name's token key finds the record.
    const typo = await check({
      givenNames: 'Georgi',
      familyName: 'Gebremdehin',
      birthDate: '1990-08-21',
      birthDatePrecision: 'day',
      nationalities: ['AF'],
      gender: 'm',
    });
    expect(typo[0]?.id).toBe(georgi.id);
    expect(typo[0].score).toBeGreaterThanOrEqual(0.5);
    // Capitals, swapped order, a full date against the stored year-only one.
    const swapped = await check({
      givenNames: 'DEMIR',
      familyName: 'AMINA',
      birthDate: '1982-07-30',
      birthDatePrecision: 'day',
      nationalities: ['AF'],
      gender: 'f',
    });
    expect(swapped.map((c) => c.id)).toContain(aminaYear.id);
  });

  it('is for those who may merge: coordination and partners are refused', async () => {
    const { t } = await setUp();
    for (const role of ['koordination', 'partner'] as const) {
      const s = await login(env().app, t.users[role].email);
      const r = await env().app.inject({ method: 'POST', url: '/api/duplicates/review/run', headers: as(s) });
      expect(r.statusCode, role).toBe(403);
      const l = await env().app.inject({ method: 'GET', url: '/api/duplicates/review', headers: as(s) });
      expect(l.statusCode, role).toBe(403);
    }
  });
});
