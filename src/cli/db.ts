import { loadConfig } from '../config/env';
import { type Database, openDatabase } from '../db/connect';
import { migrateToLatest } from '../db/migrate';

/** Opens and migrates the configured database for a CLI command, and always closes it. */
export async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    return await fn(database);
  } finally {
    await database.close();
  }
}
