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
import { currentLevels } from '../language/allocation/live';
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

/** How many of the best pre-scored profiles are scored in full (the rest cannot reach the list). */
const POOL_LIMIT = 500;
/** How many profiles the pre-selection passes on (by tier and years; waiting is added after). */
const PRESELECT_LIMIT = 1000;
/** A skill essential to at most this many ESCO occupations counts as specific for the preselection. */
const SPECIFIC_SKILL_SPREAD = 12;
/** The most specific of them, at most this many. */
const MAX_PRESELECT_SKILLS = 4;

/**
 * The candidate pool of a vacancy: profiles the reader may open that share the occupation, its unit or
 * minor group, or essential skills — ordered in SQL by a pre-score (occupation tier, years in the unit
 * group, waiting time) that the full score can raise by at most the recognition and language points, so
 * only the best POOL_LIMIT are loaded and scored (issue 14: 100,000 clients in under 300 ms).
 */
async function pool(
  db: Kysely<DB>,
  actor: Actor,
  today: string,
  occupation: OccupationFacts,
  personId?: string,
) {
  const isco4 = occupation.isco ? [occupation.isco] : [];
  // Only specific skills preselect: a skill essential to hundreds of occupations (hygiene, teamwork)
  // would pull in most of the register and says nothing about closeness on its own.
  const cat = occupationCatalogue();
  const skills = [...occupation.skills]
    .filter((s) => cat.skillSpread(s) <= SPECIFIC_SKILL_SPREAD)
    .sort((a, b) => cat.skillSpread(a) - cat.skillSpread(b))
    .slice(0, MAX_PRESELECT_SKILLS);
  const t = actor.tenantId;
  const uri = occupation.uri;
  const prescore = sql<number>`(CASE WHEN wp.match_uris @> ARRAY[${uri}]::text[] THEN 50
      WHEN wp.match_isco4 && ${sql.val(isco4)}::text[] THEN 37 ELSE 0 END
    + 4 * least(5, coalesce((wp.years_by_isco ->> ${occupation.isco})::int, 0))
    + 10 * least(1, greatest(0, (${today}::date - coalesce(person.ip_entry_date, person.created_at::date)) / 365.0)))`;
  // Each way in on its own index, as separate statements: the planner cannot estimate an OR (or a UNION)
  // of array conditions and fell back to reading every profile of the region. The ids then go in as one
  // array parameter, which it estimates right.
  const ways = personId === undefined ? await preselect(db, t, occupation, skills) : undefined;
  const query = db
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
    .where('wp.tenant_id', '=', t)
    .where(personScope(actor, today) as never)
    .where('person.case_status', '!=', 'closed')
    .$if(personId !== undefined, (q) => q.where('person.id', '=', personId as string))
    .$if(personId === undefined, (q) =>
      q.where(sql<boolean>`wp.person_id = ANY(${sql.val(ways?.ids ?? [])}::uuid[])`),
    )
    .orderBy(prescore, 'desc')
    .orderBy('person.id')
    .limit(POOL_LIMIT);
  const rows = await query.execute();
  const out = await enrich(db, t, today, rows);
  return { rows: out, considered: ways?.total ?? out.length };
}

/**
 * The ways in, each on its own GIN index, with the part of the pre-score the profile alone gives (tier
 * and years in the unit group). The same occupation is inside its unit group, so one query covers both;
 * specific shared skills are the third way. The best PRESELECT_LIMIT go on to the full pre-score.
 */
async function preselect(
  db: Kysely<DB>,
  t: string,
  occupation: OccupationFacts,
  skills: number[],
): Promise<{ ids: string[]; total: number }> {
  const uri = occupation.uri;
  const group = db
    .selectFrom('work_profile_occupation')
    .select([
      'person_id',
      sql<boolean>`bool_or(esco_uri = ${uri})`.as('same'),
      sql<number>`sum(years)`.as('years'),
    ])
    .where('tenant_id', '=', t)
    .$if(occupation.isco !== '', (q) => q.where('isco4', '=', occupation.isco))
    .$if(occupation.isco === '', (q) => q.where('esco_uri', '=', uri))
    .groupBy('person_id')
    .execute();
  const inGroup = await group;
  // Shared skills only widen a small group: with enough profiles in the unit group, a skills-only
  // profile (pre-score 0) cannot reach the pre-selection anyway.
  const bySkills =
    skills.length && inGroup.length < PRESELECT_LIMIT
      ? await db
          .selectFrom('work_profile')
          .select('person_id')
          .where('tenant_id', '=', t)
          .where(sql<boolean>`match_skills && ${sql.val(skills)}::int[]`)
          .execute()
      : [];
  const pre = new Map<string, number>();
  for (const r of inGroup) pre.set(r.person_id, (r.same ? 50 : 37) + 4 * Math.min(5, Number(r.years)));
  for (const r of bySkills) if (!pre.has(r.person_id)) pre.set(r.person_id, 0);
  const ids = [...pre]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, PRESELECT_LIMIT)
    .map(([id]) => id);
  return { ids, total: pre.size };
}

/** The facts of the pre-selected profiles that other modules keep: level, open proposals, consent, recognition. */
async function enrich<R extends { id: string }>(db: Kysely<DB>, t: string, today: string, rows: R[]) {
  const ids = rows.map((r) => r.id);
  const [levels, open, releases, recognised] = await Promise.all([
    currentLevels(db, t, ids),
    repo.openProposalCounts(db, t, ids),
    repo.employerReleases(db, t, ids, today),
    repo.recognisedQualifications(db, t, ids),
  ]);
  const rec = new Map<string, string[]>();
  for (const q of recognised)
    rec.set(q.person_id, [...(rec.get(q.person_id) ?? []), `${q.esco_uri}|${q.result}`]);
  return rows.map((r) => ({
    ...r,
    level: (levels.get(r.id) ?? null) as string | null,
    open_proposals: open.get(r.id) ?? 0,
    release: releases.has(r.id),
    recognised: rec.get(r.id) ?? [],
  }));
}
type PoolRow = Awaited<ReturnType<typeof pool>>['rows'][number];

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
  const [{ rows, considered }, travel, existing] = await Promise.all([
    pool(db, actor, today, v.occupation),
    travelFunction(db, actor.tenantId),
    repo.placementRows(db, actor.tenantId, { vacancyId: vacancy.id }),
  ]);
  const placements = new Map(existing.map((p) => [p.person_id, p.id]));
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
    considered,
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
  const [{ rows }, travel, existing] = await Promise.all([
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
