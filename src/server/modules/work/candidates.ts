import { type Kysely, sql } from 'kysely';
import type { DB, ProfileExperience, ProfileTraining } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { estimateTravelMinutes } from '../../../domain/language/travel';
import { daysBetween, todayInGermany } from '../../../domain/reference/dates';
import { evaluate, situationFromCaseFile } from '../../../domain/rules';
import { germanLevelOn } from '../../../domain/rules/case-file';
import {
  byRank,
  type CandidateFacts,
  DEFAULT_MAX_TRAVEL_MINUTES,
  type EmploymentFacts,
  type MatchResult,
  matchCandidate,
  type PersonOccupation,
  type VacancyFacts,
} from '../../../domain/work/matching';
import type { OccupationFacts } from '../../../domain/work/occupation-closeness';
import type { Childcare } from '../../../domain/work/vocab';
import { writeAudit } from '../audit/audit-writer';
import { occupationCatalogue } from '../occupations/esco-index';
import { personScope } from '../persons/scope';
import { lawFor } from '../rules/law-store';
import { loadCaseFiles } from '../rules/situation';
import * as repo from './repo';
import type { MatchOut, VacancyOut } from './schema';

// Matching both ways (issue 14). Phase 1 preselects in SQL (GIN on the profile's ISCO groups and skills,
// the reader's record scope) and scores every preselected profile; phase 2 asks the rules engine on the
// vacancy's start day for the best ones only — it needs the whole case file, so it is the expensive part.

const NO_OCCUPATION: OccupationFacts = { uri: '', isco: '', skills: new Set() };
/** Candidates per shown place whose labour-market access is checked (the rest cannot reach the list). */
const CHECK_FACTOR = 3;
const CHECK_EXTRA = 30;

type Travel = (from: string | null, to: string) => number | null;

async function travelFunction(db: Kysely<DB>, tenantId: string): Promise<Travel> {
  const { places, imported } = await repo.municipalityTravel(db, tenantId);
  const at = new Map(places.map((p) => [p.id, p]));
  const known = new Map(imported.map((t) => [`${t.from_m}→${t.to_m}`, t.minutes]));
  const cache = new Map<string, number | null>();
  return (from, to) => {
    if (from === null) return null;
    const key = `${from}→${to}`;
    let v = cache.get(key);
    if (v === undefined) {
      const a = at.get(from);
      const b = at.get(to);
      v = known.get(key) ?? (a && b ? estimateTravelMinutes(a, b) : null);
      cache.set(key, v);
    }
    return v;
  };
}

function occupationsOf(
  experience: ProfileExperience[],
  training: ProfileTraining[],
  wished: string[],
): PersonOccupation[] {
  const cat = occupationCatalogue();
  const out: PersonOccupation[] = [];
  for (const e of experience) {
    const o = cat.get(e.escoUri);
    if (o) out.push({ occupation: o, label: e.title || o.labelDe, years: e.years, source: 'experience' });
  }
  for (const t of training) {
    const o = t.escoUri ? cat.get(t.escoUri) : undefined;
    if (o) out.push({ occupation: o, label: t.title || o.labelDe, years: 0, source: 'training' });
  }
  for (const uri of wished) {
    const o = cat.get(uri);
    if (o) out.push({ occupation: o, label: o.labelDe, years: 0, source: 'wish' });
  }
  return out;
}

function recognisedOf(list: readonly string[] | null): CandidateFacts['recognised'] {
  const cat = occupationCatalogue();
  const out: { occupation: OccupationFacts; result: 'full' | 'partial' }[] = [];
  for (const item of list ?? []) {
    const [uri, result] = item.split('|');
    const o = cat.get(uri);
    if (o && (result === 'full' || result === 'partial')) out.push({ occupation: o, result });
  }
  return out;
}

/** The candidate pool of a vacancy: every profile the reader may open that is close enough to look at. */
function pool(db: Kysely<DB>, actor: Actor, today: string, occupation: OccupationFacts, personId?: string) {
  const isco3 = occupation.isco ? [occupation.isco.slice(0, 3)] : [];
  const skills = [...occupation.skills];
  const t = actor.tenantId;
  return db
    .selectFrom('work_profile as wp')
    .innerJoin('person', (j) => j.onRef('person.id', '=', 'wp.person_id').on('person.tenant_id', '=', t))
    .select([
      'person.id',
      'person.given_names',
      'person.family_name',
      'person.municipality_id',
      'person.ip_entry_date',
      'person.created_at',
      'wp.experience',
      'wp.training',
      'wp.wished_uris',
      'wp.driving_licences',
      'wp.max_travel_minutes',
      'wp.hours_max',
      'wp.childcare',
    ])
    .select([
      sql<
        string | null
      >`(SELECT la.overall FROM language_assessment la WHERE la.tenant_id = ${t} AND la.person_id = person.id ORDER BY la.assessed_on DESC, la.recorded_at DESC LIMIT 1)`.as(
        'level',
      ),
      sql<number>`(SELECT count(*)::int FROM placement pl WHERE pl.tenant_id = ${t} AND pl.person_id = person.id AND pl.status NOT IN ('hired', 'declined'))`.as(
        'open_proposals',
      ),
      sql<boolean>`EXISTS (SELECT 1 FROM consent c WHERE c.tenant_id = ${t} AND c.person_id = person.id AND c.purpose = 'arbeitsvermittlung_arbeitgeber' AND 'profile' = ANY(c.data_categories) AND c.given_on <= ${today} AND (c.withdrawn_on IS NULL OR c.withdrawn_on > ${today}))`.as(
        'release',
      ),
      sql<
        string[] | null
      >`ARRAY(SELECT r.esco_uri || '|' || r.result FROM recognition r WHERE r.tenant_id = ${t} AND r.person_id = person.id AND r.esco_uri IS NOT NULL AND r.result IN ('full', 'partial'))`.as(
        'recognised',
      ),
    ])
    .where('wp.tenant_id', '=', t)
    .where(personScope(actor, today) as never)
    .where('person.case_status', '!=', 'closed')
    .$if(personId !== undefined, (q) => q.where('person.id', '=', personId as string))
    .$if(personId === undefined, (q) =>
      q.where((w) =>
        w.or([
          ...(isco3.length ? [w(sql`wp.match_isco3`, '&&', sql`${sql.val(isco3)}::text[]`)] : []),
          ...(skills.length ? [w(sql`wp.match_skills`, '&&', sql`${sql.val(skills)}::int[]`)] : []),
          w.val(false),
        ]),
      ),
    )
    .execute();
}
type PoolRow = Awaited<ReturnType<typeof pool>>[number];

function factsOf(r: PoolRow, today: string, travel: Travel, to: string): CandidateFacts {
  const since = r.ip_entry_date ?? new Date(r.created_at).toISOString().slice(0, 10);
  return {
    personId: r.id,
    level: r.level,
    travelMinutes: travel(r.municipality_id, to),
    maxTravelMinutes: r.max_travel_minutes ?? DEFAULT_MAX_TRAVEL_MINUTES,
    hoursMax: r.hours_max,
    childcare: r.childcare as Childcare,
    drivingLicences: r.driving_licences,
    occupations: occupationsOf(r.experience, r.training, r.wished_uris),
    recognised: recognisedOf(r.recognised),
    waitingDays: Math.max(0, daysBetween(since, today)),
    openProposals: Number(r.open_proposals),
    employerRelease: Boolean(r.release),
    employment: null,
  };
}

export function vacancyFacts(v: VacancyOut): VacancyFacts {
  return {
    occupation: occupationCatalogue().get(v.escoUri) ?? NO_OCCUPATION,
    occupationLabel: v.occupationLabel,
    kind: v.kind,
    minLevel: v.minLevel,
    hoursMin: v.hoursMin,
    shiftWork: v.shiftWork,
    drivingLicence: v.drivingLicence,
    startDate: v.startDate,
  };
}

/** The rules engine's labour-market answer and the German level (all sources) on `on`, per person. */
async function caseFacts(db: Kysely<DB>, tenantId: string, people: readonly PoolRow[], on: string) {
  const out = new Map<string, { employment: EmploymentFacts; level: string | null }>();
  if (people.length === 0) return out;
  const persons = await db
    .selectFrom('person')
    .select(['id', 'nationalities', 'entry_date', 'birth_date', 'gender', 'languages'])
    .where('tenant_id', '=', tenantId)
    .where(
      'id',
      'in',
      people.map((p) => p.id),
    )
    .execute();
  const [files, { law }] = await Promise.all([
    loadCaseFiles(db, tenantId, persons),
    lawFor(db, tenantId, on),
  ]);
  for (const [id, file] of files) {
    const d = evaluate(situationFromCaseFile(file, on), law);
    out.set(id, {
      employment: { employment: d.employment, permitFrom: d.permitFrom, baConsent: d.baConsent },
      level: germanLevelOn(file, on)?.level ?? null,
    });
  }
  return out;
}

const present = (m: MatchResult, r: PoolRow, placements: Map<string, string>): MatchOut => ({
  ...m,
  name: `${r.given_names} ${r.family_name}`,
  placementId: placements.get(r.id) ?? null,
});

/**
 * Ranks the clients for one vacancy: candidates (eligible, best first) and the best of those not proposed
 * with the reason. The ranking is one act: one audit row naming every person shown.
 */
export async function rankForVacancy(
  db: Kysely<DB>,
  actor: Actor,
  vacancy: VacancyOut,
  limit: number,
  requestId?: string,
) {
  const started = performance.now();
  const today = todayInGermany();
  const on = vacancy.startDate > today ? vacancy.startDate : today;
  const v = vacancyFacts(vacancy);
  const [rows, travel, existing] = await Promise.all([
    pool(db, actor, today, v.occupation),
    travelFunction(db, actor.tenantId),
    repo.placementRows(db, actor.tenantId, { vacancyId: vacancy.id }),
  ]);
  const placements = new Map(existing.map((p) => [p.person_id, p.id]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const first = rows
    .map((r) => ({ r, f: factsOf(r, today, travel, vacancy.municipalityId) }))
    .map((x) => ({ ...x, m: matchCandidate(v, x.f) }))
    .filter((x) => x.m.closeness !== 'none')
    .sort((a, b) =>
      byRank({ ...a.m, waitingDays: a.f.waitingDays }, { ...b.m, waitingDays: b.f.waitingDays }),
    );
  // Phase 2 for the best: those that pass every filter so far first, then the best excluded ones.
  const passing = first.filter((x) => x.m.excluded.length === 0);
  const failing = first.filter((x) => x.m.excluded.length > 0);
  const check = [...passing.slice(0, limit * CHECK_FACTOR + CHECK_EXTRA), ...failing.slice(0, limit)];
  const facts = await caseFacts(
    db,
    actor.tenantId,
    check.map((x) => x.r),
    on,
  );
  const second = check
    .map((x) => {
      const c = facts.get(x.r.id);
      const f = { ...x.f, employment: c?.employment ?? null, level: c?.level ?? x.f.level };
      return { r: x.r, m: matchCandidate(v, f), waitingDays: f.waitingDays };
    })
    .sort((a, b) => byRank({ ...a.m, waitingDays: a.waitingDays }, { ...b.m, waitingDays: b.waitingDays }));
  const candidates = second.filter((x) => x.m.eligible).slice(0, limit);
  const notProposed = second.filter((x) => !x.m.eligible).slice(0, limit);
  const shown = [...candidates, ...notProposed];
  // One act, one row: the ranking names every person it showed (as the person search does).
  await writeAudit(
    db,
    actor,
    {
      action: 'match',
      entity: 'vacancy',
      entityId: vacancy.id,
      purpose: 'integration',
      details: { persons: shown.map((x) => x.r.id), categories: ['identity', 'profile', 'language'] },
    },
    requestId,
  );
  return {
    vacancyId: vacancy.id,
    checkedOn: on,
    considered: byId.size,
    candidates: candidates.map((x) => present(x.m, x.r, placements)),
    notProposed: notProposed.map((x) => present(x.m, x.r, placements)),
    seconds: (performance.now() - started) / 1000,
  };
}

/** All open vacancies scored for one person (the person page: "passende Stellen"). */
export async function rankForPerson(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  vacancies: readonly VacancyOut[],
) {
  const today = todayInGermany();
  const [rows, travel, existing] = await Promise.all([
    pool(db, actor, today, NO_OCCUPATION, personId),
    travelFunction(db, actor.tenantId),
    repo.placementRows(db, actor.tenantId, { personId }),
  ]);
  const r = rows[0];
  if (!r) return [];
  const placed = new Map(existing.map((p) => [p.vacancy_id, p.id]));
  const facts = new Map<string, Awaited<ReturnType<typeof caseFacts>>>();
  const out = [];
  for (const vacancy of vacancies) {
    const on = vacancy.startDate > today ? vacancy.startDate : today;
    if (!facts.has(on)) facts.set(on, await caseFacts(db, actor.tenantId, [r], on));
    const c = facts.get(on)?.get(r.id);
    const f = {
      ...factsOf(r, today, travel, vacancy.municipalityId),
      employment: c?.employment ?? null,
      level: c?.level ?? r.level,
    };
    const m = matchCandidate(vacancyFacts(vacancy), f);
    if (m.closeness === 'none') continue;
    out.push({
      vacancy,
      score: m.score,
      eligible: m.eligible,
      reasons: m.reasons,
      missing: m.missing,
      excluded: m.excluded,
      permit: m.permit,
      placementId: placed.get(vacancy.id) ?? null,
    });
  }
  return out.sort((a, b) => Number(b.eligible) - Number(a.eligible) || b.score - a.score);
}
