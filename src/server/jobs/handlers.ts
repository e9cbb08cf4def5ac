import type { Kysely } from 'kysely';
import { createTransport } from 'nodemailer';
import type { Config } from '../../config/env';
import type { DB } from '../../db/schema';
import { todayInGermany } from '../../domain/reference/dates';
import { syncDeadlines } from '../modules/tasks/deadlines';
import { sendDueReminders } from '../modules/tasks/reminders';
import { DEADLINE_SYNC_JOB } from '../modules/tasks/triggers';
import { enqueue } from './queue';
import { type JobHandler, startWorker, type Worker } from './worker';

export const REMINDER_JOB = 'tasks.reminders';

const berlinHour = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  hour: 'numeric',
  hour12: false,
});

/** The jobs the server runs, by name. */
export function jobHandlers(db: Kysely<DB>, config: Config, appUrl: string): Record<string, JobHandler> {
  const mailer = config.mail.smtpUrl ? createTransport(config.mail.smtpUrl) : null;
  return {
    [DEADLINE_SYNC_JOB]: async (job) => {
      const p = job.payload as { tenantId: string; personIds?: string[] };
      return { ...(await syncDeadlines(db, p.tenantId, { personIds: p.personIds })) };
    },
    [REMINDER_JOB]: async () => {
      if (!mailer) return { skipped: 'LOTSE_SMTP_URL ist nicht gesetzt' };
      return {
        ...(await sendDueReminders(db, mailer, {
          today: todayInGermany(),
          from: config.mail.from,
          appUrl: config.publicUrl ?? appUrl,
        })),
      };
    },
  };
}

/**
 * Starts the worker of this server: every poll it also queues today's reminder run (once per day, from
 * LOTSE_REMINDER_HOUR on — the dedupe key makes the second server's attempt a no-op).
 */
export function startJobs(
  db: Kysely<DB>,
  config: Config,
  appUrl: string,
  log: { error: (o: object, m: string) => void },
): Worker {
  // The day this process last queued the reminder run: one INSERT a day, not one per poll.
  let queuedFor: string | null = null;
  return startWorker(db, jobHandlers(db, config, appUrl), {
    pollMs: config.jobs.pollMs,
    every: async () => {
      const today = todayInGermany();
      if (queuedFor === today || Number(berlinHour.format(new Date())) < config.jobs.reminderHour) return;
      await enqueue(db, REMINDER_JOB, {}, { dedupeKey: today });
      queuedFor = today;
    },
    onError: (err) => log.error({ err }, 'background job failed'),
  });
}
