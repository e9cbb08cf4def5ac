import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  dayBefore,
  evaluateJson,
  formatIssues,
  impact,
  type LawData,
  listRules,
  parseLawData,
  validateSituations,
} from '../../domain/rules';
import { isIsoDate } from '../../domain/rules/dates';

/**
 * `lotse rules …` (CONTRACTS.md §2): evaluate situations, show the impact of a change of law,
 * list the rules. Exit 2 with "JSONPath: message" lines on stderr for invalid input.
 */

class InputError extends Error {}

function readInput(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`$: invalid JSON: ${(e as Error).message}`);
  }
}

function readLaw(file: string | undefined): LawData | undefined {
  if (file === undefined) return undefined;
  const parsed = parseLawData(readInput(file));
  if (!parsed.ok) throw new InputError(parsed.errors.map((e) => `law ${e.path}: ${e.message}`).join('\n'));
  return parsed.law;
}

/** Runs a command body; input problems end with exit code 2, as the contract demands. */
function run(body: () => void): void {
  try {
    body();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 2;
  }
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function registerRules(program: Command): void {
  const rules = program
    .command('rules')
    .description('Rechtsregeln: Arbeitsmarktzugang, Rechtskreis, Kurse, Fristen (legal rules engine)');

  rules
    .command('evaluate')
    .description('JSON array of situations → JSON array of decisions (CONTRACTS §2)')
    .requiredOption('--input <file>', 'situations as a JSON array, "-" for stdin')
    .option('--extended', 'add course entitlement, deadlines and details')
    .option('--law <file>', 'law data (JSON) instead of the built-in dataset')
    .action((opts: { input: string; extended?: boolean; law?: string }) =>
      run(() => {
        const law = readLaw(opts.law);
        const input = readInput(opts.input);
        const result = opts.extended ? evaluateJson(input, law, true) : evaluateJson(input, law);
        if (!result.ok) throw new InputError(formatIssues(result.issues));
        print(result.decisions);
      }),
    );

  rules
    .command('impact')
    .description('situations whose decision differs between the day before DATE and DATE')
    .option(
      '--input <file>',
      'situations as a JSON array, "-" for stdin; without it: the open cases in the database',
    )
    .requiredOption('--on <date>', 'day the change takes effect (YYYY-MM-DD)')
    .option('--tenant <slug>', 'region in the database (default: the only one)')
    .option('--law <file>', 'law data (JSON) instead of the built-in dataset')
    .option(
      '--include-rule-changes',
      'also list cases whose outcome is equal but whose deciding rules changed',
    )
    .action(
      async (opts: {
        input?: string;
        on: string;
        tenant?: string;
        law?: string;
        includeRuleChanges?: boolean;
      }) => {
        if (!opts.input) {
          if (!isIsoDate(opts.on)) {
            process.stderr.write(`--on: invalid date (expected YYYY-MM-DD): ${opts.on}\n`);
            process.exitCode = 2;
            return;
          }
          await impactOverDatabase({ ...opts, law: readLawOrExit(opts.law) });
          return;
        }
        const input = opts.input;
        run(() => {
          if (!isIsoDate(opts.on))
            throw new InputError(`--on: invalid date (expected YYYY-MM-DD): ${opts.on}`);
          const law = readLaw(opts.law);
          const v = validateSituations(readInput(input));
          if (!v.ok) throw new InputError(formatIssues(v.issues));
          const rows = impact(v.value, opts.on, law, {
            includeRuleChanges: opts.includeRuleChanges === true,
          });
          process.stderr.write(
            `${rows.length} of ${v.value.length} situations differ between ${dayBefore(opts.on)} and ${opts.on}\n`,
          );
          print(rows);
        });
      },
    );

  rules
    .command('list')
    .description('every rule with its legal basis and validity')
    .option('--json', 'print JSON instead of a table')
    .option('--law <file>', 'law data (JSON) instead of the built-in dataset')
    .action((opts: { json?: boolean; law?: string }) =>
      run(() => {
        const list = listRules(readLaw(opts.law));
        if (opts.json) {
          print(list);
          return;
        }
        const idWidth = Math.max(...list.map((r) => r.id.length));
        for (const r of list) {
          const validity = `${r.validFrom} – ${r.validTo ?? 'offen'}`.padEnd(25);
          process.stdout.write(`${r.id.padEnd(idWidth)}  ${validity}  ${r.basis}${r.note ? '  ⚠' : ''}\n`);
        }
      }),
    );
}

function readLawOrExit(file: string | undefined): LawData | undefined {
  try {
    return readLaw(file);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(2);
  }
}

/** `lotse rules impact --on DATE` without --input: the open cases of a region in the database. */
async function impactOverDatabase(opts: {
  on: string;
  tenant?: string;
  law?: LawData;
  includeRuleChanges?: boolean;
}): Promise<void> {
  const { withDatabase } = await import('../db');
  const { resolveTenant } = await import('../tenant');
  const { fail } = await import('../fail');
  const { regionSituations } = await import('../../server/modules/rules/region');
  const { lawFor } = await import('../../server/modules/rules/law-store');
  await withDatabase(async ({ db }) => {
    const tenant = await resolveTenant(db, opts.tenant);
    if ('error' in tenant) return fail(tenant.error);
    const started = performance.now();
    const { situations, names } = await regionSituations(db, tenant.id, opts.on);
    const law = opts.law ?? (await lawFor(db, tenant.id, opts.on)).law;
    const rows = impact(situations, opts.on, law, { includeRuleChanges: opts.includeRuleChanges === true });
    process.stderr.write(
      `${rows.length} of ${situations.length} open cases of ${tenant.slug} differ between ${dayBefore(opts.on)} and ${opts.on} (${((performance.now() - started) / 1000).toFixed(2)} s)\n`,
    );
    print(rows.map((r) => ({ ...r, name: names.get(r.id) ?? '' })));
  });
}
