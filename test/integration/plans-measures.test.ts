import { readSheet } from 'read-excel-file/node';
import { expect, it } from 'vitest';
import { addDays, todayInGermany } from '../../src/domain/reference/dates';
import type { LotseApp } from '../../src/server/app';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant, type Session } from '../support/factories';

// Issue 13: measures catalogue with fitting measures for a person; the cooperation plan with versions,
// 400 on a step without owner or date, 409 on a stale version, tasks for the advisor, print in Arabic.

const today = todayInGermany();

const measure = (app: LotseApp, s: Session, payload: object) =>
  app.inject({ method: 'POST', url: '/api/measures', headers: as(s), payload });

describeEachDb('measures catalogue and cooperation plan', (env) => {
  it('lists fitting measures first, with what fits and what is missing', async () => {
    const { app } = env();
    const db = env().database.db;
    const t = await makeTenant(db);
    const p = await makePerson(db, t, {
      ownerUserId: t.users.integrationsfachkraft.id,
      ownerAgencyId: t.agencies.jobcenter,
      gender: 'f',
      birthDate: '1995-05-05',
      birthDatePrecision: 'day',
    });
    await db.updateTable('person').set({ rechtskreis: 'sgb2' }).where('id', '=', p.id).execute();
    const coord = await login(app, t.users.koordination.email);
    const women = await measure(app, coord, {
      title: 'Frauen in Arbeit',
      type: 'coaching',
      provider: 'Kreis Herford',
      rechtskreise: ['sgb2'],
      gender: 'f',
      startDate: addDays(today, 30),
      contactName: 'Frau Yilmaz',
    });
    expect(women.statusCode, women.body).toBe(201);
    await measure(app, coord, {
      title: 'U25 Werkstatt',
      type: 'ausbildungsvorbereitung',
      provider: 'Bildungswerk',
      maxAge: 24,
    });
    await measure(app, coord, {
      title: 'Pflege B1',
      type: 'berufssprachkurs',
      provider: 'VHS',
      minLevel: 'B1',
    });
    const advisor = await login(app, t.users.integrationsfachkraft.email);
    const forbidden = await measure(app, advisor, { title: 'x', type: 'coaching', provider: 'y' });
    expect(forbidden.statusCode).toBe(403);

    const fit = await app.inject({
      method: 'GET',
      url: `/api/persons/${p.id}/measures`,
      headers: as(advisor),
    });
    expect(fit.statusCode, fit.body).toBe(200);
    const list = fit.json() as {
      measure: { title: string };
      fits: boolean;
      met: { code: string }[];
      missing: { code: string }[];
      unknown: { code: string }[];
    }[];
    expect(list[0]).toMatchObject({ measure: { title: 'Frauen in Arbeit' }, fits: true });
    expect(list[0]?.met.map((m) => m.code)).toEqual(['rechtskreis', 'gender']);
    const u25 = list.find((m) => m.measure.title === 'U25 Werkstatt');
    expect(u25?.missing.map((m) => m.code)).toEqual(['age']);
    const b1 = list.find((m) => m.measure.title === 'Pflege B1');
    expect(b1?.unknown.map((m) => m.code)).toEqual(['level']);
  });

  it('imports a catalogue all or nothing and exports it in the same columns', async () => {
    const { app } = env();
    const t = await makeTenant(env().database.db);
    const coord = await login(app, t.users.koordination.email);
    const bad =
      'Titel;Art;Anbieter;Beginn\nKompetenzcheck;Kompetenzfeststellung;IQ Netzwerk;01.02.2027\nZauberkurs;Zauberei;X;31.02.2027\n';
    const refused = await app.inject({
      method: 'POST',
      url: '/api/measures/import',
      headers: as(coord),
      payload: { format: 'csv', content: bad },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['rows.3.Art', 'rows.3.Beginn']),
    );
    const none = await app.inject({ method: 'GET', url: '/api/measures', headers: as(coord) });
    expect(none.json()).toEqual([]);
    const good =
      'Titel;Art;Anbieter;Beginn;Rechtskreise\nKompetenzcheck;Kompetenzfeststellung;IQ Netzwerk;01.02.2027;SGB II, SGB III\n';
    const ok = await app.inject({
      method: 'POST',
      url: '/api/measures/import',
      headers: as(coord),
      payload: { format: 'csv', content: good },
    });
    expect(ok.json()).toEqual({ imported: 1 });
    const csv = await app.inject({ method: 'GET', url: '/api/measures/export', headers: as(coord) });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('Titel;Art;Anbieter');
    expect(csv.body).toContain('Kompetenzcheck;Kompetenzfeststellung;IQ Netzwerk');
    expect(csv.body).toContain('01.02.2027');
    // The same table as XLSX: reading it back gives the same cells.
    const xlsx = await app.inject({
      method: 'GET',
      url: '/api/measures/export?format=xlsx',
      headers: as(coord),
    });
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    const rows = await readSheet(xlsx.rawPayload);
    expect(rows[0]?.slice(0, 3)).toEqual(['Titel', 'Art', 'Anbieter']);
    expect(rows[1]?.slice(0, 3)).toEqual(['Kompetenzcheck', 'Kompetenzfeststellung', 'IQ Netzwerk']);
    // And it imports again as it is (all or nothing, same columns).
    const again = await app.inject({
      method: 'POST',
      url: '/api/measures/import',
      headers: as(coord),
      payload: { format: 'xlsx', content: xlsx.rawPayload.toString('base64') },
    });
    expect(again.json()).toEqual({ imported: 1 });
  });

  it('saves the plan as versions, refuses a step without owner or date and a stale save, and puts the advisor’s steps and the review in the inbox', async () => {
    const { app } = env();
    const db = env().database.db;
    const t = await makeTenant(db);
    const p = await makePerson(db, t, {
      ownerUserId: t.users.integrationsfachkraft.id,
      ownerAgencyId: t.agencies.jobcenter,
    });
    const s = await login(app, t.users.integrationsfachkraft.email);
    const put = (payload: object) =>
      app.inject({ method: 'PUT', url: `/api/persons/${p.id}/plan`, headers: as(s), payload });
    expect(
      (await app.inject({ method: 'GET', url: `/api/persons/${p.id}/plan`, headers: as(s) })).json(),
    ).toBeNull();

    const missing = await put({
      baseVersion: 0,
      goals: [{ id: 'g1', text: 'Arbeit in der Pflege', steps: [{ id: 's1', text: 'Praktikum suchen' }] }],
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['goals.0.steps.0.owner', 'goals.0.steps.0.dueOn']),
    );
    const noDay = await put({
      baseVersion: 0,
      goals: [
        {
          id: 'g1',
          text: 'Arbeit',
          steps: [{ id: 's1', text: 'Praktikum', owner: 'client', dueOn: '2027-02-30' }],
        },
      ],
    });
    expect(noDay.statusCode).toBe(400);
    expect(noDay.json().issues).toEqual([
      { path: 'goals.0.steps.0.dueOn', message: 'Bitte angeben, bis wann (Datum)' },
    ]);

    const goals = [
      {
        id: 'g1',
        text: 'Arbeit in der Pflege',
        steps: [
          { id: 's1', text: 'Praktikum im Altenheim suchen', owner: 'client', dueOn: addDays(today, 20) },
          { id: 's2', text: 'Anerkennungsberatung vermitteln', owner: 'advisor', dueOn: addDays(today, 10) },
        ],
      },
    ];
    const v1 = await put({ baseVersion: 0, goals, agreedOn: today });
    expect(v1.statusCode, v1.body).toBe(200);
    expect(v1.json()).toMatchObject({ version: 1 });
    expect(v1.json().reviewOn > addDays(today, 170)).toBe(true);

    const inbox = await app.inject({ method: 'GET', url: `/api/tasks?personId=${p.id}`, headers: as(s) });
    const titles = inbox.json().items.map((i: { title: string }) => i.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Anerkennungsberatung vermitteln',
        'Kooperationsplan überprüfen (Fortschreibung)',
      ]),
    );
    expect(titles).not.toContain('Praktikum im Altenheim suchen');

    const stepDone = structuredClone(goals);
    (stepDone[0]?.steps[1] as { status?: string }).status = 'done';
    const v2 = await put({ baseVersion: 1, goals: stepDone });
    expect(v2.json().version).toBe(2);
    const stale = await put({ baseVersion: 1, goals });
    expect(stale.statusCode).toBe(409);

    const cmp = await app.inject({
      method: 'GET',
      url: `/api/persons/${p.id}/plan/compare?from=1&to=2`,
      headers: as(s),
    });
    expect(cmp.json().changes).toEqual([
      expect.objectContaining({
        kind: 'step_changed',
        step: 'Anerkennungsberatung vermitteln',
        field: 'status',
        before: 'open',
        after: 'done',
      }),
    ]);
    const after = await app.inject({ method: 'GET', url: `/api/tasks?personId=${p.id}`, headers: as(s) });
    expect(after.json().items.map((i: { title: string }) => i.title)).not.toContain(
      'Anerkennungsberatung vermitteln',
    );

    const print = await app.inject({
      method: 'GET',
      url: `/api/persons/${p.id}/plan/print?lang=ar`,
      headers: as(s),
    });
    expect(print.statusCode).toBe(200);
    expect(print.headers['content-type']).toMatch(/text\/html/);
    expect(print.body).toContain('dir="rtl"');
    expect(print.body).toContain("font-family: 'Noto Sans Arabic'");
    expect(print.body).toContain('خطة التعاون');
  });
});
