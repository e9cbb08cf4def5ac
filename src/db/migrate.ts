import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { openDatabase } from './connect';
import type { DB } from './schema';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Numbered plain-SQL files: readable by a DBA, identical on PGlite and the PostgreSQL server. */
class SqlFileProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const file of readdirSync(migrationsDir)
      .filter((f) => f.endsWith('.sql'))
      .sort()) {
      const text = readFileSync(join(migrationsDir, file), 'utf8');
      out[file.replace(/\.sql$/, '')] = {
        // Multi-statement SQL needs the simple query protocol, which sql.raw without parameters uses.
        up: async (db) => {
          await sql.raw(text).execute(db);
        },
      };
    }
    return out;
  }
}

export interface MigrationReport {
  applied: string[];
}

/** The names of the migration files, without .sql, in order. */
function migrationNames(): string[] {
  return readdirSync(migrationsDir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => f.replace(/\.sql$/, ''));
}

/**
 * True when every migration file is recorded as applied. One small read instead of the Migrator, which
 * introspects every table of the schema before it looks (about 1 s on PGlite, on every start).
 */
async function allApplied(db: Kysely<DB>): Promise<boolean> {
  const exists = await sql<{ t: string | null }>`SELECT to_regclass('kysely_migration')::text AS t`.execute(
    db,
  );
  if (!exists.rows[0]?.t) return false;
  const done = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
  const applied = new Set(done.rows.map((r) => r.name));
  return migrationNames().every((n) => applied.has(n));
}

export async function migrateToLatest(db: Kysely<DB>): Promise<MigrationReport> {
  if (await allApplied(db)) return { applied: [] };
  // Numbers are reserved per change and may land out of order (a database that already has 010 gets
  // 007 later): each migration stands alone, so one missing below the newest is applied, not refused.
  const migrator = new Migrator({ db, provider: new SqlFileProvider(), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/**
 * Migrations as the owner role (LOTSE_MIGRATE_DATABASE_URL), so that the role of the server and the CLI
 * (DATABASE_URL) owns nothing and cannot drop the audit log's append-only trigger (docs/security.md).
 */
export async function migrateAsOwner(url: string): Promise<MigrationReport> {
  const owner = await openDatabase({ url });
  try {
    return await migrateToLatest(owner.db);
  } finally {
    await owner.close();
  }
}
