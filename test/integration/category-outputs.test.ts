import { expect, it } from 'vitest';
import { todayInGermany } from '../../src/domain/reference/dates';
import { addDays } from '../../src/server/demo/random';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant, type TestTenant } from '../support/factories';

type Db = Parameters<typeof makePerson>[0];

/**
 * A client of the Jobcenter team with an address, a customer number and a municipality; a course
 * provider (Bildungsträger) whose consent covers identity only; a health consent for the
 * Ausländerbehörde the provider must not learn of; an enrolment with the provider.
 */
async function scene(db: Db, t: TestTenant) {
  const today = todayInGermany();
  const m = await db
    .insertInto('municipality')
    .values({ tenant_id: t.tenantId, name: 'Bünde', ags: null, lat: 52.2, lon: 8.58 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const person = await makePerson(db, t, {
    address: 'Eschstraße 12, 32257 Bünde',
    baCustomerNumber: '123D456789',
    municipalityId: m.id,
    languages: [{ code: 'ar', level: 'muttersprache' }],
    ownerUserId: t.users.integrationsfachkraft.id,
    ownerAgencyId: t.agencies.jobcenter,
    team: 'team-jc',
  });
  const consent = (agency: string, categories: string[]) =>
    db
      .insertInto('consent')
      .values({
        tenant_id: t.tenantId,
        person_id: person.id,
        purpose: 'sprachkurs',
        recipient_agency_id: agency,
        data_categories: categories,
        given_on: addDays(today, -10),
        withdrawn_on: null,
      })
      .execute();
  await consent(t.agencies.bildungstraeger, ['identity']);
  // The Jugendamt too has identity only; unlike the course provider it has a person search.
  await consent(t.agencies.jugendamt, ['identity']);
  await consent(t.agencies.auslaenderbehoerde, ['identity', 'residence', 'health']);
  const provider = await db
    .insertInto('course_provider')
    .values({ tenant_id: t.tenantId, agency_id: t.agencies.bildungstraeger })
    .returning('id')
    .executeTakeFirstOrThrow();
  const place = await db
    .insertInto('course_place')
    .values({
      tenant_id: t.tenantId,
      kind: 'venue',
      name: 'VHS Bünde',
      municipality_id: m.id,
      lat: 52.2,
      lon: 8.58,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const course = await db
    .insertInto('course')
    .values({
      tenant_id: t.tenantId,
      provider_id: provider.id,
      place_id: place.id,
      ref: 'IK-1',
      course_type: 'allgemein',
      entry_levels: ['A0'],
      hours: 700,
      start_date: addDays(today, 20),
      seats: 20,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const enrolment = await db
    .insertInto('enrolment')
    .values({
      tenant_id: t.tenantId,
      person_id: person.id,
      course_id: course.id,
      start_date: addDays(today, 20),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { personId: person.id, enrolmentId: enrolment.id };
}

describeEachDb('every output through the category decision (partner with identity-only consent)', (env) => {
  it('prints no home address, advisor or mother-tongue letter for an identity-only consent', async () => {
    const { db } = env().database;
    const t = await makeTenant(db);
    const s = await scene(db, t);
    const partner = await login(env().app, t.users.partner_bildungstraeger.email);
    const letter = await env().app.inject({
      method: 'GET',
      url: `/api/enrolments/${s.enrolmentId}/letter`,
      headers: as(partner),
    });
    expect(letter.statusCode).toBe(200);
    expect(letter.body).toContain('Al-Hassan');
    expect(letter.body).not.toContain('Eschstraße');
    expect(letter.body).not.toContain('integrationsfachkraft');
    expect(letter.body).not.toMatch(/lang="ar"|dir="rtl"/);
    // The advisor, who may see the address, gets it in the letter.
    const advisor = await login(env().app, t.users.integrationsfachkraft.email);
    const full = await env().app.inject({
      method: 'GET',
      url: `/api/enrolments/${s.enrolmentId}/letter`,
      headers: as(advisor),
    });
    expect(full.body).toContain('Eschstraße 12');
  });

  it('shows a partner only its own agency’s consents, never another agency’s health consent', async () => {
    const { db } = env().database;
    const t = await makeTenant(db);
    const s = await scene(db, t);
    const partner = await login(env().app, t.users.partner_bildungstraeger.email);
    const res = await env().app.inject({
      method: 'GET',
      url: `/api/persons/${s.personId}/consents`,
      headers: as(partner),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveLength(1);
    expect(res.json()[0].recipientAgency.id).toBe(t.agencies.bildungstraeger);
    expect(res.body).not.toContain('health');
    const advisor = await login(env().app, t.users.integrationsfachkraft.email);
    const all = await env().app.inject({
      method: 'GET',
      url: `/api/persons/${s.personId}/consents`,
      headers: as(advisor),
    });
    expect(all.json()).toHaveLength(3);
  });

  it('shows no Rechtskreis, case status, advisor or municipality with identity only — in the record and in lists', async () => {
    const { db } = env().database;
    const t = await makeTenant(db);
    const s = await scene(db, t);
    const partner = await login(env().app, t.users.partner_jugendamt.email);
    const p = (
      await env().app.inject({ method: 'GET', url: `/api/persons/${s.personId}`, headers: as(partner) })
    ).json();
    expect(p).toMatchObject({
      familyName: 'Al-Hassan',
      visibleCategories: ['identity'],
      caseStatus: null,
      rechtskreis: null,
      owner: null,
      ownerAgency: null,
      municipality: null,
    });
    expect(p.contact).toBeUndefined();
    const list = (
      await env().app.inject({ method: 'GET', url: '/api/persons?q=Al-Hassan', headers: as(partner) })
    ).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      caseStatus: null,
      rechtskreis: null,
      municipality: null,
      ownerName: null,
    });
    const advisor = await login(env().app, t.users.integrationsfachkraft.email);
    const mine = (
      await env().app.inject({ method: 'GET', url: `/api/persons/${s.personId}`, headers: as(advisor) })
    ).json();
    expect(mine.caseStatus).not.toBeNull();
    expect(mine.municipality).toBe('Bünde');
  });

  it('does not confirm a customer number (or a case filter) the reader may not see', async () => {
    const { db } = env().database;
    const t = await makeTenant(db);
    const s = await scene(db, t);
    const partner = await login(env().app, t.users.partner_jugendamt.email);
    const search = (query: string) =>
      env().app.inject({ method: 'GET', url: `/api/persons?${query}`, headers: as(partner) });
    expect((await search('number=123D456789')).json().total).toBe(0);
    expect((await search('number=000D000000')).json().total).toBe(0);
    expect((await search('status=intake')).json().total).toBe(0);
    expect((await search('')).json().total).toBe(1);
    // With case data in its consent, the same filter finds the person.
    await db
      .updateTable('consent')
      .set({ data_categories: ['identity', 'profile'] })
      .where('tenant_id', '=', t.tenantId)
      .where('person_id', '=', s.personId)
      .where('recipient_agency_id', '=', t.agencies.jugendamt)
      .execute();
    expect((await search('number=123D456789')).json().total).toBe(1);
    const advisor = await login(env().app, t.users.integrationsfachkraft.email);
    const byAdvisor = await env().app.inject({
      method: 'GET',
      url: '/api/persons?number=123D456789',
      headers: as(advisor),
    });
    expect(byAdvisor.json().total).toBe(1);
  });
});
