import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { sql } from 'kysely';
import { loadConfig } from '../../config/env';
import { verifyAllChains } from '../../db/audit-chain';
import { backupPglite, backupServer, formatOf, restorePglite, restoreServer } from '../../db/backup';
import { openDatabase } from '../../db/connect';
import { withDatabase } from '../db';
import { fail } from '../fail';

/** After a backup or restore: every region's audit chain, in one line each. */
async function reportChains(): Promise<boolean> {
  return withDatabase(async ({ db }) => {
    const reports = await verifyAllChains(db);
    const broken = reports.filter((r) => r.broken);
    const rows = reports.reduce((n, r) => n + r.rows, 0);
    process.stdout.write(
      broken.length
        ? `Audit-Kette GEBROCHEN in ${broken.length} Region(en): lotse audit verify zeigt die Stelle\n`
        : `Audit-Ketten in Ordnung (${reports.length} Region(en), ${rows} Einträge)\n`,
    );
    return broken.length === 0;
  });
}

export function registerBackup(program: Command): void {
  program
    .command('backup <file>')
    .description(
      'Datensicherung schreiben: PGlite bei angehaltenem Server (Datenverzeichnis als .tar.gz), PostgreSQL-Server mit pg_dump',
    )
    .action(async (file: string) => {
      const config = loadConfig();
      const target = resolve(file);
      if (config.databaseUrl) backupServer(config.migrateDatabaseUrl ?? config.databaseUrl, target);
      else {
        // Takes the directory lock: refused (exit 3) while the server runs on it.
        const database = await openDatabase({ dataDir: config.dataDir });
        try {
          await backupPglite(database, target);
        } finally {
          await database.close();
        }
      }
      process.stdout.write(
        `Sicherung geschrieben: ${target} (${Math.ceil(statSync(target).size / 1024)} KB)\n`,
      );
      if (!(await reportChains())) process.exitCode = 1;
    });

  program
    .command('restore <file>')
    .description(
      'Datensicherung zurückspielen: PGlite in LOTSE_DATA_DIR (vorhandene Daten werden beiseitegelegt), PostgreSQL-Server in eine leere Datenbank',
    )
    .action(async (file: string) => {
      const config = loadConfig();
      const source = resolve(file);
      const format = formatOf(source);
      if (!format)
        return fail(`${file}: keine Lotse-Datensicherung (weder PGlite-Archiv noch pg_dump-Format)`);
      if (config.databaseUrl) {
        if (format !== 'pg_dump')
          return fail(
            `${file}: eine PGlite-Sicherung; für einen PostgreSQL-Server wird eine pg_dump-Sicherung gebraucht`,
          );
        const url = config.migrateDatabaseUrl ?? config.databaseUrl;
        const target = await openDatabase({ url });
        const tables = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`.execute(
          target.db,
        );
        await target.close();
        if ((tables.rows[0]?.n ?? 0) > 0)
          return fail(
            'Die Zieldatenbank ist nicht leer: bitte in eine neu angelegte, leere Datenbank zurückspielen',
          );
        restoreServer(url, source);
      } else {
        if (format !== 'pglite')
          return fail(
            `${file}: eine pg_dump-Sicherung; dafür DATABASE_URL auf einen PostgreSQL-Server setzen`,
          );
        const movedTo = await restorePglite(source, config.dataDir);
        if (movedTo) process.stdout.write(`Bisherige Daten beiseitegelegt: ${movedTo}\n`);
      }
      process.stdout.write(`Sicherung zurückgespielt: ${source}\n`);
      if (!(await reportChains())) process.exitCode = 1;
    });
}
