import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema';
import { searchForm } from '../../../domain/text/normalize';
import { nameCandidateIds } from '../persons/repo';
import type { AuditFilter } from './schema';

/**
 * The audit rows of one region matching the viewer's filters, newest first, with the names a reader needs
 * (user, agency, person) and the day a consent was given. The period is in German calendar days.
 */
function filtered(db: Kysely<DB>, tenantId: string, f: AuditFilter) {
  let q = db.selectFrom('audit_log as l').where('l.tenant_id', '=', tenantId);
  if (f.person) q = q.where('l.person_id', '=', f.person);
  if (f.user) q = q.where('l.user_id', '=', f.user);
  if (f.action) q = q.where('l.action', '=', f.action);
  if (f.outcome) q = q.where('l.outcome', '=', f.outcome);
  if (f.from) q = q.where('l.at', '>=', sql<Date>`(${f.from}::date)::timestamp AT TIME ZONE 'Europe/Berlin'`);
  if (f.to) q = q.where('l.at', '<', sql<Date>`(${f.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Berlin'`);
  return q;
}

export async function countAudit(db: Kysely<DB>, tenantId: string, f: AuditFilter): Promise<number> {
  const row = await filtered(db, tenantId, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findAudit(
  db: Kysely<DB>,
  tenantId: string,
  f: AuditFilter,
  page: { limit: number; offset: number },
) {
  return filtered(db, tenantId, f)
    .leftJoin('app_user as u', (j) => j.onRef('u.id', '=', 'l.user_id').on('u.tenant_id', '=', tenantId))
    .leftJoin('agency as a', (j) => j.onRef('a.id', '=', 'l.agency_id').on('a.tenant_id', '=', tenantId))
    .leftJoin('person as p', (j) => j.onRef('p.id', '=', 'l.person_id').on('p.tenant_id', '=', tenantId))
    .leftJoin('consent as c', (j) => j.onRef('c.id', '=', 'l.consent_id').on('c.tenant_id', '=', tenantId))
    .select([
      'l.id',
      'l.at',
      'l.user_id',
      'u.display_name as user_name',
      'l.role',
      'a.name as agency_name',
      'l.action',
      'l.outcome',
      'l.person_id',
      'p.family_name',
      'p.given_names',
      'l.legal_basis',
      'l.consent_id',
      'c.given_on as consent_given_on',
      'l.purpose',
      sql<string | null>`l.details->>'reason'`.as('reason'),
    ])
    .orderBy('l.at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}
export type AuditRow = Awaited<ReturnType<typeof findAudit>>[number];

/** Users of the region by id: the viewer refuses a filter on a user of another region. */
export async function userInTenant(db: Kysely<DB>, tenantId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Persons of the region by name for the viewer's person picker: identity only (name, birth year), also
 * merged records, since their trail stays in the log.
 */
export async function lookupPersons(db: Kysely<DB>, tenantId: string, q: string, limit = 20) {
  const ids = await nameCandidateIds(db, tenantId, q);
  let query = db
    .selectFrom('person')
    .select(['id', 'family_name', 'given_names', 'birth_date'])
    .where('tenant_id', '=', tenantId);
  if (ids !== null) {
    if (ids.length === 0) return [];
    query = query.where('id', 'in', ids);
  } else query = query.where(sql<boolean>`${searchForm(q)} <% search_text`);
  return query.orderBy('family_name').orderBy('given_names').orderBy('id').limit(limit).execute();
}

/** The case owner of a person of the region, for deciding who may see the person's trail. */
export function personOwner(db: Kysely<DB>, q: { tenantId: string; personId: string }) {
  return db
    .selectFrom('person')
    .select(['owner_user_id'])
    .where('tenant_id', '=', q.tenantId)
    .where('id', '=', q.personId)
    .executeTakeFirst();
}

/** One page of the audit rows naming a person, newest first, with user and agency names. */
export function personTrailRows(
  db: Kysely<DB>,
  q: { tenantId: string; personId: string; limit: number; offset: number },
) {
  return db
    .selectFrom('audit_log as l')
    .leftJoin('app_user as u', 'u.id', 'l.user_id')
    .leftJoin('agency as a', 'a.id', 'l.agency_id')
    .select([
      'l.id',
      'l.at',
      'u.display_name',
      'a.name as agency_name',
      'l.role',
      'l.action',
      'l.outcome',
      'l.legal_basis',
      'l.purpose',
    ])
    .where('l.tenant_id', '=', q.tenantId)
    .where('l.person_id', '=', q.personId)
    .orderBy('l.at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
}
export type PersonTrailRow = Awaited<ReturnType<typeof personTrailRows>>[number];
