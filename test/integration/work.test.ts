import { expect, it } from 'vitest';
import { addDays, todayInGermany } from '../../src/domain/reference/dates';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant, type Session, type TestTenant } from '../support/factories';

// The work side (issue 14): employers, vacancies, profiles, matching with reasons, the placement pipeline
// with after-care tasks, the permit request in the rules engine's facts, printed documents and the import.

const BAKER = 'http://data.europa.eu/esco/occupation/1aadb308-432a-4d01-b54b-b4f7f76dd419';
const TODAY = todayInGermany();

async function region(db: Parameters<typeof makeTenant>[0], t: TestTenant) {
  const [a, b] = await db
    .insertInto('municipality')
    .values([
      { tenant_id: t.tenantId, name: 'Warendorf', lat: 51.95, lon: 7.99 },
      { tenant_id: t.tenantId, name: 'Fernstadt', lat: 53.55, lon: 10.0 },
    ])
    .returning('id')
    .execute();
  return { near: a.id, far: b.id };
}

async function client(
  db: Parameters<typeof makeTenant>[0],
  t: TestTenant,
  municipalityId: string,
  opts: { name: string; status: 'title' | 'gestattung' | 'none'; consent?: boolean },
) {
  const p = await makePerson(db, t, {
    givenNames: opts.name,
    familyName: 'Test',
    ownerUserId: t.users.arbeitgeberservice.id,
    ownerAgencyId: t.agencies.agentur_fuer_arbeit,
    municipalityId,
    entryDate: addDays(TODAY, -400),
  });
  const status =
    opts.status === 'title'
      ? { kind: 'aufenthaltserlaubnis', paragraph: '25(2)', since: addDays(TODAY, -300) }
      : opts.status === 'gestattung'
        ? {
            kind: 'gestattung',
            since: addDays(TODAY, -300),
            asylum_application_date: addDays(TODAY, -300),
            asylum_decision: 'pending',
            lives_in_reception_centre: false,
            dublin_case: false,
          }
        : { kind: 'none', since: addDays(TODAY, -300) };
  await db
    .insertInto('residence_status')
    .values({ tenant_id: t.tenantId, person_id: p.id, ...status } as never)
    .execute();
  if (opts.consent !== false)
    await db
      .insertInto('consent')
      .values({
        tenant_id: t.tenantId,
        person_id: p.id,
        purpose: 'arbeitsvermittlung_arbeitgeber',
        recipient_agency_id: t.agencies.agentur_fuer_arbeit,
        data_categories: ['identity', 'profile', 'language'],
        given_on: addDays(TODAY, -30),
      })
      .execute();
  return p;
}

async function bakerProfile(app: Parameters<typeof login>[0], s: Session, personId: string, years: number) {
  const r = await app.inject({
    method: 'PATCH',
    url: `/api/persons/${personId}/work-profile`,
    headers: as(s),
    payload: {
      version: 0,
      experience: [{ escoUri: BAKER, title: 'Bäcker in Aleppo', years, country: 'SY' }],
      hoursMax: 40,
      drivingLicences: ['B'],
    },
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

describeEachDb('work side', (env) => {
  it('ranks candidates with reasons, marks permit required, excludes a ban, and follows a hire to after-care', async () => {
    const { app } = env();
    const db = env().database.db;
    const t = await makeTenant(db);
    const { near, far } = await region(db, t);
    const s = await login(app, t.users.arbeitgeberservice.email);

    const badEmployer = await app.inject({
      method: 'POST',
      url: '/api/employers',
      headers: as(s),
      payload: { name: 'Bäckerei Sonnenschein', betriebsnummer: '123' },
    });
    expect(badEmployer.statusCode).toBe(400);
    expect(badEmployer.json().issues[0].path).toBe('betriebsnummer');
    const employer = await app.inject({
      method: 'POST',
      url: '/api/employers',
      headers: as(s),
      payload: {
        name: 'Bäckerei Sonnenschein',
        betriebsnummer: '12345678',
        street: 'Markt 1',
        postcode: '48231',
        city: 'Warendorf',
        municipalityId: near,
        contacts: [{ name: 'Petra Korn', phone: '02581 123' }],
        mentors: [{ name: 'Ali Demir', languages: ['ar', 'tr'] }],
      },
    });
    expect(employer.statusCode, employer.body).toBe(201);
    const e = employer.json();

    const unknownJob = await app.inject({
      method: 'POST',
      url: '/api/vacancies',
      headers: as(s),
      payload: {
        employerId: e.id,
        kind: 'job',
        title: 'Bäcker/in',
        escoUri: 'http://example.org/x',
        municipalityId: near,
        startDate: addDays(TODAY, 14),
      },
    });
    expect(unknownJob.statusCode).toBe(400);
    expect(unknownJob.json().issues[0].path).toBe('escoUri');
    const shortEq = await app.inject({
      method: 'POST',
      url: '/api/vacancies',
      headers: as(s),
      payload: {
        employerId: e.id,
        kind: 'eq',
        title: 'EQ Bäckerei',
        escoUri: BAKER,
        municipalityId: near,
        startDate: '2027-08-01',
        endDate: '2027-10-31',
      },
    });
    expect(shortEq.statusCode).toBe(400);
    expect(shortEq.json().issues[0].path).toBe('endDate');

    const created = await app.inject({
      method: 'POST',
      url: '/api/vacancies',
      headers: as(s),
      payload: {
        employerId: e.id,
        kind: 'job',
        title: 'Bäcker/in',
        escoUri: BAKER,
        municipalityId: near,
        startDate: addDays(TODAY, 14),
        hoursMin: 30,
        hoursMax: 40,
        openings: 1,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const v = created.json();
    expect(v).toMatchObject({
      occupationLabel: 'Bäcker/Bäckerin',
      isco: '7512',
      employerName: 'Bäckerei Sonnenschein',
    });

    const allowed = await client(db, t, near, { name: 'Amal', status: 'title' });
    const permit = await client(db, t, near, { name: 'Bilal', status: 'gestattung' });
    const banned = await client(db, t, near, { name: 'Carim', status: 'none' });
    const faraway = await client(db, t, far, { name: 'Dana', status: 'title' });
    const noConsent = await client(db, t, near, { name: 'Emre', status: 'title', consent: false });
    for (const [p, years] of [
      [allowed, 5],
      [permit, 3],
      [banned, 8],
      [faraway, 6],
      [noConsent, 7],
    ] as const)
      await bakerProfile(app, s, p.id, years);

    const ranked = await app.inject({
      method: 'GET',
      url: `/api/vacancies/${v.id}/candidates`,
      headers: as(s),
    });
    expect(ranked.statusCode, ranked.body).toBe(200);
    const r = ranked.json();
    const ids = r.candidates.map((c: { personId: string }) => c.personId);
    expect(ids).toEqual([allowed.id, permit.id]);
    expect(r.candidates[0].reasons.join(' ')).toMatch(/gleicher Beruf/);
    expect(r.candidates[0].reasons.join(' ')).toMatch(/5 Jahre Berufserfahrung/);
    expect(r.candidates[1].permit?.text).toMatch(/Beschäftigungserlaubnis/);
    expect(r.candidates[1].permit.baConsent).toBe(true);
    const why = Object.fromEntries(
      r.notProposed.map((c: { personId: string; excluded: string[] }) => [c.personId, c.excluded.join(' ')]),
    );
    expect(why[banned.id]).toMatch(/nicht erlaubt/);
    expect(why[faraway.id]).toMatch(/Fahrzeit/);
    expect(why[noConsent.id]).toMatch(/Einwilligung/);

    // The other way round: the person's page lists the vacancy with its reasons.
    const forPerson = await app.inject({
      method: 'GET',
      url: `/api/persons/${permit.id}/vacancies`,
      headers: as(s),
    });
    expect(forPerson.statusCode, forPerson.body).toBe(200);
    expect(forPerson.json()[0]).toMatchObject({ eligible: true, vacancy: { id: v.id } });

    const refused = await app.inject({
      method: 'POST',
      url: `/api/vacancies/${v.id}/placements`,
      headers: as(s),
      payload: { personId: noConsent.id },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().issues[0].path).toBe('personId');

    const proposed = await app.inject({
      method: 'POST',
      url: `/api/vacancies/${v.id}/placements`,
      headers: as(s),
      payload: { personId: permit.id },
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const p = proposed.json();
    expect(p).toMatchObject({
      status: 'proposed',
      nextSteps: ['contacted', 'interview', 'trial', 'hired', 'declined'],
    });

    // The permit declaration is pre-filled from employer, vacancy and person.
    const form = await app.inject({
      method: 'GET',
      url: `/api/placements/${p.id}/permit-declaration`,
      headers: as(s),
    });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Erklärung zum Beschäftigungsverhältnis');
    expect(form.body).toContain('12345678');
    expect(form.body).toContain('Bilal');
    expect(form.body).toContain('Syrien');

    // Two users move the same placement at once: one wins, the other gets 409.
    const [a, b] = await Promise.all(
      ['contacted', 'interview'].map((status) =>
        app.inject({
          method: 'PATCH',
          url: `/api/placements/${p.id}`,
          headers: as(s),
          payload: { version: p.version, status },
        }),
      ),
    );
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const cur = (a.statusCode === 200 ? a : b).json();

    const back = await app.inject({
      method: 'PATCH',
      url: `/api/placements/${p.id}`,
      headers: as(s),
      payload: { version: cur.version, status: 'proposed' },
    });
    expect(back.statusCode).toBe(400);
    expect(back.json().issues[0].path).toBe('status');

    // The permit request: the BA consent fiction (two weeks) becomes a deadline of the person.
    const requested = await app.inject({
      method: 'PATCH',
      url: `/api/placements/${p.id}`,
      headers: as(s),
      payload: { version: cur.version, permitRequestedOn: TODAY },
    });
    expect(requested.statusCode, requested.body).toBe(200);
    expect(requested.json().consentDeemedOn).toBe(addDays(TODAY, 14));
    const deadline = await db
      .selectFrom('task')
      .select(['kind', 'event_on'])
      .where('tenant_id', '=', t.tenantId)
      .where('person_id', '=', permit.id)
      .where('kind', '=', 'ba_consent_deemed_given')
      .executeTakeFirst();
    expect(deadline?.event_on).toBe(addDays(TODAY, 14));

    const noContract = await app.inject({
      method: 'PATCH',
      url: `/api/placements/${p.id}`,
      headers: as(s),
      payload: { version: requested.json().version, status: 'hired', startDate: addDays(TODAY, 14) },
    });
    expect(noContract.statusCode).toBe(400);
    expect(noContract.json().issues[0].path).toBe('contractType');
    const hired = await app.inject({
      method: 'PATCH',
      url: `/api/placements/${p.id}`,
      headers: as(s),
      payload: {
        version: requested.json().version,
        status: 'hired',
        startDate: addDays(TODAY, 14),
        contractType: 'unbefristet',
        hours: 38,
        wageBracket: '2000_3000',
      },
    });
    expect(hired.statusCode, hired.body).toBe(200);
    const aftercare = await db
      .selectFrom('task')
      .select(['kind', 'due_on'])
      .where('tenant_id', '=', t.tenantId)
      .where('person_id', '=', permit.id)
      .where('source', '=', 'work')
      .where('status', '=', 'open')
      .orderBy('due_on')
      .execute();
    expect(aftercare.map((x) => x.kind)).toEqual(['aftercare_2w', 'aftercare_3m', 'aftercare_6m']);
    expect(aftercare[0].due_on).toBe(addDays(TODAY, 28));
    const after = await app.inject({ method: 'GET', url: `/api/vacancies/${v.id}`, headers: as(s) });
    expect(after.json()).toMatchObject({ status: 'filled', hires: 1 });
    const placements = await app.inject({
      method: 'GET',
      url: `/api/persons/${permit.id}/placements`,
      headers: as(s),
    });
    expect(placements.json()[0]).toMatchObject({ status: 'hired', vacancyTitle: 'Bäcker/in' });

    // The profile extract leaves only with consent and is recorded as a release.
    const extract = await app.inject({
      method: 'GET',
      url: `/api/placements/${p.id}/profile-extract`,
      headers: as(s),
    });
    expect(extract.statusCode).toBe(200);
    expect(extract.body).toContain('Bewerberprofil');
    expect(extract.body).not.toContain('Gestattung');
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', t.tenantId)
      .where('person_id', '=', permit.id)
      .where('action', '=', 'release_profile')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('changes a profile field alone, answers 409 on a stale version, and refuses a partner', async () => {
    const { app } = env();
    const db = env().database.db;
    const t = await makeTenant(db);
    const { near } = await region(db, t);
    const s = await login(app, t.users.arbeitgeberservice.email);
    const p = await client(db, t, near, { name: 'Farah', status: 'title' });
    const first = await bakerProfile(app, s, p.id, 2);
    const hours = await app.inject({
      method: 'PATCH',
      url: `/api/persons/${p.id}/work-profile`,
      headers: as(s),
      payload: { version: first.version, maxTravelMinutes: 45 },
    });
    expect(hours.statusCode, hours.body).toBe(200);
    expect(hours.json()).toMatchObject({
      maxTravelMinutes: 45,
      hoursMax: 40,
      drivingLicences: ['B'],
      employerRelease: true,
    });
    expect(hours.json().experience[0]).toMatchObject({ years: 2, occupationLabel: 'Bäcker/Bäckerin' });
    const stale = await app.inject({
      method: 'PATCH',
      url: `/api/persons/${p.id}/work-profile`,
      headers: as(s),
      payload: { version: first.version, wishes: 'Konditorei' },
    });
    expect(stale.statusCode).toBe(409);
    const bad = await app.inject({
      method: 'PATCH',
      url: `/api/persons/${p.id}/work-profile`,
      headers: as(s),
      payload: { version: hours.json().version, experience: [{ escoUri: 'x', title: 'y', years: 1 }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toBe('experience.0.escoUri');
    const partner = await login(app, t.users.partner.email);
    const refused = await app.inject({
      method: 'GET',
      url: `/api/persons/${p.id}/work-profile`,
      headers: as(partner),
    });
    expect(refused.statusCode).toBe(403);
  });

  it('imports vacancies all or nothing, with a preview that names row errors and new employers', async () => {
    const { app } = env();
    const db = env().database.db;
    const t = await makeTenant(db);
    await region(db, t);
    const s = await login(app, t.users.arbeitgeberservice.email);
    const good = [
      'Arbeitgeber;Stellentitel;Art;Beruf;Arbeitsort;Beginn;Deutsch ab;Stunden ab;Anzahl',
      'Spedition Nord;Lagerhelfer;Arbeitsstelle;Lagerhelfer;Warendorf;01.03.2027;A2;30;2',
      `Bäckerei Korn;Bäcker;Ausbildungsplatz;${BAKER};Warendorf;01.08.2027;B1;;1`,
    ];
    const preview = await app.inject({
      method: 'POST',
      url: '/api/vacancies/import/preview',
      headers: as(s),
      payload: { format: 'csv', content: good.join('\n') },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      total: 2,
      errorCount: 0,
      newEmployers: ['Spedition Nord', 'Bäckerei Korn'],
    });
    const broken = [...good, 'Spedition Nord;Fahrer;Arbeitsstelle;Berufskraftfahrer;Atlantis;31.02.2027;;;'];
    const refused = await app.inject({
      method: 'POST',
      url: '/api/vacancies/import',
      headers: as(s),
      payload: { format: 'csv', content: broken.join('\n') },
    });
    expect(refused.statusCode).toBe(400);
    const paths = refused.json().issues.map((i: { path: string }) => i.path);
    expect(paths).toContain('rows.4.Arbeitsort');
    expect(paths).toContain('rows.4.Beginn');
    const none = await db.selectFrom('vacancy').select('id').where('tenant_id', '=', t.tenantId).execute();
    expect(none).toHaveLength(0);
    const done = await app.inject({
      method: 'POST',
      url: '/api/vacancies/import',
      headers: as(s),
      payload: { format: 'csv', content: good.join('\n') },
    });
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toEqual({ imported: 2, newEmployers: 2 });
  });

  it('invites clients and employers to a job fair, records attendance, hides guests the reader may not open', async () => {
    const { app } = env();
    const db = env().database.db;
    const t = await makeTenant(db);
    const { near } = await region(db, t);
    const s = await login(app, t.users.arbeitgeberservice.email);
    const mine = await client(db, t, near, { name: 'Gül', status: 'title' });
    const other = await makePerson(db, t, { givenNames: 'Fremd', ownerAgencyId: t.agencies.jobcenter });
    const e = await app.inject({
      method: 'POST',
      url: '/api/employers',
      headers: as(s),
      payload: { name: 'Pflegedienst Lebenszeit' },
    });
    const ev = await app.inject({
      method: 'POST',
      url: '/api/work-events',
      headers: as(s),
      payload: {
        kind: 'job_fair',
        title: 'Jobmesse für Frauen',
        heldOn: addDays(TODAY, 10),
        municipalityId: near,
      },
    });
    expect(ev.statusCode, ev.body).toBe(201);
    const id = ev.json().id;
    const invited = await app.inject({
      method: 'POST',
      url: `/api/work-events/${id}/guests`,
      headers: as(s),
      payload: { personId: mine.id },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    await app.inject({
      method: 'POST',
      url: `/api/work-events/${id}/guests`,
      headers: as(s),
      payload: { employerId: e.json().id },
    });
    const twice = await app.inject({
      method: 'POST',
      url: `/api/work-events/${id}/guests`,
      headers: as(s),
      payload: { personId: mine.id },
    });
    expect(twice.statusCode).toBe(409);
    const refused = await app.inject({
      method: 'POST',
      url: `/api/work-events/${id}/guests`,
      headers: as(s),
      payload: { personId: other.id },
    });
    expect(refused.statusCode).toBe(403);
    const both = await app.inject({
      method: 'POST',
      url: `/api/work-events/${id}/guests`,
      headers: as(s),
      payload: {},
    });
    expect(both.statusCode).toBe(400);
    const guest = invited.json().guests.find((g: { personId: string | null }) => g.personId === mine.id);
    const came = await app.inject({
      method: 'POST',
      url: `/api/work-events/${id}/guests/${guest.id}/attendance`,
      headers: as(s),
      payload: { attended: true },
    });
    expect(came.statusCode, came.body).toBe(200);
    const follow = await app.inject({
      method: 'POST',
      url: `/api/work-events/${id}/guests/${guest.id}/attendance`,
      headers: as(s),
      payload: { followUp: 'Praktikum bei Pflegedienst Lebenszeit anfragen' },
    });
    const g = follow.json().guests.find((x: { id: string }) => x.id === guest.id);
    expect(g).toMatchObject({
      attended: true,
      followUp: 'Praktikum bei Pflegedienst Lebenszeit anfragen',
      name: 'Gül Test',
    });
    expect(follow.json()).toMatchObject({ clients: 1, employers: 1, attended: 1 });
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', t.tenantId)
      .where('person_id', '=', mine.id)
      .where('action', '=', 'invite_to_event')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
