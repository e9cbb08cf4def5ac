import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { loadConfig } from '../../src/config/env';
import { type Database, openDatabase } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';
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

export interface TestEnv {
  database: Database;
  app: LotseApp;
}

/**
 * Runs a suite once per database. Each suite gets a migrated database and an app; each test makes its
 * own tenant (see factories.ts), so nothing is truncated and suites can run in parallel on one server.
 */
export function describeEachDb(title: string, fn: (env: () => TestEnv, target: DbTarget) => void): void {
  for (const target of dbTargets()) {
    describe(`${title} [${target.name}]`, () => {
      let env: TestEnv | undefined;
      beforeAll(async () => {
        const database = await openDatabase({ url: target.url, dataDir: 'memory://' });
        await migrateToLatest(database.db);
        const config = loadConfig({
          LOTSE_LOG_LEVEL: 'silent',
          LOTSE_DATA_DIR: `/tmp/unused-${randomUUID()}`,
        });
        const app = await buildApp({ db: database.db, dbKind: database.kind, config, version: VERSION });
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
