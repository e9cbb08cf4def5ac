import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The lock file inside a PGlite data directory (PostgreSQL itself ignores unknown files there). */
export const LOCK_FILE = 'lotse.lock';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
  command: string;
}

/**
 * A second process on the same PGlite directory: PGlite has no shared memory between processes, so two
 * writers overwrite each other's pages (the probe lost a directory this way with `lotse user create`
 * beside a running server). The message tells the operator what to do instead.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `Das Datenverzeichnis ${dataDir} wird bereits von einem anderen Lotse-Prozess benutzt ` +
        `(PID ${owner.pid} auf ${owner.host}, seit ${owner.since}: ${owner.command}). ` +
        'Beenden Sie zuerst den Server (Strg-C oder SIGTERM) oder erledigen Sie die Aufgabe in der ' +
        'Verwaltung der laufenden Web-Oberfläche.\n' +
        `The data directory ${dataDir} is in use by another Lotse process (PID ${owner.pid} on ${owner.host}). ` +
        'Stop the server first, or use the admin pages of the running server.',
    );
    this.name = 'DataDirLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to another user — still a live owner.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | null {
  try {
    const o = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof o.pid !== 'number' || typeof o.host !== 'string') return null;
    return { pid: o.pid, host: o.host, since: String(o.since ?? '?'), command: String(o.command ?? '?') };
  } catch {
    return null;
  }
}

export interface DirLock {
  release(): void;
}

/**
 * Takes the directory for this process, or throws DataDirLockedError. A lock left by a process that is
 * gone (kill -9, power loss) on this host is taken over; a lock of another host is never guessed stale.
 */
export function lockDataDir(dataDir: string): DirLock {
  const path = join(dataDir, LOCK_FILE);
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    command: process.argv.slice(2).join(' ') || 'lotse',
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return {
        release: () => {
          if (readOwner(path)?.pid === me.pid) unlinkSync(path);
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = readOwner(path);
    // Unreadable (a writer between create and write) counts as held, unless it stays so.
    if (owner === null && attempt < 2) continue;
    const stale = owner === null || (owner.host === me.host && owner.pid !== me.pid && !alive(owner.pid));
    if (!stale) throw new DataDirLockedError(dataDir, owner);
    unlinkSync(path);
  }
  throw new DataDirLockedError(dataDir, readOwner(path) ?? { ...me, pid: -1 });
}
