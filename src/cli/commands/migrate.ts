import type { Command } from 'commander';
import { loadConfig } from '../../config/env';
import { openDatabase } from '../../db/connect';
import { migrateToLatest } from '../../db/migrate';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description(
      'Datenbankschema auf den neuesten Stand bringen (PGlite in LOTSE_DATA_DIR oder DATABASE_URL)',
    )
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      try {
        const { applied } = await migrateToLatest(database.db);
        process.stdout.write(
          applied.length ? `angewendet: ${applied.join(', ')}\n` : 'Schema ist aktuell.\n',
        );
      } finally {
        await database.close();
      }
    });
}
