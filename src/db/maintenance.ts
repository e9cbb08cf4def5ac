import { type Kysely, sql } from 'kysely';
import type { DbKind } from './connect';
import type { DB } from './schema';

/**
 * Refreshes the planner's statistics. PGlite has no autovacuum daemon, so without this a freshly
 * loaded embedded database keeps the statistics of an empty one and the planner picks nested loops
 * over 100,000 rows. On a PostgreSQL server autovacuum does this; an explicit run after bulk loads helps.
 */
export async function refreshStatistics(db: Kysely<DB>): Promise<void> {
  await sql`ANALYZE`.execute(db);
}

/**
 * At start-up on PGlite (nobody else will; never needed on a server): the tables changed since their last
 * ANALYZE, or never analysed (the activity counters are lost after a crash). Right after the demo seed,
 * which analysed everything, and on a restart without changes this is nothing instead of a whole ANALYZE.
 */
export async function refreshStatisticsIfEmbedded(db: Kysely<DB>, kind: DbKind): Promise<string[]> {
  if (kind !== 'pglite') return [];
  const stale = await sql<{ name: string }>`
    SELECT format('%I.%I', schemaname, relname) AS name FROM pg_stat_user_tables
    WHERE n_mod_since_analyze > 0 OR (last_analyze IS NULL AND last_autoanalyze IS NULL)`.execute(db);
  const names = stale.rows.map((r) => r.name);
  if (names.length > 0) await sql.raw(`ANALYZE ${names.join(', ')}`).execute(db);
  return names;
}
