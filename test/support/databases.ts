import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe } from 'vitest';
import { loadConfig } from '../../src/config/env';
import { type Database, openDatabase } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';
import { loadTenantTables, type TenantViolation, tenantGuard } from '../../src/db/tenant-guard';
import { buildApp, type LotseApp, VERSION } from '../../src/server/app';

export interface DbTarget {
  name: 'pglite' | 'postgres';
  url?: string;
}

/** PGlite always; the PostgreSQL server too when DATABASE_URL is set (CI sets it). */
export function dbTargets(): DbTarget[] {
  const targets: DbTarget[] = [{ name: 'pglite' }];
  if (process.env.DATABASE_URL) targets.push({ name: 'postgres', url: process.env.DATABASE_URL });
  return targets;
}

function onTenantViolation(v: TenantViolation): void {
  if (process.env.LOTSE_TENANT_GUARD === 'report') {
    appendFileSync(
      process.env.LOTSE_TENANT_GUARD_FILE ?? '/tmp/tenant-violations.jsonl',
      `${JSON.stringify(v)}\n`,
    );
    return;
  }
  throw new Error(`Anweisung auf ${v.table} ohne tenant_id (${v.kind}): ${v.sql}`);
}

export interface TestEnv {
  database: Database;
  app: LotseApp;
}

/**
 * Runs a suite once per database. Each suite gets a migrated database and an app; each test makes its
 * own tenant (see factories.ts), so nothing is truncated and suites can run in parallel on one server.
 */
export function describeEachDb(
  title: string,
  fn: (env: () => TestEnv, target: DbTarget) => void,
  /** Settings beyond the test defaults, as environment variables (LOTSE_ADMIN_TOTP=required …). */
  settings: Record<string, string> = {},
): void {
  for (const target of dbTargets()) {
    describe(`${title} [${target.name}]`, () => {
      let env: TestEnv | undefined;
      beforeAll(async () => {
        // In memory from the build's migrated template (a tar) when there is one: 0.4–0.6 s instead of 2 s of
        // initdb and migrations per suite; migrateToLatest below then finds nothing to do.
        const database = await openDatabase({ url: target.url, dataDir: 'memory://', fromTemplate: true });
        await migrateToLatest(database.db);
        // Every statement the app runs must name the tenant (src/db/tenant-guard.ts): one that does
        // not fails, and with it the test that caused it. The tests' own checks query unguarded.
        const tables = await loadTenantTables(database.db);
        const appDb = database.db.withPlugin(tenantGuard(tables, onTenantViolation));
        const config = loadConfig({
          LOTSE_LOG_LEVEL: 'silent',
          LOTSE_DATA_DIR: `/tmp/unused-${randomUUID()}`,
          ...settings,
        });
        // LOTSE_TEST_LOG=error prints the server's log (the cause of a 500) while debugging a test.
        const logger = process.env.LOTSE_TEST_LOG ? { level: process.env.LOTSE_TEST_LOG } : undefined;
        const app = await buildApp(
          { db: appDb, dbKind: database.kind, config, version: VERSION },
          { logger },
        );
        env = { database, app };
      });
      afterAll(async () => {
        await env?.app.close();
        await env?.database.close();
      });
      fn(() => {
        if (!env) throw new Error('test environment not ready');
        return env;
      }, target);
    });
  }
}
