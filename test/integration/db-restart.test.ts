import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect';
import { makeTenant, TEST_PASSWORD } from '../support/factories';
import { type LotseProcess, spawnLotse } from '../support/lotse-process';
import { type Postmaster, postgresBinDir, startPostmaster } from '../support/postmaster';

// Finding 2 of the security probe: a restart of the PostgreSQL server (57P01 on every session) ended the
// Lotse process. Here a PostgreSQL server of the test's own is restarted under load and stopped for a
// while: Lotse stays up, answers 503 + Retry-After while the database is away and 200 again afterwards.
const bin = postgresBinDir();
if (!bin) console.log('skipped: PostgreSQL restart test — no PostgreSQL binaries under /usr/lib/postgresql');

interface Outcome {
  status: number | 'socket-error';
  ms: number;
  body?: string;
  retryAfter?: string | null;
}

describe.skipIf(!bin)('Lotse survives a restart of its PostgreSQL server', { timeout: 240_000 }, () => {
  let pm: Postmaster;
  let lotse: LotseProcess;
  let base: string;
  let cookie: string;

  beforeAll(async () => {
    pm = await startPostmaster();
    lotse = await spawnLotse({ DATABASE_URL: pm.url(), LOTSE_DATA_DIR: `${pm.dir}/unused` });
    base = lotse.url.replace('localhost', '127.0.0.1');
    const database = await openDatabase({ url: pm.url() });
    const t = await makeTenant(database.db);
    await database.close();
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: t.users.eingangszone.email, password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(200);
    cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  });
  afterAll(async () => {
    await lotse?.stop();
    pm?.destroy();
  });

  const hit = async (path: string): Promise<Outcome> => {
    const t0 = performance.now();
    try {
      const res = await fetch(`${base}${path}`, { headers: { cookie } });
      const body = await res.text();
      return {
        status: res.status,
        ms: performance.now() - t0,
        body,
        retryAfter: res.headers.get('retry-after'),
      };
    } catch {
      return { status: 'socket-error', ms: performance.now() - t0 };
    }
  };

  /** Back by itself: the first request after the database returns may still meet a dropped connection. */
  const eventually200 = async (path: string): Promise<Outcome> => {
    let last = await hit(path);
    for (let i = 0; i < 30 && last.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 500));
      last = await hit(path);
    }
    return last;
  };

  /** Parallel clients that search persons and ask for health until stopped. */
  const load = (clients: number) => {
    const outcomes: Outcome[] = [];
    let running = true;
    const loops = Array.from({ length: clients }, async (_, i) => {
      while (running) outcomes.push(await hit(i % 2 ? '/api/health' : '/api/persons?q=Test'));
    });
    return {
      outcomes,
      stop: async () => {
        running = false;
        await Promise.all(loops);
        return outcomes;
      },
    };
  };

  it('keeps running through pg_ctl restart -m fast under load, every answer 200 or 503', async () => {
    const l = load(20);
    await new Promise((r) => setTimeout(r, 500));
    pm.restart('fast');
    await new Promise((r) => setTimeout(r, 1500));
    const outcomes = await l.stop();
    expect(lotse.exited(), lotse.output()).toBe(false);
    const statuses = new Set(outcomes.map((o) => o.status));
    expect(
      [...statuses].every((s) => s === 200 || s === 503),
      `${JSON.stringify([...statuses])}\n${lotse.output().slice(-3000)}`,
    ).toBe(true);
    expect(outcomes.filter((o) => o.status === 200).length).toBeGreaterThan(0);
    for (const o of outcomes.filter((x) => x.status === 503)) expect(o.retryAfter).toBe('5');
    expect((await eventually200('/api/health')).status).toBe(200);
  });

  it('answers 503 with a German message while the server is down, and 200 once it is back', async () => {
    pm.stop('immediate');
    const down = await hit('/api/persons?q=Test');
    expect(down.status).toBe(503);
    expect(down.retryAfter).toBe('5');
    expect(JSON.parse(down.body ?? '{}')).toMatchObject({
      code: 'db_unavailable',
      error: expect.stringMatching(/Datenbank ist vorübergehend nicht erreichbar/),
    });
    expect((await hit('/api/health')).status).toBe(503);
    // A load balancer's probe has no session cookie: it gets the health shape.
    const probe = await fetch(`${base}/api/health`);
    expect(probe.status).toBe(503);
    expect(await probe.json()).toMatchObject({ status: 'unavailable', db: 'unavailable' });
    expect(lotse.exited()).toBe(false);

    pm.start();
    const back = await eventually200('/api/persons?q=Test');
    expect(back.status, back.body).toBe(200);
    expect(JSON.parse((await hit('/api/health')).body ?? '{}')).toMatchObject({
      status: 'ok',
      db: 'postgres',
    });
  });

  it('survives a crash-like restart (immediate) and logs no unhandled error', async () => {
    const l = load(10);
    await new Promise((r) => setTimeout(r, 300));
    pm.restart('immediate');
    await new Promise((r) => setTimeout(r, 1000));
    const outcomes = await l.stop();
    expect(lotse.exited(), lotse.output()).toBe(false);
    expect(outcomes.some((o) => o.status === 'socket-error')).toBe(false);
    expect((await eventually200('/api/health')).status).toBe(200);
    expect(lotse.output()).not.toMatch(/unhandled error|Unhandled|uncaught/i);
  });
});
