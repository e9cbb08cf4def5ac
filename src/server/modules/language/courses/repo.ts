import type { Kysely } from 'kysely';
import type { DB } from '../../../../db/schema';
import type { CourseTypeInfo } from '../../../../domain/language';
import type { CourseScope } from '../scope';
import { takenSeats } from '../scope';
import type { CourseOut, CourseQuery } from './schema';

function baseQuery(db: Kysely<DB>, tenantId: string, scope: CourseScope) {
  let q = db
    .selectFrom('course as c')
    .innerJoin('course_provider as pr', 'pr.id', 'c.provider_id')
    .innerJoin('agency as a', 'a.id', 'pr.agency_id')
    .innerJoin('course_place as pl', 'pl.id', 'c.place_id')
    .innerJoin('municipality as m', 'm.id', 'pl.municipality_id')
    .select([
      'c.id',
      'c.version',
      'c.ref',
      'c.course_type',
      'c.provider_id',
      'a.name as provider_name',
      'c.place_id',
      'pl.name as place_name',
      'pl.address as place_address',
      'pl.municipality_id',
      'm.name as municipality_name',
      'pl.lat',
      'pl.lon',
      'c.entry_levels',
      'c.target_level',
      'c.hours',
      'c.schedule',
      'c.start_date',
      'c.end_date',
      'c.seats',
      'c.childcare',
      'c.women_only',
      'c.status',
    ])
    .where('c.tenant_id', '=', tenantId);
  if (scope.kind === 'provider') q = q.where('c.provider_id', '=', scope.providerId);
  return q;
}
type CourseRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function present(r: CourseRow, taken: number, labels: Map<string, string>): CourseOut {
  return {
    id: r.id,
    version: r.version,
    ref: r.ref,
    type: r.course_type,
    typeLabel: labels.get(r.course_type) ?? r.course_type,
    provider: { id: r.provider_id, name: r.provider_name },
    place: {
      id: r.place_id,
      name: r.place_name,
      address: r.place_address,
      municipalityId: r.municipality_id,
      municipality: r.municipality_name,
      lat: r.lat,
      lon: r.lon,
    },
    entryLevels: r.entry_levels,
    targetLevel: r.target_level,
    hours: r.hours,
    schedule: r.schedule,
    startDate: r.start_date,
    endDate: r.end_date,
    seats: r.seats,
    taken,
    free: Math.max(0, r.seats - taken),
    childcare: r.childcare,
    womenOnly: r.women_only,
    status: r.status,
  };
}

const labelsOf = (types: readonly CourseTypeInfo[]) => new Map(types.map((t) => [t.id, t.label.de]));

export async function listCourses(
  db: Kysely<DB>,
  tenantId: string,
  scope: CourseScope,
  q: CourseQuery,
  types: readonly CourseTypeInfo[],
) {
  let query = baseQuery(db, tenantId, scope);
  if (q.type) query = query.where('c.course_type', '=', q.type);
  if (q.municipalityId) query = query.where('pl.municipality_id', '=', q.municipalityId);
  if (q.providerId) query = query.where('c.provider_id', '=', q.providerId);
  if (q.status) query = query.where('c.status', '=', q.status);
  if (q.from) query = query.where('c.start_date', '>=', q.from);
  if (q.to) query = query.where('c.start_date', '<=', q.to);
  const rows = await query.orderBy('c.start_date').orderBy('c.ref').execute();
  const taken = await takenSeats(
    db,
    tenantId,
    rows.map((r) => r.id),
  );
  const labels = labelsOf(types);
  let items = rows.map((r) => present(r, taken.get(r.id) ?? 0, labels));
  if (q.freeSeats === 'true') items = items.filter((c) => c.free > 0);
  if (q.freeSeats === 'false') items = items.filter((c) => c.free === 0);
  return { total: items.length, items: items.slice(q.offset, q.offset + q.limit) };
}

export async function findCourse(
  db: Kysely<DB>,
  tenantId: string,
  scope: CourseScope,
  id: string,
  types: readonly CourseTypeInfo[],
): Promise<CourseOut | undefined> {
  const r = await baseQuery(db, tenantId, scope).where('c.id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  const taken = await takenSeats(db, tenantId, [id]);
  return present(r, taken.get(id) ?? 0, labelsOf(types));
}
