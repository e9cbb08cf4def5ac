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
  const [places, owner, agency, types] = await Promise.all([
    placeIds.length === 0
      ? []
      : db
          .selectFrom('municipality')
          .select(['id', 'name'])
          .where('tenant_id', '=', tenantId)
          .where('id', 'in', placeIds)
          .execute(),
    p.owner_user_id
      ? db
          .selectFrom('app_user')
          .select('display_name')
          .where('tenant_id', '=', tenantId)
          .where('id', '=', p.owner_user_id)
          .executeTakeFirst()
      : undefined,
    p.owner_agency_id
      ? db
          .selectFrom('agency')
          .select('name')
          .where('tenant_id', '=', tenantId)
          .where('id', '=', p.owner_agency_id)
          .executeTakeFirst()
      : undefined,
    courseTypesOf(db, tenantId),
  ]);
  return {
    municipalities: new Map(places.map((m) => [m.id, m.name])),
    owner: owner?.display_name ?? null,
    ownerAgency: agency?.name ?? null,
    courseTypes: new Map(types.map((c) => [c.id, c.label.de])),
  };
}
