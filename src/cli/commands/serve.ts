import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config/env';
import { isDatabaseEmpty, seedDemo } from '../../server/demo/seed';
import { startServer } from '../../server/run';
import { printDemoLogins } from '../demo-logins';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web app when its sources are newer than the last build (or there is none). */
function buildWebIfNeeded(root: string): void {
  const index = join(root, 'dist', 'web', 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(join(root, 'src', 'web'))) return;
  process.stdout.write('Baue die Web-Oberfläche (vite build) …\n');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('API und Web-Oberfläche starten (Port 3000, PGlite in ./data oder DATABASE_URL)')
    .option('--build-web', 'Web-Oberfläche vorher bauen, falls nötig')
    .option('--no-demo', 'keine Demodaten laden, auch nicht bei leerer Datenbank')
    .action(async (opts: { buildWeb?: boolean; demo: boolean }) => {
      const started = performance.now();
      const config = loadConfig();
      if (opts.buildWeb) buildWebIfNeeded(process.cwd());
      // Demo data: always on an empty embedded database; on a server only when LOTSE_DEMO=1.
      const wantDemo = opts.demo && (config.demo ?? !config.databaseUrl);
      let seeded = false;
      const server = await startServer(config, {
        onMigrated: async (database) => {
          if (wantDemo && (await isDatabaseEmpty(database.db))) {
            process.stdout.write('Leere Datenbank: lade den Demo-Kreis …\n');
            await seedDemo(database.db, {
              password: config.demoPassword,
              log: (m) => process.stdout.write(`  ${m}\n`),
              // PGlite: the server analyses the changed tables itself, just after it listens (run.ts).
              analyze: database.kind !== 'pglite',
            });
            seeded = true;
          }
        },
      });
      process.stdout.write(
        `Lotse läuft auf ${server.url.replace(/:\/\/[^:]+:/, '://localhost:')} (Datenbank: ${server.database.kind}, Start in ${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
      );
      if (seeded || config.demo) printDemoLogins(config.demoPassword);
      const shutdown = async (signal: string) => {
        process.stdout.write(`${signal}: fahre herunter …\n`);
        await server.stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
    });
}
