import type { Kysely } from 'kysely';
import type { DB } from '../../../../db/schema';
import type { Actor } from '../../../../domain/access/person-access';
import { travelKey, travelMatrix } from '../../../../domain/language';
import { badRequest } from '../../../http/errors';
import { writeAudit } from '../../audit/audit-writer';
import { courseScope, ensureMunicipalityPlaces, ensureProviders, requireStaff } from '../scope';
import * as repo from './places-repo';
import type { PlaceOut, ProviderOut, TravelTimesOut } from './schema';

/** The region's course providers, places and travel times (the service behind their routes). */

/** Course providers (agencies of the kind education provider); a provider sees only itself. */
export async function listProviders(db: Kysely<DB>, actor: Actor): Promise<ProviderOut[]> {
  const scope = await courseScope(db, actor);
  await ensureProviders(db, actor.tenantId);
  const rows = await repo.providersOfRegion(db, actor.tenantId, scope);
  return rows.map((p) => ({
    id: p.id,
    agencyId: p.agency_id,
    name: p.name,
    bamfNumber: p.bamf_number,
    contactEmail: p.contact_email,
    contactPhone: p.contact_phone,
  }));
}

/** Places: municipalities (where clients live) and course venues, with coordinates. */
export async function listPlaces(db: Kysely<DB>, actor: Actor): Promise<PlaceOut[]> {
  await courseScope(db, actor);
  await ensureMunicipalityPlaces(db, actor.tenantId);
  const rows = await repo.placesOfRegion(db, actor.tenantId);
  return rows.map((p) => ({
    id: p.id,
    kind: p.kind,
    name: p.name,
    municipalityId: p.municipality_id,
    municipality: p.municipality,
    officeId: p.office_id,
    address: p.address,
    lat: p.lat,
    lon: p.lon,
  }));
}

/**
 * Creates a course venue (IP staff only: places are the region's data, shared by every provider — a
 * provider picks one). Without coordinates those of the municipality apply. 400 for an unknown
 * municipality or office and for a name the region already has. One audit row.
 */
export async function createPlace(
  db: Kysely<DB>,
  actor: Actor,
  b: {
    name: string;
    municipalityId: string;
    officeId?: string;
    address?: string;
    lat?: number;
    lon?: number;
  },
  requestId?: string,
): Promise<{ id: string }> {
  requireStaff(actor);
  const m = await repo.municipalityCoordinates(db, {
    tenantId: actor.tenantId,
    municipalityId: b.municipalityId,
  });
  if (!m) throw badRequest('Ungültige Eingabe', [{ path: 'municipalityId', message: 'unbekannte Kommune' }]);
  if (b.officeId) {
    const o = await repo.findOffice(db, { tenantId: actor.tenantId, officeId: b.officeId });
    if (!o) throw badRequest('Ungültige Eingabe', [{ path: 'officeId', message: 'unbekannter Standort' }]);
  }
  const clash = await repo.placeNamed(db, { tenantId: actor.tenantId, name: b.name });
  if (clash)
    throw badRequest('Ungültige Eingabe', [{ path: 'name', message: 'diesen Ortsnamen gibt es schon' }]);
  const row = await repo.insertVenue(db, {
    tenantId: actor.tenantId,
    name: b.name,
    municipalityId: m.id,
    officeId: b.officeId ?? null,
    address: b.address ?? null,
    lat: b.lat ?? m.lat,
    lon: b.lon ?? m.lon,
  });
  await writeAudit(
    db,
    actor,
    { action: 'create', entity: 'course_place', entityId: row.id, details: { name: b.name } },
    requestId,
  );
  return row;
}

/** Travel minutes from every municipality to every place: imported, else estimated. */
export async function travelTimes(db: Kysely<DB>, actor: Actor): Promise<TravelTimesOut> {
  await courseScope(db, actor);
  await ensureMunicipalityPlaces(db, actor.tenantId);
  const [places, imported] = await Promise.all([
    repo.placeCoordinates(db, actor.tenantId),
    repo.importedTravelTimes(db, actor.tenantId),
  ]);
  const homes = places.filter((p) => p.kind === 'municipality');
  const venues = places;
  const matrix = travelMatrix(
    homes,
    venues,
    new Map(imported.map((t) => [travelKey(t.from_place_id, t.to_place_id), t.minutes])),
  );
  return {
    places: places.map((p) => ({ id: p.id, name: p.name, kind: p.kind })),
    entries: Object.entries(matrix).flatMap(([from, row]) =>
      Object.entries(row).map(([to, e]) => ({ from, to, minutes: e.minutes, source: e.source })),
    ),
  };
}
