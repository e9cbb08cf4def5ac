import { expect, it } from 'vitest';
import { addDays, todayInGermany } from '../../src/domain/reference/dates';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant } from '../support/factories';

// Issue 13: the partner network (referrals through the handover state machine) and case notes whose
// sharing follows the person's consent.

describeEachDb('partner network and case notes', (env) => {
  it('keeps partners with languages and contacts; refers to one in Lotse as a handover, names how to reach one outside', async () => {
    const { app } = env();
    const db = env().database.db;
    const t = await makeTenant(db);
    const p = await makePerson(db, t, {
      ownerUserId: t.users.integrationsfachkraft.id,
      ownerAgencyId: t.agencies.jobcenter,
    });
    const coord = await login(app, t.users.koordination.email);
    const iq = await app.inject({
      method: 'POST',
      url: '/api/partners',
      headers: as(coord),
      payload: {
        name: 'IQ Netzwerk OWL',
        kind: 'iq_netzwerk',
        services: 'Anerkennungsberatung, Qualifizierung',
        languages: ['ar', 'fa', 'en'],
        openingHours: 'Di und Do 9–15 Uhr',
        phone: '0521 123',
        email: 'info@iq-owl.example',
        contacts: [{ name: 'Dilara Aksoy', role: 'Anerkennungsberatung', email: 'aksoy@iq-owl.example' }],
      },
    });
    expect(iq.statusCode, iq.body).toBe(201);
    const jugend = await app.inject({
      method: 'POST',
      url: '/api/partners',
      headers: as(coord),
      payload: { name: 'Jugendamt', kind: 'jugendamt', languages: ['de'], agencyId: t.agencies.jugendamt },
    });
    expect(jugend.statusCode).toBe(201);
    const again = await app.inject({
      method: 'POST',
      url: '/api/partners',
      headers: as(coord),
      payload: { name: 'IQ Netzwerk OWL', kind: 'iq_netzwerk' },
    });
    expect(again.statusCode).toBe(409);

    const advisor = await login(app, t.users.integrationsfachkraft.email);
    const arabic = await app.inject({
      method: 'GET',
      url: '/api/partners?language=ar',
      headers: as(advisor),
    });
    expect(arabic.json().map((x: { name: string }) => x.name)).toEqual(['IQ Netzwerk OWL']);
    expect(arabic.json()[0].contacts[0]).toMatchObject({ name: 'Dilara Aksoy' });

    const outside = await app.inject({
      method: 'POST',
      url: `/api/persons/${p.id}/referrals`,
      headers: as(advisor),
      payload: { partnerId: iq.json().id, reason: 'Anerkennung des Pflegeabschlusses' },
    });
    expect(outside.statusCode).toBe(409);
    expect(outside.json().error).toMatch(/arbeitet nicht in Lotse.*0521 123/);
    const inside = await app.inject({
      method: 'POST',
      url: `/api/persons/${p.id}/referrals`,
      headers: as(advisor),
      payload: { partnerId: jugend.json().id, reason: 'Unterstützung für die Familie' },
    });
    expect(inside.statusCode, inside.body).toBe(201);
    const h = await db
      .selectFrom('handover')
      .select(['kind', 'state', 'to_agency_id'])
      .where('id', '=', inside.json().handoverId)
      .executeTakeFirstOrThrow();
    expect(h).toEqual({ kind: 'referral', state: 'requested', to_agency_id: t.agencies.jugendamt });
  });

  it('shows notes of the own agency; shared notes of others only with consent to the profile', async () => {
    const { app } = env();
    const db = env().database.db;
    const t = await makeTenant(db);
    const p = await makePerson(db, t, {
      ownerUserId: t.users.integrationsfachkraft.id,
      ownerAgencyId: t.agencies.jobcenter,
    });
    const advisor = await login(app, t.users.integrationsfachkraft.email);
    const write = (visibility: string, text: string) =>
      app.inject({
        method: 'POST',
        url: `/api/persons/${p.id}/notes`,
        headers: as(advisor),
        payload: { category: 'beratung', visibility, text },
      });
    expect((await write('agency', 'Intern: Unterlagen unvollständig')).statusCode).toBe(201);
    expect((await write('shared', 'Geteilt: möchte in die Pflege')).statusCode).toBe(201);
    const bad = await app.inject({
      method: 'POST',
      url: `/api/persons/${p.id}/notes`,
      headers: as(advisor),
      payload: { category: 'beratung', text: '' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['visibility', 'text']),
    );

    const mine = await app.inject({ method: 'GET', url: `/api/persons/${p.id}/notes`, headers: as(advisor) });
    expect(mine.json()).toHaveLength(2);

    const consent = async (categories: string[]) =>
      db
        .insertInto('consent')
        .values({
          tenant_id: t.tenantId,
          person_id: p.id,
          purpose: 'beratung',
          recipient_agency_id: t.agencies.sozialamt,
          data_categories: categories,
          given_on: addDays(todayInGermany(), -1),
          withdrawn_on: null,
        })
        .execute();
    const partner = await login(app, t.users.partner.email);
    expect(
      (await app.inject({ method: 'GET', url: `/api/persons/${p.id}/notes`, headers: as(partner) }))
        .statusCode,
    ).toBe(403);
    await consent(['identity']);
    const identityOnly = await app.inject({
      method: 'GET',
      url: `/api/persons/${p.id}/notes`,
      headers: as(partner),
    });
    expect(identityOnly.json()).toEqual([]);
    await consent(['identity', 'profile']);
    const withProfile = await app.inject({
      method: 'GET',
      url: `/api/persons/${p.id}/notes`,
      headers: as(partner),
    });
    expect(withProfile.json().map((n: { text: string }) => n.text)).toEqual([
      'Geteilt: möchte in die Pflege',
    ]);
  });
});
