import type { Kysely } from 'kysely';
import type { DB, ProfileExperience, ProfileTraining } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { todayInGermany } from '../../../domain/reference/dates';
import { badRequest, conflict, forbidden } from '../../http/errors';
import { writeAudit } from '../audit/audit-writer';
import { occupationCatalogue } from '../occupations/esco-index';
import { authorizePerson, decidePerson } from '../persons/service';
import { emptyProfile, presentProfile } from './presenter';
import * as repo from './repo';
import type { ProfileInput } from './schema';

// The competence profile (issue 14): school, training, studies, work experience with ESCO occupations,
// driving licences, mobility, hours, childcare and wishes. Data category 'profile' of the person.

const COLUMNS = {
  schoolYears: 'school_years',
  schoolDegree: 'school_degree',
  schoolCountry: 'school_country',
  training: 'training',
  studies: 'studies',
  experience: 'experience',
  wishedUris: 'wished_uris',
  drivingLicences: 'driving_licences',
  maxTravelMinutes: 'max_travel_minutes',
  hoursMin: 'hours_min',
  hoursMax: 'hours_max',
  childcare: 'childcare',
  availableFrom: 'available_from',
  wishes: 'wishes',
} as const satisfies Record<keyof Omit<ProfileInput, 'version'>, string>;
const JSON_COLUMNS = new Set(['training', 'studies', 'experience']);

export interface MatchKeys {
  match_uris: string[];
  match_isco4: string[];
  match_isco3: string[];
  match_skills: number[];
  years_by_isco: string;
}

/**
 * What matching preselects and orders by in SQL: the occupations (ESCO URIs, ISCO unit and minor groups)
 * the person has worked in, trained for or wishes, the essential skills of those worked in or trained
 * for, and the years of work per unit group.
 */
export function matchKeys(
  experience: readonly ProfileExperience[],
  training: readonly ProfileTraining[],
  wished: readonly string[],
): MatchKeys {
  const cat = occupationCatalogue();
  const uris = new Set<string>();
  const isco4 = new Set<string>();
  const isco3 = new Set<string>();
  const skills = new Set<number>();
  const years: Record<string, number> = {};
  const add = (uri: string | null, practised: boolean, y: number) => {
    const o = uri ? cat.get(uri) : undefined;
    if (!o) return;
    uris.add(o.uri);
    if (o.isco) {
      isco4.add(o.isco);
      isco3.add(o.isco.slice(0, 3));
      if (y > 0) years[o.isco] = (years[o.isco] ?? 0) + y;
    }
    if (practised) for (const s of o.skills) skills.add(s);
  };
  for (const e of experience) add(e.escoUri, true, e.years);
  for (const t of training) add(t.escoUri, true, 0);
  for (const w of wished) add(w, false, 0);
  return {
    match_uris: [...uris].sort(),
    match_isco4: [...isco4].sort(),
    match_isco3: [...isco3].sort(),
    match_skills: [...skills].sort((a, b) => a - b),
    years_by_isco: JSON.stringify(years),
  };
}

/** The profile's occupations as rows of work_profile_occupation (see the migration for why). */
export function occupationRows(
  tenantId: string,
  personId: string,
  experience: readonly ProfileExperience[],
  training: readonly ProfileTraining[],
  wished: readonly string[],
) {
  const cat = occupationCatalogue();
  const rows: {
    tenant_id: string;
    person_id: string;
    esco_uri: string;
    isco4: string;
    years: number;
    source: 'experience' | 'training' | 'wish';
  }[] = [];
  const add = (uri: string | null, years: number, source: 'experience' | 'training' | 'wish') => {
    const o = uri ? cat.get(uri) : undefined;
    if (o)
      rows.push({ tenant_id: tenantId, person_id: personId, esco_uri: o.uri, isco4: o.isco, years, source });
  };
  for (const e of experience) add(e.escoUri, e.years, 'experience');
  for (const t of training) add(t.escoUri, 0, 'training');
  for (const w of wished) add(w, 0, 'wish');
  return rows;
}

function requireProfileCategory(categories: readonly string[]) {
  if (!categories.includes('profile'))
    throw forbidden('Für das Kompetenzprofil liegt keine Einwilligung vor.');
}

export async function profileOf(db: Kysely<DB>, actor: Actor, personId: string, requestId?: string) {
  const { decision } = await authorizePerson(db, actor, personId, { action: 'read_work_profile', requestId });
  if (!decision.allowed) throw forbidden();
  requireProfileCategory(decision.categories);
  const today = todayInGermany();
  const [row, releases] = await Promise.all([
    repo.profileRow(db, actor.tenantId, personId),
    repo.employerReleases(db, actor.tenantId, [personId], today),
  ]);
  const release = releases.has(personId);
  return row ? presentProfile(row, release) : emptyProfile(personId, release);
}

export async function changeProfile(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  b: ProfileInput,
  requestId?: string,
) {
  const { decision } = await decidePerson(db, actor, personId, { action: 'update_work_profile', requestId });
  if (!decision.allowed) throw forbidden();
  requireProfileCategory(decision.categories);
  const cur = await repo.profileRow(db, actor.tenantId, personId);
  const { version, ...fields } = b;
  const hoursMin = fields.hoursMin !== undefined ? fields.hoursMin : (cur?.hours_min ?? null);
  const hoursMax = fields.hoursMax !== undefined ? fields.hoursMax : (cur?.hours_max ?? null);
  if (hoursMin !== null && hoursMax !== null && hoursMax < hoursMin)
    throw badRequest('Die Stundenspanne ist verdreht.', [
      { path: 'hoursMax', message: 'kleiner als „Stunden ab“' },
    ]);
  const set: Record<string, unknown> = {};
  for (const [f, c] of Object.entries(COLUMNS)) {
    const v = fields[f as keyof typeof COLUMNS];
    if (v !== undefined) set[c] = JSON_COLUMNS.has(c) ? JSON.stringify(v) : v;
  }
  const experience = fields.experience ?? cur?.experience ?? [];
  const training = (fields.training as ProfileTraining[] | undefined) ?? cur?.training ?? [];
  const wished = fields.wishedUris ?? cur?.wished_uris ?? [];
  const keys = matchKeys(experience, training, wished);
  const stale = () =>
    conflict(
      'Das Profil wurde inzwischen geändert. Bitte neu laden.',
      cur ? presentProfile(cur, false) : emptyProfile(personId, false),
    );
  // The profile and its occupation rows change together or not at all.
  await db.transaction().execute(async (tx) => {
    if (version === 0) {
      if (cur) throw stale();
      const r = await tx
        .insertInto('work_profile')
        .values({
          ...set,
          ...keys,
          person_id: personId,
          tenant_id: actor.tenantId,
          updated_by: actor.userId,
        } as never)
        .onConflict((oc) => oc.column('person_id').doNothing())
        .executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) throw stale();
    } else {
      const r = await tx
        .updateTable('work_profile')
        .set(
          (eb) =>
            ({
              ...set,
              ...keys,
              updated_by: actor.userId,
              version: eb('version', '+', 1),
              updated_at: new Date(),
            }) as never,
        )
        .where('tenant_id', '=', actor.tenantId)
        .where('person_id', '=', personId)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw stale();
    }
    if (fields.experience !== undefined || fields.training !== undefined || fields.wishedUris !== undefined) {
      await tx
        .deleteFrom('work_profile_occupation')
        .where('tenant_id', '=', actor.tenantId)
        .where('person_id', '=', personId)
        .execute();
      const rows = occupationRows(actor.tenantId, personId, experience, training, wished);
      if (rows.length) await tx.insertInto('work_profile_occupation').values(rows).execute();
    }
  });
  await writeAudit(
    db,
    actor,
    {
      action: 'update_work_profile',
      entity: 'person',
      entityId: personId,
      personId,
      legalBasis: decision.basis,
      purpose: decision.purpose,
      details: { fields: Object.keys(fields) },
    },
    requestId,
  );
  const [row, releases] = await Promise.all([
    repo.profileRow(db, actor.tenantId, personId),
    repo.employerReleases(db, actor.tenantId, [personId], todayInGermany()),
  ]);
  return presentProfile(row as repo.ProfileRow, releases.has(personId));
}
