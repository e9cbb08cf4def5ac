import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { DatabaseUnavailableError } from '../../db/pool';
import { sendDatabaseUnavailable } from './db-unavailable';

export interface LoadBound {
  /** API requests worked on at once; the next one is refused. */
  maxInFlight: number;
  /** Window over which the event loop counts as saturated (busy all the time). */
  windowMs: number;
}

/** Above this share of busy time the loop cannot take more work in (cf. @fastify/under-pressure). */
const SATURATED_UTILISATION = 0.97;

/**
 * Admission control: a request beyond the bound gets 503 with Retry-After at once instead of a place at
 * the end of an ever longer line. On PGlite the database runs in this process, so the line forms in the
 * event loop and the socket buffers, where no pool sees it: the probe's 200 clients waited up to 61 s.
 * Two signals: too many requests in progress, or a loop busy without pause for the whole window (then
 * whatever arrives has already waited). Health stays outside, so a load balancer still sees the instance.
 */
export function registerLoadShedding(app: FastifyInstance, bound: LoadBound): void {
  let inFlight = 0;
  let saturated = false;
  // Sampled from the moment the server listens: start-up work (migrations, a demo seed) blocks the loop
  // on purpose and says nothing about waiting requests.
  const step = Math.max(50, Math.round(bound.windowMs / 8));
  const samples: ReturnType<typeof performance.eventLoopUtilization>[] = [];
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onListen', async () => {
    timer = setInterval(() => {
      const now = performance.eventLoopUtilization();
      samples.push(now);
      const first = samples.length > 8 ? samples.shift() : undefined;
      saturated =
        first !== undefined &&
        performance.eventLoopUtilization(now, first).utilization > SATURATED_UTILISATION;
    }, step);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));

  const counted = new WeakSet<object>();
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/health')) return;
    // A busy loop alone is no reason to refuse: ten clients working without a pause keep it busy while
    // each waits a few milliseconds. Refused is what would wait behind a line: beyond the bound, or — with
    // the loop saturated — beyond a quarter of it (requests then pile up faster than they finish).
    if (inFlight >= bound.maxInFlight || (saturated && inFlight >= Math.max(8, bound.maxInFlight / 4))) {
      const why = saturated ? 'event loop saturated' : `${bound.maxInFlight} requests in progress`;
      return sendDatabaseUnavailable(new DatabaseUnavailableError('busy', why), reply);
    }
    inFlight++;
    counted.add(req);
    // Let the requests that arrived with this one reach this hook (and be counted or refused) before it
    // starts: on PGlite a request otherwise runs to its end without giving way.
    await new Promise((resolve) => setImmediate(resolve));
  });
  const done = async (req: object) => {
    if (counted.delete(req)) inFlight--;
  };
  app.addHook('onResponse', done);
  app.addHook('onRequestAbort', done);
}
