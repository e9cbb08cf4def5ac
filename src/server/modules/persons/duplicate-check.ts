import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import {
  DEFAULT_MODEL,
  deskLookupKeys,
  fullNameKey,
  type Model,
  nameKeys,
  type PersonRecord,
  preparePerson,
  REASONS,
  scoreCandidate,
  shareAtDesk,
} from '../../../domain/duplicates';
import { writeAudit } from '../audit/audit-writer';
import { matcherRecord, namesOf, recognitionRows } from './repo';
import type { DuplicateCheck } from './schema';

/** From this probability a candidate is shown at the desk — the review queue's threshold (review.ts): below the batch run's "same person" (0.5), because at the desk a look costs less than a missed duplicate. */
export const SHOW_FROM = 0.3;
/**
 * A pair that scores this high on its own (same name, same birth year, same nationality) is shown even
 * when the register makes it weak evidence: at the desk a person looks at it, and a missed duplicate
 * costs more than a second look. It is marked `common_name` so the desk compares documents.
 */
export const SHOW_ALONE_FROM = 0.8;
const MAX_CANDIDATES = 400;

/**
 * How many stored persons carry each of the keys (one index-only count per key): the block sizes that
 * give the matcher its register context.
 */
async function keyCounts(db: Kysely<DB>, tenantId: string, keys: string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('person_name_key')
    .select(['key', (eb) => eb.fn.countAll<string>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('key', 'in', keys)
    .groupBy('key')
    .execute();
  return new Map(rows.map((r) => [r.key, Number(r.n)]));
}

/** Persons sharing the candidate's rarest name-pair key with the probe (the probe included). */
function namesakesOf(probeKeys: ReadonlySet<string>, candidateNames: string[], counts: Map<string, number>) {
  let rarest = Number.POSITIVE_INFINITY;
  for (const k of nameKeys(candidateNames)) {
    if (!probeKeys.has(k)) continue;
    const n = counts.get(k);
    if (n !== undefined && n < rarest) rarest = n;
  }
  return Number.isFinite(rarest) ? rarest + 1 : 2;
}

/** The model the last review run estimated on this register (review.ts), else the defaults. */
async function registerModel(db: Kysely<DB>, tenantId: string): Promise<Model> {
  const run = await db
    .selectFrom('duplicate_run')
    .select('model')
    .where('tenant_id', '=', tenantId)
    .where('model', 'is not', null)
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (run?.model as Model | null | undefined) ?? DEFAULT_MODEL;
}

/** Live persons of the region, and those born in the probe's year (all, when the probe has no date). */
async function registerSizes(db: Kysely<DB>, tenantId: string, year: number | null) {
  const row = await db
    .selectFrom('person')
    .select((eb) => [
      eb.fn.countAll<string>().as('total'),
      (year === null
        ? eb.fn.countAll<string>()
        : eb.fn
            .countAll<string>()
            .filterWhere('birth_date', '>=', `${year}-01-01`)
            .filterWhere('birth_date', '<', `${year + 1}-01-01`)
      ).as('same_year'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('merged_into', 'is', null)
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), sameYear: Number(row.same_year) };
}

/**
 * The check at intake, before a record is created — the same engine as the batch run and the review
 * queue (Fellegi–Sunter, src/domain/duplicates): lookup keys (name pairs, and each token's skeleton
 * with one letter lost, so a typo in one token still finds the person) → one index probe limited to
 * the probe's birth year → each candidate scored with the model the last review run estimated on this
 * register and the register's context (people of that year, how common the name is, whether the pair
 * is the only one of its name in its year). Across all agencies of the region (that is its purpose),
 * but it returns only what a front desk needs to recognise a person, and the check itself is audited.
 */
export async function checkDuplicates(db: Kysely<DB>, actor: Actor, q: DuplicateCheck, requestId?: string) {
  const names = namesOf(q);
  const probe: PersonRecord = {
    id: 'new',
    names,
    birthDate: q.birthDate ?? null,
    birthDatePrecision: q.birthDatePrecision,
    nationality: q.nationalities?.[0] ?? null,
    gender: q.gender === 'u' ? null : (q.gender ?? null),
  };
  const prepared = preparePerson(probe);
  const keys = deskLookupKeys(prepared);
  if (keys.length === 0) return { candidates: [] };
  const year = prepared.birth?.year ?? null;
  // Those who share the most keys first: with a very common name the cap must cut namesakes, not the
  // match. Only the probe's birth year (or no date): the batch run blocks on the year as well.
  const ids = await db
    .selectFrom('person_name_key as k')
    .innerJoin('person as p', (j) =>
      j.onRef('p.id', '=', 'k.person_id').onRef('p.tenant_id', '=', 'k.tenant_id'),
    )
    .select('k.person_id')
    .where('k.tenant_id', '=', actor.tenantId)
    .where('k.key', 'in', keys)
    .where('p.merged_into', 'is', null)
    .$if(year !== null, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('p.birth_date', 'is', null),
          eb.and([
            eb('p.birth_date', '>=', `${year}-01-01`),
            eb('p.birth_date', '<', `${(year ?? 0) + 1}-01-01`),
          ]),
        ]),
      ),
    )
    .groupBy('k.person_id')
    .orderBy((eb) => eb.fn.countAll(), 'desc')
    .orderBy('k.person_id')
    .limit(MAX_CANDIDATES)
    .execute();
  if (ids.length === 0) {
    await writeAudit(
      db,
      actor,
      { action: 'duplicate_check', entity: 'person', details: { candidates: 0 } },
      requestId,
    );
    return { candidates: [] };
  }
  const pairKeys = nameKeys(names);
  const [counts, model, sizes, rows] = await Promise.all([
    keyCounts(db, actor.tenantId, pairKeys),
    registerModel(db, actor.tenantId),
    registerSizes(db, actor.tenantId, year),
    recognitionRows(
      db,
      actor.tenantId,
      ids.map((i) => i.person_id),
    ),
  ]);
  const probeKeys = new Set(pairKeys);
  // In the order of the lookup (most shared keys first): equal scores keep it, on every database.
  const rank = new Map(ids.map((x, k) => [x.person_id, k]));
  rows.sort((x, y) => (rank.get(x.id) ?? 0) - (rank.get(y.id) ?? 0));
  const records = rows.map((r) => {
    const rec = matcherRecord(r);
    return { r, rec, prepared: preparePerson(rec) };
  });
  // The probe's full name in its year among the candidates (the lookup is limited to that year).
  const probeName = fullNameKey(prepared);
  const sameNameAndYear =
    1 +
    records.filter((x) => fullNameKey(x.prepared) === probeName && x.prepared.birth?.year === year).length;
  const sameYear = Math.max(1, year === null ? sizes.total : sizes.sameYear);
  const scored = records.map(({ r, rec, prepared: cand }) => {
    const nameFrequency = namesakesOf(probeKeys, rec.names, counts) / Math.max(1, sizes.total);
    const exact = fullNameKey(cand) === probeName;
    const s = scoreCandidate(prepared, cand, {
      model,
      sameYear,
      nameFrequency,
      sameNameAndYear: exact ? sameNameAndYear : undefined,
    });
    return { r, cand, s };
  });
  // A year-only probe that fits several people told apart by their full dates is one of them at most.
  const shared = shareAtDesk(
    prepared,
    scored.map((x) => ({ person: x.cand, score: x.s.score })),
  );
  const candidates = scored
    .map(({ r, cand, s }, k) => {
      const score = shared[k];
      // The pair on its own, without what the register says (a common name, competitors): the register
      // weakens the evidence, but a look costs less than a missed duplicate (marked common_name).
      const alone = score >= 0.5 ? score : scoreCandidate(prepared, cand, { model, sameYear }).score;
      const common = score < 0.5 && alone >= SHOW_ALONE_FROM;
      return {
        id: r.id,
        name: `${r.given_names} ${r.family_name}`,
        nameOriginal: r.name_original,
        birthDate: r.birth_date,
        birthDatePrecision: r.birth_date_precision,
        nationalities: r.nationalities,
        agency: r.agency,
        municipality: r.municipality,
        score,
        reasons: common ? [...s.reasons, REASONS.commonName] : s.reasons,
        alone,
      };
    })
    .filter((c) => c.score >= SHOW_FROM || c.reasons.includes(REASONS.commonName))
    .sort((a, b) => b.score - a.score || b.alone - a.alone)
    .slice(0, 10)
    .map(({ alone: _alone, ...c }) => c);
  await writeAudit(
    db,
    actor,
    {
      action: 'duplicate_check',
      entity: 'person',
      legalBasis: '§ 67a SGB X (Erhebung), Vermeidung von Doppelakten',
      details: { candidates: candidates.map((c) => c.id) },
    },
    requestId,
  );
  return { candidates };
}
