import { randomUUID } from 'node:crypto';
import { loadConfig } from '../src/config/env';
import { type Database, openDatabase } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { addDays, todayInGermany } from '../src/domain/reference/dates';
import { mulberry32 } from '../src/domain/reference/random';
import { buildApp, VERSION } from '../src/server/app';
import { syncDeadlines } from '../src/server/modules/tasks/deadlines';
import { login, makeTenant } from '../test/support/factories';
import { freshPgDatabase, percentile } from './support/pg';
import type { Benchmark } from './types';

const SIZE = Number(process.env.BENCH_TASK_PERSONS ?? 100_000);
const INBOX = 2_000;

/** A region of SIZE persons with residence histories that give deadlines (permits ending, asylum procedures). */
async function seed(database: Database) {
  const db = database.db;
  const t = await makeTenant(db);
  const advisor = t.users.integrationsfachkraft;
  const r = mulberry32(13);
  const today = todayInGermany();
  const day = (from: string, span: number) => addDays(from, Math.floor(r() * span));
  for (let i = 0; i < SIZE; i += 2000) {
    const persons = [];
    const statuses = [];
    for (let k = i; k < Math.min(SIZE, i + 2000); k++) {
      const id = randomUUID();
      const entry = day('2015-01-01', 3900);
      persons.push({
        id,
        tenant_id: t.tenantId,
        given_names: `Vorname${k}`,
        family_name: `Nachname${k}`,
        gender: (r() < 0.5 ? 'f' : 'm') as 'f' | 'm',
        birth_date: day('1960-01-01', 16000),
        nationalities: [['SY', 'AF', 'UA', 'IQ', 'ER', 'TR'][Math.floor(r() * 6)] as string],
        entry_date: entry,
        search_text: `vorname${k} nachname${k}`,
        // The advisor of the inbox measured below carries a case load of about a thousand.
        owner_user_id: k % 100 === 0 ? advisor.id : null,
        owner_agency_id: t.agencies.jobcenter,
      });
      const kind = r();
      statuses.push(
        kind < 0.5
          ? {
              tenant_id: t.tenantId,
              person_id: id,
              kind: 'aufenthaltserlaubnis',
              paragraph: r() < 0.5 ? '25(2)' : '24',
              since: addDays(entry, 200),
              until: day(addDays(today, -60), 900),
            }
          : kind < 0.8
            ? {
                tenant_id: t.tenantId,
                person_id: id,
                kind: 'gestattung',
                since: addDays(today, -Math.floor(r() * 300)),
                asylum_application_date: addDays(today, -Math.floor(r() * 300)),
                asylum_decision: 'pending',
                lives_in_reception_centre: false,
              }
            : {
                tenant_id: t.tenantId,
                person_id: id,
                kind: 'duldung',
                paragraph: '60a',
                since: day('2022-01-01', 1000),
              },
      );
    }
    await db.insertInto('person').values(persons).execute();
    await db.insertInto('residence_status').values(statuses).execute();
  }
  return { t, advisor };
}

async function measure(label: string, database: Database) {
  const { t, advisor } = await seed(database);
  const first = await syncDeadlines(database.db, t.tenantId);
  const again = await syncDeadlines(database.db, t.tenantId);
  // Top the advisor's inbox up to 2,000 open tasks (deadlines plus tasks by hand).
  const have = await database.db
    .selectFrom('task')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', t.tenantId)
    .where('assignee_user_id', '=', advisor.id)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  const missing = Math.max(0, INBOX - Number(have.n));
  const today = todayInGermany();
  for (let i = 0; i < missing; i += 1000)
    await database.db
      .insertInto('task')
      .values(
        Array.from({ length: Math.min(1000, missing - i) }, (_, k) => ({
          tenant_id: t.tenantId,
          kind: 'manual',
          source: 'manual' as const,
          title: `Aufgabe ${i + k}`,
          due_on: addDays(today, ((i + k) % 120) - 30),
          assignee_user_id: advisor.id,
          assignee_agency_id: t.agencies.jobcenter,
        })),
      )
      .execute();
  const app = await buildApp({
    db: database.db,
    dbKind: database.kind,
    config: loadConfig({ LOTSE_LOG_LEVEL: 'silent', LOTSE_DATA_DIR: `/tmp/unused-${randomUUID()}` }),
    version: VERSION,
  });
  const s = await login(app, advisor.email);
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    const res = await app.inject({ method: 'GET', url: '/api/tasks', headers: { cookie: s.cookie } });
    if (i >= 10) times.push(performance.now() - t0);
    total = res.json().total;
  }
  await app.close();
  times.sort((a, b) => a - b);
  return {
    database: label,
    persons: SIZE,
    'first run s': first.ms / 1000,
    'tasks created': first.created,
    'rerun s': again.ms / 1000,
    'inbox open tasks': total,
    'inbox p50 ms': percentile(times, 50),
    'inbox p95 ms': percentile(times, 95),
  };
}

/** Issue 13: deadline generation for a region and the inbox of a busy advisor, on PGlite and PostgreSQL. */
const bench: Benchmark = {
  name: 'tasks',
  description: `deadline tasks of ${SIZE.toLocaleString('en')} persons (first run and re-run, e.g. after a law change) and GET /api/tasks with ${INBOX} open tasks`,
  async run() {
    const rows = [];
    const lite = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(lite.db);
    rows.push(await measure('PGlite', lite));
    await lite.close();
    const pg = await freshPgDatabase('lotse_bench_tasks');
    if (pg) {
      const server = await openDatabase({ url: pg.url });
      await migrateToLatest(server.db);
      rows.push(await measure('PostgreSQL', server));
      await server.close();
      await pg.drop();
    }
    return {
      title: 'Deadline tasks and inbox',
      rows,
      notes: [
        'targets (issue 13): inbox of 2,000 open tasks p95 < 150 ms; deadlines of 100,000 persons < 30 s',
      ],
    };
  },
};
export default bench;
