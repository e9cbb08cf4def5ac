import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { isCourseProvider } from '../../../domain/access/roles';
import { forbidden } from '../../http/errors';

/**
 * Who sees which courses. Staff of the IP see the region's catalogue. A course provider logs in as role
 * `partner` of its Bildungsträger agency and sees only its own courses (and their participants); any
 * other partner agency (Sozialamt, Ausländerbehörde …) is refused.
 */
export type CourseScope = { kind: 'all' } | { kind: 'provider'; providerId: string };

/** Every Bildungsträger agency of the tenant is a course provider: make sure its row exists. */
export async function ensureProviders(db: Kysely<DB>, tenantId: string): Promise<void> {
  await sql`INSERT INTO course_provider (tenant_id, agency_id)
    SELECT a.tenant_id, a.id FROM agency a WHERE a.tenant_id = ${tenantId} AND a.kind = 'bildungstraeger'
    ON CONFLICT (tenant_id, agency_id) DO NOTHING`.execute(db);
}

/** Each municipality's centre is a place (clients' home for travel times). */
export async function ensureMunicipalityPlaces(db: Kysely<DB>, tenantId: string): Promise<void> {
  await sql`INSERT INTO course_place (tenant_id, kind, name, municipality_id, lat, lon)
    SELECT m.tenant_id, 'municipality', m.name, m.id, m.lat, m.lon FROM municipality m
    WHERE m.tenant_id = ${tenantId}
      AND NOT EXISTS (SELECT 1 FROM course_place p WHERE p.tenant_id = m.tenant_id AND p.kind = 'municipality' AND p.municipality_id = m.id)
    ON CONFLICT DO NOTHING`.execute(db);
}

export async function courseScope(db: Kysely<DB>, actor: Actor): Promise<CourseScope> {
  if (actor.role !== 'partner') return { kind: 'all' };
  if (!isCourseProvider(actor))
    throw forbidden('Kurse sehen nur Bildungsträger und die Mitarbeitenden des Integration Points.');
  await ensureProviders(db, actor.tenantId);
  const p = await db
    .selectFrom('course_provider')
    .select('id')
    .where('tenant_id', '=', actor.tenantId)
    .where('agency_id', '=', actor.agencyId)
    .executeTakeFirstOrThrow();
  return { kind: 'provider', providerId: p.id };
}

/** Staff only (imports of travel times, places): providers manage their courses, not the region's data. */
export function requireStaff(actor: Actor): void {
  if (actor.role === 'partner') throw forbidden('Nur Mitarbeitende des Integration Points.');
}

/** Seats a course has given away: enrolments that are not cancelled or dropped out. */
export const TAKING_STATUSES = ['enrolled', 'attending', 'completed'] as const;

export async function takenSeats(
  db: Kysely<DB>,
  tenantId: string,
  courseIds?: readonly string[],
): Promise<Map<string, number>> {
  if (courseIds && courseIds.length === 0) return new Map();
  let q = db
    .selectFrom('enrolment')
    .select(['course_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('status', 'in', [...TAKING_STATUSES])
    .groupBy('course_id');
  if (courseIds) q = q.where('course_id', 'in', [...courseIds]);
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.course_id, Number(r.n)]));
}
