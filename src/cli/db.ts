import { loadConfig } from '../config/env';
import { type Database, openDatabase } from '../db/connect';
import { migrateAsOwner, migrateToLatest } from '../db/migrate';

/** Opens and migrates the configured database for a CLI command, and always closes it. */
export async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  // With a separate owner role, migrations run as the owner; the command itself as the application role.
  if (config.migrateDatabaseUrl) await migrateAsOwner(config.migrateDatabaseUrl);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (!config.migrateDatabaseUrl) await migrateToLatest(database.db);
    return await fn(database);
  } finally {
    await database.close();
  }
}
