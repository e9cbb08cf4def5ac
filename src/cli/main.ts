import { Command } from 'commander';
import { DataDirLockedError } from '../db/dir-lock';
import { registerAllocate } from './commands/allocate';
import { registerAudit } from './commands/audit';
import { registerBackup } from './commands/backup';
import { registerDuplicates } from './commands/duplicates';
import { registerMigrate } from './commands/migrate';
import { registerRules } from './commands/rules';
import { registerSeed } from './commands/seed';
import { registerServe } from './commands/serve';
import { registerSettings } from './commands/settings';
import { registerUser } from './commands/user';

const program = new Command();
program
  .name('lotse')
  .description('Lotse — Software für Integration Points (Jobcenter, Agentur für Arbeit, Kreis)')
  .showHelpAfterError();

registerServe(program);
registerMigrate(program);
registerSeed(program);
registerUser(program);
registerSettings(program);
registerRules(program);
registerAllocate(program);
registerDuplicates(program);
registerAudit(program);
registerBackup(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  // The data directory belongs to a running server: say what to do, no stack trace (exit 3).
  if (!(e instanceof DataDirLockedError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 3;
}
