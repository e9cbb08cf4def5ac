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
): Promise<{ measures: number; rooms: number; interpreters: number; appointments: number; tasks: number }> {
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
  const measures = await seedMeasures(db, tenantId, today);
  await seedPartners(db, tenantId);
  await seedPlans(db, tenantId, today, measures);
  const deadlines = await syncDeadlines(db, tenantId, { today });
  return {
    measures: measures.length,
    rooms: rooms.length,
    interpreters: interpreters.length,
    appointments: appointments.length,
    tasks: manual.length + deadlines.created,
  };
}

/** A Förderkompass as a county keeps it: measures of the Jobcenter, the Agentur, the county and partners. */
async function seedMeasures(db: Kysely<DB>, tenantId: string, today: string) {
  const m = (
    title: string,
    type: string,
    provider: string,
    extra: Partial<{
      start_date: string;
      end_date: string;
      rechtskreise: string[];
      residence_kinds: string[];
      min_age: number;
      max_age: number;
      min_level: string;
      gender: 'f' | 'm';
      needs_work_access: boolean;
      places: number;
      location: string;
    }>,
    contact: [string, string],
    description: string,
  ) => ({
    tenant_id: tenantId,
    title,
    type,
    provider,
    description,
    contact_name: contact[0],
    contact_email: contact[1],
    ...extra,
  });
  const rows = [
    m(
      'Kompetenzcheck Beruf',
      'kompetenzfeststellung',
      'IQ Netzwerk OWL',
      { start_date: addDays(today, 14), end_date: addDays(today, 16), places: 12, location: 'Herford' },
      ['Dilara Aksoy', 'aksoy@iq-owl.example'],
      'Zwei Tage praktische Erprobung: was kann die Person, was fehlt zum Berufsabschluss?',
    ),
    m(
      'Anerkennungsberatung',
      'anerkennung',
      'IQ Netzwerk OWL',
      { location: 'Bielefeld / Herford' },
      ['Dilara Aksoy', 'aksoy@iq-owl.example'],
      'Beratung zur Anerkennung ausländischer Berufsabschlüsse (BQFG).',
    ),
    m(
      'Frauen in Arbeit',
      'coaching',
      'Kreis Herford – Kommunales Integrationszentrum',
      {
        start_date: addDays(today, 30),
        end_date: addDays(today, 210),
        gender: 'f',
        rechtskreise: ['sgb2', 'sgb3_only'],
        places: 15,
        location: 'Herford, mit Kinderbetreuung',
      },
      ['Anna Kowalski', 'kowalski@kreis-herford.example'],
      'Coaching für geflüchtete Frauen mit Kinderbetreuung während der Termine.',
    ),
    m(
      'Werkstatt U25',
      'ausbildungsvorbereitung',
      'Bildungswerk Ravensberg',
      {
        start_date: addDays(today, 21),
        end_date: addDays(today, 300),
        max_age: 24,
        rechtskreise: ['sgb2'],
        places: 20,
        location: 'Bünde',
      },
      ['Tobias Meier', 'meier@bildungswerk.example'],
      'Berufsorientierung in Holz, Metall und Lager für junge Menschen.',
    ),
    m(
      'Aktivierung und berufliche Eingliederung (§ 45 SGB III)',
      'massnahme_45',
      'Agentur für Arbeit Herford',
      {
        start_date: addDays(today, 10),
        end_date: addDays(today, 100),
        needs_work_access: true,
        min_level: 'A2',
        places: 18,
        location: 'Herford',
      },
      ['Jens Krüger', 'krueger@arbeitsagentur.example'],
      'Betriebliche Erprobung mit Bewerbungscoaching; Aktivierungs- und Vermittlungsgutschein.',
    ),
    m(
      'Berufssprachkurs Pflege B2',
      'berufssprachkurs',
      'Volkshochschule im Kreis Herford',
      {
        start_date: addDays(today, 45),
        end_date: addDays(today, 250),
        min_level: 'B1',
        places: 16,
        location: 'Herford',
      },
      ['Maria Schulte', 'schulte@vhs.example'],
      'Berufsbezogene Deutschsprachförderung (§ 45a AufenthG) mit Pflege-Fachwortschatz.',
    ),
    m(
      'Einstiegsqualifizierung Lager und Logistik',
      'qualifizierung',
      'Möbelwerk Bünde GmbH',
      {
        start_date: addDays(today, 60),
        end_date: addDays(today, 420),
        needs_work_access: true,
        min_level: 'A2',
        places: 4,
        location: 'Bünde',
      },
      ['Frank Höper', 'hoeper@moebelwerk.example'],
      'EQ im Betrieb, Übernahme in Ausbildung möglich.',
    ),
    m(
      'Migrationsberatung für Erwachsene',
      'beratung',
      'Caritas Herford',
      { location: 'Herford, Löhne' },
      ['Rania Saleh', 'saleh@caritas.example'],
      'MBE: Beratung zu Aufenthalt, Familie, Wohnen, Gesundheit.',
    ),
  ];
  return db.insertInto('measure').values(rows).returning(['id', 'title']).execute();
}

/** Cooperation plans for the first clients of the demo advisor, so the case file shows one. */
async function seedPlans(
  db: Kysely<DB>,
  tenantId: string,
  today: string,
  measures: { id: string; title: string }[],
) {
  const advisor = await db
    .selectFrom('app_user')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('email', 'like', '%fachkraft@demo.lotse')
    .executeTakeFirst();
  if (!advisor) return;
  const persons = await db
    .selectFrom('person')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('owner_user_id', '=', advisor.id)
    .where('case_status', '!=', 'closed')
    .orderBy('family_name')
    .limit(3)
    .execute();
  const kompetenz = measures.find((x) => x.title === 'Kompetenzcheck Beruf');
  for (const p of persons) {
    const plan = await db
      .insertInto('plan')
      .values({ tenant_id: tenantId, person_id: p.id, current_version: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const content = {
      goals: [
        {
          id: 'g1',
          text: 'Deutsch auf B1 bringen',
          steps: [
            {
              id: 's1',
              text: 'Integrationskurs regelmäßig besuchen',
              owner: 'client',
              dueOn: addDays(today, 90),
              status: 'open',
            },
            {
              id: 's2',
              text: 'Kinderbetreuung für die Kurszeiten klären',
              owner: 'advisor',
              dueOn: addDays(today, 7),
              status: 'open',
            },
          ],
        },
        {
          id: 'g2',
          text: 'Berufliche Erfahrung sichtbar machen',
          steps: [
            {
              id: 's3',
              text: 'Zeugnisse und Nachweise mitbringen',
              owner: 'client',
              dueOn: addDays(today, 14),
              status: 'open',
            },
            {
              id: 's4',
              text: 'Kompetenzcheck beim IQ Netzwerk',
              owner: 'partner',
              ownerName: 'IQ Netzwerk OWL',
              dueOn: addDays(today, 30),
              status: 'open',
              measureId: kompetenz?.id ?? null,
            },
          ],
        },
      ],
    };
    await db
      .insertInto('plan_version')
      .values({
        tenant_id: tenantId,
        plan_id: plan.id,
        version: 1,
        content: JSON.stringify(content),
        agreed_on: today,
        review_on: addDays(today, 182),
        created_by: advisor.id,
      })
      .execute();
  }
}

/** The county's partner network; the ones that work in Lotse are linked to their agency. */
async function seedPartners(db: Kysely<DB>, tenantId: string) {
  const agencies = await db
    .selectFrom('agency')
    .select(['id', 'kind'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const agencyOf = (kind: string) => agencies.find((a) => a.kind === kind)?.id ?? null;
  const rows = [
    {
      name: 'IQ Netzwerk OWL – Anerkennungsberatung',
      kind: 'iq_netzwerk',
      services: 'Anerkennung ausländischer Abschlüsse, Qualifizierung nach BQFG',
      languages: ['ar', 'fa', 'en', 'uk'],
      opening_hours: 'Di und Do 9–15 Uhr',
      phone: '0521 557766-0',
      email: 'anerkennung@iq-owl.example',
      agency_id: null,
    },
    {
      name: 'BAMF Regionalkoordination',
      kind: 'bamf',
      services: 'Integrationskurse, Berufssprachkurse, Zulassungen',
      languages: ['en'],
      opening_hours: 'Mo–Fr 9–12 Uhr',
      phone: '0911 943-0',
      email: 'rk-owl@bamf.example',
      agency_id: null,
    },
    {
      name: 'Ausländerbehörde Kreis Herford',
      kind: 'auslaenderbehoerde',
      services: 'Aufenthaltstitel, Beschäftigungserlaubnis',
      languages: ['en'],
      opening_hours: 'Mo, Di, Do 8–12 Uhr',
      phone: '05221 13-0',
      email: 'abh@kreis-herford.example',
      agency_id: agencyOf('auslaenderbehoerde'),
    },
    {
      name: 'IHK Ostwestfalen',
      kind: 'ihk',
      services: 'Anerkennung IHK-Berufe, Ausbildungsberatung',
      languages: ['en'],
      opening_hours: 'Mo–Fr 8–16 Uhr',
      phone: '0521 554-0',
      email: 'info@ihk-owl.example',
      agency_id: null,
    },
    {
      name: 'Handwerkskammer OWL',
      kind: 'hwk',
      services: 'Anerkennung Handwerksberufe, Lehrstellenbörse',
      languages: ['en', 'tr'],
      opening_hours: 'Mo–Do 8–16 Uhr',
      phone: '0521 5608-0',
      email: 'info@hwk-owl.example',
      agency_id: null,
    },
    {
      name: 'Jugendamt Kreis Herford',
      kind: 'jugendamt',
      services: 'Hilfen für Familien, unbegleitete Minderjährige',
      languages: ['en'],
      opening_hours: 'Mo–Fr 8–12 Uhr',
      phone: '05221 13-1400',
      email: 'jugendamt@kreis-herford.example',
      agency_id: agencyOf('jugendamt'),
    },
    {
      name: 'Migrationsberatung Caritas Herford',
      kind: 'migrationsberatung',
      services: 'MBE, Jugendmigrationsdienst',
      languages: ['ar', 'ku', 'fa', 'ru'],
      opening_hours: 'Mo–Do 9–16 Uhr',
      phone: '05221 5998-0',
      email: 'mbe@caritas.example',
      agency_id: null,
    },
    {
      name: 'Flüchtlingshilfe Herford e. V.',
      kind: 'ehrenamt',
      services: 'Patenschaften, Begleitung zu Ämtern, Sprachcafé',
      languages: ['ar', 'ti', 'fa', 'uk'],
      opening_hours: 'Mi 15–18 Uhr (Sprachcafé)',
      phone: '05221 987654',
      email: 'kontakt@fluechtlingshilfe.example',
      agency_id: agencyOf('ehrenamt'),
    },
    {
      name: 'Flüchtlingsrat NRW',
      kind: 'fluechtlingsrat',
      services: 'Beratung zu Asylverfahren und Bleiberecht',
      languages: ['en', 'fr', 'ar'],
      opening_hours: 'telefonisch Di und Do',
      phone: '0234 58731-0',
      email: 'info@frnrw.example',
      agency_id: null,
    },
  ];
  await db
    .insertInto('partner_org')
    .values(rows.map((r) => ({ ...r, tenant_id: tenantId })))
    .execute();
}
