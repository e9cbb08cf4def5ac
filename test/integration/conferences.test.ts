import { expect, it } from 'vitest';
import { addDays, todayInGermany } from '../../src/domain/reference/dates';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant } from '../support/factories';

// Issue 13: a case conference across agencies — each participant sees a case only as far as the
// person consented for its agency; agreed actions become tasks.

describeEachDb('case conferences', (env) => {
  it('shows each participant only the consented cases, keeps minutes under a version, turns actions into tasks', async () => {
    const { app } = env();
    const db = env().database.db;
    const t = await makeTenant(db);
    const owner = { ownerUserId: t.users.integrationsfachkraft.id, ownerAgencyId: t.agencies.jobcenter };
    const a = await makePerson(db, t, { ...owner, givenNames: 'Amal', familyName: 'Nasser' });
    const b = await makePerson(db, t, { ...owner, givenNames: 'Bilal', familyName: 'Karimi' });
    await db
      .insertInto('consent')
      .values({
        tenant_id: t.tenantId,
        person_id: a.id,
        purpose: 'fallbesprechung',
        recipient_agency_id: t.agencies.sozialamt,
        data_categories: ['identity', 'profile'],
        given_on: addDays(todayInGermany(), -3),
        withdrawn_on: null,
      })
      .execute();
    const advisor = await login(app, t.users.integrationsfachkraft.email);
    const created = await app.inject({
      method: 'POST',
      url: '/api/conferences',
      headers: as(advisor),
      payload: {
        title: 'Fallbesprechung Dezember',
        heldOn: todayInGermany(),
        agencyIds: [t.agencies.sozialamt],
        personIds: [a.id, b.id],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const conf = created.json();
    expect(conf.items.map((i: { person: { name: string } | null }) => i.person?.name)).toEqual([
      'Amal Nasser',
      'Bilal Karimi',
    ]);

    const partner = await login(app, t.users.partner.email);
    const seen = await app.inject({
      method: 'GET',
      url: `/api/conferences/${conf.id}`,
      headers: as(partner),
    });
    expect(seen.statusCode).toBe(200);
    const items = seen.json().items as { id: string; person: { name: string } | null; version: number }[];
    expect(items.map((i) => i.person?.name ?? null)).toEqual(['Amal Nasser', null]);
    const hidden = items[1] as { id: string; version: number };
    const refused = await app.inject({
      method: 'PATCH',
      url: `/api/conferences/${conf.id}/items/${hidden.id}`,
      headers: as(partner),
      payload: { version: hidden.version, minutes: 'x' },
    });
    expect(refused.statusCode).toBe(403);

    const first = items[0] as { id: string; version: number };
    const minutes = await app.inject({
      method: 'PATCH',
      url: `/api/conferences/${conf.id}/items/${first.id}`,
      headers: as(partner),
      payload: { version: first.version, minutes: 'Sozialamt klärt die Mietübernahme.' },
    });
    expect(minutes.statusCode, minutes.body).toBe(200);
    const stale = await app.inject({
      method: 'PATCH',
      url: `/api/conferences/${conf.id}/items/${first.id}`,
      headers: as(advisor),
      payload: { version: first.version, minutes: 'überschrieben' },
    });
    expect(stale.statusCode).toBe(409);

    const action = await app.inject({
      method: 'POST',
      url: `/api/conferences/${conf.id}/items/${first.id}/actions`,
      headers: as(advisor),
      payload: { title: 'Wohnungsangebot an das Sozialamt weitergeben', dueOn: addDays(todayInGermany(), 7) },
    });
    expect(action.statusCode, action.body).toBe(201);
    const inbox = await app.inject({ method: 'GET', url: '/api/tasks', headers: as(advisor) });
    expect(inbox.json().items.map((i: { title: string }) => i.title)).toContain(
      'Wohnungsangebot an das Sozialamt weitergeben',
    );

    const outsider = await login(app, t.users.integrationsfachkraft_aa.email);
    expect(
      (await app.inject({ method: 'GET', url: `/api/conferences/${conf.id}`, headers: as(outsider) }))
        .statusCode,
    ).toBe(404);
  });
});
