import { expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { todayInGermany } from '../../src/domain/reference/dates';
import { addDays } from '../../src/server/demo/random';
import type { TestEnv } from '../support/databases';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant, type Session, type TestTenant } from '../support/factories';

const TODAY = todayInGermany();

/** Three towns of Kreis Herford: Herford and Bünde 12 km apart; Rödinghausen rural. */
async function countyOf(env: TestEnv, t: TestTenant) {
  const rows = await env.database.db
    .insertInto('municipality')
    .values([
      { tenant_id: t.tenantId, name: 'Herford', ags: '05758012', lat: 52.1146, lon: 8.6734 },
      { tenant_id: t.tenantId, name: 'Bünde', ags: '05758004', lat: 52.2005, lon: 8.5836 },
      { tenant_id: t.tenantId, name: 'Rödinghausen', ags: '05758028', lat: 52.2547, lon: 8.4814 },
    ])
    .returning(['id', 'name'])
    .execute();
  return Object.fromEntries(rows.map((r) => [r.name, r.id])) as Record<
    'Herford' | 'Bünde' | 'Rödinghausen',
    string
  >;
}

async function setup(env: TestEnv) {
  const t = await makeTenant(env.database.db);
  const towns = await countyOf(env, t);
  const advisor = await login(env.app, t.users.sprachberatung.email);
  const places = (
    await env.app.inject({ method: 'GET', url: '/api/course-places', headers: as(advisor) })
  ).json() as { id: string; name: string }[];
  const place = (name: string) => places.find((p) => p.name === name)!.id;
  const providers = (
    await env.app.inject({ method: 'GET', url: '/api/course-providers', headers: as(advisor) })
  ).json() as { id: string; agencyId: string }[];
  const provider = providers.find((p) => p.agencyId === t.agencies.bildungstraeger)!.id;
  return { t, towns, advisor, place, provider };
}

/** A recognised refugee (§ 25(2) title this year): entitled to the Integrationskurs. */
async function entitledClient(
  env: TestEnv,
  t: TestTenant,
  s: Session,
  o: {
    town: string;
    gender?: 'f' | 'm';
    level?: string;
    waitingSince: string;
    childcare?: boolean;
    given?: string;
    languages?: { code: string; level: 'muttersprache' | 'A1' }[];
  },
) {
  const p = await makePerson(env.database.db, t, {
    givenNames: o.given ?? 'Test',
    gender: o.gender ?? 'm',
    municipalityId: o.town,
    languages: o.languages ?? [{ code: 'ar', level: 'muttersprache' }],
  });
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
  const a = await env.app.inject({
    method: 'POST',
    url: `/api/persons/${p.id}/language-assessments`,
    headers: as(s),
    payload: {
      assessedOn: addDays(TODAY, -30),
      testKind: 'placement_test',
      overall: o.level ?? 'A1',
      literacy: 'latin',
    },
  });
  expect(a.statusCode, a.body).toBe(201);
  const w = await env.app.inject({
    method: 'POST',
    url: `/api/persons/${p.id}/waitlist`,
    headers: as(s),
    payload: { courseTypes: ['ik_allgemein'], since: o.waitingSince, needsChildcare: o.childcare ?? false },
  });
  expect(w.statusCode, w.body).toBe(201);
  return p.id;
}

const course = (provider: string, placeId: string, over: Record<string, unknown> = {}) => ({
  providerId: provider,
  placeId,
  ref: `K-${Math.random().toString(36).slice(2, 8)}`,
  type: 'ik_allgemein',
  entryLevels: ['A0', 'A1'],
  startDate: addDays(TODAY, 30),
  seats: 1,
  childcare: false,
  womenOnly: false,
  ...over,
});

describeEachDb('language path: records, catalogue import, allocation, provider scope', (env) => {
  it('imports a course catalogue: preview lists row errors, commit is all or nothing (CSV and XLSX)', async () => {
    const { t, advisor } = await setup(env());
    const header =
      'Kursnummer;Träger;Kursart;Einstiegsniveau;Zielniveau;UE;Zeiten;Beginn;Plätze;Kinderbetreuung;Nur Frauen;Ort;Standort;Adresse';
    const agencyName = (
      await env()
        .database.db.selectFrom('agency')
        .select('name')
        .where('id', '=', t.agencies.bildungstraeger)
        .executeTakeFirstOrThrow()
    ).name;
    const good = [
      header,
      `IK-1;${agencyName};ik_allgemein;A0, A1;B1;700;Mo–Fr 8:30–12:45;${addDays(TODAY, 40)};20;ja;nein;Herford;VHS Herford;Münsterkirchplatz 1`,
      `IK-2;${agencyName};Integrationskurs mit Alphabetisierung;A0;B1;1000;Mo–Fr 9–13;${addDays(TODAY, 50).split('-').reverse().join('.')};15;nein;nein;Bünde;;`,
    ];
    const bad = [
      ...good,
      `IK-3;${agencyName};ik_allgemein;A1, Z9;B1;700;;${addDays(TODAY, 60)};-4;ja;nein;Atlantis;;`,
      `IK-1;${agencyName};ik_allgemein;A1;B1;700;;2025-02-30;10;vielleicht;nein;Herford;;`,
    ];
    const preview = await env().app.inject({
      method: 'POST',
      url: '/api/courses/import/preview',
      headers: as(advisor),
      payload: { format: 'csv', content: bad.join('\n') },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p.summary).toMatchObject({ valid: 2, invalid: 2 });
    const errs = p.errors as { row: number; column: string; message: string }[];
    expect(
      errs
        .filter((e) => e.row === 4)
        .map((e) => e.column)
        .sort(),
    ).toEqual(['Einstiegsniveau', 'Ort', 'Plätze']);
    expect(errs.find((e) => e.row === 4 && e.column === 'Plätze')!.message).toMatch(/negativ/);
    expect(
      errs
        .filter((e) => e.row === 5)
        .map((e) => e.column)
        .sort(),
    ).toEqual(['Beginn', 'Kinderbetreuung', 'Kursnummer']);

    const rejected = await env().app.inject({
      method: 'POST',
      url: '/api/courses/import/commit',
      headers: as(advisor),
      payload: { format: 'csv', content: bad.join('\n') },
    });
    expect(rejected.statusCode).toBe(400);
    expect(rejected.json().issues.map((i: { path: string }) => i.path)).toContain('rows.4.Plätze');
    const none = await env().app.inject({ method: 'GET', url: '/api/courses', headers: as(advisor) });
    expect(none.json().total).toBe(0);
    const placesBefore = (
      await env().app.inject({ method: 'GET', url: '/api/course-places', headers: as(advisor) })
    ).json().length;

    const ok = await env().app.inject({
      method: 'POST',
      url: '/api/courses/import/commit',
      headers: as(advisor),
      payload: { format: 'csv', content: good.join('\n') },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toEqual({ created: 2, updated: 0, places: 1 });
    const list = (
      await env().app.inject({ method: 'GET', url: '/api/courses', headers: as(advisor) })
    ).json();
    expect(
      list.items.map((c: { ref: string; place: { name: string } }) => `${c.ref}@${c.place.name}`).sort(),
    ).toEqual(['IK-1@VHS Herford', 'IK-2@Bünde']);
    expect(
      (await env().app.inject({ method: 'GET', url: '/api/course-places', headers: as(advisor) })).json()
        .length,
    ).toBe(placesBefore + 1);

    // The same catalogue as XLSX: the rows exist, so they are updates (seats changed).
    const rows = good.map((l) => l.split(';'));
    rows[1][8] = '25';
    const xlsx = await writeXlsxFile(rows.map((r) => r.map((v) => ({ value: v }))) as never).toBuffer();
    const again = await env().app.inject({
      method: 'POST',
      url: '/api/courses/import/commit',
      headers: as(advisor),
      payload: { format: 'xlsx', content: xlsx.toString('base64') },
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ created: 0, updated: 2 });
    const ik1 = (await env().app.inject({ method: 'GET', url: '/api/courses', headers: as(advisor) }))
      .json()
      .items.find((c: { ref: string }) => c.ref === 'IK-1');
    expect(ik1).toMatchObject({
      seats: 25,
      version: 2,
      childcare: true,
      entryLevels: ['A0', 'A1'],
      targetLevel: 'B1',
      hours: 700,
    });
    const broken = await env().app.inject({
      method: 'POST',
      url: '/api/courses/import/preview',
      headers: as(advisor),
      payload: { format: 'xlsx', content: Buffer.from('kein excel').toString('base64') },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().issues[0].path).toBe('content');
  });

  it('imports a travel-time matrix all or nothing; imported minutes override the estimate', async () => {
    const { advisor } = await setup(env());
    const before = (
      await env().app.inject({ method: 'GET', url: '/api/travel-times', headers: as(advisor) })
    ).json();
    const name = (id: string) => before.places.find((p: { id: string }) => p.id === id).name;
    const est = before.entries.find(
      (e: { from: string; to: string }) => name(e.from) === 'Rödinghausen' && name(e.to) === 'Herford',
    );
    expect(est.source).toBe('estimate');
    expect(est.minutes).toBeGreaterThan(45);
    const bad = await env().app.inject({
      method: 'POST',
      url: '/api/travel-times/import/commit',
      headers: as(advisor),
      payload: {
        content: 'von;nach;minuten\nRödinghausen;Herford;38\nHerford;Nirgendwo;10\nBünde;Herford;-5',
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(['rows.3.nach', 'rows.4.minuten']);
    const unchanged = (
      await env().app.inject({ method: 'GET', url: '/api/travel-times', headers: as(advisor) })
    ).json();
    expect(unchanged.entries.every((e: { source: string }) => e.source === 'estimate')).toBe(true);
    const wide = ';Herford;Bünde\nRödinghausen;38;22\nHerford;5;\n';
    const ok = await env().app.inject({
      method: 'POST',
      url: '/api/travel-times/import/commit',
      headers: as(advisor),
      payload: { content: wide },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().imported).toBe(3);
    const after = (
      await env().app.inject({ method: 'GET', url: '/api/travel-times', headers: as(advisor) })
    ).json();
    expect(
      after.entries.find(
        (e: { from: string; to: string }) => name(e.from) === 'Rödinghausen' && name(e.to) === 'Herford',
      ),
    ).toMatchObject({ minutes: 38, source: 'import' });
  });

  it('allocates from live data at least as well as first come first served, confirms into enrolments, letters and tasks', async () => {
    const { t, towns, advisor, place, provider } = await setup(env());
    // FCFS trap: the longest-waiting client takes the nearest course (Herford) which is the only one with
    // childcare; the mother who needs childcare then finds no seat. The optimum sends him to Bünde.
    const a = await entitledClient(env(), t, advisor, {
      town: towns.Herford,
      waitingSince: addDays(TODAY, -200),
      given: 'Ahmad',
    });
    const b = await entitledClient(env(), t, advisor, {
      town: towns.Herford,
      gender: 'f',
      waitingSince: addDays(TODAY, -100),
      childcare: true,
      given: 'Rania',
      languages: [{ code: 'fa', level: 'muttersprache' }],
    });
    const c = await entitledClient(env(), t, advisor, {
      town: towns.Rödinghausen,
      waitingSince: addDays(TODAY, -10),
      level: 'A2',
      given: 'Omid',
    });
    const herford = await env().app.inject({
      method: 'POST',
      url: '/api/courses',
      headers: as(advisor),
      payload: course(provider, place('Herford'), { childcare: true, ref: 'H-1' }),
    });
    expect(herford.statusCode, herford.body).toBe(201);
    const buende = await env().app.inject({
      method: 'POST',
      url: '/api/courses',
      headers: as(advisor),
      payload: course(provider, place('Bünde'), { ref: 'B-1' }),
    });
    expect(buende.statusCode).toBe(201);

    const run = await env().app.inject({
      method: 'POST',
      url: '/api/allocations',
      headers: as(advisor),
      payload: {},
    });
    expect(run.statusCode, run.body).toBe(201);
    const r = run.json();
    expect(r.state).toBe('proposed');
    expect(r.counts).toMatchObject({ clients: 3, courses: 2, seats: 2 });
    expect(r.metrics.optimal.placed).toBe(2);
    expect(r.metrics.fcfs.placed).toBe(1);
    expect(r.metrics.optimal.placed).toBeGreaterThanOrEqual(r.metrics.fcfs.placed);
    expect(r.metrics.optimal.score).toBeGreaterThanOrEqual(r.metrics.fcfs.score);
    expect(r.metrics.gain.placed).toBe(1);
    expect(r.metrics.optimal.womenPlacedShare).toBe(0.5);
    const placed = Object.fromEntries(
      r.assignments.map((x: { personId: string; courseRef: string }) => [x.personId, x.courseRef]),
    );
    expect(placed).toEqual({ [a]: 'B-1', [b]: 'H-1' });
    expect(r.unassigned.map((u: { personId: string }) => u.personId)).toEqual([c]);

    // Adjusting: Omid (A2) cannot take an A0/A1 course — 400 naming the change; a stale version → 409.
    const wrong = await env().app.inject({
      method: 'PATCH',
      url: `/api/allocations/${r.id}`,
      headers: as(advisor),
      payload: { version: r.version, changes: [{ client: c, course: herford.json().id }] },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues[0]).toMatchObject({ path: 'changes.0.course' });
    const full = await env().app.inject({
      method: 'PATCH',
      url: `/api/allocations/${r.id}`,
      headers: as(advisor),
      payload: { version: r.version, changes: [{ client: a, course: herford.json().id }] },
    });
    expect(full.statusCode).toBe(400);
    expect(full.json().issues[0].message).toMatch(/freie Plätze/);
    const moved = await env().app.inject({
      method: 'PATCH',
      url: `/api/allocations/${r.id}`,
      headers: as(advisor),
      payload: { version: r.version, changes: [{ client: a, course: null }] },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().proposal).toMatchObject({ adjusted: true, optimal: false });
    const stale = await env().app.inject({
      method: 'PATCH',
      url: `/api/allocations/${r.id}`,
      headers: as(advisor),
      payload: { version: r.version, changes: [{ client: a, course: buende.json().id }] },
    });
    expect(stale.statusCode).toBe(409);
    const back = await env().app.inject({
      method: 'PATCH',
      url: `/api/allocations/${r.id}`,
      headers: as(advisor),
      payload: { version: moved.json().version, changes: [{ client: a, course: buende.json().id }] },
    });
    expect(back.json().proposal).toMatchObject({ adjusted: true, optimal: true });

    const confirmed = await env().app.inject({
      method: 'POST',
      url: `/api/allocations/${r.id}/confirm`,
      headers: as(advisor),
      payload: { version: back.json().version },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const done = confirmed.json();
    expect(done.run.state).toBe('confirmed');
    expect(done.enrolments).toHaveLength(2);
    expect(done.tasks).toBe(2);
    const again = await env().app.inject({
      method: 'POST',
      url: `/api/allocations/${r.id}/confirm`,
      headers: as(advisor),
      payload: { version: done.run.version },
    });
    expect(again.statusCode).toBe(409);

    // The person page shows the course; the waitlist entry is enrolled; the seat is gone.
    const lang = (
      await env().app.inject({ method: 'GET', url: `/api/persons/${b}/language`, headers: as(advisor) })
    ).json();
    expect(lang.enrolments[0].course).toMatchObject({ ref: 'H-1' });
    expect(lang.waitlist[0].status).toBe('enrolled');
    expect(
      (
        await env().app.inject({
          method: 'GET',
          url: `/api/courses/${herford.json().id}`,
          headers: as(advisor),
        })
      ).json(),
    ).toMatchObject({ taken: 1, free: 0 });

    // Letter in Farsi, right to left, German first.
    const enrolB = done.enrolments.find((e: { personId: string }) => e.personId === b);
    expect(enrolB.letter.lang).toBe('fa');
    const letter = await env().app.inject({ method: 'GET', url: enrolB.letter.url, headers: as(advisor) });
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toMatch(/text\/html/);
    expect(letter.body).toContain('dir="rtl"');
    expect(letter.body).toContain('Ihr Platz im Sprachkurs');
    expect(letter.body).toContain('H-1');

    // A second run sees nobody but Omid, and no free seats.
    const next = (
      await env().app.inject({
        method: 'POST',
        url: '/api/allocations',
        headers: as(advisor),
        payload: { wait: false },
      })
    ).json();
    expect(next.state).toBe('running');
    let state = next;
    for (let i = 0; i < 100 && state.state === 'running'; i++) {
      await new Promise((res) => setTimeout(res, 50));
      state = (
        await env().app.inject({ method: 'GET', url: `/api/allocations/${next.id}`, headers: as(advisor) })
      ).json();
    }
    expect(state).toMatchObject({ state: 'proposed', progress: 1, counts: { clients: 1, courses: 0 } });
  });

  it('shows a provider only its own courses and participants, and lets it report attendance and results', async () => {
    const { t, towns, advisor, place, provider } = await setup(env());
    const db = env().database.db;
    const other = await db
      .insertInto('agency')
      .values({ tenant_id: t.tenantId, kind: 'bildungstraeger', name: `Andere Schule ${t.tenantId}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    const mine = await login(env().app, t.users.partner_bildungstraeger.email);
    const created = await env().app.inject({
      method: 'POST',
      url: '/api/courses',
      headers: as(mine),
      payload: course(provider, place('Herford'), { ref: 'MINE-1', seats: 5 }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const providers = (
      await env().app.inject({ method: 'GET', url: '/api/course-providers', headers: as(advisor) })
    ).json();
    const otherProvider = providers.find((p: { agencyId: string }) => p.agencyId === other.id).id;
    const theirs = await env().app.inject({
      method: 'POST',
      url: '/api/courses',
      headers: as(advisor),
      payload: course(otherProvider, place('Bünde'), { ref: 'THEIRS-1' }),
    });
    expect(theirs.statusCode).toBe(201);
    const forbidden = await env().app.inject({
      method: 'POST',
      url: '/api/courses',
      headers: as(mine),
      payload: course(otherProvider, place('Bünde'), { ref: 'X' }),
    });
    expect(forbidden.statusCode).toBe(403);

    const list = (await env().app.inject({ method: 'GET', url: '/api/courses', headers: as(mine) })).json();
    expect(list.items.map((c: { ref: string }) => c.ref)).toEqual(['MINE-1']);
    expect(
      (await env().app.inject({ method: 'GET', url: `/api/courses/${theirs.json().id}`, headers: as(mine) }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await env().app.inject({
          method: 'PATCH',
          url: `/api/courses/${theirs.json().id}`,
          headers: as(mine),
          payload: { version: 1, seats: 3 },
        })
      ).statusCode,
    ).toBe(404);
    // Partners of other agencies see no courses at all.
    const sozialamt = await login(env().app, t.users.partner.email);
    expect(
      (await env().app.inject({ method: 'GET', url: '/api/courses', headers: as(sozialamt) })).statusCode,
    ).toBe(403);

    // Enrol one person via an allocation, then the provider reads participants (audited) and reports a result.
    const p = await entitledClient(env(), t, advisor, {
      town: towns.Herford,
      waitingSince: addDays(TODAY, -50),
    });
    await env().app.inject({
      method: 'PATCH',
      url: `/api/courses/${theirs.json().id}`,
      headers: as(advisor),
      payload: { version: 1, status: 'cancelled' },
    });
    const run = (
      await env().app.inject({ method: 'POST', url: '/api/allocations', headers: as(advisor), payload: {} })
    ).json();
    expect(run.assignments.map((x: { courseRef: string }) => x.courseRef)).toEqual(['MINE-1']);
    expect(
      (
        await env().app.inject({
          method: 'POST',
          url: `/api/allocations/${run.id}/confirm`,
          headers: as(advisor),
          payload: { version: run.version },
        })
      ).statusCode,
    ).toBe(200);
    const participants = await env().app.inject({
      method: 'GET',
      url: `/api/courses/${created.json().id}/participants`,
      headers: as(mine),
    });
    expect(participants.statusCode).toBe(200);
    expect(participants.json()).toEqual([
      expect.objectContaining({
        personId: p,
        name: 'Test Al-Hassan',
        currentLevel: 'A1',
        status: 'enrolled',
      }),
    ]);
    expect(Object.keys(participants.json()[0]).sort()).toEqual([
      'attendancePercent',
      'certificateRef',
      'currentLevel',
      'enrolmentId',
      'name',
      'personId',
      'resultLevel',
      'startDate',
      'status',
      'version',
    ]);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'agency_id', 'legal_basis'])
      .where('person_id', '=', p)
      .where('action', '=', 'read_course_participant')
      .execute();
    expect(audit).toEqual([expect.objectContaining({ agency_id: t.agencies.bildungstraeger })]);
    // The provider cannot open the case file itself (no consent).
    expect(
      (await env().app.inject({ method: 'GET', url: `/api/persons/${p}/language`, headers: as(mine) }))
        .statusCode,
    ).toBe(403);

    const e = participants.json()[0];
    const seatsDown = await env().app.inject({
      method: 'PATCH',
      url: `/api/courses/${created.json().id}`,
      headers: as(mine),
      payload: { version: 1, seats: 0 },
    });
    expect(seatsDown.statusCode).toBe(400);
    expect(seatsDown.json().issues[0].path).toBe('seats');
    const seats = await env().app.inject({
      method: 'PATCH',
      url: `/api/courses/${created.json().id}`,
      headers: as(mine),
      payload: { version: 1, seats: 12 },
    });
    expect(seats.json()).toMatchObject({ seats: 12, taken: 1, free: 11, version: 2 });
    const stale = await env().app.inject({
      method: 'PATCH',
      url: `/api/courses/${created.json().id}`,
      headers: as(mine),
      payload: { version: 1, seats: 14 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.seats).toBe(12);
    // No "nimmt teil" or "abgeschlossen" before the course has started.
    const early = await env().app.inject({
      method: 'PATCH',
      url: `/api/enrolments/${e.enrolmentId}`,
      headers: as(mine),
      payload: { version: e.version, status: 'attending' },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().issues[0]).toMatchObject({
      path: 'status',
      message: expect.stringMatching(/beginnt erst am/),
    });
    const started = await env().app.inject({
      method: 'PATCH',
      url: `/api/courses/${created.json().id}`,
      headers: as(mine),
      payload: { version: 2, startDate: addDays(TODAY, -60) },
    });
    expect(started.statusCode, started.body).toBe(200);
    const result = await env().app.inject({
      method: 'PATCH',
      url: `/api/enrolments/${e.enrolmentId}`,
      headers: as(mine),
      payload: {
        version: e.version,
        status: 'completed',
        attendancePercent: 92,
        resultLevel: 'B1',
        certificateRef: 'DTZ-2025-0042',
      },
    });
    expect(result.statusCode, result.body).toBe(200);
    const lang = (
      await env().app.inject({ method: 'GET', url: `/api/persons/${p}/language`, headers: as(advisor) })
    ).json();
    expect(lang.current).toMatchObject({ overall: 'B1', testKind: 'course_result' });
    expect(lang.assessments).toHaveLength(2);
    expect(lang.progress.reached.B1).toBeTruthy();
  });

  it('audits language reads, refuses partners without consent, and names the path of bad input', async () => {
    const { t, towns, advisor, place, provider } = await setup(env());
    const db = env().database.db;
    const p = await makePerson(db, t, { municipalityId: towns.Bünde });
    const read = await env().app.inject({
      method: 'GET',
      url: `/api/persons/${p.id}/language`,
      headers: as(advisor),
    });
    expect(read.statusCode).toBe(200);
    const rows = await db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('person_id', '=', p.id)
      .execute();
    expect(rows).toContainEqual({ action: 'read_language', outcome: 'allowed' });
    const ehrenamt = await login(env().app, t.users.partner_ehrenamt.email);
    expect(
      (await env().app.inject({ method: 'GET', url: `/api/persons/${p.id}/language`, headers: as(ehrenamt) }))
        .statusCode,
    ).toBe(403);
    expect(
      await db
        .selectFrom('audit_log')
        .select(['action', 'outcome'])
        .where('person_id', '=', p.id)
        .where('outcome', '=', 'denied')
        .execute(),
    ).toContainEqual({ action: 'read_language', outcome: 'denied' });

    const badLevel = await env().app.inject({
      method: 'POST',
      url: `/api/persons/${p.id}/language-assessments`,
      headers: as(advisor),
      payload: { assessedOn: TODAY, testKind: 'placement_test', reading: 'B7' },
    });
    expect(badLevel.statusCode).toBe(400);
    expect(badLevel.json().issues[0].path).toBe('reading');
    const history = [
      {
        assessedOn: addDays(TODAY, -300),
        testKind: 'placement_test',
        hearing: 'A2',
        reading: 'A1',
        writing: 'A1',
        speaking: 'A2',
      },
      { assessedOn: addDays(TODAY, -20), testKind: 'dtz', overall: 'B1', certificateRef: 'DTZ-1' },
    ];
    for (const h of history)
      expect(
        (
          await env().app.inject({
            method: 'POST',
            url: `/api/persons/${p.id}/language-assessments`,
            headers: as(advisor),
            payload: h,
          })
        ).statusCode,
      ).toBe(201);
    const lang = (
      await env().app.inject({ method: 'GET', url: `/api/persons/${p.id}/language`, headers: as(advisor) })
    ).json();
    expect(lang.assessments.map((a: { overall: string }) => a.overall)).toEqual(['B1', 'A1']);
    expect(lang.current.overall).toBe('B1');
    // No residence status → the rules engine cannot grant a course: 400 naming courseTypes.
    const noRight = await env().app.inject({
      method: 'POST',
      url: `/api/persons/${p.id}/waitlist`,
      headers: as(advisor),
      payload: {},
    });
    expect(noRight.statusCode).toBe(400);
    expect(noRight.json().issues[0].path).toBe('courseTypes');

    const negative = await env().app.inject({
      method: 'POST',
      url: '/api/courses',
      headers: as(advisor),
      payload: course(provider, place('Herford'), { seats: -3 }),
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().issues).toContainEqual({ path: 'seats', message: 'darf nicht negativ sein' });
    const levels = await env().app.inject({
      method: 'POST',
      url: '/api/courses',
      headers: as(advisor),
      payload: course(provider, place('Herford'), { entryLevels: ['A1', 'X2'] }),
    });
    expect(levels.json().issues[0].path).toBe('entryLevels.1');
    const unknownPlace = await env().app.inject({
      method: 'POST',
      url: '/api/courses',
      headers: as(advisor),
      payload: course(provider, '00000000-0000-4000-8000-000000000000'),
    });
    expect(unknownPlace.statusCode).toBe(400);
    expect(unknownPlace.json().issues[0].path).toBe('placeId');
    const unknownType = await env().app.inject({
      method: 'POST',
      url: '/api/courses',
      headers: as(advisor),
      payload: course(provider, place('Herford'), { type: 'ik_fantasie' }),
    });
    expect(unknownType.json().issues[0].path).toBe('type');
    const target = await env().app.inject({
      method: 'POST',
      url: '/api/courses',
      headers: as(advisor),
      payload: course(provider, place('Herford'), { targetLevel: 'A1' }),
    });
    expect(target.json().issues[0].path).toBe('targetLevel');
    const run = await env().app.inject({
      method: 'GET',
      url: '/api/allocations/00000000-0000-4000-8000-000000000000',
      headers: as(advisor),
    });
    expect(run.statusCode).toBe(404);
    const travel = await env().app.inject({
      method: 'POST',
      url: '/api/allocations',
      headers: as(advisor),
      payload: { maxTravelMinutes: -1 },
    });
    expect(travel.json().issues[0].path).toBe('maxTravelMinutes');
  });

  it('plans demand against seats per municipality and course type, and reports progress towards B2', async () => {
    const { t, towns, advisor, place, provider } = await setup(env());
    for (let i = 0; i < 3; i++)
      await entitledClient(env(), t, advisor, {
        town: towns.Rödinghausen,
        waitingSince: addDays(TODAY, -40 - i),
      });
    await entitledClient(env(), t, advisor, { town: towns.Herford, waitingSince: addDays(TODAY, -5) });
    await env().app.inject({
      method: 'POST',
      url: '/api/courses',
      headers: as(advisor),
      payload: course(provider, place('Herford'), { seats: 20, startDate: addDays(TODAY, 1) }),
    });
    const k = await login(env().app, t.users.koordination.email);
    const plan = await env().app.inject({
      method: 'GET',
      url: '/api/language/planning?months=3',
      headers: as(k),
    });
    expect(plan.statusCode, plan.body).toBe(200);
    const rows = plan.json().rows as {
      municipality: string;
      courseType: string;
      demand: number;
      gap: number;
      seats: number[];
    }[];
    expect(rows.find((r) => r.municipality === 'Rödinghausen')).toMatchObject({
      courseType: 'ik_allgemein',
      demand: 3,
      gap: 3,
    });
    const herford = rows.find((r) => r.municipality === 'Herford')!;
    expect(herford).toMatchObject({ demand: 1, gap: 0 });
    expect(herford.seats.reduce((a, b) => a + b, 0)).toBe(20);
    // Every window length ends on a real date (a 30-day or February month once answered 500).
    for (const months of [1, 2, 4, 5]) {
      const r = await env().app.inject({
        method: 'GET',
        url: `/api/language/planning?months=${months}`,
        headers: as(k),
      });
      expect(r.statusCode, `${months}: ${r.body}`).toBe(200);
      expect(r.json().months).toHaveLength(months);
    }
    const progress = await env().app.inject({
      method: 'GET',
      url: '/api/language/progress?groupBy=municipality',
      headers: as(k),
    });
    expect(progress.statusCode, progress.body).toBe(200);
    expect(progress.json().overall).toMatchObject({ assessed: 4, atLeastB2: 0, shareB2: 0 });
    expect(progress.json().goal).toEqual({ level: 'B2', share: 0.5 });
    expect(progress.json().trend).toHaveLength(12);
    // Aggregates only for the advisor role without reports permission: 403.
    expect(
      (await env().app.inject({ method: 'GET', url: '/api/language/progress', headers: as(advisor) }))
        .statusCode,
    ).toBe(403);
  });
});
