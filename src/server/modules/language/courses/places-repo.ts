import type { Kysely } from 'kysely';
import type { DB } from '../../../../db/schema';
import type { CourseScope } from '../scope';

/** Providers, places and travel times of the region. Tenant in every WHERE. */

/** Course providers with their agency's name; a provider's own staff sees only its own. */
export function providersOfRegion(db: Kysely<DB>, tenantId: string, scope: CourseScope) {
  let q = db
    .selectFrom('course_provider as p')
    .innerJoin('agency as a', 'a.id', 'p.agency_id')
    .select(['p.id', 'p.agency_id', 'a.name', 'p.bamf_number', 'p.contact_email', 'p.contact_phone'])
    .where('p.tenant_id', '=', tenantId);
  if (scope.kind === 'provider') q = q.where('p.id', '=', scope.providerId);
  return q.orderBy('a.name').execute();
}

/** Places (municipalities and venues) with their municipality's name. */
export function placesOfRegion(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('course_place as p')
    .innerJoin('municipality as m', 'm.id', 'p.municipality_id')
    .select([
      'p.id',
      'p.kind',
      'p.name',
      'p.municipality_id',
      'm.name as municipality',
      'p.office_id',
      'p.address',
      'p.lat',
      'p.lon',
    ])
    .where('p.tenant_id', '=', tenantId)
    .orderBy('m.name')
    .orderBy('p.kind')
    .orderBy('p.name')
    .execute();
}

export function municipalityCoordinates(db: Kysely<DB>, q: { tenantId: string; municipalityId: string }) {
  return db
    .selectFrom('municipality')
    .select(['id', 'lat', 'lon'])
    .where('tenant_id', '=', q.tenantId)
    .where('id', '=', q.municipalityId)
    .executeTakeFirst();
}

export function findOffice(db: Kysely<DB>, q: { tenantId: string; officeId: string }) {
  return db
    .selectFrom('office')
    .select('id')
    .where('tenant_id', '=', q.tenantId)
    .where('id', '=', q.officeId)
    .executeTakeFirst();
}

export function placeNamed(db: Kysely<DB>, q: { tenantId: string; name: string }) {
  return db
    .selectFrom('course_place')
    .select('id')
    .where('tenant_id', '=', q.tenantId)
    .where('name', '=', q.name)
    .executeTakeFirst();
}

export function insertVenue(
  db: Kysely<DB>,
  v: {
    tenantId: string;
    name: string;
    municipalityId: string;
    officeId: string | null;
    address: string | null;
    lat: number;
    lon: number;
  },
) {
  return db
    .insertInto('course_place')
    .values({
      tenant_id: v.tenantId,
      kind: 'venue',
      name: v.name,
      municipality_id: v.municipalityId,
      office_id: v.officeId,
      address: v.address,
      lat: v.lat,
      lon: v.lon,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Every place with its coordinates, by name (for the travel-time matrix). */
export function placeCoordinates(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('course_place')
    .select(['id', 'name', 'kind', 'lat', 'lon'])
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .execute();
}

/** The imported travel times (minutes by public transport). */
export function importedTravelTimes(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('travel_time')
    .select(['from_place_id', 'to_place_id', 'minutes'])
    .where('tenant_id', '=', tenantId)
    .execute();
}
