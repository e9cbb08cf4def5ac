import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../../db/schema';
import type { Actor } from '../../../../domain/access/person-access';
import { personScope } from '../../persons/scope';
import type { WaitlistQuery } from './schema';

/** The region's waitlist entries of one status in the actor's person scope, oldest first. */
export function waitlistEntries(db: Kysely<DB>, actor: Actor, q: WaitlistQuery, today: string) {
  let query = db
    .selectFrom('waitlist_entry as w')
    .innerJoin('person', 'person.id', 'w.person_id')
    .leftJoin('municipality as m', 'm.id', 'person.municipality_id')
    .select([
      'w.id',
      'w.version',
      'w.person_id',
      'person.given_names',
      'person.family_name',
      'person.gender',
      'm.name as municipality',
      'w.course_types',
      'w.since',
      'w.needs_childcare',
      'w.needs_women_only',
      'w.status',
    ])
    .where('w.tenant_id', '=', actor.tenantId)
    .where('w.status', '=', q.status)
    .where(personScope(actor, today));
  // Kysely turns a JS array into a value list "($1)", so `@> [x]` compared text[] with text (a 500 for
  // any value); ANY() takes the single value as a parameter.
  if (q.courseType) query = query.where(sql<boolean>`${q.courseType} = ANY(w.course_types)`);
  if (q.municipalityId) query = query.where('person.municipality_id', '=', q.municipalityId);
  if (q.since) query = query.where('w.since', '>=', q.since);
  return query.orderBy('w.since').orderBy('w.id').execute();
}

/** Everyone waiting in the region: home municipality, wanted course types, waiting since. */
export function waitingDemand(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('waitlist_entry as w')
    .innerJoin('person as p', 'p.id', 'w.person_id')
    .select(['p.municipality_id', 'w.course_types', 'w.since'])
    .where('w.tenant_id', '=', tenantId)
    .where('w.status', '=', 'waiting')
    .execute();
}

/** Planned courses of the region starting between two days, with the municipality of their place. */
export function plannedCourses(db: Kysely<DB>, q: { tenantId: string; from: string; to: string }) {
  return db
    .selectFrom('course as c')
    .innerJoin('course_place as pl', 'pl.id', 'c.place_id')
    .select(['c.id', 'pl.municipality_id', 'c.course_type', 'c.start_date', 'c.seats'])
    .where('c.tenant_id', '=', q.tenantId)
    .where('c.status', '=', 'planned')
    .where('c.start_date', '>=', q.from)
    .where('c.start_date', '<=', q.to)
    .execute();
}

export function municipalityNames(db: Kysely<DB>, tenantId: string) {
  return db.selectFrom('municipality').select(['id', 'name']).where('tenant_id', '=', tenantId).execute();
}

/** The region's persons (merged records left out) with the facts progress is grouped by. */
export function progressPersons(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('person')
    .select(['id', 'ip_entry_date', 'municipality_id', 'nationalities', 'gender'])
    .where('tenant_id', '=', tenantId)
    .where('merged_into', 'is', null)
    .execute();
}

/** Every language assessment of the region. */
export function assessments(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('language_assessment')
    .select(['person_id', 'assessed_on', 'overall'])
    .where('tenant_id', '=', tenantId)
    .execute();
}
