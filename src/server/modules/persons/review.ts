import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { type FindStats, findDuplicates } from '../../../domain/duplicates';
import { todayInGermany } from '../../../domain/reference/dates';
import { badRequest, conflict, notFound } from '../../http/errors';
import { writeAudit } from '../audit/audit-writer';
import { mergePersons } from './merge';
import { matcherRecord, recognitionRows } from './repo';
import type { ReviewDecision, ReviewList, ReviewRun, ReviewSide } from './review-schema';
import { personScope } from './scope';

/**
 * Pairs from this probability on are proposed for review: below the batch run's "same person" (0.5),
 * because after importing lists a person should see the doubtful pairs too — a missed duplicate costs
 * more than a look.
 */
export const REVIEW_THRESHOLD = 0.3;
const PAGE_SIZE = 20;

const ordered = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);

/**
 * Runs the batch matcher (the same engine as `lotse duplicates`) over the region's live records and
 * refreshes the queue: new pairs are added, open pairs get their new score, open pairs no longer found
 * leave; pairs decided "not the same person" stay decided and are never proposed again.
 */
export async function runReview(db: Kysely<DB>, actor: Actor, requestId?: string): Promise<ReviewRun> {
  const startedAt = new Date();
  const rows = await db
    .selectFrom('person')
    .select([
      'id',
      'given_names',
      'family_name',
      'name_original',
      'name_variants',
      'birth_date',
      'birth_date_precision',
      'nationalities',
      'gender',
    ])
    .where('tenant_id', '=', actor.tenantId)
    .where('merged_into', 'is', null)
    .execute();
  const records = rows.map(matcherRecord);
  const stats = {} as FindStats;
  const pairs = findDuplicates(records, { threshold: REVIEW_THRESHOLD, stats });
  const run = await db.transaction().execute(async (tx) => {
    // One run at a time per region: a second start waits for the first and then refreshes again.
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`duplicate-review:${actor.tenantId}`}))`.execute(tx);
    for (let k = 0; k < pairs.length; k += 500) {
      const chunk = pairs.slice(k, k + 500).map((p) => {
        const [a, b] = ordered(p.a, p.b);
        return {
          tenant_id: actor.tenantId,
          person_a: a,
          person_b: b,
          score: String(p.score),
          reasons: p.reasons,
          found_at: startedAt,
        };
      });
      await tx
        .insertInto('duplicate_candidate')
        .values(chunk)
        .onConflict((oc) =>
          oc
            .columns(['tenant_id', 'person_a', 'person_b'])
            .doUpdateSet((eb) => ({
              score: eb.ref('excluded.score'),
              reasons: eb.ref('excluded.reasons'),
              found_at: eb.ref('excluded.found_at'),
              version: sql`duplicate_candidate.version + 1`,
            }))
            // A decided pair keeps its decision (and its score at that time).
            .where('duplicate_candidate.state', '=', 'open'),
        )
        .execute();
    }
    await tx
      .deleteFrom('duplicate_candidate')
      .where('tenant_id', '=', actor.tenantId)
      .where('state', '=', 'open')
      .where('found_at', '<', startedAt)
      .execute();
    return tx
      .insertInto('duplicate_run')
      .values({
        tenant_id: actor.tenantId,
        started_by: actor.userId,
        started_at: startedAt,
        finished_at: new Date(),
        records: records.length,
        compared: stats.candidates,
        proposed: pairs.length,
        // Estimated only on registers large enough (findDuplicates); the desk keeps the defaults else.
        model: records.length >= 500 && stats.model ? JSON.stringify(stats.model) : null,
      })
      .returning(['started_at', 'finished_at', 'records', 'compared', 'proposed'])
      .executeTakeFirstOrThrow();
  });
  await writeAudit(
    db,
    actor,
    {
      action: 'duplicate_review_run',
      entity: 'person',
      details: { records: run.records, compared: run.compared, proposed: run.proposed },
    },
    requestId,
  );
  return runOut(run);
}

function runOut(r: {
  started_at: Date;
  finished_at: Date | null;
  records: number;
  compared: number;
  proposed: number;
}): ReviewRun {
  return {
    startedAt: new Date(r.started_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    records: r.records,
    compared: r.compared,
    proposed: r.proposed,
  };
}

/** Open pairs whose two persons the reader may both open (personScope), best first; audited as one read. */
export async function listReview(
  db: Kysely<DB>,
  actor: Actor,
  page: number,
  requestId?: string,
): Promise<ReviewList> {
  const today = todayInGermany();
  const base = db
    .selectFrom('duplicate_candidate as c')
    .where('c.tenant_id', '=', actor.tenantId)
    .where('c.state', '=', 'open')
    .where((eb) =>
      eb.and(
        (['c.person_a', 'c.person_b'] as const).map((col) =>
          eb.exists(
            eb
              .selectFrom('person')
              .select('person.id')
              .where(personScope(actor, today))
              .whereRef('person.id', '=', col),
          ),
        ),
      ),
    );
  const [count, rows, last] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    base
      .select(['c.id', 'c.version', 'c.score', 'c.reasons', 'c.person_a', 'c.person_b'])
      .orderBy('c.score', 'desc')
      .orderBy('c.id')
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE)
      .execute(),
    db
      .selectFrom('duplicate_run')
      .select(['started_at', 'finished_at', 'records', 'compared', 'proposed'])
      .where('tenant_id', '=', actor.tenantId)
      .orderBy('started_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const ids = [...new Set(rows.flatMap((r) => [r.person_a, r.person_b]))];
  const sides = await sidesOf(db, actor.tenantId, ids);
  const pairs = rows.map((r) => ({
    id: r.id,
    version: r.version,
    score: Number(r.score),
    reasons: r.reasons,
    a: sides.get(r.person_a) as ReviewSide,
    b: sides.get(r.person_b) as ReviewSide,
  }));
  if (pairs.length > 0)
    await writeAudit(
      db,
      actor,
      {
        action: 'duplicate_review',
        entity: 'person',
        legalBasis: '§ 67c SGB X (Datenbereinigung), Art. 5 Abs. 1 lit. d DSGVO (Richtigkeit)',
        details: { persons: ids },
      },
      requestId,
    );
  return { pairs, total: Number(count.n), page, pageSize: PAGE_SIZE, lastRun: last ? runOut(last) : null };
}

async function sidesOf(db: Kysely<DB>, tenantId: string, ids: string[]): Promise<Map<string, ReviewSide>> {
  if (ids.length === 0) return new Map();
  const rows = await recognitionRows(db, tenantId, ids);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        version: r.version,
        name: `${r.given_names} ${r.family_name}`,
        nameOriginal: r.name_original,
        nameVariants: r.name_variants,
        birthDate: r.birth_date,
        birthDatePrecision: r.birth_date_precision,
        nationalities: r.nationalities,
        gender: r.gender,
        agency: r.agency,
        municipality: r.municipality,
        // The day in Germany, not in UTC: a record made at 00:30 belongs to that day.
        registeredOn: todayInGermany(new Date(r.created_at)),
        registeredAt: new Date(r.created_at).toISOString(),
      },
    ]),
  );
}

/**
 * Decides a pair: "not the same person" is remembered (a later run never proposes the pair again);
 * "merge" merges through the persons' own merge (authorised and audited there) and closes the pair.
 * A stale version of the pair answers 409.
 */
export async function decideReview(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  body: ReviewDecision,
  requestId?: string,
): Promise<{ id: string; state: 'merged' | 'distinct' }> {
  const pair = await db
    .selectFrom('duplicate_candidate')
    .select(['id', 'person_a', 'person_b', 'state', 'version'])
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!pair) throw notFound('Dublettenvorschlag');
  if (pair.state !== 'open' || pair.version !== body.version)
    throw conflict('Dieser Vorschlag wurde inzwischen geändert oder schon entschieden. Bitte neu laden.');
  if (body.decision === 'merge') {
    if (body.survivorId !== pair.person_a && body.survivorId !== pair.person_b)
      throw badRequest('Der bleibende Datensatz gehört nicht zu diesem Paar.', [
        { path: 'survivorId', message: 'Bitte einen der beiden Datensätze wählen.' },
      ]);
    const duplicateId = body.survivorId === pair.person_a ? pair.person_b : pair.person_a;
    await mergePersons(
      db,
      actor,
      body.survivorId,
      duplicateId,
      { survivor: body.survivorVersion, duplicate: body.duplicateVersion },
      requestId,
    );
  }
  const state = body.decision === 'merge' ? 'merged' : 'distinct';
  const done = await db
    .updateTable('duplicate_candidate')
    .set({ state, decided_at: new Date(), decided_by: actor.userId, version: sql`version + 1` })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .where('version', '=', body.version)
    .where('state', '=', 'open')
    .returning('id')
    .executeTakeFirst();
  if (!done)
    throw conflict('Dieser Vorschlag wurde inzwischen geändert oder schon entschieden. Bitte neu laden.');
  if (state === 'distinct')
    await writeAudit(
      db,
      actor,
      {
        action: 'duplicate_distinct',
        entity: 'person',
        entityId: pair.person_a,
        details: { personA: pair.person_a, personB: pair.person_b },
      },
      requestId,
    );
  return { id, state };
}
