import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');
const distIndex = join(root, 'dist', 'web', 'index.html');

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** The sources the web build depends on: the app, the pure domain code it imports, the build config. */
function sourcesMtime(): number {
  return Math.max(
    newestMtime(join(root, 'src', 'web')),
    newestMtime(join(root, 'src', 'domain')),
    newestMtime(join(root, 'vite.config.ts')),
    newestMtime(join(root, 'package-lock.json')),
  );
}

/** Builds dist/web with Vite when it is missing or older than its sources; a no-op otherwise. */
export function ensureWebBuilt(): void {
  if (existsSync(distIndex) && statSync(distIndex).mtimeMs >= sourcesMtime()) return;
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    // Vitest sets NODE_ENV=test, which would make Vite produce a development bundle (jsxDEV, dev-only
    // routes such as /diagnose/fehler). The e2e suite tests what ships: the production build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
}
