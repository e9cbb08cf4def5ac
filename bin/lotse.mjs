#!/usr/bin/env node
// Runs the compiled CLI (dist/server/lotse.mjs, made by scripts/build-server.mjs on `npm ci`, `npm run
// build` and `npm start`) when it is newer than every server source; otherwise the TypeScript sources
// through tsx, so an edited source is never shadowed by an old build. LOTSE_FROM_SOURCE=1 forces the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'dist', 'server', 'lotse.mjs');

/** Newest modification time under dir, skipping the web app (it has its own build) and tests. */
function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      if (e.name !== 'web') newest = Math.max(newest, newestSource(join(dir, e.name)));
    } else if (!e.name.includes('.test.')) newest = Math.max(newest, statSync(join(dir, e.name)).mtimeMs);
  }
  return newest;
}

function compiledIsFresh() {
  if (process.env.LOTSE_FROM_SOURCE === '1' || !existsSync(compiled)) return false;
  return statSync(compiled).mtimeMs >= newestSource(join(root, 'src'));
}

if (compiledIsFresh()) {
  await import(compiled);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
