import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { loadConfig } from '../../config/env';
import type { DB } from '../../db/schema';
import { seedLand } from '../../server/demo/land';
import { isDatabaseEmpty, seedDemo } from '../../server/demo/seed';
import { withDatabase } from '../db';
import { printDemoLogins } from '../demo-logins';

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('Daten laden')
    .option(
      '--demo',
      'den Demo-Kreis laden (9 Kommunen, Personal für jede Rolle, ~3.500 Klientinnen und Klienten)',
    )
    .option('--clients <n>', 'Anzahl der Demo-Klienten', '3500')
    .option(
      '--land',
      'ein Land laden: viele Kreise, je ein Integration Point mit drei Jahren Verlauf (für den PostgreSQL-Server)',
    )
    .option('--persons <n>', 'mit --land: Personen im ganzen Land', '500000')
    .option('--counties <n>', 'mit --land: Anzahl der Kreise', '40')
    .option('--force', 'auch in eine nicht leere Datenbank laden')
    .action(
      async (opts: {
        demo?: boolean;
        land?: boolean;
        clients: string;
        persons: string;
        counties: string;
        force?: boolean;
      }) => {
        if (opts.land) return seedLandCommand(opts);
        if (!opts.demo) {
          process.stderr.write(
            'Bitte --demo oder --land angeben (andere Datenquellen folgen mit den Import-Befehlen).\n',
          );
          process.exitCode = 2;
          return;
        }
        const clients = wholeNumber(
          opts.clients,
          (n) => n >= 0 && n <= 1_000_000,
          '--clients: eine ganze Zahl von 0 bis 1.000.000',
        );
        if (clients === null) return;
        await intoEmptyDatabase(opts.force, async (db, password) => {
          await seedDemo(db, { password, clients, log: (m) => process.stdout.write(`${m}\n`) });
          printDemoLogins(password);
        });
      },
    );
}

/** A whole-number option within bounds, or null after telling the user why (exit code 2). */
function wholeNumber(raw: string, ok: (n: number) => boolean, message: string): number | null {
  const n = Number(raw);
  if (Number.isInteger(n) && ok(n)) return n;
  process.stderr.write(`${message}\n`);
  process.exitCode = 2;
  return null;
}

/** Loads into the database only if it is empty (or with --force): a seed must not mix into real data. */
async function intoEmptyDatabase(
  force: boolean | undefined,
  load: (db: Kysely<DB>, password: string) => Promise<void>,
): Promise<void> {
  const config = loadConfig();
  await withDatabase(async ({ db }) => {
    if (!force && !(await isDatabaseEmpty(db))) {
      process.stderr.write('Die Datenbank enthält schon Daten; mit --force trotzdem laden.\n');
      process.exitCode = 2;
      return;
    }
    await load(db, config.demoPassword);
  });
}

async function seedLandCommand(opts: { persons: string; counties: string; force?: boolean }): Promise<void> {
  const persons = wholeNumber(
    opts.persons,
    (n) => n >= 1000 && n <= 5_000_000,
    '--persons: eine ganze Zahl von 1.000 bis 5.000.000',
  );
  if (persons === null) return;
  const counties = wholeNumber(
    opts.counties,
    (n) => n >= 1 && n <= 500 && persons / n >= 100,
    '--counties: eine ganze Zahl von 1 bis 500, mit mindestens 100 Personen je Kreis',
  );
  if (counties === null) return;
  await intoEmptyDatabase(opts.force, async (db, password) => {
    const out = await seedLand(db, {
      password,
      persons,
      counties,
      log: (m) => process.stdout.write(`${m}\n`),
    });
    process.stdout.write(
      `${out.counties} Kreise, ${out.persons.toLocaleString('de-DE')} Personen, ${out.facts.toLocaleString('de-DE')} Fakten geladen.\n` +
        `Anmeldung je Kreis n mit dem Demo-Passwort, z. B. k1.koordination@demo.lotse (Koordination des größten Kreises).\n`,
    );
  });
}
