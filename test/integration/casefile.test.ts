import { expect, it } from 'vitest';
import { todayInGermany } from '../../src/domain/reference/dates';
import { addDays } from '../../src/server/demo/random';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant, type Session } from '../support/factories';

describeEachDb('case file: consent, household, duplicates, handovers', (env) => {
  const duplicateCheck = (session: Session, payload: Record<string, unknown>) =>
    env().app.inject({ method: 'POST', url: '/api/persons/duplicate-check', headers: as(session), payload });

  it('enforces a withdrawal at once: the Sozialamt reads before and is refused after', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    const p = await makePerson(db, t);
    const desk = await login(env().app, t.users.eingangszone.email);
    const soz = await login(env().app, t.users.partner.email);
    const given = await env().app.inject({
      method: 'POST',
      url: `/api/persons/${p.id}/consents`,
      headers: as(desk),
      payload: {
        purpose: 'leistungsgewaehrung',
        recipientAgencyId: t.agencies.sozialamt,
        dataCategories: ['identity', 'residence'],
        givenOn: addDays(todayInGermany(), -1),
        formLanguage: 'ar',
      },
    });
    expect(given.statusCode).toBe(201);
    expect(given.json()[0]).toMatchObject({ active: true, formLanguage: 'ar' });
    expect(
      (await env().app.inject({ method: 'GET', url: `/api/persons/${p.id}`, headers: as(soz) })).statusCode,
    ).toBe(200);
    const w = await env().app.inject({
      method: 'POST',
      url: `/api/persons/${p.id}/consents/${given.json()[0].id}/withdraw`,
      headers: as(desk),
      payload: {},
    });
    expect(w.statusCode).toBe(200);
    expect(w.json()[0].active).toBe(false);
    expect(
      (await env().app.inject({ method: 'GET', url: `/api/persons/${p.id}`, headers: as(soz) })).statusCode,
    ).toBe(403);
    const again = await env().app.inject({
      method: 'POST',
      url: `/api/persons/${p.id}/consents/${given.json()[0].id}/withdraw`,
      headers: as(desk),
      payload: {},
    });
    expect(again.statusCode).toBe(409);
  });

  it('derives the childcare need from a child’s age', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    const p = await makePerson(db, t);
    const desk = await login(env().app, t.users.eingangszone.email);
    const small = await env().app.inject({
      method: 'POST',
      url: `/api/persons/${p.id}/household`,
      headers: as(desk),
      payload: { relation: 'child', givenNames: 'Sami', birthDate: addDays(todayInGermany(), -3 * 365) },
    });
    expect(small.statusCode).toBe(201);
    const big = await env().app.inject({
      method: 'POST',
      url: `/api/persons/${p.id}/household`,
      headers: as(desk),
      payload: { relation: 'child', givenNames: 'Lina', birthDate: addDays(todayInGermany(), -9 * 365) },
    });
    const members = big.json().household as {
      givenNames: string;
      needsChildcare: boolean;
      ageYears: number;
    }[];
    expect(members.find((m) => m.givenNames === 'Sami')).toMatchObject({ needsChildcare: true, ageYears: 2 });
    expect(members.find((m) => m.givenNames === 'Lina')?.needsChildcare).toBe(false);
  });

  it('warns at intake about a variant spelling of an existing person, with reasons', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    const existing = await makePerson(db, t, {
      givenNames: 'Mohammed',
      familyName: 'Al-Hassan',
      nameOriginal: 'محمد الحسن',
      birthDate: '1990-01-01',
      birthDatePrecision: 'year',
      nationalities: ['SY'],
    });
    await makePerson(db, t, {
      givenNames: 'Olena',
      familyName: 'Kovalenko',
      birthDate: '1985-06-01',
      nationalities: ['UA'],
      gender: 'f',
    });
    const desk = await login(env().app, t.users.eingangszone.email);
    const res = await duplicateCheck(desk, {
      givenNames: 'Muhammad',
      familyName: 'El Hasan',
      birthDate: '1990-07-14',
      birthDatePrecision: 'day',
      nationalities: ['SY'],
      gender: 'm',
    });
    expect(res.statusCode).toBe(200);
    const c = res.json().candidates;
    expect(c[0].id).toBe(existing.id);
    expect(c[0].score).toBeGreaterThan(0.8);
    expect(c[0].reasons.length).toBeGreaterThan(0);
    expect(c.map((x: { name: string }) => x.name)).not.toContain('Olena Kovalenko');
  });

  it('a common name: the only one of its name in the year is a strong candidate; among several it is shown marked common_name', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    // Twelve Mohammed Al-Hassans of different years: the name alone proves little in this register.
    for (let i = 0; i < 12; i++) {
      await makePerson(db, t, {
        givenNames: 'Mohammed',
        familyName: 'Al-Hassan',
        birthDate: `${1970 + i}-01-01`,
        birthDatePrecision: 'year',
        nationalities: ['SY'],
      });
    }
    const desk = await login(env().app, t.users.eingangszone.email);
    const probe = {
      givenNames: 'Mohammed',
      familyName: 'Al-Hassan',
      birthDate: '1975-01-01',
      birthDatePrecision: 'year',
      nationalities: ['SY'],
    };
    // Issue 12: the same name, year and nationality is strong evidence even for a common name unless the
    // register holds several such people — here it holds one in 1975.
    const only = await duplicateCheck(desk, probe);
    expect(only.statusCode, only.body).toBe(200);
    const o = only.json().candidates as { birthDate: string; reasons: string[]; score: number }[];
    // Namesakes of other years never show.
    expect(o.map((x) => x.birthDate)).toEqual(['1975-01-01']);
    expect(o[0].score).toBeGreaterThanOrEqual(0.5);
    expect(o[0].reasons).not.toContain('common_name');

    // Two more of that name in 1975, told apart by their full dates: the year-only probe is one of them
    // at most — each keeps its share (below one half), shown and marked so that the desk compares
    // documents; the stored year-only record stays first.
    for (const day of ['1975-03-14', '1975-09-02'])
      await makePerson(db, t, {
        givenNames: 'Mohammed',
        familyName: 'Al-Hassan',
        birthDate: day,
        birthDatePrecision: 'day',
        nationalities: ['SY'],
      });
    const res = await duplicateCheck(desk, probe);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json().candidates as { birthDate: string; reasons: string[]; score: number }[];
    expect(c).toHaveLength(3);
    expect(c.every((x) => x.birthDate.startsWith('1975-'))).toBe(true);
    expect(c[0].birthDate).toBe('1975-01-01');
    const dated = c.filter((x) => x.birthDate !== '1975-01-01');
    expect(dated.every((x) => x.score < 0.5 && x.reasons.includes('common_name'))).toBe(true);
  });

  it('hands a case from the front desk to an advisor who accepts it and becomes owner', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    const p = await makePerson(db, t);
    const desk = await login(env().app, t.users.eingangszone.email);
    const advisor = await login(env().app, t.users.integrationsfachkraft.email);
    const req = await env().app.inject({
      method: 'POST',
      url: `/api/persons/${p.id}/handovers`,
      headers: as(desk),
      payload: {
        kind: 'case',
        toAgencyId: t.agencies.jobcenter,
        toUserId: t.users.integrationsfachkraft.id,
        reason: 'Erstberatung abgeschlossen',
      },
    });
    expect(req.statusCode).toBe(201);
    expect(req.json()).toMatchObject({ state: 'requested' });
    // The case's handover history, read like the person (authorised and audited).
    const history = await env().app.inject({
      method: 'GET',
      url: `/api/persons/${p.id}/handovers`,
      headers: as(desk),
    });
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json().items.map((h: { id: string; state: string }) => [h.id, h.state])).toEqual([
      [req.json().id, 'requested'],
    ]);
    const audited = await db
      .selectFrom('audit_log')
      .select('action')
      .where('person_id', '=', p.id)
      .where('action', '=', 'read_handovers')
      .execute();
    expect(audited).toHaveLength(1);
    expect(req.json().record.legalBasis).toMatch(/§ 69/);
    const dup = await env().app.inject({
      method: 'POST',
      url: `/api/persons/${p.id}/handovers`,
      headers: as(desk),
      payload: { kind: 'case', toAgencyId: t.agencies.jobcenter, reason: 'doppelt geklickt' },
    });
    expect(dup.statusCode).toBe(409);
    const inbox = await env().app.inject({
      method: 'GET',
      url: '/api/handovers?box=inbox&state=requested',
      headers: as(advisor),
    });
    expect(inbox.json().items.map((h: { id: string }) => h.id)).toEqual([req.json().id]);
    const noReason = await env().app.inject({
      method: 'POST',
      url: `/api/handovers/${req.json().id}/reject`,
      headers: as(advisor),
      payload: { version: 1 },
    });
    expect(noReason.statusCode).toBe(400);
    const byDesk = await env().app.inject({
      method: 'POST',
      url: `/api/handovers/${req.json().id}/accept`,
      headers: as(desk),
      payload: { version: 1 },
    });
    expect(byDesk.statusCode).toBe(409);
    const ok = await env().app.inject({
      method: 'POST',
      url: `/api/handovers/${req.json().id}/accept`,
      headers: as(advisor),
      payload: { version: 1 },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'accepted', toUser: 'integrationsfachkraft' });
    const stale = await env().app.inject({
      method: 'POST',
      url: `/api/handovers/${req.json().id}/complete`,
      headers: as(advisor),
      payload: { version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const person = await env().app.inject({
      method: 'GET',
      url: `/api/persons/${p.id}`,
      headers: as(advisor),
    });
    expect(person.json()).toMatchObject({
      caseStatus: 'active',
      owner: { id: t.users.integrationsfachkraft.id },
    });
    const mine = await env().app.inject({
      method: 'GET',
      url: `/api/persons?ownerId=${t.users.integrationsfachkraft.id}`,
      headers: as(advisor),
    });
    expect(mine.json().total).toBe(1);
  });
});

describeEachDb('IP exit after the maximum stay', (env) => {
  it('lists due cases and gives the completeness checklist', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    const own = {
      ownerUserId: t.users.integrationsfachkraft.id,
      ownerAgencyId: t.agencies.jobcenter,
      team: 'team-jc',
    };
    const due = await makePerson(db, t, own);
    const notYet = await makePerson(db, t, own);
    await db
      .updateTable('person')
      .set({ ip_entry_date: addDays(todayInGermany(), -400), case_status: 'active' })
      .where('id', '=', due.id)
      .execute();
    await db
      .updateTable('person')
      .set({ ip_entry_date: addDays(todayInGermany(), -100), case_status: 'active' })
      .where('id', '=', notYet.id)
      .execute();
    const s = await login(env().app, t.users.integrationsfachkraft.email);
    const list = await env().app.inject({ method: 'GET', url: '/api/exits/due', headers: as(s) });
    expect(list.json().maxStayMonths).toBe(12);
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([due.id]);
    const check = await env().app.inject({
      method: 'GET',
      url: `/api/persons/${due.id}/exit-check`,
      headers: as(s),
    });
    expect(check.json()).toMatchObject({ due: true });
    expect(check.json().missing.map((m: { key: string }) => m.key)).toContain('azrNumber');
  });
});
