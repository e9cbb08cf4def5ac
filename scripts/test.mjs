// `npm test`: every suite this machine can run. Suites that need something absent say
// "skipped: <reason>" in one line. Ends with one plain "N passed, N failed, N skipped" line for CI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const projects = ['unit', 'integration'];
if (existsSync(chromium)) projects.push('e2e');
else console.log(`skipped: e2e suite — Chromium not found at ${chromium} (apt-get install -y chromium)`);
if (!process.env.DATABASE_URL) {
  console.log('skipped: PostgreSQL-server integration runs — DATABASE_URL is not set (PGlite runs only)');
}

// Static checks first: the type check (tsc) and Biome (lint + format). Each counts as one check.
const staticChecks = [
  ['typecheck', ['tsc', '--noEmit', '-p', '.']],
  ['biome', ['biome', 'check', 'src', 'test', 'bench', 'scripts', 'vite.config.ts', 'vitest.config.ts']],
];
let staticPassed = 0;
let staticFailed = 0;
for (const [name, args] of staticChecks) {
  const r = spawnSync('npx', args, { stdio: 'inherit', env: process.env });
  if (r.status === 0) {
    staticPassed++;
    console.log(`✓ ${name}`);
  } else {
    staticFailed++;
    console.log(`✗ ${name} failed`);
  }
}

const out = join(mkdtempSync(join(tmpdir(), 'lotse-test-')), 'results.json');
const args = [
  'vitest',
  'run',
  ...projects.flatMap((p) => ['--project', p]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${out}`,
  ...process.argv.slice(2),
];
const res = spawnSync('npx', args, { stdio: 'inherit', env: process.env });

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(out)) {
  const r = JSON.parse(readFileSync(out, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.numFailedTestSuites ?? 0);
  skipped = r.numPendingTests + (r.numTodoTests ?? 0);
} else failed = 1;
// A run that broke before or around the tests (config error, crash) is a failure even with no failed test.
if (res.status !== 0 && failed === 0) failed = 1;
passed += staticPassed;
failed += staticFailed;
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(res.status === 0 && failed === 0 ? 0 : 1);
