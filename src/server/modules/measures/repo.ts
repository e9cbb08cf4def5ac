import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema';
import type { MeasureInput } from '../../../domain/measures/table';

// The measures module's SQL; it alone writes `measure`.

const COLUMNS = {
  title: 'title',
  type: 'type',
  provider: 'provider',
  description: 'description',
  location: 'location',
  places: 'places',
  startDate: 'start_date',
  endDate: 'end_date',
  rechtskreise: 'rechtskreise',
  residenceKinds: 'residence_kinds',
  minAge: 'min_age',
  maxAge: 'max_age',
  minLevel: 'min_level',
  gender: 'gender',
  needsWorkAccess: 'needs_work_access',
  contactName: 'contact_name',
  contactEmail: 'contact_email',
  contactPhone: 'contact_phone',
  active: 'active',
} as const;

/** Only the fields given: a field sent alone changes that column alone. */
export function toColumns(m: Partial<MeasureInput & { active: boolean }>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [f, c] of Object.entries(COLUMNS)) {
    const v = (m as Record<string, unknown>)[f];
    if (v !== undefined) out[c] = v;
  }
  return out;
}

export function listMeasures(
  db: Kysely<DB>,
  tenantId: string,
  f: { q?: string; type?: string; includeInactive?: boolean; ids?: readonly string[] },
) {
  return db
    .selectFrom('measure')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .$if(!f.includeInactive, (q) => q.where('active', '=', true))
    .$if(f.type !== undefined, (q) => q.where('type', '=', f.type as string))
    .$if(f.ids !== undefined, (q) => q.where('id', 'in', [...(f.ids ?? [])]))
    .$if(!!f.q, (q) =>
      q.where(
        sql<boolean>`lower(title || ' ' || provider || ' ' || coalesce(description, '')) LIKE ${`%${(f.q ?? '').toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`}`,
      ),
    )
    .orderBy('start_date', 'asc')
    .orderBy('title')
    .limit(500)
    .execute();
}
export type MeasureRow = Awaited<ReturnType<typeof listMeasures>>[number];

export async function insertMeasures(
  db: Kysely<DB>,
  tenantId: string,
  createdBy: string,
  items: readonly Partial<MeasureInput>[],
): Promise<string[]> {
  if (items.length === 0) return [];
  const rows = await db
    .insertInto('measure')
    .values(items.map((m) => ({ ...toColumns(m), tenant_id: tenantId, created_by: createdBy }) as never))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function updateMeasure(
  db: Kysely<DB>,
  tenantId: string,
  id: string,
  version: number,
  set: Record<string, unknown>,
): Promise<boolean> {
  const r = await db
    .updateTable('measure')
    .set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: new Date() }) as never)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
