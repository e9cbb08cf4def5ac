import { appendFileSync, mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, type LogConfig, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './dir-lock';
import { createPool, DEFAULT_QUEUE_BOUND, type QueueBound } from './pool';
import { StatementNames } from './prepared';
import type { DB } from './schema';
import { copyTemplateInto, templateTar } from './template';

/** The extensions the migrations create; every PGlite that opens a Lotse data directory loads them. */
export const PGLITE_EXTENSIONS = { pg_trgm, unaccent, btree_gist };

export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DbKind;
  /** The embedded database itself (for a backup of its data directory); absent on a server. */
  pglite?: PGlite;
  /** A fresh PGlite directory started as a copy of the build's empty database (template.ts), not by initdb. */
  fromTemplate?: boolean;
  close(): Promise<void>;
}

// DATE columns stay ISO strings ('YYYY-MM-DD'): they are calendar days in law, not instants.
pg.types.setTypeParser(1082, (v: string) => v);
// BIGINT counts (audit ids, count(*)) fit in a JS number at our sizes.
pg.types.setTypeParser(20, (v: string) => Number(v));

export interface OpenOptions {
  /** postgres://… for a PostgreSQL server; otherwise PGlite. */
  url?: string;
  /** PGlite data directory; 'memory://' for a throw-away database. */
  dataDir?: string;
  /** How many requests may wait for a connection, and how long (503 beyond; see pool.ts). */
  queue?: QueueBound;
  /** A lost or broken connection (logged by the server; the pool reconnects on the next request). */
  onConnectionError?: (err: Error) => void;
  /** Appends every statement with its parameters to this file, one JSON line each (diagnostics, benchmark). */
  traceFile?: string;
  /**
   * A fresh PGlite directory starts as a copy of the build's empty, migrated database (template.ts) instead
   * of initdb — the server's start does this; an in-memory database loads the template's tar (the test
   * suites). `lotse migrate` and the migration tests build their databases from initdb.
   */
  fromTemplate?: boolean;
  /** Repeated statements run prepared (prepared.ts); default on, LOTSE_DB_PREPARE=0 turns it off. */
  prepare?: boolean;
}

function tracer(file: string | undefined): LogConfig | undefined {
  if (!file) return undefined;
  return (event) => {
    if (event.level !== 'query') return;
    const { sql, parameters } = event.query;
    appendFileSync(file, `${JSON.stringify({ sql, parameters })}\n`);
  };
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const queue = opts.queue ?? DEFAULT_QUEUE_BOUND;
  const onError = opts.onConnectionError ?? (() => {});
  const statementNames =
    (opts.prepare ?? process.env.LOTSE_DB_PREPARE !== '0') ? new StatementNames() : undefined;
  if (opts.url) {
    const pool = createPool({ connectionString: opts.url, max: 10 }, queue, onError, { statementNames });
    const db = new Kysely<DB>({
      dialect: new PostgresDialect({ pool: pool.kysely }),
      log: tracer(opts.traceFile),
    });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const dataDir = opts.dataDir ?? 'memory://';
  const onDisk = !dataDir.startsWith('memory://');
  if (onDisk) mkdirSync(dataDir, { recursive: true });
  // One process per directory: a second writer (a CLI beside the server) corrupts it.
  const lock = onDisk ? lockDataDir(dataDir) : null;
  let pglite: PGlite;
  let fromTemplate = false;
  try {
    const names = Object.keys(PGLITE_EXTENSIONS);
    const tar = !onDisk && opts.fromTemplate === true ? templateTar(names) : undefined;
    fromTemplate =
      tar !== undefined || (onDisk && opts.fromTemplate === true && copyTemplateInto(dataDir, names));
    pglite = await PGlite.create({ dataDir, extensions: PGLITE_EXTENSIONS, loadDataDir: tar });
  } catch (e) {
    lock?.release();
    throw e;
  }
  // PGlite is one connection: a pool of exactly one client serialises transactions, and the client
  // must never be dropped for idleness because the connection object cannot be re-opened.
  const pool = createPool(
    { ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0 } as pg.PoolConfig,
    queue,
    onError,
    { inProcess: true, statementNames },
  );
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: pool.kysely }),
    log: tracer(opts.traceFile),
  });
  return {
    db,
    kind: 'pglite',
    pglite,
    fromTemplate,
    close: async () => {
      try {
        await db.destroy();
        await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}
