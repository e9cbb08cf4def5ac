import { expect, it } from 'vitest';
import { DEFAULT_LAW } from '../../src/domain/rules';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant } from '../support/factories';

describeEachDb('residence status, Rechtskreiswechsel and the rules API', (env) => {
  it('keeps the status history, and a recognition creates a pre-filled handover to the Jobcenter keeping the advisor', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    const p = await makePerson(db, t, {
      ownerUserId: t.users.integrationsfachkraft_aa.id,
      ownerAgencyId: t.agencies.agentur_fuer_arbeit,
      team: 'team-aa',
      azrNumber: '112233445566',
      entryDate: '2024-03-01',
    });
    const aa = await login(env().app, t.users.integrationsfachkraft_aa.email);
    const first = await env().app.inject({
      method: 'POST',
      url: `/api/persons/${p.id}/residence-status`,
      headers: as(aa),
      payload: {
        kind: 'gestattung',
        since: '2024-03-05',
        asylumApplicationDate: '2024-03-05',
        asylumDecision: 'pending',
        livesInReceptionCentre: false,
        document: 'Aufenthaltsgestattung',
      },
    });
    expect(first.statusCode).toBe(201);
    expect(first.json().rechtskreis).toBe('asylblg');
    const second = await env().app.inject({
      method: 'POST',
      url: `/api/persons/${p.id}/residence-status`,
      headers: as(aa),
      payload: {
        kind: 'aufenthaltserlaubnis',
        paragraph: '25(2)',
        since: '2025-02-10',
        until: '2028-02-09',
        asylumDecision: 'recognised',
        asylumDecisionDate: '2025-01-20',
        document: 'eAT',
        workAnnotation: 'Erwerbstätigkeit erlaubt',
        keepAdvisor: true,
      },
    });
    expect(second.statusCode).toBe(201);
    const body = second.json();
    expect(body.residence.history.map((h: { kind: string }) => h.kind)).toEqual([
      'aufenthaltserlaubnis',
      'gestattung',
    ]);
    expect(body.rechtskreis).toBe('sgb2');
    expect(body.rechtskreisChange).toMatchObject({ from: 'asylblg', to: 'sgb2' });
    const jc = await login(env().app, t.users.integrationsfachkraft.email);
    const inbox = await env().app.inject({ method: 'GET', url: '/api/handovers?box=inbox', headers: as(jc) });
    const h = inbox.json().items.find((x: { id: string }) => x.id === body.rechtskreisChange.handoverId);
    expect(h).toMatchObject({ kind: 'rechtskreiswechsel', state: 'requested', keepAdvisor: true });
    const identity = h.record.sections.find((s: { key: string }) => s.key === 'identity').content;
    expect(identity.azrNumber).toBe('112233445566');
    expect(h.record.sections.find((s: { key: string }) => s.key === 'status').content).toMatchObject({
      paragraph: '25(2)',
      workAnnotation: 'Erwerbstätigkeit erlaubt',
    });
    const accepted = await env().app.inject({
      method: 'POST',
      url: `/api/handovers/${h.id}/accept`,
      headers: as(jc),
      payload: { version: h.version },
    });
    expect(accepted.statusCode).toBe(200);
    const after = await db
      .selectFrom('person')
      .select(['owner_user_id', 'owner_agency_id'])
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({
      owner_user_id: t.users.integrationsfachkraft_aa.id,
      owner_agency_id: t.agencies.jobcenter,
    });
  });

  it('answers the status card with legal basis and refuses a partner without residence consent', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    const p = await makePerson(db, t, { entryDate: '2023-10-02' });
    await db
      .insertInto('residence_status')
      .values({
        tenant_id: t.tenantId,
        person_id: p.id,
        kind: 'aufenthaltserlaubnis',
        paragraph: '25(2)',
        since: '2024-03-01',
      })
      .execute();
    const desk = await login(env().app, t.users.eingangszone.email);
    const card = await env().app.inject({
      method: 'GET',
      url: `/api/persons/${p.id}/status-card?asOf=2024-09-01`,
      headers: as(desk),
    });
    expect(card.statusCode).toBe(200);
    expect(card.json()).toMatchObject({ employment: 'allowed', benefits: 'sgb2', agency: 'JC' });
    expect(card.json().rules.length).toBeGreaterThan(0);
    expect(card.json().explanation.de.length).toBeGreaterThan(10);
    await db
      .insertInto('consent')
      .values({
        tenant_id: t.tenantId,
        person_id: p.id,
        purpose: 'integration',
        recipient_agency_id: t.agencies.jugendamt,
        data_categories: ['identity'],
        given_on: '2024-01-01',
      })
      .execute();
    const ja = await login(env().app, t.users.partner_jugendamt.email);
    expect(
      (await env().app.inject({ method: 'GET', url: `/api/persons/${p.id}/status-card`, headers: as(ja) }))
        .statusCode,
    ).toBe(403);
  });

  it('lists the clients whose decision changes on a law-change day', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    // In a reception centre since 2023-07-01: 9 months (old law) end 2024-04-01; 6 months (from 27.02.2024) ended 2024-01-01.
    const p = await makePerson(db, t, { nationalities: ['AF'], entryDate: '2023-07-01' });
    await db
      .insertInto('residence_status')
      .values({
        tenant_id: t.tenantId,
        person_id: p.id,
        kind: 'gestattung',
        since: '2023-07-01',
        asylum_application_date: '2023-07-01',
        asylum_decision: 'pending',
        lives_in_reception_centre: true,
      })
      .execute();
    const other = await makePerson(db, t, { nationalities: ['SY'] });
    await db
      .insertInto('residence_status')
      .values({
        tenant_id: t.tenantId,
        person_id: other.id,
        kind: 'niederlassungserlaubnis',
        since: '2020-01-01',
      })
      .execute();
    const k = await login(env().app, t.users.koordination.email);
    const res = await env().app.inject({
      method: 'GET',
      url: '/api/rules/impact?on=2024-02-27',
      headers: as(k),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().evaluated).toBe(2);
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([p.id]);
    expect(res.json().items[0]).toMatchObject({
      before: { employment: 'banned' },
      after: { employment: 'permit_required' },
    });
  });

  it('stores an edited law version with a validity date and refuses invalid law data with paths', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    const admin = await login(env().app, t.users.admin.email);
    const bad = await env().app.inject({
      method: 'POST',
      url: '/api/rules/law',
      headers: as(admin),
      payload: { inForceFrom: '2026-12-01', note: 'Test', data: { ...DEFAULT_LAW, rules: 'kaputt' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toMatch(/^data\./);
    const ok = await env().app.inject({
      method: 'POST',
      url: '/api/rules/law',
      headers: as(admin),
      payload: { inForceFrom: '2026-12-01', note: 'Neue Liste sicherer Herkunftsstaaten', data: DEFAULT_LAW },
    });
    expect(ok.statusCode).toBe(201);
    const desk = await login(env().app, t.users.eingangszone.email);
    const now = await env().app.inject({
      method: 'GET',
      url: '/api/rules/law?on=2026-11-30',
      headers: as(desk),
    });
    const later = await env().app.inject({
      method: 'GET',
      url: '/api/rules/law?on=2026-12-01',
      headers: as(desk),
    });
    expect(now.json().versionId).toBeNull();
    expect(later.json().versionId).toBe(ok.json().id);
  });
});
