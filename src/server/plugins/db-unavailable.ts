import type { FastifyReply } from 'fastify';
import { DatabaseUnavailableError } from '../../db/pool';

// SQLSTATE class 08 (connection exception) and the shutdown codes: 57P01 admin shutdown (a restart),
// 57P02 crash shutdown, 57P03 cannot connect now (starting up or shutting down), 53300 too many clients.
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
// Socket errors of the driver while the server is away.
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);
// The driver's own words for a connection that died under a query or never came up.
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable)/;

/** Seconds the client should wait before it tries again (a restart takes a few seconds). */
export const RETRY_AFTER_SECONDS = 5;

/** True when the error means "the database is busy or away right now", not "this request is wrong". */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code)))
    return true;
  if (UNAVAILABLE_MESSAGE.test(err.message)) return true;
  // pg wraps a failed connect in AggregateError (IPv4 and IPv6 refused) or sets a cause.
  if (err instanceof AggregateError) return err.errors.some(isDatabaseUnavailable);
  return err.cause !== undefined && isDatabaseUnavailable(err.cause);
}

/** 503 with Retry-After and a German message the web shows as it is. */
export function sendDatabaseUnavailable(err: unknown, reply: FastifyReply): FastifyReply {
  const busy = err instanceof DatabaseUnavailableError && err.reason === 'busy';
  return reply
    .code(503)
    .header('retry-after', String(RETRY_AFTER_SECONDS))
    .send({
      error: busy
        ? 'Lotse ist gerade stark ausgelastet. Bitte in einigen Sekunden erneut versuchen.'
        : 'Die Datenbank ist vorübergehend nicht erreichbar. Bitte in einigen Sekunden erneut versuchen.',
      code: busy ? 'db_busy' : 'db_unavailable',
    });
}
