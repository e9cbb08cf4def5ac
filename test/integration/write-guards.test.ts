import { expect, it } from 'vitest';
import { describeEachDb } from '../support/databases';
import { as, login, makeTenant } from '../support/factories';

const intake = {
  givenNames: 'Yusuf',
  familyName: 'Haddad',
  gender: 'm',
  birthDate: '1991-03-04',
  birthDatePrecision: 'day',
  nationalities: ['SY'],
};

describeEachDb('write guards: health notes at intake, region course places', (env) => {
  it('refuses health notes from the front desk at creation, with the field named; the advisor may', async () => {
    const t = await makeTenant(env().database.db);
    const desk = await login(env().app, t.users.eingangszone.email);
    const refused = await env().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: as(desk),
      payload: { ...intake, healthNotes: 'Diabetes Typ 1' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().issues).toEqual([
      { path: 'healthNotes', message: expect.stringMatching(/Gesundheitsdaten/) },
    ]);
    const persons = await env()
      .database.db.selectFrom('person')
      .select('id')
      .where('tenant_id', '=', t.tenantId)
      .execute();
    expect(persons).toHaveLength(0);
    // Without health notes the front desk registers the person as before.
    const ok = await env().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: as(desk),
      payload: intake,
    });
    expect(ok.statusCode).toBe(201);
    const advisor = await login(env().app, t.users.integrationsfachkraft.email);
    const withHealth = await env().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: as(advisor),
      payload: { ...intake, givenNames: 'Rania', healthNotes: 'Diabetes Typ 1' },
    });
    expect(withHealth.statusCode).toBe(201);
  });

  it('lets a course provider pick region course places but not create them', async () => {
    const { db } = env().database;
    const t = await makeTenant(db);
    const m = await db
      .insertInto('municipality')
      .values({ tenant_id: t.tenantId, name: 'Enger', ags: null, lat: 52.14, lon: 8.56 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const provider = await login(env().app, t.users.partner_bildungstraeger.email);
    const place = { name: 'Gemeindehaus Enger', municipalityId: m.id };
    const refused = await env().app.inject({
      method: 'POST',
      url: '/api/course-places',
      headers: as(provider),
      payload: place,
    });
    expect(refused.statusCode).toBe(403);
    const listed = await env().app.inject({
      method: 'GET',
      url: '/api/course-places',
      headers: as(provider),
    });
    expect(listed.statusCode).toBe(200);
    const staff = await login(env().app, t.users.sprachberatung.email);
    const created = await env().app.inject({
      method: 'POST',
      url: '/api/course-places',
      headers: as(staff),
      payload: place,
    });
    expect(created.statusCode).toBe(201);
  });
});
