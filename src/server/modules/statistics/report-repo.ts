import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';

/** The region's name and its municipalities (for the rows of the report's municipality table). */
export async function loadReportNames(
  db: Kysely<DB>,
  tenantId: string,
): Promise<{ region: string; municipalities: { id: string; name: string }[] }> {
  const [tenant, municipalities] = await Promise.all([
    db.selectFrom('tenant').select('name').where('id', '=', tenantId).executeTakeFirst(),
    db
      .selectFrom('municipality')
      .select(['id', 'name'])
      .where('tenant_id', '=', tenantId)
      .orderBy('name')
      .execute(),
  ]);
  return { region: tenant?.name ?? '', municipalities };
}
