import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { DEFAULT_THRESHOLD, findDuplicates, type PersonRecord } from '../../domain/duplicates';

/** Exit code for invalid input (CONTRACTS: exit 2 naming the JSON path). */
const EXIT_INVALID = 2;

function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const personSchema = z.object({
  id: z.string().min(1, 'id must not be empty'),
  names: z.array(z.string().trim().min(1, 'name must not be empty')).min(1, 'at least one name is required'),
  birthDate: z.string().refine(isCalendarDate, 'invalid date').nullish(),
  birthDatePrecision: z.enum(['day', 'month', 'year']).nullish(),
  nationality: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
    .nullish(),
  gender: z.enum(['m', 'f', 'x']).nullish(),
});

const inputSchema = z.array(personSchema).superRefine((people, ctx) => {
  const seen = new Set<string>();
  people.forEach((p, i) => {
    if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id "${p.id}"` });
    seen.add(p.id);
  });
});

/** "$[4].birthDate" from a zod issue path. */
function jsonPath(path: readonly PropertyKey[]): string {
  return `$${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(EXIT_INVALID);
}

function readInput(file: string): unknown {
  let text: string;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (e) {
    fail(`cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    fail(`$: invalid JSON (${(e as Error).message})`);
  }
}

export function registerDuplicates(program: Command): void {
  program
    .command('duplicates')
    .description(
      'Findet Personen, die wahrscheinlich doppelt erfasst sind (Namensvarianten, Schriften, Geburtsjahr) — reads a JSON array of person records, writes the likely duplicate pairs, best first',
    )
    .requiredOption(
      '--input <file>',
      'JSON array of {id, names[], birthDate, birthDatePrecision, nationality, gender}; "-" = stdin',
    )
    .option('--threshold <score>', `minimum score 0..1 (default ${DEFAULT_THRESHOLD})`)
    .action((opts: { input: string; threshold?: string }) => {
      let threshold = DEFAULT_THRESHOLD;
      if (opts.threshold !== undefined) {
        threshold = Number(opts.threshold);
        if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1)
          fail('--threshold: must be a number between 0 and 1');
      }
      const parsed = inputSchema.safeParse(readInput(opts.input));
      if (!parsed.success) {
        fail(parsed.error.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`).join('\n'));
      }
      const records: PersonRecord[] = parsed.data;
      const pairs = findDuplicates(records, { threshold });
      process.stdout.write(`${JSON.stringify(pairs, null, 2)}\n`);
    });
}
