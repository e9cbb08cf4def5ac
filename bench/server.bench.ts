import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error autocannon ships no types
import autocannon from 'autocannon';
import { CompiledQuery } from 'kysely';
import { openDatabase } from '../src/db/connect';
import { freshPgDatabase } from './support/pg';
import type { Benchmark } from './types';

const root = join(import.meta.dirname, '..');

async function startServer(
  env: Record<string, string>,
): Promise<{ proc: ChildProcess; seconds: number; url: string }> {
  const port = 3600 + Math.floor(Math.random() * 300);
  const started = performance.now();
  const proc = spawn('node', ['bin/lotse.mjs', 'serve'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), LOTSE_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { proc, seconds: (performance.now() - started) / 1000, url };
}

async function stop(proc: ChildProcess): Promise<void> {
  const done = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await done;
}

async function loginCookie(url: string, email: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: process.env.LOTSE_DEMO_PASSWORD ?? 'demo-lotse' }),
  });
  if (login.status !== 200)
    throw new Error(`login of ${email} answered ${login.status}: ${await login.text()}`);
  return (login.headers.get('set-cookie') ?? '').split(';')[0];
}

/** The coordinator's law-change impact over the whole demo county, end to end over HTTP (median of 3). */
async function impactOverCounty(
  url: string,
): Promise<{ seconds: number; evaluated: number; changed: number }> {
  const cookie = await loginCookie(url, 'koordination@demo.lotse');
  const runs: { seconds: number; evaluated: number; changed: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const res = await fetch(`${url}/api/rules/impact?on=2024-02-27`, { headers: { cookie } });
    const body = (await res.json()) as { evaluated: number; items: unknown[] };
    if (res.status !== 200) throw new Error(`impact answered ${res.status}`);
    runs.push({
      seconds: (performance.now() - started) / 1000,
      evaluated: body.evaluated,
      changed: body.items.length,
    });
  }
  return runs.sort((a, b) => a.seconds - b.seconds)[1];
}

/** Starts fresh (demo seed), stops, starts again on the same data, measures reads and the impact run. */
async function measure(
  database: string,
  freshEnv: Record<string, string>,
  againEnv: Record<string, string>,
): Promise<Record<string, string | number>> {
  const fresh = await startServer(freshEnv);
  await stop(fresh.proc);
  const again = await startServer(againEnv);
  try {
    const tp = await readThroughput(again.url);
    const imp = await impactOverCounty(again.url);
    return {
      database,
      'start fresh + demo seed (s)': fresh.seconds,
      'start existing (s)': again.seconds,
      'GET /api/persons/:id req/s': Math.round(tp.rps),
      'p50 ms': tp.p50,
      'p97.5 ms': tp.p95,
      'non-2xx': tp.errors,
      'impact 2024-02-27 over county (s)': imp.seconds,
      'impact persons / changed': `${imp.evaluated} / ${imp.changed}`,
    };
  } finally {
    await stop(again.proc);
  }
}

async function readThroughput(
  url: string,
  seconds = 10,
): Promise<{ rps: number; p50: number; p95: number; errors: number; personReads: number }> {
  const cookie = await loginCookie(url, 'fachkraft@demo.lotse');
  const listed = await fetch(`${url}/api/persons?limit=50`, { headers: { cookie } });
  if (listed.status !== 200) throw new Error(`person list answered ${listed.status}: ${await listed.text()}`);
  const list = (await listed.json()) as { items: { id: string }[] };
  const ids = list.items.map((i) => i.id);
  let n = 0;
  const result = await autocannon({
    url,
    connections: 10,
    duration: seconds,
    headers: { cookie },
    requests: [
      {
        method: 'GET',
        setupRequest: (req: { path: string }) => ({ ...req, path: `/api/persons/${ids[n++ % ids.length]}` }),
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p95: result.latency.p97_5 ?? result.latency.p99,
    errors: result.non2xx + result.errors,
    personReads: result.requests.total,
  };
}

/** A SQL literal for a traced parameter, so pgbench can replay the statement as the server sent it. */
function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `ARRAY[${v.map(literal).join(', ')}]::text[]`;
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return `'${spacedJson(text).replaceAll("'", "''")}'`;
}

/**
 * JSON text with a space after each colon: pgbench reads `:name` in a script as a variable, and
 * `"consent_id":null` in the grouped audit row's JSON would become one. Other text stays as it is.
 */
function spacedJson(text: string): string {
  if (!/^[[{]/.test(text)) return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 1).replace(/\n\s*/g, ' ');
  } catch {
    return text;
  }
}

interface Traced {
  /** With the values inlined, for pgbench. */
  inlined: string;
  /** As the server sent it: text with placeholders, and the values. */
  text: string;
  parameters: unknown[];
}

/** The statements of one audited person read, as the server runs them (LOTSE_SQL_TRACE). */
async function traceOneRead(env: Record<string, string>): Promise<Traced[]> {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-trace-'));
  const file = join(dir, 'trace.jsonl');
  const server = await startServer({ ...env, LOTSE_SQL_TRACE: file });
  try {
    const cookie = await loginCookie(server.url, 'fachkraft@demo.lotse');
    const list = (await (
      await fetch(`${server.url}/api/persons?limit=2`, { headers: { cookie } })
    ).json()) as {
      items: { id: string }[];
    };
    // Warm: the session is cached after the first request, as in the measured run.
    await fetch(`${server.url}/api/persons/${list.items[0].id}`, { headers: { cookie } });
    const before = readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
    const res = await fetch(`${server.url}/api/persons/${list.items[1].id}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`trace read answered ${res.status}`);
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(before);
    return lines.map((l) => {
      const { sql, parameters } = JSON.parse(l) as { sql: string; parameters: unknown[] };
      const inlined = sql.replace(/\$(\d+)/g, (_m, i) => literal(parameters[Number(i) - 1]));
      return { inlined: `${inlined.replace(/\s+/g, ' ')};`, text: sql, parameters };
    });
  } finally {
    await stop(server.proc);
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Transactions per second of pgbench replaying the statements (10 clients, 2 threads, 10 s). The server runs
 * repeated statements prepared (src/db/prepared.ts), so the fair replay is `-M prepared`; `simple` sends the
 * text each time, as the server did before.
 */
function pgbenchTps(
  url: string,
  statements: Traced[],
  seconds = 10,
  mode: 'prepared' | 'simple' = 'prepared',
): number | null {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-pgbench-'));
  try {
    const script = join(dir, 'read.sql');
    writeFileSync(script, `${statements.map((s) => s.inlined).join('\n')}\n`);
    const args = ['-n', '-c', '10', '-j', '2', '-M', mode, '-T', String(seconds), '-f', script, url];
    const r = spawnSync('pgbench', args, {
      encoding: 'utf8',
    });
    const m = /tps = ([\d.]+)/.exec(r.stdout);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Seconds of load before a measured turn on a freshly started PGlite process (server and replay alike). */
const WARM_UP_S = 2;

/**
 * PGlite has no pgbench: the same statements replayed in-process through the server's own driver (the pg
 * adapter over PGlite, repeated statements prepared as in the server), 10 workers for 10 s on the stopped
 * server's data directory. PGlite is one connection, so the workers take turns as the server's requests do.
 */
async function pgliteReplayTps(dataDir: string, statements: Traced[], seconds = 10): Promise<number> {
  const database = await openDatabase({ dataDir });
  try {
    const replay = async (forSeconds: number) => {
      const until = performance.now() + forSeconds * 1000;
      let done = 0;
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          while (performance.now() < until) {
            // With their parameters, as the server sent them: inlined constants would let the planner cache
            // a plan for one person and one audit row, which no server request gets.
            for (const s of statements)
              await database.db.executeQuery(CompiledQuery.raw(s.text, s.parameters));
            done++;
          }
        }),
      );
      return done / forSeconds;
    };
    await replay(WARM_UP_S);
    return await replay(seconds);
  } finally {
    await database.close();
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Issue 10: the API should cost at most 1.5× the SQL it runs. On a shared machine the load changes within a
 * minute, so the API and its SQL are measured in turns (5 s each, ROUNDS times) and the median of the rounds'
 * ratios (SQL rate over API rate) is reported.
 */
const ROUNDS = 3;
async function pairedRatio(
  row: Record<string, string | number>,
  statements: Traced[],
  round: () => Promise<{ rps: number; tps: number | null }>,
): Promise<void> {
  const rounds: { rps: number; tps: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const r = await round();
    if (r.tps === null) {
      row['same SQL tps'] = 'pgbench missing';
      return;
    }
    rounds.push({ rps: r.rps, tps: r.tps });
  }
  const ratio = Number(median(rounds.map((r) => r.tps / r.rps)).toFixed(2));
  row['statements per read'] = statements.length;
  row['in turns: API req/s'] = rounds.map((r) => Math.round(r.rps)).join(' / ');
  row['in turns: same SQL tps'] = rounds.map((r) => Math.round(r.tps)).join(' / ');
  row['API cost / SQL cost'] = ratio;
  row['≤ 1.5'] = ratio <= 1.5 ? 'yes' : 'no';
}

const bench: Benchmark = {
  name: 'server',
  description:
    'start-up time (fresh and existing data) and authenticated person reads per second (each read authorised and audited)',
  async run() {
    const rows: Record<string, string | number>[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'lotse-bench-'));
    try {
      const row = await measure('pglite', { LOTSE_DATA_DIR: dir }, { LOTSE_DATA_DIR: dir });
      const statements = await traceOneRead({ LOTSE_DATA_DIR: dir });
      // PGlite is one process's database: the server stops while the SQL is replayed on its directory.
      await pairedRatio(row, statements, async () => {
        const server = await startServer({ LOTSE_DATA_DIR: dir });
        let rps: number;
        try {
          // Both sides measured warm: a fresh process first compiles its code and prepares its statements.
          await readThroughput(server.url, WARM_UP_S);
          rps = (await readThroughput(server.url, 5)).rps;
        } finally {
          await stop(server.proc);
        }
        return { rps, tps: await pgliteReplayTps(dir, statements, 5) };
      });
      rows.push(row);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const pg = await freshPgDatabase('lotse_bench_server');
    if (pg) {
      try {
        const row = await measure(
          'postgres',
          { DATABASE_URL: pg.url, LOTSE_DEMO: '1' },
          { DATABASE_URL: pg.url },
        );
        // Issue 10: the API should cost at most 1.5× the SQL it runs. pgbench replays exactly the statements
        // of one audited read (same concurrency); the ratio is its rate over the API's.
        const statements = await traceOneRead({ DATABASE_URL: pg.url });
        const server = await startServer({ DATABASE_URL: pg.url });
        try {
          await pairedRatio(row, statements, async () => ({
            rps: (await readThroughput(server.url, 5)).rps,
            tps: pgbenchTps(pg.url, statements, 5),
          }));
          // For comparison with earlier notes: the same SQL sent as text each time (no prepared statements).
          const simple = pgbenchTps(pg.url, statements, 5, 'simple');
          row['same SQL tps, sent as text'] = simple === null ? 'pgbench missing' : Math.round(simple);
        } finally {
          await stop(server.proc);
        }
        rows.push(row);
      } finally {
        await pg.drop();
      }
    } else
      rows.push({
        database: 'postgres',
        'start fresh + demo seed (s)': 'skipped: no server on 127.0.0.1:5432',
      });
    return {
      title: 'Server start-up and read throughput (demo county, 3,500 clients, 10 connections, 10 s)',
      rows,
      notes: [
        'Each read runs the access rule and writes one audit row in the same request.',
        "API cost / SQL cost: the SQL of one read replayed at the same concurrency (pgbench -M prepared on PostgreSQL, the server's driver in-process on PGlite, with the parameters as the server sent them — both with prepared statements, as the server runs them) over the API's rate, measured in turns of 5 s (median of 3 rounds); target ≤ 1.5 (was 2.8–3.5 at 7 statements, 1.67–1.93 at 2 statements sent as text).",
        "Same SQL tps replays one read's statements, each its own INSERT; the server shares an INSERT among the audit rows of concurrent reads.",
        'Impact: GET /api/rules/impact as the coordinator (load the open cases, evaluate the day before and the day, audit), median of 3; target < 2 s.',
      ],
    };
  },
};
export default bench;
