import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { addDays, todayInGermany } from '../../src/domain/reference/dates';
import { describeEachDb, type TestEnv } from '../support/databases';
import { as, login, makePerson, makeTenant, type Session, type TestTenant } from '../support/factories';

/**
 * Issue 8, defect 1: a field sent alone changes that field alone. Generated from the app's route table:
 * every PATCH and PUT route must have a fixture below (or a stated reason why it is no field update),
 * every field of its body a sample value; each field is then sent alone and the stored row compared
 * column by column — only that field's column (and the bookkeeping columns) may differ.
 */
const TODAY = todayInGermany();
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const META = new Set(['version', 'reason']);
const BOOKKEEPING = ['version', 'updated_at'];

interface Made {
  url: string;
  row(): Promise<Record<string, unknown>>;
  /** Sample values that depend on what the setup made (ids of other records). */
  samples?: Record<string, unknown>;
}

interface Fixture {
  /** Who writes (one login per route: the login throttle counts every login). */
  role: string;
  /** Creates the resource; answers the URL and how to read the stored row. */
  setup(env: TestEnv, t: TestTenant, session: Session): Promise<Made>;
  /** A value different from the created one for every body field. */
  samples(t: TestTenant): Record<string, unknown>;
  /** Extra body sent with every field (e.g. a reason for identity data). */
  always?: Record<string, unknown>;
  /** Columns a field's change may also touch, by field (derived data). */
  derived?: Record<string, string[]>;
  /** The version to send: the resource's current version (read from the row). */
  versioned: boolean;
}

/** Routes that are no field update, and why. */
const NOT_FIELD_UPDATES: Record<string, string> = {
  'PUT /api/courses/:id/attendance': 'replaces the class list of one day as a whole (a PUT of a document)',
  'PATCH /api/allocations/:id': 'moves clients within a proposal (a command, no stored fields)',
  'PUT /api/persons/:id/plan':
    'saves the whole cooperation plan as a new, never changed version (a versioned document)',
};

async function municipality(env: TestEnv, t: TestTenant, name: string): Promise<string> {
  const m = await env.database.db
    .insertInto('municipality')
    .values({ tenant_id: t.tenantId, name: `${name} ${randomUUID().slice(0, 6)}`, lat: 52.1, lon: 8.6 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return m.id;
}

async function course(env: TestEnv, t: TestTenant) {
  const db = env.database.db;
  const m = await municipality(env, t, 'Herford');
  const place = await db
    .insertInto('course_place')
    .values({
      tenant_id: t.tenantId,
      kind: 'venue',
      name: `VHS ${randomUUID()}`,
      municipality_id: m,
      lat: 52.1,
      lon: 8.6,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const place2 = await db
    .insertInto('course_place')
    .values({
      tenant_id: t.tenantId,
      kind: 'venue',
      name: `VHS ${randomUUID()}`,
      municipality_id: m,
      lat: 52.2,
      lon: 8.7,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const provider = await db
    .insertInto('course_provider')
    .values({ tenant_id: t.tenantId, agency_id: t.agencies.bildungstraeger })
    .onConflict((oc) => oc.columns(['tenant_id', 'agency_id']).doUpdateSet({ bamf_number: null }))
    .returning('id')
    .executeTakeFirstOrThrow();
  const c = await db
    .insertInto('course')
    .values({
      tenant_id: t.tenantId,
      provider_id: provider.id,
      place_id: place.id,
      ref: `IK-${randomUUID().slice(0, 8)}`,
      course_type: 'ik_allgemein',
      entry_levels: ['A1'],
      hours: 700,
      start_date: addDays(TODAY, 30),
      seats: 20,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: c.id, otherPlace: place2.id };
}

let slot = 0;

const rowOf =
  (
    env: TestEnv,
    table:
      | 'person'
      | 'course'
      | 'enrolment'
      | 'waitlist_entry'
      | 'task'
      | 'appointment'
      | 'measure'
      | 'conference_item'
      | 'recognition'
      | 'employer'
      | 'vacancy'
      | 'placement'
      | 'statistics_target',
    id: string,
  ) =>
  async () =>
    (await env.database.db
      .selectFrom(table)
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()) as Record<string, unknown>;

const BAKER = 'http://data.europa.eu/esco/occupation/1aadb308-432a-4d01-b54b-b4f7f76dd419';
const BAKER_EQ = 'http://data.europa.eu/esco/occupation/ff42d44c-34f8-46be-ad3a-2aad9a5e43f0';

/** An employer and an open vacancy of the employer service (work side). */
async function workVacancy(env: TestEnv, t: TestTenant, session: Session) {
  const m = await municipality(env, t, 'Warendorf');
  const e = await env.app.inject({
    method: 'POST',
    url: '/api/employers',
    headers: as(session),
    payload: { name: `Bäckerei ${randomUUID().slice(0, 8)}`, municipalityId: m },
  });
  const v = await env.app.inject({
    method: 'POST',
    url: '/api/vacancies',
    headers: as(session),
    payload: {
      employerId: e.json().id,
      kind: 'job',
      title: 'Bäcker/in',
      escoUri: BAKER,
      municipalityId: m,
      startDate: addDays(TODAY, 30),
    },
  });
  return { municipality: m, employerId: e.json().id as string, vacancyId: v.json().id as string };
}

const FIXTURES: Record<string, Fixture> = {
  'PATCH /api/work-events/:id': {
    role: 'arbeitgeberservice',
    versioned: true,
    async setup(env, t, session) {
      const m = await municipality(env, t, 'Herford');
      Object.assign(FIXTURES['PATCH /api/work-events/:id'], { m: await municipality(env, t, 'Bünde') });
      const r = await env.app.inject({
        method: 'POST',
        url: '/api/work-events',
        headers: as(session),
        payload: {
          kind: 'job_fair',
          title: 'Jobmesse Herford',
          heldOn: addDays(TODAY, 20),
          municipalityId: m,
          place: 'Stadthalle',
          audience: 'alle',
        },
      });
      const id = r.json().id as string;
      const row = async () =>
        (await env.database.db
          .selectFrom('work_event')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow()) as Record<string, unknown>;
      return { url: `/api/work-events/${id}`, row };
    },
    samples: () => ({
      kind: 'information',
      title: 'Infoabend für Frauen',
      heldOn: addDays(TODAY, 30),
      municipalityId: (FIXTURES['PATCH /api/work-events/:id'] as Fixture & { m?: string }).m,
      place: 'Familienzentrum',
      audience: 'Frauen mit Kindern',
    }),
  },
  'PATCH /api/employers/:id': {
    role: 'arbeitgeberservice',
    versioned: true,
    async setup(env, t, session) {
      const m = await municipality(env, t, 'Ahlen');
      (FIXTURES['PATCH /api/employers/:id'] as Fixture & { m?: string }).m = await municipality(
        env,
        t,
        'Beckum',
      );
      const r = await env.app.inject({
        method: 'POST',
        url: '/api/employers',
        headers: as(session),
        payload: {
          name: `Spedition ${randomUUID().slice(0, 8)}`,
          sector: 'Logistik',
          size: 'small',
          street: 'Hafenweg 1',
          postcode: '59227',
          city: 'Ahlen',
          municipalityId: m,
          betriebsnummer: '12345678',
          contacts: [{ name: 'Frau Korn', role: 'Personal', phone: '02382 1', email: 'korn@firma.test' }],
          mentors: [{ name: 'Ali Demir', languages: ['ar'], note: null }],
          notes: 'Sucht Fahrer',
          active: true,
        },
      });
      const id = r.json().id as string;
      return { url: `/api/employers/${id}`, row: rowOf(env, 'employer', id) };
    },
    samples: () => ({
      name: `Spedition Nord ${randomUUID().slice(0, 8)}`,
      sector: 'Transport',
      size: 'medium',
      street: 'Kanalstraße 2',
      postcode: '59229',
      city: 'Beckum',
      municipalityId: (FIXTURES['PATCH /api/employers/:id'] as Fixture & { m?: string }).m,
      betriebsnummer: '87654321',
      contacts: [{ name: 'Herr Weizen', role: null, phone: null, email: null }],
      mentors: [],
      notes: 'Sucht Lagerhelfer',
      active: false,
    }),
  },
  'PATCH /api/vacancies/:id': {
    role: 'arbeitgeberservice',
    versioned: true,
    derived: { escoUri: ['isco'] },
    async setup(env, t, session) {
      const w = await workVacancy(env, t, session);
      const other = await workVacancy(env, t, session);
      Object.assign(FIXTURES['PATCH /api/vacancies/:id'], { other });
      await env.app.inject({
        method: 'PATCH',
        url: `/api/vacancies/${w.vacancyId}`,
        headers: as(session),
        payload: {
          version: 1,
          description: 'Frühschicht',
          minLevel: 'A2',
          hoursMin: 20,
          hoursMax: 30,
          drivingLicence: 'B',
          endDate: addDays(TODAY, 400),
          wageBracket: '1000_2000',
        },
      });
      return { url: `/api/vacancies/${w.vacancyId}`, row: rowOf(env, 'vacancy', w.vacancyId) };
    },
    samples: () => {
      const o = (
        FIXTURES['PATCH /api/vacancies/:id'] as Fixture & { other: Awaited<ReturnType<typeof workVacancy>> }
      ).other;
      return {
        employerId: o.employerId,
        kind: 'ausbildung',
        title: 'Konditor/in',
        escoUri: BAKER_EQ,
        description: 'Spätschicht',
        minLevel: 'B1',
        municipalityId: o.municipality,
        hoursMin: 25,
        hoursMax: 35,
        shiftWork: true,
        drivingLicence: 'C',
        startDate: addDays(TODAY, 40),
        endDate: addDays(TODAY, 500),
        openings: 3,
        wageBracket: '2000_3000',
        status: 'closed',
      };
    },
  },
  'PATCH /api/persons/:id/work-profile': {
    role: 'arbeitgeberservice',
    versioned: true,
    derived: {
      experience: ['match_uris', 'match_isco4', 'match_isco3', 'match_skills', 'years_by_isco'],
      training: ['match_uris', 'match_isco4', 'match_isco3', 'match_skills'],
      wishedUris: ['match_uris', 'match_isco4', 'match_isco3'],
    },
    async setup(env, t, session) {
      const p = await makePerson(env.database.db, t, {
        ownerUserId: t.users.arbeitgeberservice.id,
        ownerAgencyId: t.agencies.agentur_fuer_arbeit,
      });
      await env.app.inject({
        method: 'PATCH',
        url: `/api/persons/${p.id}/work-profile`,
        headers: as(session),
        payload: {
          version: 0,
          schoolYears: 9,
          schoolDegree: 'lower_secondary',
          schoolCountry: 'SY',
          training: [{ title: 'Bäcker', escoUri: BAKER, country: 'SY', completed: true }],
          studies: [{ subject: 'Chemie', degree: null, country: 'SY', completed: false }],
          experience: [{ escoUri: BAKER, title: 'Bäcker', years: 2, country: 'SY' }],
          wishedUris: [BAKER],
          drivingLicences: ['B'],
          maxTravelMinutes: 45,
          hoursMin: 20,
          hoursMax: 30,
          childcare: 'none',
          availableFrom: addDays(TODAY, 10),
          wishes: 'Frühschicht',
        },
      });
      const row = async () =>
        (await env.database.db
          .selectFrom('work_profile')
          .selectAll()
          .where('person_id', '=', p.id)
          .executeTakeFirstOrThrow()) as Record<string, unknown>;
      return { url: `/api/persons/${p.id}/work-profile`, row };
    },
    samples: () => ({
      schoolYears: 12,
      schoolDegree: 'university_entrance',
      schoolCountry: 'AF',
      training: [{ title: 'Lagerlogistik', escoUri: null, country: 'DE', completed: false }],
      studies: [],
      experience: [{ escoUri: BAKER_EQ, title: 'Konditor', years: 4, country: 'TR' }],
      wishedUris: [BAKER_EQ],
      drivingLicences: ['B', 'C'],
      maxTravelMinutes: 60,
      hoursMin: 25,
      hoursMax: 40,
      childcare: 'school_hours',
      availableFrom: addDays(TODAY, 20),
      wishes: 'Spätschicht',
    }),
  },
  'PATCH /api/placements/:id': {
    role: 'arbeitgeberservice',
    versioned: true,
    derived: { status: ['history'], note: ['history'] },
    async setup(env, t, session) {
      const w = await workVacancy(env, t, session);
      const p = await makePerson(env.database.db, t, {
        ownerUserId: t.users.arbeitgeberservice.id,
        ownerAgencyId: t.agencies.agentur_fuer_arbeit,
      });
      await env.database.db
        .insertInto('consent')
        .values({
          tenant_id: t.tenantId,
          person_id: p.id,
          purpose: 'arbeitsvermittlung_arbeitgeber',
          recipient_agency_id: t.agencies.agentur_fuer_arbeit,
          data_categories: ['identity', 'profile'],
          given_on: addDays(TODAY, -1),
        })
        .execute();
      const r = await env.app.inject({
        method: 'POST',
        url: `/api/vacancies/${w.vacancyId}/placements`,
        headers: as(session),
        payload: { personId: p.id },
      });
      const id = r.json().id as string;
      await env.app.inject({
        method: 'PATCH',
        url: `/api/placements/${id}`,
        headers: as(session),
        payload: {
          version: 1,
          interviewOn: addDays(TODAY, 5),
          declinedReason: 'noch offen',
          declinedBy: 'client',
          contractType: 'befristet',
          hours: 20,
          wageBracket: '1000_2000',
          startDate: addDays(TODAY, 30),
          permitRequestedOn: addDays(TODAY, -20),
          permitDecidedOn: addDays(TODAY, -5),
          permitResult: 'granted',
        },
      });
      return { url: `/api/placements/${id}`, row: rowOf(env, 'placement', id) };
    },
    samples: () => ({
      status: 'contacted',
      note: 'Telefonat mit Frau Korn',
      interviewOn: addDays(TODAY, 7),
      declinedReason: 'Arbeitszeit passt nicht',
      declinedBy: 'employer',
      contractType: 'unbefristet',
      hours: 38,
      wageBracket: '2000_3000',
      startDate: addDays(TODAY, 45),
      permitRequestedOn: addDays(TODAY, -25),
      permitDecidedOn: addDays(TODAY, -3),
      permitResult: 'refused',
    }),
  },
  'PATCH /api/persons/:id': {
    role: 'integrationsfachkraft',
    versioned: true,
    always: { reason: 'Berichtigung nach Vorlage des Passes' },
    derived: {
      givenNames: ['search_text'],
      familyName: ['search_text'],
      nameOriginal: ['search_text'],
      nameVariants: ['search_text'],
    },
    async setup(env, t) {
      const advisor = t.users.integrationsfachkraft;
      const p = await makePerson(env.database.db, t, {
        ownerUserId: advisor.id,
        ownerAgencyId: advisor.agencyId,
        nameOriginal: 'محمد الحسن',
        nameVariants: ['Mohamed Alhassan'],
        birthDatePrecision: 'year',
        entryDate: '2016-03-01',
        municipalityId: await municipality(env, t, 'Bünde'),
        phone: '+49 5221 1',
        email: 'a@example.org',
        address: 'Markt 1',
        azrNumber: '111111111',
        baCustomerNumber: '123A456',
        referralSource: 'sozialamt',
      });
      // Health notes are special data (Art. 9 DSGVO): the advisor edits them only with a consent that names them.
      await env.database.db
        .insertInto('consent')
        .values({
          tenant_id: t.tenantId,
          person_id: p.id,
          purpose: 'Beratung',
          recipient_agency_id: advisor.agencyId,
          data_categories: ['identity', 'contact', 'residence', 'language', 'profile', 'household', 'health'],
          given_on: addDays(TODAY, -1),
        })
        .execute();
      return {
        url: `/api/persons/${p.id}`,
        row: rowOf(env, 'person', p.id),
        samples: {
          municipalityId: await municipality(env, t, 'Enger'),
          wohnsitzauflageMunicipalityId: await municipality(env, t, 'Vlotho'),
        },
      };
    },
    samples: () => ({
      givenNames: 'Muhammad',
      familyName: 'Al-Hasan',
      nameOriginal: 'محمد حسن',
      nameVariants: ['Mohammed Hassan', 'Muhammad Hasan'],
      gender: 'x',
      birthDate: '1990-06-15',
      birthDatePrecision: 'day',
      nationalities: ['IQ', 'SY'],
      languages: [
        { code: 'ar', level: 'muttersprache' },
        { code: 'de', level: 'A2' },
      ],
      phone: '+49 5221 2',
      email: 'b@example.org',
      address: 'Markt 2',
      azrNumber: '222222222',
      baCustomerNumber: '999Z999',
      entryDate: '2017-04-02',
      referralSource: 'selbst',
      healthNotes: 'Brille',
    }),
  },
  'PATCH /api/admin/settings': {
    role: 'admin',
    versioned: false,
    async setup(env, _t, session) {
      // The settings in force (stored values over the defaults), as the admin reads them.
      const read = async () =>
        (await env.app.inject({ method: 'GET', url: '/api/admin/settings', headers: as(session) })).json();
      const first = await read();
      await env.app.inject({
        method: 'PATCH',
        url: '/api/admin/settings',
        headers: as(session),
        payload: { ipMaxStayMonths: 24, retentionYears: { sgb2: 10, asylblg: 5 }, version: first.version },
      });
      const row = async () => {
        const { version: _v, ...settings } = await read();
        return settings as Record<string, unknown>;
      };
      return { url: '/api/admin/settings', row };
    },
    samples: () => ({ ipMaxStayMonths: 30, retentionYears: { sgb2: 12 } }),
    derived: { retentionYears: ['version'] },
  },
  'PATCH /api/tasks/:id': {
    role: 'integrationsfachkraft',
    versioned: true,
    derived: {
      dueOn: ['remind_on', 'reminded_at'],
      status: ['done_at', 'done_by'],
      assigneeUserId: ['assignee_agency_id'],
    },
    async setup(env, _t, session) {
      const r = await env.app.inject({
        method: 'POST',
        url: '/api/tasks',
        headers: as(session),
        payload: { title: 'Rückruf wegen Sprachkurs', dueOn: addDays(TODAY, 10), note: 'vormittags' },
      });
      const id = r.json().id as string;
      return { url: `/api/tasks/${id}`, row: rowOf(env, 'task', id) };
    },
    samples: () => ({
      title: 'Rückruf wegen Integrationskurs',
      note: 'nachmittags',
      dueOn: addDays(TODAY, 12),
      status: 'done',
      assigneeUserId: null,
    }),
  },
  'PATCH /api/appointments/:id': {
    role: 'integrationsfachkraft',
    versioned: true,
    derived: { startsAt: ['during'], endsAt: ['during'] },
    async setup(env, t, session) {
      const db = env.database.db;
      const m = await municipality(env, t, 'Ahlen');
      const office = async (name: string) =>
        (
          await db
            .insertInto('office')
            .values({
              tenant_id: t.tenantId,
              municipality_id: m,
              name: `${name} ${randomUUID().slice(0, 6)}`,
              kind: 'satellite',
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      const officeId = await office('Außenstelle Ahlen');
      const otherOffice = await office('Außenstelle Beckum');
      const room = await db
        .insertInto('room')
        .values({ tenant_id: t.tenantId, office_id: officeId, name: 'Raum 1' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const interpreter = await db
        .insertInto('interpreter')
        .values({ tenant_id: t.tenantId, name: 'Samira Haddad', languages: ['ar', 'ku'] })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Each field gets its own hour, so the advisor's own bookings never overlap.
      slot += 1;
      const day = addDays(TODAY, 10 + slot);
      const r = await env.app.inject({
        method: 'POST',
        url: '/api/appointments',
        headers: as(session),
        payload: {
          kind: 'beratung',
          startsAt: `${day}T10:00:00+01:00`,
          endsAt: `${day}T11:00:00+01:00`,
          officeId,
          interpreterLanguage: 'ar',
          note: 'mit Unterlagen',
        },
      });
      const id = r.json().id as string;
      return {
        url: `/api/appointments/${id}`,
        row: rowOf(env, 'appointment', id),
        samples: {
          officeId: otherOffice,
          roomId: room.id,
          interpreterId: interpreter.id,
          startsAt: `${day}T09:30:00+01:00`,
          endsAt: `${day}T11:30:00+01:00`,
        },
      };
    },
    samples: (t) => ({
      kind: 'erstgespraech',
      staffUserId: t.users.sprachberatung.id,
      interpreterLanguage: 'ku',
      note: 'ohne Unterlagen',
      status: 'done',
    }),
  },
  'PATCH /api/measures/:id': {
    role: 'koordination',
    versioned: true,
    async setup(env, _t, session) {
      const r = await env.app.inject({
        method: 'POST',
        url: '/api/measures',
        headers: as(session),
        payload: {
          title: 'Kompetenzcheck',
          type: 'kompetenzfeststellung',
          provider: 'IQ Netzwerk',
          description: 'Zwei Tage',
          location: 'Herford',
          places: 12,
          startDate: '2027-01-01',
          endDate: '2027-06-30',
          rechtskreise: ['sgb2'],
          residenceKinds: ['aufenthaltserlaubnis'],
          minAge: 18,
          maxAge: 30,
          minLevel: 'A2',
          gender: 'f',
          needsWorkAccess: false,
          contactName: 'Frau Yilmaz',
          contactEmail: 'yilmaz@kreis.test',
          contactPhone: '05221 1',
        },
      });
      const id = r.json().id as string;
      return { url: `/api/measures/${id}`, row: rowOf(env, 'measure', id) };
    },
    samples: () => ({
      title: 'Kompetenzcheck Pflege',
      type: 'beratung',
      provider: 'IQ Netzwerk OWL',
      description: 'Drei Tage',
      location: 'Bünde',
      places: 10,
      startDate: '2027-02-01',
      endDate: '2027-07-31',
      rechtskreise: ['sgb2', 'sgb3_only'],
      residenceKinds: ['duldung'],
      minAge: 20,
      maxAge: 40,
      minLevel: 'B1',
      gender: 'm',
      needsWorkAccess: true,
      contactName: 'Herr Kaya',
      contactEmail: 'kaya@kreis.test',
      contactPhone: '05221 2',
      active: false,
    }),
  },
  'PATCH /api/statistics/targets/:id': {
    role: 'koordination',
    versioned: true,
    async setup(env, _t, session) {
      const r = await env.app.inject({
        method: 'POST',
        url: '/api/statistics/targets',
        headers: as(session),
        payload: {
          indicatorId: 'in_work_share',
          label: 'Hälfte in Arbeit',
          targetValue: 0.5,
          direction: 'at_least',
          deadline: '2027-12-31',
          baselineOn: '2026-01-01',
        },
      });
      const id = r.json().id as string;
      return { url: `/api/statistics/targets/${id}`, row: rowOf(env, 'statistics_target', id) };
    },
    samples: () => ({
      indicatorId: 'b2_share',
      label: 'Mehr als die Hälfte mit B2',
      targetValue: 0.55,
      direction: 'at_most',
      deadline: '2028-06-30',
      baselineOn: '2026-06-30',
    }),
  },
  'PATCH /api/conferences/:id/items/:itemId': {
    role: 'integrationsfachkraft',
    versioned: true,
    async setup(env, t, session) {
      const p = await makePerson(env.database.db, t, {
        ownerUserId: t.users.integrationsfachkraft.id,
        ownerAgencyId: t.agencies.jobcenter,
      });
      const r = await env.app.inject({
        method: 'POST',
        url: '/api/conferences',
        headers: as(session),
        payload: { title: 'Fallbesprechung', heldOn: TODAY, agencyIds: [], personIds: [p.id] },
      });
      const c = r.json();
      const item = c.items[0].id as string;
      return { url: `/api/conferences/${c.id}/items/${item}`, row: rowOf(env, 'conference_item', item) };
    },
    samples: () => ({ minutes: 'Vereinbart: Praktikum im Januar.' }),
  },
  'PATCH /api/persons/:id/recognitions/:recognitionId': {
    role: 'integrationsfachkraft',
    versioned: true,
    async setup(env, t, session) {
      const p = await makePerson(env.database.db, t, {
        ownerUserId: t.users.integrationsfachkraft.id,
        ownerAgencyId: t.agencies.jobcenter,
      });
      const r = await env.app.inject({
        method: 'POST',
        url: `/api/persons/${p.id}/recognitions`,
        headers: as(session),
        payload: {
          qualification: 'Diplom Elektrotechnik',
          country: 'UA',
          referenceOccupation: 'Elektroingenieur',
          escoUri: 'http://data.europa.eu/esco/occupation/a',
          regulated: false,
          authority: 'IHK FOSA',
          status: 'complete',
          appliedOn: '2026-01-10',
          completeOn: '2026-02-01',
          result: 'partial',
          adaptationMeasure: 'Praktikum',
        },
      });
      const id = r.json().id as string;
      return { url: `/api/persons/${p.id}/recognitions/${id}`, row: rowOf(env, 'recognition', id) };
    },
    samples: () => ({
      qualification: 'Master Elektrotechnik',
      country: 'PL',
      referenceOccupation: 'Elektroingenieurin',
      escoUri: 'http://data.europa.eu/esco/occupation/b',
      regulated: true,
      authority: 'Bezirksregierung Köln',
      status: 'decided',
      appliedOn: '2026-01-20',
      completeOn: '2026-03-01',
      extendedUntil: '2026-06-30',
      decisionOn: '2026-05-01',
      result: 'full',
      adaptationMeasure: 'Anpassungslehrgang',
    }),
  },
  'PATCH /api/courses/:id': {
    role: 'sprachberatung',
    versioned: true,
    async setup(env, t) {
      const c = await course(env, t);
      (FIXTURES['PATCH /api/courses/:id'] as Fixture & { otherPlace?: string }).otherPlace = c.otherPlace;
      // The route's own session (fx.role) writes: one login per route, not per field (the login rate limit).
      return { url: `/api/courses/${c.id}`, row: rowOf(env, 'course', c.id) };
    },
    samples: () => ({
      placeId: (FIXTURES['PATCH /api/courses/:id'] as Fixture & { otherPlace?: string }).otherPlace,
      entryLevels: ['A0', 'A1'],
      targetLevel: 'B1',
      hours: 900,
      schedule: 'Mo–Fr 8:30–12:45',
      startDate: addDays(TODAY, 40),
      endDate: addDays(TODAY, 300),
      seats: 18,
      childcare: true,
      womenOnly: true,
      status: 'cancelled',
    }),
  },
  'PATCH /api/enrolments/:id': {
    role: 'sprachberatung',
    versioned: true,
    derived: { status: ['end_date'] },
    async setup(env, t) {
      const c = await course(env, t);
      const p = await makePerson(env.database.db, t, { givenNames: 'Dana', familyName: 'Kurs' });
      const e = await env.database.db
        .updateTable('course')
        .set({ start_date: addDays(TODAY, -10) })
        .where('id', '=', c.id)
        .execute()
        .then(() =>
          env.database.db
            .insertInto('enrolment')
            .values({
              tenant_id: t.tenantId,
              person_id: p.id,
              course_id: c.id,
              start_date: addDays(TODAY, -10),
            })
            .returning('id')
            .executeTakeFirstOrThrow(),
        );
      return { url: `/api/enrolments/${e.id}`, row: rowOf(env, 'enrolment', e.id) };
    },
    samples: () => ({
      status: 'attending',
      attendancePercent: 85,
      resultLevel: 'A2',
      certificateRef: 'DTZ-2026-0042',
      endDate: addDays(TODAY, 60),
    }),
  },
  'PATCH /api/persons/:id/waitlist/:entryId': {
    role: 'sprachberatung',
    versioned: true,
    async setup(env, t, session) {
      const advisor = t.users.integrationsfachkraft;
      const p = await makePerson(env.database.db, t, {
        ownerUserId: advisor.id,
        ownerAgencyId: advisor.agencyId,
      });
      // A residence permit § 25 Abs. 2 AufenthG: entitled to the Integrationskurs (§ 44 AufenthG).
      await env.database.db
        .insertInto('residence_status')
        .values({
          tenant_id: t.tenantId,
          person_id: p.id,
          kind: 'aufenthaltserlaubnis',
          paragraph: '25(2)',
          since: addDays(TODAY, -90),
        })
        .execute();
      const w = await env.database.db
        .insertInto('waitlist_entry')
        .values({
          tenant_id: t.tenantId,
          person_id: p.id,
          course_types: ['ik_intensiv'],
          since: TODAY,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // A placement test (A1): the German level the rules need to name the courses.
      const placed = await env.app.inject({
        method: 'POST',
        url: `/api/persons/${p.id}/language-assessments`,
        headers: as(session),
        payload: {
          assessedOn: addDays(TODAY, -30),
          testKind: 'placement_test',
          overall: 'A1',
          literacy: 'latin',
        },
      });
      expect(placed.statusCode, placed.body).toBe(201);
      // The sample course types: those the rules give this person, other than the stored ones.
      const lang = await env.app.inject({
        method: 'GET',
        url: `/api/persons/${p.id}/language`,
        headers: as(session),
      });
      const entitled = (lang.json().entitlement.courseTypes as string[]).filter((x) => x !== 'ik_intensiv');
      expect(entitled, JSON.stringify(lang.json().entitlement)).not.toEqual([]);
      return {
        url: `/api/persons/${p.id}/waitlist/${w.id}`,
        row: rowOf(env, 'waitlist_entry', w.id),
        samples: { courseTypes: entitled.slice(0, 1) },
      };
    },
    samples: () => ({
      status: 'withdrawn',
      needsChildcare: true,
      needsWomenOnly: true,
      note: 'Kann nur vormittags',
    }),
  },
};

describeEachDb('a field sent alone changes that field alone (every PATCH and PUT route)', (env) => {
  it('has a fixture or a stated reason for every write route', () => {
    const writes = env()
      .app.routeTable.filter((r) => r.method === 'PATCH' || r.method === 'PUT')
      .map((r) => `${r.method} ${r.url}`);
    expect(writes.length).toBeGreaterThan(3);
    expect(writes.filter((w) => !FIXTURES[w] && !NOT_FIELD_UPDATES[w])).toEqual([]);
  });

  for (const [route, fx] of Object.entries(FIXTURES)) {
    it(`${route}: each field alone`, async () => {
      const entry = env().app.routeTable.find((r) => `${r.method} ${r.url}` === route);
      expect(entry, `${route} is registered`).toBeDefined();
      const fields = (entry?.bodyKeys ?? []).filter((k) => !META.has(k));
      const t = await makeTenant(env().database.db);
      const session = await login(env().app, t.users[fx.role].email);
      for (const field of fields) {
        // A fresh resource per field: each change is judged against the created state.
        const { url, row, samples: made } = await fx.setup(env(), t, session);
        const samples = { ...fx.samples(t), ...made };
        expect(samples, `${route}: a sample value for "${field}"`).toHaveProperty(field);
        const before = await row();
        const body: Record<string, unknown> = { ...fx.always, [field]: samples[field] };
        if (fx.versioned) body.version = before.version;
        else
          body.version = (
            await env().app.inject({ method: 'GET', url, headers: as(session) })
          ).json().version;
        const res = await env().app.inject({
          method: entry?.method as 'PATCH',
          url,
          headers: as(session),
          payload: body,
        });
        expect(res.statusCode, `${route} ${field}: ${res.body}`).toBeLessThan(300);
        const after = await row();
        const own = fx.versioned ? snake(field) : field;
        const allowed = new Set([own, ...BOOKKEEPING, ...(fx.derived?.[field] ?? [])]);
        const changed = Object.keys(after).filter(
          (k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]),
        );
        expect(
          changed.filter((k) => !allowed.has(k)),
          `${route}: sending ${field} alone changed`,
        ).toEqual([]);
        expect(changed, `${route}: ${field} itself was stored`).toContain(own);
      }
    });
  }
});
