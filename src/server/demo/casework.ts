import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { addDays, todayInGermany } from '../../domain/reference/dates';
import { mulberry32 } from '../../domain/reference/random';
import { syncDeadlines } from '../modules/tasks/deadlines';

/**
 * Joint case work of the demo county (issue 13): rooms in the main and satellite offices, a pool of
 * interpreters, two weeks of appointments per advisor, a few tasks by hand, and the deadline tasks the
 * rules engine computes for every open case.
 */
export async function seedCaseworkDemo(
  db: Kysely<DB>,
  tenantId: string,
  opts: { seed?: number } = {},
): Promise<{ rooms: number; interpreters: number; appointments: number; tasks: number }> {
  const r = mulberry32(opts.seed ?? 20261204);
  const offices = await db
    .selectFrom('office')
    .select(['id', 'name', 'kind'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const roomRows = offices.flatMap((o) =>
    (o.kind === 'main' ? ['Beratungsraum 1', 'Beratungsraum 2', 'Besprechungsraum'] : ['Beratungsraum']).map(
      (name) => ({
        tenant_id: tenantId,
        office_id: o.id,
        name,
        seats: name === 'Besprechungsraum' ? 10 : 4,
      }),
    ),
  );
  const rooms = await db.insertInto('room').values(roomRows).returning(['id', 'office_id']).execute();
  const interpreters = await db
    .insertInto('interpreter')
    .values(
      [
        { name: 'Samira Haddad', languages: ['ar', 'ku'], organisation: 'Sprachmittlerpool Kreis Herford' },
        { name: 'Yusuf Demir', languages: ['tr', 'ku'], organisation: 'Sprachmittlerpool Kreis Herford' },
        {
          name: 'Mariam Ahmadi',
          languages: ['fa', 'prs', 'ps'],
          organisation: 'Flüchtlingshilfe Herford e. V.',
        },
        { name: 'Senait Tesfay', languages: ['ti', 'am'], organisation: 'Flüchtlingshilfe Herford e. V.' },
        { name: 'Olena Kovalenko', languages: ['uk', 'ru'], organisation: 'Sprachmittlerpool Kreis Herford' },
        { name: 'Ahmad Al-Khatib', languages: ['ar'], organisation: 'Dolmetscherdienst OWL (Honorar)' },
      ].map((i) => ({ ...i, tenant_id: tenantId, phone: null, email: null })),
    )
    .returning(['id', 'languages'])
    .execute();
  const advisors = await db
    .selectFrom('app_user')
    .select(['id', 'agency_id'])
    .where('tenant_id', '=', tenantId)
    .where('role', '=', 'integrationsfachkraft')
    .execute();
  const today = todayInGermany();
  const appointments = [];
  const busy = new Set<string>();
  for (const a of advisors) {
    const clients = await db
      .selectFrom('person')
      .select(['id', 'languages'])
      .where('tenant_id', '=', tenantId)
      .where('owner_user_id', '=', a.id)
      .where('case_status', '!=', 'closed')
      .limit(12)
      .execute();
    for (const [k, p] of clients.entries()) {
      // Working days of the next two weeks, 8:00–15:00 on the hour; one office per day.
      let day = addDays(today, 1 + Math.floor(k * 1.2));
      while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = addDays(day, 1);
      const hour = 8 + Math.floor(r() * 7);
      const office = offices[Math.floor(r() * offices.length)] as (typeof offices)[number];
      const officeRooms = rooms.filter((x) => x.office_id === office.id);
      const room = officeRooms[Math.floor(r() * officeRooms.length)];
      const lang =
        ((p.languages ?? []) as { code: string; level: string }[]).find((l) => l.level === 'muttersprache')
          ?.code ?? null;
      const interpreter = lang ? interpreters.find((i) => i.languages.includes(lang)) : undefined;
      const starts = `${day}T${String(hour).padStart(2, '0')}:00:00+01:00`;
      const keys = [
        `s${a.id}${starts}`,
        room ? `r${room.id}${starts}` : '',
        interpreter ? `i${interpreter.id}${starts}` : '',
      ];
      if (keys.some((x) => x && busy.has(x))) continue;
      for (const x of keys) if (x) busy.add(x);
      appointments.push({
        tenant_id: tenantId,
        person_id: p.id,
        office_id: office.id,
        room_id: room?.id ?? null,
        staff_user_id: a.id,
        interpreter_language: lang && lang !== 'de' && interpreter ? lang : null,
        interpreter_id: lang && lang !== 'de' && interpreter && r() < 0.7 ? interpreter.id : null,
        kind: k === 0 ? 'kooperationsplan' : 'beratung',
        starts_at: new Date(starts),
        ends_at: new Date(Date.parse(starts) + 45 * 60_000),
        created_by: a.id,
      });
    }
  }
  if (appointments.length > 0) await db.insertInto('appointment').values(appointments).execute();
  const manual = advisors.flatMap((a, i) => [
    {
      tenant_id: tenantId,
      kind: 'manual',
      source: 'manual' as const,
      title: 'Zeugnisse für die Anerkennung beim IQ Netzwerk einreichen',
      due_on: addDays(today, 2 + i),
      remind_on: addDays(today, 2 + i),
      assignee_user_id: a.id,
      assignee_agency_id: a.agency_id,
    },
    {
      tenant_id: tenantId,
      kind: 'manual',
      source: 'manual' as const,
      title: 'Rückmeldung an den Arbeitgeberservice zum Praktikum',
      due_on: addDays(today, -1),
      remind_on: addDays(today, -1),
      assignee_user_id: a.id,
      assignee_agency_id: a.agency_id,
    },
  ]);
  if (manual.length > 0) await db.insertInto('task').values(manual).execute();
  const deadlines = await syncDeadlines(db, tenantId, { today });
  return {
    rooms: rooms.length,
    interpreters: interpreters.length,
    appointments: appointments.length,
    tasks: manual.length + deadlines.created,
  };
}
