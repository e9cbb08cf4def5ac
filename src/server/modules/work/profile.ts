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

/**
 * What matching preselects by: the 3-digit ISCO groups of every occupation the person has worked in,
 * trained for or wishes, and the essential skills of the ones worked in or trained for.
 */
export function matchKeys(
  experience: readonly ProfileExperience[],
  training: readonly ProfileTraining[],
  wished: readonly string[],
): { match_isco3: string[]; match_skills: number[] } {
  const cat = occupationCatalogue();
  const isco = new Set<string>();
  const skills = new Set<number>();
  const practised = [...experience.map((e) => e.escoUri), ...training.map((t) => t.escoUri)];
  for (const uri of practised) {
    const o = uri ? cat.get(uri) : undefined;
    if (!o) continue;
    if (o.isco) isco.add(o.isco.slice(0, 3));
    for (const s of o.skills) skills.add(s);
  }
  for (const uri of wished) {
    const o = cat.get(uri);
    if (o?.isco) isco.add(o.isco.slice(0, 3));
  }
  return { match_isco3: [...isco].sort(), match_skills: [...skills].sort((a, b) => a - b) };
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
  const keys = matchKeys(
    fields.experience ?? cur?.experience ?? [],
    (fields.training as ProfileTraining[] | undefined) ?? cur?.training ?? [],
    fields.wishedUris ?? cur?.wished_uris ?? [],
  );
  const stale = () =>
    conflict(
      'Das Profil wurde inzwischen geändert. Bitte neu laden.',
      cur ? presentProfile(cur, false) : emptyProfile(personId, false),
    );
  if (version === 0) {
    if (cur) throw stale();
    const r = await db
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
    const r = await db
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
