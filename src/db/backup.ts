import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { type Database, PGLITE_EXTENSIONS } from './connect';
import { lockDataDir } from './dir-lock';

export type BackupFormat = 'pglite' | 'pg_dump';

/**
 * Backups of both databases. PGlite: the data directory as a gzip tarball (PGlite's dumpDataDir), taken
 * with the database open in this process — the directory lock guarantees no server writes meanwhile.
 * PostgreSQL server: pg_dump's custom format, restored with pg_restore; both tools come with the server's
 * client package. The formats are recognised by their first bytes on restore.
 */
export async function backupPglite(database: Database, file: string): Promise<number> {
  if (!database.pglite) throw new Error('not a PGlite database');
  const blob = await database.pglite.dumpDataDir('gzip');
  const bytes = Buffer.from(await blob.arrayBuffer());
  writeFileSync(file, bytes);
  return bytes.length;
}

export function formatOf(file: string): BackupFormat | null {
  const head = readFileSync(file).subarray(0, 5);
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  if (head.toString('latin1') === 'PGDMP') return 'pg_dump';
  return null;
}

/**
 * Restores a PGlite backup into `dataDir`. A directory with data is moved aside first (never deleted):
 * `<dir>.vor-wiederherstellung-<time>`. Returns where the old data went, if anywhere.
 */
export async function restorePglite(file: string, dataDir: string): Promise<string | null> {
  let movedTo: string | null = null;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    // Refuses while a server uses the directory; released at once, the directory is moved away anyway.
    lockDataDir(dataDir).release();
    movedTo = `${dataDir}.vor-wiederherstellung-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dataDir, movedTo);
  }
  mkdirSync(dataDir, { recursive: true });
  const lock = lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create(dataDir, {
      loadDataDir: new Blob([readFileSync(file)]),
      extensions: PGLITE_EXTENSIONS,
    });
    await pglite.close();
  } finally {
    lock.release();
  }
  return movedTo;
}

function pgTool(tool: 'pg_dump' | 'pg_restore'): string {
  for (const dir of [
    ...(process.env.PATH ?? '').split(':'),
    ...(existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
  ]) {
    if (dir && existsSync(`${dir}/${tool}`)) return `${dir}/${tool}`;
  }
  throw new Error(
    `${tool} nicht gefunden: bitte das Client-Paket von PostgreSQL installieren (Debian: postgresql-client)`,
  );
}

function runTool(tool: 'pg_dump' | 'pg_restore', args: string[]): void {
  const r = spawnSync(pgTool(tool), args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${tool}: ${(r.stderr || r.stdout).trim()}`);
}

/** pg_dump -Fc of the whole database (schema, data, migration bookkeeping, the audit chain). */
export function backupServer(url: string, file: string): void {
  runTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', file, '--dbname', url]);
}

/**
 * pg_restore into an empty database (run as the owner role; grant the application role afterwards with
 * `lotse migrate --app-role`). Into a database that already has tables it refuses: no silent mixing.
 */
export function restoreServer(url: string, file: string): void {
  runTool('pg_restore', [
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    '--single-transaction',
    '--dbname',
    url,
    file,
  ]);
}
