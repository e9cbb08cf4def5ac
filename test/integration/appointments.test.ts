import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { addDays, todayInGermany } from '../../src/domain/reference/dates';
import type { LotseApp } from '../../src/server/app';
import { describeEachDb, type TestEnv } from '../support/databases';
import { as, login, makePerson, makeTenant, type Session, type TestTenant } from '../support/factories';

// Issue 13, appointments: no double booking of room, staff or interpreter — refused by the database,
// answered 409 naming the clash; iCalendar without client names; a calendar feed by secret address.

const day = addDays(todayInGermany(), 7);
const at = (hhmm: string) => `${day}T${hhmm}:00+01:00`;

async function place(env: TestEnv, t: TestTenant) {
  const db = env.database.db;
  const m = await db
    .insertInto('municipality')
    .values({ tenant_id: t.tenantId, name: `Ahlen ${randomUUID().slice(0, 6)}`, lat: 51.76, lon: 7.89 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const office = await db
    .insertInto('office')
    .values({
      tenant_id: t.tenantId,
      municipality_id: m.id,
      name: `Außenstelle Ahlen ${randomUUID().slice(0, 4)}`,
      kind: 'satellite',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const admin = await login(env.app, t.users.admin.email);
  const room = await env.app.inject({
    method: 'POST',
    url: '/api/rooms',
    headers: as(admin),
    payload: { officeId: office.id, name: 'Beratungsraum 2', seats: 4 },
  });
  const interp = await env.app.inject({
    method: 'POST',
    url: '/api/interpreters',
    headers: as(admin),
    payload: { name: 'Samira Haddad', languages: ['ar', 'ku'], organisation: 'Sprachmittlerpool' },
  });
  expect(room.statusCode, room.body).toBe(201);
  expect(interp.statusCode, interp.body).toBe(201);
  return { officeId: office.id, roomId: room.json().id as string, interpreterId: interp.json().id as string };
}

const book = (app: LotseApp, s: Session, payload: object) =>
  app.inject({ method: 'POST', url: '/api/appointments', headers: as(s), payload });

describeEachDb('appointments', (env) => {
  it('books with an Arabic interpreter; a second booking of her, the room or the advisor at that time is 409 naming the clash', async () => {
    const { app } = env();
    const t = await makeTenant(env().database.db);
    const p = await makePerson(env().database.db, t, {
      ownerUserId: t.users.integrationsfachkraft.id,
      ownerAgencyId: t.agencies.jobcenter,
    });
    const { officeId, roomId, interpreterId } = await place(env(), t);
    const advisor = await login(app, t.users.integrationsfachkraft.email);
    const first = await book(app, advisor, {
      kind: 'beratung',
      startsAt: at('10:00'),
      endsAt: at('11:00'),
      officeId,
      roomId,
      personId: p.id,
      interpreterLanguage: 'ar',
      interpreterId,
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      kind: 'beratung',
      room: { name: 'Beratungsraum 2' },
      interpreter: { name: 'Samira Haddad' },
      person: { id: p.id, name: 'Mohammed Al-Hassan', language: 'ar' },
    });

    // The same interpreter, overlapping by half an hour, for a colleague in another room-less slot.
    const colleague = await login(app, t.users.sprachberatung.email);
    const interpClash = await book(app, colleague, {
      kind: 'sprachberatung',
      startsAt: at('10:30'),
      endsAt: at('11:30'),
      officeId,
      interpreterLanguage: 'ar',
      interpreterId,
    });
    expect(interpClash.statusCode).toBe(409);
    expect(interpClash.json().issues[0].path).toBe('interpreterId');
    expect(interpClash.json().error).toMatch(
      /Samira Haddad dolmetscht am \d\d\.\d\d\.\d{4} von \d\d:\d\d bis \d\d:\d\d Uhr schon/,
    );

    const roomClash = await book(app, colleague, {
      kind: 'beratung',
      startsAt: at('10:45'),
      endsAt: at('11:15'),
      officeId,
      roomId,
    });
    expect(roomClash.statusCode).toBe(409);
    expect(roomClash.json().error).toMatch(/Raum „Beratungsraum 2“ ist .* schon belegt/);

    const staffClash = await book(app, advisor, {
      kind: 'beratung',
      startsAt: at('09:30'),
      endsAt: at('10:15'),
      officeId,
    });
    expect(staffClash.statusCode).toBe(409);
    expect(staffClash.json().issues[0].path).toBe('staffUserId');

    // Back to back is fine: the range ends before the next begins.
    const next = await book(app, colleague, {
      kind: 'beratung',
      startsAt: at('11:00'),
      endsAt: at('12:00'),
      officeId,
      roomId,
      interpreterLanguage: 'ar',
      interpreterId,
    });
    expect(next.statusCode, next.body).toBe(201);

    // Cancelling frees the slot.
    const a = first.json();
    const cancel = await app.inject({
      method: 'PATCH',
      url: `/api/appointments/${a.id}`,
      headers: as(advisor),
      payload: { version: a.version, status: 'cancelled' },
    });
    expect(cancel.json().status).toBe('cancelled');
    expect(
      (
        await book(app, colleague, {
          kind: 'beratung',
          startsAt: at('10:00'),
          endsAt: at('10:30'),
          officeId,
          roomId,
        })
      ).statusCode,
    ).toBe(201);
  });

  it('parallel bookings of one room at one time: exactly one wins', async () => {
    const { app } = env();
    const t = await makeTenant(env().database.db);
    const { officeId, roomId } = await place(env(), t);
    const sessions = await Promise.all(
      ['integrationsfachkraft', 'sprachberatung', 'koordination', 'eingangszone'].map((k) =>
        login(app, t.users[k]!.email),
      ),
    );
    const rs = await Promise.all(
      sessions.map((s) =>
        book(app, s, { kind: 'beratung', startsAt: at('14:00'), endsAt: at('15:00'), officeId, roomId }),
      ),
    );
    expect(rs.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(rs.filter((r) => r.statusCode === 409)).toHaveLength(3);
  });

  it('refuses bad input on the field: end before start, an interpreter without the language, a room of another office', async () => {
    const { app } = env();
    const t = await makeTenant(env().database.db);
    const { officeId, roomId, interpreterId } = await place(env(), t);
    const other = await place(env(), t);
    const s = await login(app, t.users.integrationsfachkraft.email);
    const backwards = await book(app, s, {
      kind: 'beratung',
      startsAt: at('10:00'),
      endsAt: at('09:00'),
      officeId,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().issues[0].path).toBe('endsAt');
    const wrongLang = await book(app, s, {
      kind: 'beratung',
      startsAt: at('10:00'),
      endsAt: at('11:00'),
      officeId,
      interpreterLanguage: 'ti',
      interpreterId,
    });
    expect(wrongLang.statusCode).toBe(400);
    expect(wrongLang.json().issues[0].path).toBe('interpreterId');
    const wrongOffice = await book(app, s, {
      kind: 'beratung',
      startsAt: at('10:00'),
      endsAt: at('11:00'),
      officeId: other.officeId,
      roomId,
    });
    expect(wrongOffice.statusCode).toBe(400);
    expect(wrongOffice.json().issues[0].path).toBe('roomId');
    const foreign = await book(app, s, {
      kind: 'beratung',
      startsAt: at('10:00'),
      endsAt: at('11:00'),
      officeId: randomUUID(),
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().issues[0].path).toBe('officeId');
  });

  it('exports iCalendar and a personal feed, neither naming the client', async () => {
    const { app } = env();
    const t = await makeTenant(env().database.db);
    const p = await makePerson(env().database.db, t, {
      ownerUserId: t.users.integrationsfachkraft.id,
      ownerAgencyId: t.agencies.jobcenter,
    });
    const { officeId, roomId } = await place(env(), t);
    const s = await login(app, t.users.integrationsfachkraft.email);
    const a = (
      await book(app, s, {
        kind: 'erstgespraech',
        startsAt: at('08:30'),
        endsAt: at('09:15'),
        officeId,
        roomId,
        personId: p.id,
      })
    ).json();
    const ics = await app.inject({ method: 'GET', url: `/api/appointments/${a.id}/ics`, headers: as(s) });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/text\/calendar/);
    expect(ics.body.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(ics.body).toContain('BEGIN:VEVENT');
    expect(ics.body).toContain('SUMMARY:Erstgespräch (Lotse)');
    expect(ics.body).toMatch(new RegExp(`DTSTART:${day.replace(/-/g, '')}T073000Z`));
    expect(ics.body).not.toMatch(/Al-Hassan|Mohammed/);

    const feed = await app.inject({ method: 'POST', url: '/api/calendar/feed', headers: as(s), payload: {} });
    const url = new URL(feed.json().url);
    const sub = await app.inject({ method: 'GET', url: url.pathname });
    expect(sub.statusCode).toBe(200);
    expect(sub.body).toContain(`UID:${a.id}@lotse`);
    expect(sub.body).not.toMatch(/Al-Hassan/);
    // A new address ends the old one.
    await app.inject({ method: 'POST', url: '/api/calendar/feed', headers: as(s), payload: {} });
    expect((await app.inject({ method: 'GET', url: url.pathname })).statusCode).toBe(404);
  });
});

describeEachDb('appointment letter', (env) => {
  it('prints the invitation in German and Arabic with the interpreter named, audited as a print', async () => {
    const { app } = env();
    const db = env().database.db;
    const t = await makeTenant(db);
    const p = await makePerson(db, t, {
      ownerUserId: t.users.integrationsfachkraft.id,
      ownerAgencyId: t.agencies.jobcenter,
    });
    const { officeId, roomId } = await place(env(), t);
    const s = await login(app, t.users.integrationsfachkraft.email);
    const a = (
      await book(app, s, {
        kind: 'kooperationsplan',
        startsAt: at('12:00'),
        endsAt: at('13:00'),
        officeId,
        roomId,
        personId: p.id,
        interpreterLanguage: 'ar',
      })
    ).json();
    const letter = await app.inject({
      method: 'GET',
      url: `/api/appointments/${a.id}/letter`,
      headers: as(s),
    });
    expect(letter.statusCode, letter.body).toBe(200);
    expect(letter.body).toContain('<section lang="ar" dir="rtl"');
    expect(letter.body).toContain('Ihren Kooperationsplan besprechen');
    expect(letter.body).toContain('Arabisch');
    const printed = await db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', t.tenantId)
      .where('person_id', '=', p.id)
      .where('action', '=', 'print_appointment_letter')
      .execute();
    expect(printed).toHaveLength(1);
  });
});
