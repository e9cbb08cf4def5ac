import type { Kysely } from 'kysely';
import type { DB } from '../../../../db/schema';
import { courseTypesOf } from '../../language/course-types';
import type { PersonDataExport } from '../collect';

/** Names the document shows instead of ids: places, the contact person, the course types' German names. */
export interface DocumentContext {
  municipalities: Map<string, string>;
  owner: string | null;
  ownerAgency: string | null;
  /** German names of the tenant's course types (for a type the catalogues do not know). */
  courseTypes: Map<string, string>;
}

export async function documentContext(
  db: Kysely<DB>,
  tenantId: string,
  data: PersonDataExport,
): Promise<DocumentContext> {
  const p = data.person;
  const placeIds = [p.municipality_id, p.wohnsitzauflage_municipality_id].filter((x): x is string => !!x);
  const [places, owner, types] = await Promise.all([
    placeIds.length === 0
      ? []
      : db
          .selectFrom('municipality')
          .select(['id', 'name'])
          .where('tenant_id', '=', tenantId)
          .where('id', 'in', placeIds)
          .execute(),
    // The contact person and the responsible agency, in one look-up from the person row.
    db
      .selectFrom('person as p')
      .leftJoin('app_user as u', (j) =>
        j.onRef('u.id', '=', 'p.owner_user_id').onRef('u.tenant_id', '=', 'p.tenant_id'),
      )
      .leftJoin('agency as a', (j) =>
        j.onRef('a.id', '=', 'p.owner_agency_id').onRef('a.tenant_id', '=', 'p.tenant_id'),
      )
      .select(['u.display_name as owner', 'a.name as agency'])
      .where('p.tenant_id', '=', tenantId)
      .where('p.id', '=', p.id)
      .executeTakeFirst(),
    courseTypesOf(db, tenantId),
  ]);
  return {
    municipalities: new Map(places.map((m) => [m.id, m.name])),
    owner: owner?.owner ?? null,
    ownerAgency: owner?.agency ?? null,
    courseTypes: new Map(types.map((c) => [c.id, c.label.de])),
  };
}
