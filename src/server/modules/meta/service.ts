import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import * as repo from './repo';

export { firstAgencyOfKind } from './repo';

// No German ICU collation in PGlite: names are sorted here.
const collator = new Intl.Collator('de');

/** Agencies of the region by name. */
export function listAgencies(db: Kysely<DB>, tenantId: string) {
  return repo.agencies(db, tenantId);
}

/** Offices of the Integration Point: the main office first, then the satellites by name. */
export async function listOffices(db: Kysely<DB>, tenantId: string) {
  const rows = await repo.offices(db, tenantId);
  return rows.sort((a, b) =>
    a.kind === b.kind ? collator.compare(a.name, b.name) : a.kind === 'main' ? -1 : 1,
  );
}

/** Municipalities of the region with their coordinates, by name. */
export function listMunicipalities(db: Kysely<DB>, tenantId: string) {
  return repo.municipalities(db, tenantId);
}

/**
 * Staff of one agency of the region for choosing the receiving advisor of a handover: id, name and role
 * only, sorted by name.
 */
export async function listStaff(
  db: Kysely<DB>,
  q: {
    /** the reader's region */
    tenantId: string;
    /** the agency whose staff is listed; another region's agency yields none */
    agencyId: string;
  },
): Promise<{ id: string; name: string; role: string }[]> {
  const rows = await repo.activeStaff(db, q);
  return rows
    .map((u) => ({ id: u.id, name: u.display_name, role: u.role }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
