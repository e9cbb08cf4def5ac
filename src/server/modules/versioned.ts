import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

type VersionedTable = {
  [K in keyof DB]: DB[K] extends { id: unknown; tenant_id: string; version: unknown; updated_at: unknown }
    ? K
    : never;
}[keyof DB];

/**
 * The optimistic-locking UPDATE every editable record uses: it changes the row only when the version the
 * client read is still the stored one, and counts the version up. False when another edit came first
 * (the caller answers 409) or when the row is not in this tenant.
 */
export async function updateVersioned(
  db: Kysely<DB>,
  table: VersionedTable,
  tenantId: string,
  id: string,
  version: number,
  set: Record<string, unknown>,
): Promise<boolean> {
  // Kysely cannot type a SET over a union of tables: typed as one of them; the columns come from each
  // module's own mapping.
  const r = await db
    .updateTable(table as 'measure')
    .set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: new Date() }) as never)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
