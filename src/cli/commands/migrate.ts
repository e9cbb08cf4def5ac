import type { Command } from 'commander';
import { loadConfig } from '../../config/env';
import { openDatabase } from '../../db/connect';
import { migrateToLatest } from '../../db/migrate';
import { grantApplicationRole } from '../../db/roles';
import { fail } from '../fail';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description(
      'Datenbankschema auf den neuesten Stand bringen (PGlite in LOTSE_DATA_DIR; auf einem Server als Eigentümer-Rolle: LOTSE_MIGRATE_DATABASE_URL oder DATABASE_URL)',
    )
    .option(
      '--app-role <role>',
      'danach der Anwendungsrolle (ohne Eigentum) ihre Rechte geben (nur PostgreSQL-Server)',
    )
    .action(async (o: { appRole?: string }) => {
      const config = loadConfig();
      const url = config.migrateDatabaseUrl ?? config.databaseUrl;
      if (o.appRole && !url) return fail('--app-role: nur mit einem PostgreSQL-Server (DATABASE_URL)');
      const database = await openDatabase({ url, dataDir: config.dataDir });
      try {
        const { applied } = await migrateToLatest(database.db);
        process.stdout.write(
          applied.length ? `angewendet: ${applied.join(', ')}\n` : 'Schema ist aktuell.\n',
        );
        if (o.appRole) {
          await grantApplicationRole(database.db, o.appRole);
          process.stdout.write(`Rechte für die Anwendungsrolle ${o.appRole} gesetzt.\n`);
        }
      } finally {
        await database.close();
      }
    });
}
