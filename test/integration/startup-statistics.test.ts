import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env';
import { seedDemo } from '../../src/server/demo/seed';
import { type RunningServer, startServer } from '../../src/server/run';

/**
 * PGlite has no autovacuum: after the demo seed the server analyses the tables itself — just after it
 * listens, not before (issue 10: first start of the demo under 5 s). The planner must have the statistics
 * of the loaded tables shortly after the first answer, and a stop during the ANALYZE must wait for it.
 */
describe('planner statistics after the demo seed on PGlite', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-analyse-'));
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers, and the loaded tables are analysed soon after', async () => {
    const config = {
      ...loadConfig({ PORT: '0', HOST: '127.0.0.1', LOTSE_LOG_LEVEL: 'silent', LOTSE_JOBS: '0' }),
      dataDir: dir,
    };
    server = await startServer(config, {
      logger: false,
      onMigrated: async ({ db }) => {
        await seedDemo(db, { password: 'demo-lotse', clients: 150, analyze: false });
      },
    });
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    const analysed = async () =>
      (
        await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM pg_stat_user_tables
          WHERE relname IN ('person', 'residence_status', 'task') AND last_analyze IS NOT NULL`.execute(
          server!.database.db,
        )
      ).rows[0].n;
    const until = Date.now() + 20_000;
    while ((await analysed()) < 3 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(await analysed()).toBe(3);
    const rows = await sql<{ n: number }>`
      SELECT reltuples::int AS n FROM pg_class WHERE relname = 'person'`.execute(server.database.db);
    expect(rows.rows[0].n).toBe(150);
  });
});
