import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error autocannon ships no types
import autocannon from 'autocannon';
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
): Promise<{ rps: number; p50: number; p95: number; errors: number; personReads: number }> {
  const cookie = await loginCookie(url, 'fachkraft@demo.lotse');
  const list = (await (await fetch(`${url}/api/persons?limit=50`, { headers: { cookie } })).json()) as {
    items: { id: string }[];
  };
  const ids = list.items.map((i) => i.id);
  let n = 0;
  const result = await autocannon({
    url,
    connections: 10,
    duration: 10,
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

const bench: Benchmark = {
  name: 'server',
  description:
    'start-up time (fresh and existing data) and authenticated person reads per second (each read authorised and audited)',
  async run() {
    const rows: Record<string, string | number>[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'lotse-bench-'));
    try {
      rows.push(await measure('pglite', { LOTSE_DATA_DIR: dir }, { LOTSE_DATA_DIR: dir }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const pg = await freshPgDatabase('lotse_bench_server');
    if (pg) {
      try {
        rows.push(
          await measure('postgres', { DATABASE_URL: pg.url, LOTSE_DEMO: '1' }, { DATABASE_URL: pg.url }),
        );
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
        'Impact: GET /api/rules/impact as the coordinator (load the open cases, evaluate the day before and the day, audit), median of 3; target < 2 s.',
      ],
    };
  },
};
export default bench;
