import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { nameKeys, type PersonRecord, REASONS, scorePair } from '../../../domain/duplicates';
import { writeAudit } from '../audit/audit-writer';
import { namesOf } from './repo';
import type { DuplicateCheck } from './schema';

/** Below this the matcher's candidates are noise to a front desk; from DEFAULT_THRESHOLD (0.55) it judges "same person". */
export const SHOW_FROM = 0.5;
/**
 * A pair that scores this high on its own (same name, same birth year, same nationality) is shown even
 * when the register makes it weak evidence: at the desk a person looks at it, and a missed duplicate
 * costs more than a second look. It is marked `common_name` so the desk compares documents.
 */
export const SHOW_ALONE_FROM = 0.8;
const MAX_CANDIDATES = 400;

/**
 * How many stored persons carry each of the keys (one index-only count per key): the block sizes that
 * give the matcher its register context, as findDuplicates has it.
 */
async function keyCounts(db: Kysely<DB>, tenantId: string, keys: string[]): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('person_name_key')
    .select(['key', (eb) => eb.fn.countAll<string>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('key', 'in', keys)
    .groupBy('key')
    .execute();
  return new Map(rows.map((r) => [r.key, Number(r.n)]));
}

/**
 * Namesakes of a candidate in the sense of ScoreContext: the number of records that share the rarest
 * key the probe and the candidate have in common, the probe included (it is not stored yet).
 */
function namesakesOf(
  probeKeys: ReadonlySet<string>,
  candidateNames: string[],
  counts: Map<string, number>,
): number {
  let rarest = Number.POSITIVE_INFINITY;
  for (const k of nameKeys(candidateNames)) {
    if (!probeKeys.has(k)) continue;
    const n = counts.get(k);
    if (n !== undefined && n < rarest) rarest = n;
  }
  return Number.isFinite(rarest) ? rarest + 1 : 2;
}

/**
 * The check at intake, before a record is created: blocking keys → one index probe → the matcher scores
 * each candidate with the register context of findDuplicates (how many stored persons share the rarest
 * common key: a "Mohammed Ahmad, born 1990" among hundreds of namesakes is weak evidence). Across all
 * agencies of the region (that is its purpose), but it returns only what a front desk needs to recognise
 * a person, and the check itself is audited.
 */
export async function checkDuplicates(db: Kysely<DB>, actor: Actor, q: DuplicateCheck, requestId?: string) {
  const names = namesOf(q);
  const keys = nameKeys(names);
  if (keys.length === 0) return { candidates: [] };
  // Those who share the most keys first: with a very common name the cap must cut namesakes, not the match.
  const ids = await db
    .selectFrom('person_name_key')
    .select('person_id')
    .where('tenant_id', '=', actor.tenantId)
    .where('key', 'in', keys)
    .groupBy('person_id')
    .orderBy((eb) => eb.fn.countAll(), 'desc')
    .orderBy('person_id')
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
  const [counts, rows] = await Promise.all([
    keyCounts(db, actor.tenantId, keys),
    db
      .selectFrom('person as p')
      .leftJoin('agency as a', 'a.id', 'p.owner_agency_id')
      .leftJoin('municipality as m', 'm.id', 'p.municipality_id')
      .select([
        'p.id',
        'p.given_names',
        'p.family_name',
        'p.name_original',
        'p.name_variants',
        'p.birth_date',
        'p.birth_date_precision',
        'p.nationalities',
        'p.gender',
        'a.name as agency',
        'm.name as municipality',
      ])
      .where('p.tenant_id', '=', actor.tenantId)
      .where('p.merged_into', 'is', null)
      .where(
        'p.id',
        'in',
        ids.map((i) => i.person_id),
      )
      .execute(),
  ]);
  const probeKeys = new Set(keys);
  const probe: PersonRecord = {
    id: 'new',
    names,
    birthDate: q.birthDate ?? null,
    birthDatePrecision: q.birthDatePrecision,
    nationality: q.nationalities?.[0] ?? null,
    gender: q.gender === 'u' ? null : (q.gender ?? null),
  };
  const candidates = rows
    .map((r) => {
      const names = namesOf({
        givenNames: r.given_names,
        familyName: r.family_name,
        nameOriginal: r.name_original,
        nameVariants: r.name_variants,
      });
      const rec: PersonRecord = {
        id: r.id,
        names,
        birthDate: r.birth_date,
        birthDatePrecision: r.birth_date_precision,
        nationality: r.nationalities[0] ?? null,
        gender: r.gender === 'u' ? null : r.gender,
      };
      const s = scorePair(probe, rec, { namesakes: namesakesOf(probeKeys, names, counts) });
      const alone = s.score >= SHOW_FROM ? s : scorePair(probe, rec);
      const common = s.score < SHOW_FROM && alone.score >= SHOW_ALONE_FROM;
      return {
        id: r.id,
        name: `${r.given_names} ${r.family_name}`,
        nameOriginal: r.name_original,
        birthDate: r.birth_date,
        birthDatePrecision: r.birth_date_precision,
        nationalities: r.nationalities,
        agency: r.agency,
        municipality: r.municipality,
        score: s.score,
        reasons: common ? [...s.reasons, REASONS.commonName] : s.reasons,
        alone: alone.score,
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
