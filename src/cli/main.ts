import { Command } from 'commander';
import { DataDirLockedError } from '../db/dir-lock';
import { registerFor } from './registry';

const program = new Command();
program
  .name('lotse')
  .description('Lotse — Software für Integration Points (Jobcenter, Agentur für Arbeit, Kreis)')
  .showHelpAfterError();

await registerFor(program, process.argv);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  // The data directory belongs to a running server: say what to do, no stack trace (exit 3).
  if (!(e instanceof DataDirLockedError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 3;
}
