import { randomUUID } from 'node:crypto';
import { loadConfig } from '../src/config/env';
import { openDatabase } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { addDays, todayInGermany } from '../src/domain/reference/dates';
import { buildApp, VERSION } from '../src/server/app';
import { seedDemo } from '../src/server/demo/seed';
import { login } from '../test/support/factories';
import { percentile } from './support/pg';
import type { Benchmark } from './types';

const PASSWORD = 'demo-lotse';
const CLIENTS = Number(process.env.BENCH_DASHBOARD_CLIENTS ?? 3_500);
const RUNS = 20;

/**
 * Issue 15: the steering dashboard of the demo county on PGlite, per view (advisor's caseload, the whole
 * IP for the coordination, the county with small cells hidden for a partner of the steering group), each
 * with the filters a steering group uses — as the browser asks for it (HTTP through the app).
 */
const bench: Benchmark = {
  name: 'dashboard',
  description: `steering dashboard of the demo county (${CLIENTS.toLocaleString('en')} clients) on PGlite, per view and filter (issue 15)`,
  async run() {
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(database.db);
    await seedDemo(database.db, { password: PASSWORD, clients: CLIENTS });
    const app = await buildApp({
      db: database.db,
      dbKind: database.kind,
      config: loadConfig({ LOTSE_LOG_LEVEL: 'silent', LOTSE_DATA_DIR: `/tmp/unused-${randomUUID()}` }),
      version: VERSION,
    });
    const munis = await database.db.selectFrom('municipality').select('id').limit(3).execute();
    const today = todayInGermany();
    const filters: [string, Record<string, string>][] = [
      ['today, no filter', { asOf: today }],
      ['women', { asOf: today, gender: 'f' }],
      ['a municipality', { asOf: today, municipality: munis[0]?.id ?? '' }],
      ['a municipality and women', { asOf: today, municipality: munis[1]?.id ?? '', gender: 'f' }],
      ['age 25–34, SGB II', { asOf: today, ageGroup: '25-34', rechtskreis: 'sgb2' }],
      ['half a year ago', { asOf: addDays(today, -182) }],
    ];
    const rows: Record<string, string | number | boolean>[] = [];
    const all: number[] = [];
    for (const [view, email] of [
      ['advisor: own caseload', 'fachkraft@demo.lotse'],
      ['coordination: whole IP', 'koordination@demo.lotse'],
      ['steering group partner: county, suppressed', 'sozialamt@demo.lotse'],
    ] as const) {
      const s = await login(app, email, PASSWORD);
      const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const [, query] = filters[run % filters.length];
        const t0 = performance.now();
        const r = await app.inject({ method: 'GET', url: '/api/statistics/dashboard', query, headers });
        times.push(performance.now() - t0);
        if (r.statusCode !== 200) throw new Error(`${email}: ${r.statusCode} ${r.body.slice(0, 200)}`);
      }
      times.sort((a, b) => a - b);
      all.push(...times);
      rows.push({
        view,
        requests: times.length,
        'p50 ms': Math.round(percentile(times, 50)),
        'p95 ms': Math.round(percentile(times, 95)),
        'max ms': Math.round(times[times.length - 1]),
      });
    }
    all.sort((a, b) => a - b);
    const p95 = percentile(all, 95);
    await app.close();
    await database.close();
    return {
      title: `Steering dashboard, demo county (${CLIENTS.toLocaleString('en')} clients), PGlite`,
      rows,
      notes: [
        `filters rotate: ${filters.map(([label]) => label).join(' · ')}`,
        `all requests p95 ${Math.round(p95)} ms — target (issue 15): demo county p95 < 200 ms on PGlite: ${p95 < 200 ? 'met' : 'NOT MET'}`,
        'the Land scale (500,000 persons on the PostgreSQL server): npm run bench -- land-dashboard',
      ],
    };
  },
};

export default bench;
