import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { loadConfig } from '../src/config/env';
import { type Database, openDatabase } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { searchOccupations } from '../src/domain/occupations';
import { addDays, todayInGermany } from '../src/domain/reference/dates';
import { mulberry32 } from '../src/domain/reference/random';
import { buildApp, VERSION } from '../src/server/app';
import { occupationIndex } from '../src/server/modules/occupations/esco-index';
import { matchKeys, occupationRows } from '../src/server/modules/work/profile';
import { login, makeTenant } from '../test/support/factories';
import { freshPgDatabase, percentile } from './support/pg';
import type { Benchmark } from './types';

const SIZE = Number(process.env.BENCH_WORK_PERSONS ?? 100_000);
const RUNS = 30;

/** Job titles as the demo's employers ask for them; most profiles hold one of these, the rest others. */
const COMMON = [
  'Bäcker',
  'Lagerarbeiter',
  'Berufskraftfahrer',
  'Koch',
  'Küchenhilfe',
  'Pflegehelfer',
  'Raumpfleger',
  'Elektriker',
  'Maler und Lackierer',
  'Schweißer',
  'Verkäufer',
  'Friseur',
  'Gärtner',
  'Maurer',
  'Kassierer',
  'Altenpfleger',
  'Industriemechaniker',
  'Servicekraft',
  'Gebäudereiniger',
  'Landwirt',
];

async function seed(database: Database) {
  const db = database.db;
  const t = await makeTenant(db);
  const r = mulberry32(14);
  const ix = occupationIndex();
  const common = COMMON.map((q) => searchOccupations(ix, q, { lang: 'de', limit: 1 })[0]?.uri).filter(
    (x): x is string => !!x,
  );
  const others = ix.data.occupations.filter((_, i) => i % 15 === 0).map((o) => ix.data.prefix + o.id);
  const [m1, m2, m3] = await db
    .insertInto('municipality')
    .values([
      { tenant_id: t.tenantId, name: 'Herford', lat: 52.1146, lon: 8.6734 },
      { tenant_id: t.tenantId, name: 'Bünde', lat: 52.2005, lon: 8.5836 },
      { tenant_id: t.tenantId, name: 'Vlotho', lat: 52.1656, lon: 8.8594 },
    ])
    .returning('id')
    .execute();
  const places = [m1.id, m2.id, m3.id];
  const today = todayInGermany();
  for (let i = 0; i < SIZE; i += 2000) {
    const persons = [];
    const statuses = [];
    const profiles = [];
    const consents = [];
    const levels = [];
    const occupations = [];
    for (let k = i; k < Math.min(SIZE, i + 2000); k++) {
      const id = randomUUID();
      persons.push({
        id,
        tenant_id: t.tenantId,
        given_names: `Vorname${k}`,
        family_name: `Nachname${k}`,
        gender: (r() < 0.5 ? 'f' : 'm') as 'f' | 'm',
        birth_date: addDays('1965-01-01', Math.floor(r() * 14000)),
        nationalities: [['SY', 'AF', 'UA', 'IQ', 'ER', 'TR'][Math.floor(r() * 6)] as string],
        entry_date: addDays(today, -200 - Math.floor(r() * 2000)),
        search_text: `vorname${k} nachname${k}`,
        municipality_id: places[k % 3],
        case_status: 'active' as const,
        owner_agency_id: t.agencies.agentur_fuer_arbeit,
      });
      statuses.push(
        r() < 0.6
          ? {
              tenant_id: t.tenantId,
              person_id: id,
              kind: 'aufenthaltserlaubnis',
              paragraph: '25(2)',
              since: addDays(today, -300),
            }
          : {
              tenant_id: t.tenantId,
              person_id: id,
              kind: 'gestattung',
              since: addDays(today, -Math.floor(r() * 400)),
              asylum_application_date: addDays(today, -Math.floor(r() * 400)),
              asylum_decision: 'pending',
              lives_in_reception_centre: false,
              dublin_case: false,
            },
      );
      const experience = Array.from({ length: 1 + Math.floor(r() * 2) }, () => {
        const uri =
          r() < 0.7 ? common[Math.floor(r() * common.length)] : others[Math.floor(r() * others.length)];
        return { escoUri: uri, title: 'Beruf', years: Math.floor(r() * 10), country: 'SY' };
      });
      profiles.push({
        person_id: id,
        tenant_id: t.tenantId,
        experience: JSON.stringify(experience) as never,
        hours_max: 40,
        driving_licences: r() < 0.4 ? ['B'] : [],
        ...matchKeys(experience, [], []),
      });
      occupations.push(...occupationRows(t.tenantId, id, experience, [], []));
      if (r() < 0.7)
        consents.push({
          tenant_id: t.tenantId,
          person_id: id,
          purpose: 'arbeitsvermittlung_arbeitgeber',
          recipient_agency_id: t.agencies.agentur_fuer_arbeit,
          data_categories: ['identity', 'profile', 'language'],
          given_on: addDays(today, -10),
        });
      if (r() < 0.6)
        levels.push({
          tenant_id: t.tenantId,
          person_id: id,
          assessed_on: addDays(today, -30),
          overall: ['A1', 'A2', 'B1', 'B2'][Math.floor(r() * 4)],
          test_kind: 'placement_test',
        });
    }
    await db.insertInto('person').values(persons).execute();
    await db
      .insertInto('residence_status')
      .values(statuses as never)
      .execute();
    await db.insertInto('work_profile').values(profiles).execute();
    await db.insertInto('work_profile_occupation').values(occupations).execute();
    if (consents.length) await db.insertInto('consent').values(consents).execute();
    if (levels.length)
      await db
        .insertInto('language_assessment')
        .values(levels as never)
        .execute();
  }
  const employer = await db
    .insertInto('employer')
    .values({ tenant_id: t.tenantId, name: 'Bench GmbH' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { t, employer: employer.id, place: m1.id, common };
}

async function measure(label: string, database: Database) {
  const { t, employer, place, common } = await seed(database);
  await sql`ANALYZE`.execute(database.db);
  const app = await buildApp({
    db: database.db,
    dbKind: database.kind,
    config: loadConfig({ LOTSE_LOG_LEVEL: 'silent', LOTSE_DATA_DIR: `/tmp/unused-${randomUUID()}` }),
    version: VERSION,
  });
  const s = await login(app, t.users.arbeitgeberservice.email);
  const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
  const rows = [];
  // A vacancy of a common occupation (the largest candidate pool) and one of a rare occupation.
  for (const [what, uri] of [
    ['common occupation (Lagerarbeiter)', common[1]],
    ['common occupation (Bäcker)', common[0]],
  ] as const) {
    const v = await app.inject({
      method: 'POST',
      url: '/api/vacancies',
      headers,
      payload: {
        employerId: employer,
        kind: 'job',
        title: what,
        escoUri: uri,
        municipalityId: place,
        startDate: addDays(todayInGermany(), 20),
        minLevel: 'A2',
      },
    });
    const id = v.json().id as string;
    const times: number[] = [];
    let considered = 0;
    let shown = 0;
    for (let i = 0; i < RUNS + 3; i++) {
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/vacancies/${id}/candidates`, headers });
      if (i >= 3) times.push(performance.now() - t0);
      considered = res.json().considered;
      shown = res.json().candidates.length;
    }
    times.sort((a, b) => a - b);
    rows.push({
      database: label,
      clients: SIZE,
      vacancy: what,
      'profiles considered': considered,
      candidates: shown,
      'p50 ms': percentile(times, 50),
      'p95 ms': percentile(times, 95),
    });
  }
  await app.close();
  return rows;
}

/** Issue 14: ranking 100,000 clients for one vacancy, on PGlite and PostgreSQL. */
const bench: Benchmark = {
  name: 'work',
  description: `GET /api/vacancies/:id/candidates over ${SIZE.toLocaleString('en')} client profiles`,
  async run() {
    const rows = [];
    // BENCH_WORK_DB=pg or =pglite runs one of the two (while tuning); both by default.
    const only = process.env.BENCH_WORK_DB;
    if (only !== 'pg') {
      const lite = await openDatabase({ dataDir: 'memory://' });
      await migrateToLatest(lite.db);
      rows.push(...(await measure('PGlite', lite)));
      await lite.close();
    }
    const pg = only === 'pglite' ? null : await freshPgDatabase('lotse_bench_work');
    if (pg) {
      const server = await openDatabase({ url: pg.url });
      await migrateToLatest(server.db);
      rows.push(...(await measure('PostgreSQL', server)));
      await server.close();
      await pg.drop();
    }
    return {
      title: 'Matching: ranking clients for a vacancy',
      rows,
      notes: [
        'target (issue 14): ranking 100,000 clients for one vacancy p95 < 300 ms on PGlite and on PostgreSQL',
      ],
    };
  },
};
export default bench;
