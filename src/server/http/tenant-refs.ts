import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { badRequest, type IssueOut } from './errors';

/** Tables a write may point into; each has `tenant_id`. */
const WHAT: Record<RefTable, string> = {
  municipality: 'unbekannte Kommune in dieser Region',
  agency: 'unbekannte Stelle in dieser Region',
  app_user: 'unbekannte Mitarbeiterin oder unbekannter Mitarbeiter in dieser Region',
  person: 'unbekannte Person in dieser Region',
  office: 'unbekannter Standort in dieser Region',
  course_place: 'unbekannter Kursort in dieser Region',
  course_provider: 'unbekannter Kursträger in dieser Region',
  course: 'unbekannter Kurs in dieser Region',
};
export type RefTable =
  | 'municipality'
  | 'agency'
  | 'app_user'
  | 'person'
  | 'office'
  | 'course_place'
  | 'course_provider'
  | 'course';

/** A foreign id in a write: the field path the client used, the table it must exist in, the id (if sent). */
export interface TenantRef {
  path: string;
  table: RefTable;
  id: string | null | undefined;
}

/**
 * Every foreign id of a write must name a row of the actor's own tenant (ids are global, so a database
 * foreign key alone would accept another region's municipality or person). One query per table; all
 * missing ids are named at once → 400 with their field paths.
 */
export async function assertTenantRefs(
  db: Kysely<DB>,
  tenantId: string,
  refs: readonly TenantRef[],
): Promise<void> {
  const wanted = refs.filter((r): r is TenantRef & { id: string } => typeof r.id === 'string');
  const tables = [...new Set(wanted.map((r) => r.table))];
  const found = new Set<string>();
  for (const table of tables) {
    const ids = [...new Set(wanted.filter((r) => r.table === table).map((r) => r.id))];
    const rows = await sql<{ id: string }>`
      SELECT id FROM ${sql.table(table)} WHERE tenant_id = ${tenantId} AND id IN (${sql.join(ids)})`.execute(
      db,
    );
    for (const r of rows.rows) found.add(`${table}|${r.id}`);
  }
  const issues: IssueOut[] = wanted
    .filter((r) => !found.has(`${r.table}|${r.id}`))
    .map((r) => ({ path: r.path, message: WHAT[r.table] }));
  if (issues.length > 0) throw badRequest('Ungültige Eingabe', issues);
}
