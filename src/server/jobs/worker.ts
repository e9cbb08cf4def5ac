import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { claim, complete, fail, type JobRow } from './queue';

export type JobHandler = (job: JobRow) => Promise<Record<string, unknown> | undefined>;

export interface Worker {
  /** Runs every due job now (tests, the CLI); returns how many ran. */
  drain: () => Promise<number>;
  stop: () => Promise<void>;
}

/**
 * Polls the queue and runs due jobs one after the other (a county's jobs are few and short; one at a
 * time keeps PGlite's single connection free for requests). `every` runs recurring work — e.g. queueing
 * today's reminders — before each poll.
 */
export function startWorker(
  db: Kysely<DB>,
  handlers: Record<string, JobHandler>,
  opts: { pollMs?: number; every?: () => Promise<void>; onError?: (e: unknown) => void } = {},
): Worker {
  const names = Object.keys(handlers);
  let running: Promise<number> | null = null;
  let stopped = false;

  async function runDue(): Promise<number> {
    let n = 0;
    if (opts.every) await opts.every();
    for (;;) {
      if (stopped) return n;
      const job = await claim(db, names);
      if (!job) return n;
      const handler = handlers[job.name];
      try {
        const result = handler ? await handler(job) : { skipped: 'no handler' };
        await complete(db, job.id, result ?? {});
      } catch (e) {
        await fail(db, job, e);
        opts.onError?.(e);
      }
      n++;
    }
  }

  const drain = () => {
    // One pass at a time: a slow pass is not overtaken by the next tick.
    running ??= runDue().finally(() => {
      running = null;
    });
    return running;
  };

  const timer =
    opts.pollMs === undefined
      ? null
      : setInterval(() => {
          drain().catch((e) => opts.onError?.(e));
        }, opts.pollMs);
  timer?.unref();

  return {
    drain,
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
