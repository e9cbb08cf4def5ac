import type { Command } from 'commander';
import { loadConfig } from '../../config/env';
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
        const clients = Number(opts.clients);
        if (!Number.isInteger(clients) || clients < 0 || clients > 1_000_000) {
          process.stderr.write('--clients: eine ganze Zahl von 0 bis 1.000.000\n');
          process.exitCode = 2;
          return;
        }
        const config = loadConfig();
        await withDatabase(async ({ db }) => {
          if (!opts.force && !(await isDatabaseEmpty(db))) {
            process.stderr.write('Die Datenbank enthält schon Daten; mit --force trotzdem laden.\n');
            process.exitCode = 2;
            return;
          }
          await seedDemo(db, {
            password: config.demoPassword,
            clients,
            log: (m) => process.stdout.write(`${m}\n`),
          });
          printDemoLogins(config.demoPassword);
        });
      },
    );
}

async function seedLandCommand(opts: { persons: string; counties: string; force?: boolean }): Promise<void> {
  const persons = Number(opts.persons);
  const counties = Number(opts.counties);
  if (!Number.isInteger(persons) || persons < 1000 || persons > 5_000_000) {
    process.stderr.write('--persons: eine ganze Zahl von 1.000 bis 5.000.000\n');
    process.exitCode = 2;
    return;
  }
  if (!Number.isInteger(counties) || counties < 1 || counties > 500 || persons / counties < 100) {
    process.stderr.write('--counties: eine ganze Zahl von 1 bis 500, mit mindestens 100 Personen je Kreis\n');
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  await withDatabase(async ({ db }) => {
    if (!opts.force && !(await isDatabaseEmpty(db))) {
      process.stderr.write('Die Datenbank enthält schon Daten; mit --force trotzdem laden.\n');
      process.exitCode = 2;
      return;
    }
    const out = await seedLand(db, {
      password: config.demoPassword,
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
