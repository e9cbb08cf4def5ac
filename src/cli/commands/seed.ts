import type { Command } from 'commander';
import { loadConfig } from '../../config/env';
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
    .option('--force', 'auch in eine nicht leere Datenbank laden')
    .action(async (opts: { demo?: boolean; clients: string; force?: boolean }) => {
      if (!opts.demo) {
        process.stderr.write('Bitte --demo angeben (andere Datenquellen folgen mit den Import-Befehlen).\n');
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
    });
}
