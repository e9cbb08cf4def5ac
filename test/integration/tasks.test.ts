import { expect, it } from 'vitest';
import { addDays, todayInGermany } from '../../src/domain/reference/dates';
import type { LotseApp } from '../../src/server/app';
import { syncDeadlines } from '../../src/server/modules/tasks/deadlines';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant, type Session, type TestTenant } from '../support/factories';

// Issue 13, tasks and deadlines: one inbox; deadline tasks from the rules engine that move with their
// source fact and close when it is gone; manual tasks with field errors and 409 on a stale version.

const today = todayInGermany();

async function advisorWithPerson(env: () => { app: LotseApp; database: { db: never } }, t: TestTenant) {
  const p = await makePerson(env().database.db, t, {
    ownerUserId: t.users.integrationsfachkraft.id,
    ownerAgencyId: t.agencies.jobcenter,
    entryDate: '2023-10-02',
  });
  return { p, s: await login(env().app, t.users.integrationsfachkraft.email) };
}

const inbox = async (app: LotseApp, s: Session, query = '') => {
  const r = await app.inject({ method: 'GET', url: `/api/tasks${query}`, headers: as(s) });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as {
    counts: Record<string, number>;
    total: number;
    items: {
      id: string;
      kind: string;
      dueOn: string;
      eventOn: string;
      legalBasis: string;
      status: string;
      title: string;
      person: { name: string } | null;
      version: number;
    }[];
  };
};

const status = (app: LotseApp, s: Session, personId: string, payload: object) =>
  app.inject({ method: 'POST', url: `/api/persons/${personId}/residence-status`, headers: as(s), payload });

describeEachDb('tasks and deadlines', (env) => {
  it('a permit with an end date puts a task in the advisor’s inbox 42 days before; a new end date moves it; a settlement permit closes it', async () => {
    const { app } = env();
    const t = await makeTenant(env().database.db);
    const { p, s } = await advisorWithPerson(env as never, t);
    const until = addDays(today, 200);
    const r1 = await status(app, s, p.id, {
      kind: 'aufenthaltserlaubnis',
      paragraph: '25(2)',
      since: addDays(today, -300),
      until,
      asylumDecision: 'recognised',
      asylumDecisionDate: addDays(today, -320),
    });
    expect(r1.statusCode, r1.body).toBe(201);
    const box = await inbox(app, s);
    const doc = box.items.find((i) => i.kind === 'document_expires');
    expect(doc).toMatchObject({ eventOn: until, dueOn: addDays(until, -42), status: 'open' });
    expect(doc?.title).toMatch(/Verlängerung des Aufenthaltstitels/);
    expect(doc?.legalBasis).toBeTruthy();
    expect(doc?.person?.name).toBe('Mohammed Al-Hassan');

    // The Ausländerbehörde extends the permit: the same task moves.
    const later = addDays(today, 500);
    await status(app, s, p.id, {
      kind: 'aufenthaltserlaubnis',
      paragraph: '25(2)',
      since: today,
      until: later,
    });
    const moved = (await inbox(app, s)).items.find((i) => i.kind === 'document_expires');
    expect(moved).toMatchObject({ id: doc?.id, eventOn: later, dueOn: addDays(later, -42) });

    // A settlement permit has no end: the task is gone from the open inbox, closed as no longer applying.
    await status(app, s, p.id, { kind: 'niederlassungserlaubnis', since: today });
    const open = await inbox(app, s);
    expect(open.items.find((i) => i.id === doc?.id)).toBeUndefined();
    const row = await env()
      .database.db.selectFrom('task')
      .select(['status', 'closed_reason'])
      .where('id', '=', doc?.id as string)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'cancelled', closed_reason: 'source_gone' });
  });

  it('a region run is idempotent: a second run creates, moves and closes nothing', async () => {
    const { app } = env();
    const t = await makeTenant(env().database.db);
    const { p, s } = await advisorWithPerson(env as never, t);
    await status(app, s, p.id, {
      kind: 'aufenthaltserlaubnis',
      paragraph: '25(2)',
      since: today,
      until: addDays(today, 90),
    });
    const first = await syncDeadlines(env().database.db, t.tenantId);
    expect(first.persons).toBe(1);
    const again = await syncDeadlines(env().database.db, t.tenantId);
    expect(again).toMatchObject({ created: 0, moved: 0, closed: 0 });
    expect((await inbox(app, s)).items.filter((i) => i.kind === 'document_expires')).toHaveLength(1);
  });

  it('manual tasks: field errors in German, a field alone changes alone, a stale version is 409', async () => {
    const { app } = env();
    const t = await makeTenant(env().database.db);
    const { p, s } = await advisorWithPerson(env as never, t);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: as(s),
      payload: { title: '', personId: p.id },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['title', 'dueOn']));
    // A day that does not exist is a 400 on its field, not a database error.
    const noDay = await app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: as(s),
      payload: { title: 'Rückruf', dueOn: '2027-02-30', personId: p.id },
    });
    expect(noDay.statusCode).toBe(400);
    expect(noDay.json().issues).toEqual([{ path: 'dueOn', message: 'kein gültiges Datum (JJJJ-MM-TT)' }]);

    const created = await app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: as(s),
      payload: {
        title: 'Zeugnisse zur Anerkennung einreichen',
        dueOn: addDays(today, 3),
        personId: p.id,
        note: 'mit Dolmetscherin',
      },
    });
    expect(created.statusCode, created.body).toBe(200);
    const task = created.json();
    expect(task).toMatchObject({ urgency: 'soon', status: 'open', source: 'manual' });

    const patch = (payload: object) =>
      app.inject({ method: 'PATCH', url: `/api/tasks/${task.id}`, headers: as(s), payload });
    const dueOnly = await patch({ version: task.version, dueOn: today });
    expect(dueOnly.json()).toMatchObject({
      dueOn: today,
      urgency: 'today',
      title: task.title,
      note: 'mit Dolmetscherin',
    });
    const stale = await patch({ version: task.version, title: 'anders' });
    expect(stale.statusCode).toBe(409);
    const done = await patch({ version: dueOnly.json().version, status: 'done' });
    expect(done.json()).toMatchObject({ status: 'done', urgency: null });
    expect((await inbox(app, s, '?status=done')).items.map((i) => i.id)).toContain(task.id);

    // A generated task's date follows the law, not a hand.
    await status(app, s, p.id, {
      kind: 'aufenthaltserlaubnis',
      paragraph: '25(2)',
      since: today,
      until: addDays(today, 100),
    });
    const gen = (await inbox(app, s)).items.find((i) => i.kind === 'document_expires');
    const moveGen = await app.inject({
      method: 'PATCH',
      url: `/api/tasks/${gen?.id}`,
      headers: as(s),
      payload: { version: gen?.version, dueOn: addDays(today, 5) },
    });
    expect(moveGen.statusCode).toBe(400);
    expect(moveGen.json().issues[0].path).toBe('dueOn');
  });

  it('the inbox shows no task of a person the reader may not open', async () => {
    const { app } = env();
    const t = await makeTenant(env().database.db);
    const p = await makePerson(env().database.db, t, { ownerAgencyId: t.agencies.jobcenter });
    const partner = await login(app, t.users.partner.email);
    const mine = await app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: as(partner),
      payload: { title: 'Rückruf', dueOn: today, personId: p.id },
    });
    expect(mine.statusCode).toBe(403);
    const advisor = await login(app, t.users.integrationsfachkraft.email);
    await app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: as(advisor),
      payload: { title: 'Rückruf', dueOn: today, personId: p.id, assigneeUserId: null },
    });
    const team = await inbox(app, advisor, '?scope=team');
    expect(team.items.some((i) => i.title === 'Rückruf')).toBe(true);
    const other = await inbox(app, partner, '?scope=team');
    expect(other.items.some((i) => i.title === 'Rückruf')).toBe(false);
  });
});

describeEachDb('maximum stay in the Integration Point', (env) => {
  it('puts the end of the stay (county setting, 12 months) in the advisor’s inbox 28 days ahead', async () => {
    const { app } = env();
    const db = env().database.db;
    const t = await makeTenant(db);
    const entry = addDays(today, -300);
    const p = await makePerson(db, t, {
      ownerUserId: t.users.integrationsfachkraft.id,
      ownerAgencyId: t.agencies.jobcenter,
    });
    await db.updateTable('person').set({ ip_entry_date: entry }).where('id', '=', p.id).execute();
    await syncDeadlines(db, t.tenantId);
    const s = await login(app, t.users.integrationsfachkraft.email);
    const stay = (await inbox(app, s)).items.find((i) => i.kind === 'ip_stay_ends');
    expect(stay?.title).toMatch(/Höchstverweildauer/);
    expect((stay?.eventOn ?? '') > addDays(today, 60)).toBe(true);
    expect(stay?.dueOn).toBe(addDays(stay?.eventOn as string, -28));
  });
});
