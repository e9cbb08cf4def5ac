import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  allocationMetrics,
  firstComeFirstServed,
  formatIssues,
  solve,
  validateInstance,
} from '../../domain/allocation';
import { fail } from '../fail';

interface AllocateOptions {
  input: string;
  output?: string;
  compare?: boolean;
}

function run(options: AllocateOptions): void {
  let text: string;
  try {
    text = readFileSync(options.input === '-' ? 0 : options.input, 'utf8');
  } catch (error) {
    fail(`cannot read ${options.input}: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    fail(`$: invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const checked = validateInstance(json);
  if (!checked.ok) {
    fail(formatIssues(checked.issues));
    return;
  }
  const allocation = solve(checked.instance);
  const out = `${JSON.stringify(allocation)}\n`;
  if (options.output) writeFileSync(options.output, out);
  else process.stdout.write(out);
  if (options.compare) {
    // Side by side with today's practice, on stderr so stdout stays the contract's JSON.
    const optimal = allocationMetrics(checked.instance, allocation);
    const fcfs = allocationMetrics(checked.instance, firstComeFirstServed(checked.instance));
    const rows = Object.keys(optimal) as (keyof typeof optimal)[];
    process.stderr.write('metric\toptimal\tfirst-come-first-served\n');
    for (const key of rows) process.stderr.write(`${key}\t${optimal[key]}\t${fcfs[key]}\n`);
  }
}

export function registerAllocate(program: Command): void {
  program
    .command('allocate')
    .description('Kursplätze optimal zuteilen (CONTRACTS §3): liest eine Instanz, schreibt die Zuteilung')
    .requiredOption('--input <file>', 'instance JSON file, "-" for stdin')
    .option('--output <file>', 'write the allocation here instead of stdout')
    .option('--compare', 'also print optimal vs first-come-first-served metrics on stderr')
    .action((options: AllocateOptions) => run(options));
}
