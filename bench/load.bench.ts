import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '../src/domain/reference/random';
import { freshPgDatabase, percentile } from './support/pg';
import type { Benchmark } from './types';

/**
 * Issue 9: load that looks like a county. Staff sessions log in once (from their own client address,
 * as on real desks: the login throttle counts per address), then work with think time: search, open a
 * person, save a change, look at handovers, the waitlist and the course planning. Targets: PostgreSQL
 * 200 sessions p99 < 300 ms and no errors; PGlite 30 sessions p99 < 500 ms. LOAD_SECONDS shortens the
 * run (default 300 s per database).
 */
const root = join(import.meta.dirname, '..');
const SECONDS = Number(process.env.LOAD_SECONDS ?? 300);

type Action = 'login' | 'search' | 'open' | 'save' | 'handovers' | 'waitlist' | 'planning';
const MIX: Record<string, [Action, number][]> = {
  'empfang@demo.lotse': [
    ['search', 50],
    ['open', 40],
    ['save', 10],
  ],
  'fachkraft@demo.lotse': [
    ['search', 30],
    ['open', 40],
    ['save', 15],
    ['handovers', 15],
  ],
  'fachkraft-aa@demo.lotse': [
    ['search', 30],
    ['open', 40],
    ['save', 15],
    ['handovers', 15],
  ],
  'sprache@demo.lotse': [
    ['waitlist', 40],
    ['planning', 30],
    ['search', 30],
  ],
  'koordination@demo.lotse': [
    ['search', 40],
    ['open', 40],
    ['handovers', 20],
  ],
};
const ACCOUNTS = [
  ...Array(8).fill('empfang@demo.lotse'),
  ...Array(4).fill('fachkraft@demo.lotse'),
  ...Array(4).fill('fachkraft-aa@demo.lotse'),
  ...Array(3).fill('sprache@demo.lotse'),
  'koordination@demo.lotse',
];
const NAMES = [
  'Ahmad',
  'Mohammed',
  'Ali',
  'Hassan',
  'Fatima',
  'Olena',
  'Yusuf',
  'Amina',
  'Haddad',
  'Karimi',
  'Saleh',
  'Demir',
];

interface Sample {
  action: Action;
  ms: number;
  status: number;
}

function call(
  agent: Agent,
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; json: unknown; setCookie?: string[] }> {
  return new Promise((resolve) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          ...headers,
          ...(data ? { 'content-type': 'application/json', 'content-length': String(data.length) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          let json: unknown = null;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode ?? 0, json, setCookie: res.headers['set-cookie'] });
        });
      },
    );
    req.on('error', () => resolve({ status: 0, json: null }));
    if (data) req.write(data);
    req.end();
  });
}

/** One staff member's working session: log in once, then act and think until the end. */
async function session(i: number, port: number, until: number, samples: Sample[]): Promise<void> {
  const r = mulberry32(1000 + i);
  // Ten sessions per client address (127.0.0.2 …): within the login throttle of 20 per minute and address.
  const agent = new Agent({
    keepAlive: true,
    maxSockets: 1,
    localAddress: `127.0.0.${2 + Math.floor(i / 10)}`,
  });
  const email = ACCOUNTS[i % ACCOUNTS.length];
  const timed = async (
    action: Action,
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ) => {
    const t0 = performance.now();
    const res = await call(agent, port, method, path, headers, body);
    samples.push({ action, ms: performance.now() - t0, status: res.status });
    return res;
  };
  // Spread the logins over the first minute (a quarter of a short run), as a morning does: a password
  // check (Argon2) costs tens of milliseconds of CPU by design, and 200 at once would be an attack.
  await new Promise((res) => setTimeout(res, r() * Math.min(60_000, (SECONDS * 1000) / 4)));
  let login = await timed('login', 'POST', '/api/auth/login', {}, { email, password: 'demo-lotse' });
  // A refused login (503 while the server is busy) is tried again after a pause, as a person would.
  for (let tries = 0; login.status === 503 && tries < 5; tries++) {
    await new Promise((res) => setTimeout(res, 2000 + r() * 2000));
    login = await timed('login', 'POST', '/api/auth/login', {}, { email, password: 'demo-lotse' });
  }
  const cookie = (login.setCookie ?? []).map((c) => c.split(';')[0]).join('; ');
  const csrf = (login.json as { csrfToken?: string } | null)?.csrfToken ?? '';
  const headers = { cookie, 'x-csrf-token': csrf };
  let known: string[] = [];
  const pick = (): Action => {
    const mix = MIX[email];
    let x = r() * mix.reduce((s, [, w]) => s + w, 0);
    for (const [a, w] of mix) {
      x -= w;
      if (x < 0) return a;
    }
    return mix[0][0];
  };
  while (Date.now() < until) {
    await new Promise((res) => setTimeout(res, 1000 + r() * 4000)); // think time 1–5 s
    if (Date.now() >= until) break;
    let action = pick();
    if ((action === 'open' || action === 'save') && known.length === 0) action = 'search';
    if (action === 'search') {
      const q = NAMES[Math.floor(r() * NAMES.length)];
      const res = await timed('search', 'GET', `/api/persons?q=${encodeURIComponent(q)}&limit=20`, headers);
      const items = (res.json as { items?: { id: string }[] } | null)?.items ?? [];
      if (items.length) known = items.map((x) => x.id);
    } else if (action === 'open') {
      await timed('open', 'GET', `/api/persons/${known[Math.floor(r() * known.length)]}`, headers);
    } else if (action === 'save') {
      const id = known[Math.floor(r() * known.length)];
      const p = await call(agent, port, 'GET', `/api/persons/${id}`, headers);
      const version = (p.json as { version?: number } | null)?.version;
      if (p.status === 200 && version)
        await timed('save', 'PATCH', `/api/persons/${id}`, headers, {
          phone: `+49 5221 ${Math.floor(r() * 1e6)}`,
          version,
        });
    } else if (action === 'handovers') await timed('handovers', 'GET', '/api/handovers?box=inbox', headers);
    else if (action === 'waitlist') await timed('waitlist', 'GET', '/api/waitlist', headers);
    else await timed('planning', 'GET', '/api/language/planning?months=6', headers);
  }
  agent.destroy();
}

async function startServer(env: Record<string, string>): Promise<{ proc: ChildProcess; port: number }> {
  const port = 3300 + Math.floor(Math.random() * 300);
  const proc = spawn('node', ['bin/lotse.mjs', 'serve'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '0.0.0.0', LOTSE_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { proc, port };
}

function peakRssMb(pid: number | undefined): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

async function run(database: string, sessions: number, env: Record<string, string>, target: number) {
  const server = await startServer(env);
  try {
    const samples: Sample[] = [];
    const until = Date.now() + SECONDS * 1000;
    await Promise.all(Array.from({ length: sessions }, (_, i) => session(i, server.port, until, samples)));
    const rss = peakRssMb(server.proc.pid);
    const work = samples.filter((s) => s.action !== 'login');
    const errors = samples.filter(
      (s) => s.status === 0 || s.status >= 500 || (s.status >= 400 && s.status !== 409),
    ).length;
    const conflicts = samples.filter((s) => s.status === 409).length;
    const failed = new Map<string, number>();
    for (const s of samples)
      if (s.status === 0 || s.status >= 500 || (s.status >= 400 && s.status !== 409))
        failed.set(`${s.action} ${s.status}`, (failed.get(`${s.action} ${s.status}`) ?? 0) + 1);
    const ms = work.map((s) => s.ms).sort((a, b) => a - b);
    const byAction = Object.fromEntries(
      (['search', 'open', 'save', 'handovers', 'waitlist', 'planning'] as Action[]).map((a) => {
        const xs = work
          .filter((s) => s.action === a)
          .map((s) => s.ms)
          .sort((x, y) => x - y);
        return [`${a} p99 ms`, xs.length ? Math.round(percentile(xs, 99)) : '—'];
      }),
    );
    const p99 = percentile(ms, 99);
    return {
      database,
      sessions,
      seconds: SECONDS,
      requests: work.length,
      'req/s': Number((work.length / SECONDS).toFixed(1)),
      'p50 ms': Math.round(percentile(ms, 50)),
      'p95 ms': Math.round(percentile(ms, 95)),
      'p99 ms': Math.round(p99),
      ...byAction,
      errors,
      'errors by action and status': [...failed].map(([k, n]) => `${k}: ${n}`).join(', ') || '—',
      '409 conflicts': conflicts,
      'peak RSS MB': rss,
      [`target p99 < ${target} ms, 0 errors`]: p99 < target && errors === 0 ? 'met' : 'NOT met',
    };
  } finally {
    const done = new Promise((r) => server.proc.once('exit', r));
    server.proc.kill('SIGTERM');
    await done;
  }
}

const bench: Benchmark = {
  name: 'load',
  description: `staff sessions with think time and a county's mix for ${SECONDS} s: 200 on PostgreSQL, 30 on PGlite`,
  async run() {
    const rows = [];
    const pg = await freshPgDatabase('lotse_bench_load');
    if (pg) {
      try {
        // Seed first (a separate start), so the measured run starts on a warm, existing county.
        const seed = await startServer({ DATABASE_URL: pg.url, LOTSE_DEMO: '1' });
        const done = new Promise((r) => seed.proc.once('exit', r));
        seed.proc.kill('SIGTERM');
        await done;
        rows.push(await run('postgres', 200, { DATABASE_URL: pg.url }, 300));
      } finally {
        await pg.drop();
      }
    }
    const dir = mkdtempSync(join(tmpdir(), 'lotse-load-'));
    try {
      rows.push(await run('pglite', 30, { LOTSE_DATA_DIR: dir }, 500));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return {
      title: 'County load: staff sessions with think time 1–5 s',
      rows,
      notes: [
        'Mix: front desk (search 50 %, open 40 %, save 10 %), advisors (search, open, save, handover inbox), language advice (waitlist, course planning, search), coordination.',
        'Errors: no answer, 5xx or 4xx other than 409 (a concurrent edit of the same person is a correct answer).',
      ],
    };
  },
};
export default bench;
