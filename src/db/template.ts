import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * An empty Lotse database for PGlite, made once by the build: initdb, the extensions and every migration,
 * as a data directory under dist/. A fresh data directory starts as a copy of it — like PostgreSQL's own
 * template1 — instead of running initdb in wasm (2–5 s) and 22 migrations (~1 s) on every first start.
 * It holds the schema only, nothing dated: the demo is still seeded at start-up, dated relative to today.
 *
 * The template is used only when its fingerprint (PGlite version, extensions, the text of every migration)
 * is the one of this code; otherwise openDatabase falls back to initdb and the migrations run as always.
 * LOTSE_PGLITE_TEMPLATE=0 turns it off (diagnostics, benchmark).
 */
const here = dirname(fileURLToPath(import.meta.url));
export const TEMPLATE_DIR = join(here, '..', '..', 'dist', 'pglite-template');
const FINGERPRINT_FILE = 'lotse-template.txt';
/** The same database as one tar file, for in-memory databases (tests, `memory://`): PGlite loads it whole. */
export const TEMPLATE_TAR = 'lotse-template.tar';
const migrationsDir = join(here, 'migrations');

function pgliteVersion(): string {
  try {
    // The package exports no package.json: find it beside the resolved entry (…/pglite/dist/index.cjs).
    const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    const pkg = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    return pkg.version;
  } catch {
    return 'unknown';
  }
}

/** What the template was made from; a template with another fingerprint is never used. */
export function templateFingerprint(extensions: string[]): string {
  const h = createHash('sha256');
  h.update(`pglite ${pgliteVersion()}\nextensions ${[...extensions].sort().join(',')}\n`);
  for (const f of readdirSync(migrationsDir)
    .filter((x) => x.endsWith('.sql'))
    .sort()) {
    h.update(`${f}\n`);
    h.update(readFileSync(join(migrationsDir, f)));
  }
  return h.digest('hex');
}

function templateEnabled(): boolean {
  return process.env.LOTSE_PGLITE_TEMPLATE !== '0';
}

/** True if dataDir holds no database yet (missing, empty, or only our lock file). */
export function isFreshDataDir(dataDir: string): boolean {
  if (!existsSync(dataDir)) return true;
  return readdirSync(dataDir).every((f) => f === 'lotse.lock');
}

/** Whether the built template is this code's (its fingerprint matches) and holds the files named. */
function templateMatches(extensions: string[], ...files: string[]): boolean {
  const stamp = join(TEMPLATE_DIR, FINGERPRINT_FILE);
  return (
    existsSync(stamp) &&
    files.every((f) => existsSync(join(TEMPLATE_DIR, f))) &&
    readFileSync(stamp, 'utf8').trim() === templateFingerprint(extensions)
  );
}

/**
 * Copies the template into a fresh data directory if a matching one exists; returns whether it did.
 * The caller holds the directory's lock (the lock file is left in place).
 */
export function copyTemplateInto(dataDir: string, extensions: string[]): boolean {
  if (!templateEnabled() || !isFreshDataDir(dataDir) || !templateMatches(extensions)) return false;
  cpSync(TEMPLATE_DIR, dataDir, {
    recursive: true,
    filter: (src) =>
      !src.endsWith(FINGERPRINT_FILE) && !src.endsWith('lotse.lock') && !src.endsWith(TEMPLATE_TAR),
  });
  return true;
}

/**
 * The template as a tar for a fresh in-memory database, if a matching one exists: loading it takes
 * 0.4–0.6 s where initdb and the migrations take 2 s — every integration suite and e2e server starts so.
 */
export function templateTar(extensions: string[]): Blob | undefined {
  if (!templateEnabled() || !templateMatches(extensions, TEMPLATE_TAR)) return undefined;
  return new Blob([readFileSync(join(TEMPLATE_DIR, TEMPLATE_TAR))]);
}

/**
 * Makes the template (scripts/build-server.mjs after compiling): a no-op when a matching one with its tar
 * exists. `migrate` opens, migrates and closes a database in the given directory and writes the tar into it.
 */
export async function ensureTemplate(
  extensions: string[],
  migrate: (dataDir: string) => Promise<void>,
): Promise<'current' | 'made'> {
  if (templateMatches(extensions, TEMPLATE_TAR)) return 'current';
  const fingerprint = templateFingerprint(extensions);
  const tmp = `${TEMPLATE_DIR}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    await migrate(tmp);
    writeFileSync(join(tmp, FINGERPRINT_FILE), `${fingerprint}\n`);
    rmSync(TEMPLATE_DIR, { recursive: true, force: true });
    renameSync(tmp, TEMPLATE_DIR);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return 'made';
}
