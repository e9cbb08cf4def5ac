import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { enqueue } from '../../jobs/queue';
import { syncDeadlines } from './deadlines';

export const DEADLINE_SYNC_JOB = 'deadlines.sync';

/**
 * A fact the deadlines depend on changed (a status recorded, a date corrected, a test result, a case
 * closed): the person's tasks follow at once, so the advisor sees the moved deadline on the next page.
 * The write itself has already succeeded; if the follow-up fails it is queued and retried rather than
 * turning a saved change into an error.
 */
export async function deadlinesChanged(
  db: Kysely<DB>,
  tenantId: string,
  personIds: readonly string[],
  log?: { warn: (o: object, m: string) => void },
): Promise<void> {
  try {
    await syncDeadlines(db, tenantId, { personIds });
  } catch (err) {
    log?.warn({ err }, 'deadline sync failed; queued for retry');
    await enqueue(db, DEADLINE_SYNC_JOB, { tenantId, personIds: [...personIds] });
  }
}

/** A law change can move every deadline of the region: one background run. */
export function regionDeadlinesChanged(db: Kysely<DB>, tenantId: string): Promise<string | null> {
  return enqueue(db, DEADLINE_SYNC_JOB, { tenantId });
}
