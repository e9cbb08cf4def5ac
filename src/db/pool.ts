import type { PostgresPool } from 'kysely';
import pg from 'pg';
import { prepareRepeatedStatements, type StatementNames } from './prepared';

/**
 * The database is busy or away: the request may be repeated in a few seconds. The error handler answers
 * 503 with Retry-After for this and for every lost-connection error of the driver (db-unavailable.ts).
 */
export class DatabaseUnavailableError extends Error {
  constructor(
    readonly reason: 'busy' | 'unavailable',
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

export interface QueueBound {
  /** Requests that may wait for a connection at once; the next one is refused at once. */
  maxWaiting: number;
  /** How long one request waits for a connection before it is refused. */
  maxWaitMs: number;
}

export const DEFAULT_QUEUE_BOUND: QueueBound = { maxWaiting: 200, maxWaitMs: 4000 };

// pg-pool's own text when connectionTimeoutMillis passes while a request waits for a pooled client.
const QUEUE_TIMEOUT = 'timeout exceeded when trying to connect';

export interface Pool {
  /** What Kysely uses: connect() with the bound applied, end(). */
  kysely: PostgresPool;
  raw: pg.Pool;
}

/**
 * A pg.Pool with a bounded queue and handled connection errors.
 *
 * - Without an 'error' listener a lost connection (57P01 when the server restarts, a dropped socket) is
 *   an unhandled 'error' event and Node ends the process. The broken client is no longer queryable, the
 *   pool drops it and the next request connects anew: that is the whole reconnect.
 * - Without a bound, 200 clients on PGlite's single connection queued without end (one waited 61 s). A full
 *   queue or a passed deadline becomes DatabaseUnavailableError('busy') and so a 503 with Retry-After.
 */
export function createPool(
  config: pg.PoolConfig,
  bound: QueueBound,
  onConnectionError: (err: Error) => void,
  opts: { inProcess?: boolean; statementNames?: StatementNames } = {},
): Pool {
  const raw = new pg.Pool({ ...config, connectionTimeoutMillis: bound.maxWaitMs });
  raw.on('error', onConnectionError);
  // A client checked out by a request has no pool listener: its own one keeps the error from crashing.
  raw.on('connect', (client) => {
    client.on('error', onConnectionError);
    if (opts.statementNames) prepareRepeatedStatements(client, opts.statementNames);
  });
  const kysely: PostgresPool = {
    connect: async () => {
      // PGlite answers inside this process without real I/O: a request would run from start to end in
      // one go, and the next requests would wait unseen in the socket buffers, outside every bound. One
      // turn of the event loop per statement lets the others arrive, be counted and be refused if too many.
      if (opts.inProcess) await new Promise((resolve) => setImmediate(resolve));
      if (raw.waitingCount >= bound.maxWaiting)
        throw new DatabaseUnavailableError(
          'busy',
          `${bound.maxWaiting} requests already wait for the database`,
        );
      try {
        return await raw.connect();
      } catch (err) {
        if (err instanceof Error && err.message === QUEUE_TIMEOUT)
          throw new DatabaseUnavailableError('busy', `no database connection within ${bound.maxWaitMs} ms`);
        throw err;
      }
    },
    end: () => raw.end(),
  };
  return { kysely, raw };
}
