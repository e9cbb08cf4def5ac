import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark, BenchTable } from './types';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];

function printTable(t: BenchTable): void {
  const cols = [...new Set(t.rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) =>
    typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : String(v ?? '');
  const widths = cols.map((c) => Math.max(c.length, ...t.rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => `| ${vals.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n## ${t.title}\n`);
  console.log(line(cols));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of t.rows) console.log(line(cols.map((c) => cell(r[c]))));
  for (const n of t.notes ?? []) console.log(`  ${n}`);
}

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
let ran = 0;
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { default: Benchmark };
  const b = mod.default;
  if (filter && !b.name.startsWith(filter)) continue;
  console.log(`\n# ${b.name}: ${b.description}`);
  const started = performance.now();
  printTable(await b.run());
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  ran++;
}
if (ran === 0) {
  console.error(`no benchmark matches "${filter}"; available: ${files.join(', ')}`);
  process.exitCode = 2;
}
