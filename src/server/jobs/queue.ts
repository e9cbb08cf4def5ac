import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';

/**
 * A durable job queue in the database (table `job`, migration 013): reminders and deadline runs after a
 * law change survive a restart, and two server instances never run the same job (FOR UPDATE SKIP
 * LOCKED). Own code rather than pg-boss: pg-boss 12 needs Node ≥ 22.12 and its own pg pool, while Lotse
 * runs on Node 20 and by default on PGlite (one in-process connection); this table works on both.
 */

export interface JobRow {
  id: string;
  name: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

/** How long a claimed job may run before another worker may take it over (a crashed server). */
export const LEASE_SECONDS = 300;

/**
 * Adds a job. With a dedupe key the same job is queued once only (e.g. "reminders of 2026-12-04"):
 * the second call returns null.
 */
export async function enqueue(
  db: Kysely<DB>,
  name: string,
  payload: Record<string, unknown> = {},
  opts: { dedupeKey?: string; runAfter?: Date; maxAttempts?: number } = {},
): Promise<string | null> {
  const r = await db
    .insertInto('job')
    .values({
      name,
      payload: JSON.stringify(payload) as never,
      dedupe_key: opts.dedupeKey ?? null,
      run_after: opts.runAfter ?? new Date(),
      max_attempts: opts.maxAttempts ?? 5,
    })
    .onConflict((oc) => oc.columns(['name', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r ? String(r.id) : null;
}

/** Takes the next due job of these names, or null. A job whose lease ran out is taken again. */
export async function claim(db: Kysely<DB>, names: readonly string[]): Promise<JobRow | null> {
  if (names.length === 0) return null;
  const r = await sql<JobRow>`
    UPDATE job SET state = 'running', attempts = attempts + 1,
      locked_until = now() + make_interval(secs => ${LEASE_SECONDS})
    WHERE id = (
      SELECT id FROM job
      WHERE name IN (${sql.join(names)}) AND run_after <= now()
        AND (state = 'queued' OR (state = 'running' AND locked_until < now()))
      ORDER BY run_after, id
      LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING id, name, payload, attempts, max_attempts`.execute(db);
  const row = r.rows[0];
  return row ? { ...row, id: String(row.id) } : null;
}

export async function complete(db: Kysely<DB>, id: string, result: Record<string, unknown> = {}) {
  await db
    .updateTable('job')
    .set({
      state: 'done',
      finished_at: new Date(),
      locked_until: null,
      result: JSON.stringify(result) as never,
    })
    .where('id', '=', id)
    .execute();
}

/** A failed attempt: again later (1, 4, 9 … minutes), or failed for good after max_attempts. */
export async function fail(db: Kysely<DB>, job: JobRow, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const final = job.attempts >= job.max_attempts;
  await db
    .updateTable('job')
    .set({
      state: final ? 'failed' : 'queued',
      last_error: message.slice(0, 2000),
      locked_until: null,
      run_after: new Date(Date.now() + job.attempts * job.attempts * 60_000),
      finished_at: final ? new Date() : null,
    })
    .where('id', '=', job.id)
    .execute();
}

export async function jobState(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('job')
    .select([
      'id',
      'name',
      'payload',
      'state',
      'attempts',
      'last_error',
      'result',
      'created_at',
      'finished_at',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}
