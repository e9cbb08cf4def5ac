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

/** At start-up: always on PGlite (nobody else will), never needed on a server. */
export async function refreshStatisticsIfEmbedded(db: Kysely<DB>, kind: DbKind): Promise<void> {
  if (kind === 'pglite') await refreshStatistics(db);
}
