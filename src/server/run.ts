import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/env';
import { type Database, openDatabase } from '../db/connect';
import { refreshStatisticsIfEmbedded } from '../db/maintenance';
import { migrateAsOwner, migrateToLatest } from '../db/migrate';
import { loadTenantTables, type TenantViolation, tenantGuard } from '../db/tenant-guard';
import { buildApp, VERSION } from './app';
import { startJobs } from './jobs/handlers';
import { failInterruptedRuns } from './modules/language/allocation/service';
import { ensureNameKeys } from './modules/persons/reindex';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  /** Milliseconds per start-up phase, in order (logged once as 'start-up'; read by bench/startup.bench.ts). */
  phases: Record<string, number>;
  stop(): Promise<void>;
}

/** Times the phases of the start-up, so that a slow start names its cause. */
function phaseClock(): { lap(name: string): void; phases: Record<string, number> } {
  const phases: Record<string, number> = {};
  let last = performance.now();
  return {
    phases,
    lap(name) {
      const now = performance.now();
      phases[name] = Math.round(now - last);
      last = now;
    },
  };
}

/** Opens the database, migrates, builds the app and listens. The caller owns shutdown. */
export async function startServer(
  config: Config,
  opts: { logger?: boolean; onMigrated?: (db: Database) => Promise<void> } = {},
): Promise<RunningServer> {
  // Until the app's logger exists, a lost connection is only counted; afterwards it is logged.
  let logLost: (err: Error) => void = () => {};
  const clock = phaseClock();
  // Node's own start and the module loading before this function, as far as the process knows it.
  clock.phases.process = Math.round(performance.now());
  if (config.migrateDatabaseUrl) await migrateAsOwner(config.migrateDatabaseUrl);
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    queue: config.dbQueue,
    onConnectionError: (err) => logLost(err),
    traceFile: config.sqlTrace,
    fromTemplate: true,
  });
  clock.lap('open database');
  // With a separate owner the application role creates nothing: the owner has migrated just above.
  if (!config.migrateDatabaseUrl) await migrateToLatest(database.db);
  clock.lap('migrations');
  if (opts.onMigrated) await opts.onMigrated(database);
  clock.lap('after migrations (demo seed)');
  await ensureNameKeys(database.db, (m) => process.stdout.write(`${m}\n`));
  const interrupted = await failInterruptedRuns(database.db);
  if (interrupted > 0)
    process.stdout.write(`${interrupted} abgebrochene Kurszuteilung(en) als fehlgeschlagen markiert\n`);
  clock.lap('name keys, interrupted runs');
  // Requests run through the tenant guard; the start-up tasks above cross regions by design.
  let logViolation: (v: TenantViolation) => void = () => {};
  const appDb =
    config.tenantGuard === 'off'
      ? database.db
      : database.db.withPlugin(
          tenantGuard(await loadTenantTables(database.db), (v) => {
            if (config.tenantGuard === 'error')
              throw new Error(`statement on ${v.table} without tenant_id: ${v.sql}`);
            logViolation(v);
          }),
        );
  clock.lap('tenant tables');
  const app = await buildApp(
    { db: appDb, dbKind: database.kind, config, version: VERSION },
    {
      logger: opts.logger === false ? false : { level: config.logLevel },
      serveWeb: true,
      loadShedding: true,
    },
  );
  logLost = (err) => app.log.warn({ err: err.message }, 'database connection lost; reconnecting on demand');
  logViolation = (v) =>
    app.log.error(
      { table: v.table, kind: v.kind, sql: v.sql },
      'statement on a tenant table without tenant_id',
    );
  clock.lap('build app');
  const address = await app.listen({ port: config.port, host: config.host });
  clock.lap('listen');
  app.log.info({ phases: clock.phases }, 'start-up');
  // PGlite has no autovacuum: the tables changed since their last ANALYZE (after a demo seed: all of them,
  // 0.3–0.4 s) are analysed now that the server answers, not before — the first pages need a second anyway.
  const analysed = refreshStatisticsIfEmbedded(database.db, database.kind).then(
    (tables) => {
      if (tables.length > 0) app.log.info({ tables: tables.length }, 'planner statistics refreshed');
    },
    (err: Error) => app.log.warn({ err: err.message }, 'planner statistics not refreshed'),
  );
  const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  // Background jobs run on the unguarded handle: a reminder run serves every region by design.
  const jobs = config.jobs.enabled ? startJobs(database.db, config, url, app.log) : null;
  let stopping: Promise<void> | undefined;
  return {
    app,
    database,
    url,
    phases: clock.phases,
    // Close HTTP first (drain requests), then the database, so PGlite flushes to disk consistently.
    stop: () => {
      stopping ??= (async () => {
        await jobs?.stop();
        await app.close();
        await analysed;
        await database.close();
      })();
      return stopping;
    },
  };
}
