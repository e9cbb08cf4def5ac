import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';
import { DatabaseUnavailableError } from '../../src/db/pool';
import { makeTenant, TEST_PASSWORD } from '../support/factories';
import { type LotseProcess, spawnLotse } from '../support/lotse-process';

// Finding 9 of the security probe: 200 clients on PGlite waited without bound (156 first requests over
// 5 s, one 61 s). With a bound the excess is refused at once with 503 + Retry-After. The server runs as
// its own process, as in production: a client in the same event loop would hide the line.
const maxInFlight = 12;
const maxWaitMs = 1500;

describe('bounded waiting on PGlite under 200 parallel clients', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-queue-'));
  let lotse: LotseProcess;
  let base: string;
  let cookie: string;
  let csrf: string;

  beforeAll(async () => {
    const setup = await openDatabase({ dataDir: dir });
    await migrateToLatest(setup.db);
    const t = await makeTenant(setup.db);
    await setup.close();
    lotse = await spawnLotse({
      LOTSE_DATA_DIR: dir,
      LOTSE_MAX_IN_FLIGHT: String(maxInFlight),
      LOTSE_DB_MAX_WAIT_MS: String(maxWaitMs),
    });
    base = lotse.url.replace('localhost', '127.0.0.1');
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: t.users.eingangszone.email, password: TEST_PASSWORD }),
    });
    cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  });
  afterAll(async () => {
    await lotse?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses the excess quickly with 503 + Retry-After and serves the rest within the bound', async () => {
    // Creating a person is a transaction of several statements on the one connection.
    const results = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const t0 = performance.now();
        const res = await fetch(`${base}/api/persons`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
          body: JSON.stringify({
            givenNames: 'Yusuf',
            familyName: `Warte${i}`,
            gender: 'm',
            birthDate: '1994-03-12',
            nationalities: ['SY'],
          }),
        });
        const body = await res.json();
        return {
          status: res.status,
          ms: performance.now() - t0,
          retryAfter: res.headers.get('retry-after'),
          body,
        };
      }),
    );
    const busy = results.filter((r) => r.status === 503);
    const ok = results.filter((r) => r.status === 201);
    expect(
      busy.length + ok.length,
      JSON.stringify(results.find((r) => r.status !== 201 && r.status !== 503)),
    ).toBe(200);
    expect(busy.length).toBeGreaterThan(0);
    expect(ok.length).toBeGreaterThan(0);
    for (const r of busy) {
      expect(r.retryAfter).toBe('5');
      expect(r.body).toMatchObject({ code: 'db_busy', error: expect.stringMatching(/stark ausgelastet/) });
    }
    const slowest = (rs: typeof results) => Math.max(0, ...rs.map((r) => r.ms));
    const median = (rs: typeof results) =>
      rs.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(rs.length / 2)] ?? 0;
    process.stdout.write(
      `200 parallel creates: ${ok.length} × 201 (slowest ${Math.round(slowest(ok))} ms), ` +
        `${busy.length} × 503 (median ${Math.round(median(busy))} ms, slowest ${Math.round(slowest(busy))} ms)\n`,
    );
    // No line without end: only a bounded number are worked on, the rest are turned away at once. The
    // probe saw 156 first requests wait over 5 s and one 61 s. Here every refusal comes within the 5 s the
    // issue names (seen: 0.3–1.2 s), and every served create well within 15 s (seen: 0.7–3.3 s; the margin
    // is for a CI machine shared with other work).
    expect(ok.length).toBeLessThan(200);
    expect(slowest(busy)).toBeLessThan(5_000);
    expect(slowest(ok)).toBeLessThan(15_000);
    // Afterwards the server serves normally.
    const after = await fetch(`${base}/api/persons?q=Warte`, { headers: { cookie } });
    expect(after.status).toBe(200);
  });
});

describe('bounded wait for the single PGlite connection', () => {
  it('refuses beyond maxWaiting at once and after maxWaitMs, with DatabaseUnavailableError(busy)', async () => {
    const database = await openDatabase({ dataDir: 'memory://', queue: { maxWaiting: 2, maxWaitMs: 400 } });
    try {
      let release = () => {};
      const held = new Promise<void>((r) => {
        release = r;
      });
      // A transaction holds the one connection until released.
      const tx = database.db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        await held;
      });
      await new Promise((r) => setTimeout(r, 50));
      const t0 = performance.now();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 5 }, () =>
          sql`select 1`.execute(database.db).then(() => performance.now() - t0),
        ),
      );
      const waited = performance.now() - t0;
      release();
      await tx;
      const reasons = outcomes.map((o) =>
        o.status === 'rejected' ? (o.reason as DatabaseUnavailableError) : null,
      );
      expect(reasons.every((r) => r instanceof DatabaseUnavailableError && r.reason === 'busy')).toBe(true);
      expect(waited).toBeGreaterThanOrEqual(350);
      expect(waited).toBeLessThan(3000);
      // The connection works again once the transaction is over.
      expect((await sql<{ one: number }>`select 1 as one`.execute(database.db)).rows[0]?.one).toBe(1);
    } finally {
      await database.close();
    }
  });
});
