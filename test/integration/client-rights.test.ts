import { expect, it } from 'vitest';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant } from '../support/factories';

describeEachDb('client rights and merging', (env) => {
  it('exports everything about a person as JSON and as printable right-to-left HTML', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    const p = await makePerson(db, t, {
      ownerUserId: t.users.integrationsfachkraft.id,
      ownerAgencyId: t.agencies.jobcenter,
      team: 'team-jc',
      nameOriginal: 'محمد الحسن',
    });
    await db
      .insertInto('residence_status')
      .values({ tenant_id: t.tenantId, person_id: p.id, kind: 'gestattung', since: '2024-01-10' })
      .execute();
    const s = await login(env().app, t.users.integrationsfachkraft.email);
    const json = await env().app.inject({
      method: 'GET',
      url: `/api/persons/${p.id}/export`,
      headers: as(s),
    });
    expect(json.statusCode).toBe(200);
    const data = json.json();
    expect(data.person).toMatchObject({
      given_names: 'Mohammed',
      name_original: 'محمد الحسن',
      health_notes: 'Rückenleiden, kein schweres Heben',
    });
    expect(data.residenceStatusHistory).toHaveLength(1);
    expect(data.language).toMatchObject({ assessments: [], waitlist: [], enrolments: [] });
    expect(data.accessLog.some((a: { action: string }) => a.action === 'export')).toBe(true);
    expect(data.person.search_text).toBeUndefined();
    const html = await env().app.inject({
      method: 'GET',
      url: `/api/persons/${p.id}/export?format=html&lang=ar`,
      headers: as(s),
    });
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toContain('dir="rtl"');
    expect(html.body).toContain('معلومات عن البيانات المحفوظة عنك');
    expect(html.body).toContain('محمد الحسن');
    expect(html.body).not.toMatch(/<script/i);
  });

  it('reports due deletions in a dry run and deletes only what the dry run listed', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    const old = await makePerson(db, t);
    const recent = await makePerson(db, t);
    const open = await makePerson(db, t);
    await db
      .updateTable('person')
      .set({ case_status: 'closed', closed_on: '2012-05-01', rechtskreis: 'sgb2' })
      .where('id', '=', old.id)
      .execute();
    await db
      .updateTable('person')
      .set({ case_status: 'closed', closed_on: '2024-05-01', rechtskreis: 'sgb2' })
      .where('id', '=', recent.id)
      .execute();
    await db
      .insertInto('consent')
      .values({
        tenant_id: t.tenantId,
        person_id: old.id,
        purpose: 'integration',
        recipient_agency_id: t.agencies.sozialamt,
        data_categories: ['identity'],
        given_on: '2011-01-01',
      })
      .execute();
    const admin = await login(env().app, t.users.admin.email);
    const report = await env().app.inject({ method: 'GET', url: '/api/admin/retention', headers: as(admin) });
    expect(report.json().items.map((i: { id: string }) => i.id)).toEqual([old.id]);
    expect(report.json().items[0]).toMatchObject({ deleteFrom: '2022-05-01', years: 10 });
    const run = await env().app.inject({
      method: 'POST',
      url: '/api/admin/retention/execute',
      headers: as(admin),
      payload: { ids: [old.id, recent.id, open.id] },
    });
    expect(run.json()).toEqual({ deleted: 1 });
    const left = await db.selectFrom('person').select('id').where('tenant_id', '=', t.tenantId).execute();
    expect(left.map((r) => r.id).sort()).toEqual([recent.id, open.id].sort());
    expect(await db.selectFrom('consent').select('id').where('person_id', '=', old.id).execute()).toEqual([]);
  });

  it('merges a duplicate, keeping every history row, and audits both records', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    const own = {
      ownerUserId: t.users.integrationsfachkraft.id,
      ownerAgencyId: t.agencies.jobcenter,
      team: 'team-jc',
    };
    const a = await makePerson(db, t, { ...own, givenNames: 'Mohammed', familyName: 'Al-Hassan' });
    const b = await makePerson(db, t, {
      ...own,
      givenNames: 'Muhammad',
      familyName: 'Hasan',
      azrNumber: '987654321',
    });
    await db
      .insertInto('residence_status')
      .values({ tenant_id: t.tenantId, person_id: b.id, kind: 'duldung', since: '2023-01-01' })
      .execute();
    await db
      .insertInto('language_assessment')
      .values({
        tenant_id: t.tenantId,
        person_id: b.id,
        assessed_on: '2024-05-01',
        test_kind: 'dtz',
        overall: 'A2',
      })
      .execute();
    const s = await login(env().app, t.users.integrationsfachkraft.email);
    const res = await env().app.inject({
      method: 'POST',
      url: `/api/persons/${a.id}/merge`,
      headers: as(s),
      payload: { duplicateId: b.id, version: 1, duplicateVersion: 1 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().nameVariants).toContain('Muhammad Hasan');
    expect(res.json().residence).toMatchObject({ azrNumber: '987654321' });
    expect(res.json().residence.history).toHaveLength(1);
    const moved = await db
      .selectFrom('language_assessment')
      .select('person_id')
      .where('tenant_id', '=', t.tenantId)
      .execute();
    expect(moved).toEqual([{ person_id: a.id }]);
    const again = await env().app.inject({
      method: 'POST',
      url: `/api/persons/${a.id}/merge`,
      headers: as(s),
      payload: { duplicateId: b.id, version: 2, duplicateVersion: 2 },
    });
    expect(again.statusCode).toBe(409);
    const audit = await db
      .selectFrom('audit_log')
      .select(['person_id'])
      .where('action', '=', 'merge')
      .where('outcome', '=', 'allowed')
      .where('tenant_id', '=', t.tenantId)
      .where('entity', '=', 'person')
      .where('details', 'is not', null)
      .execute();
    expect(new Set(audit.map((x) => x.person_id))).toEqual(new Set([a.id, b.id]));
    const search = await env().app.inject({ method: 'GET', url: '/api/persons?q=Hasan', headers: as(s) });
    expect(search.json().items.map((i: { id: string }) => i.id)).toEqual([a.id]);
  });
});
