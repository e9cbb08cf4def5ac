import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../../db/schema';
import type { Actor } from '../../../../domain/access/person-access';
import { type CourseTypeInfo, currentAssessment, levelRank } from '../../../../domain/language';
import { todayInGermany } from '../../../../domain/reference/dates';
import { badRequest, conflict, forbidden, notFound } from '../../../http/errors';
import { requireAccess } from '../../access';
import { writeAudit } from '../../audit/audit-writer';
import { personScope } from '../../persons/scope';
import { type CourseScope, courseScope, ensureProviders, takenSeats } from '../scope';
import { findCourse } from './repo';
import type { CourseCreate, CourseOut, CourseUpdate, EnrolmentUpdate } from './schema';

/** Providers enter their courses through their own scope; staff name the provider. */
async function providerFor(
  db: Kysely<DB>,
  actor: Actor,
  scope: CourseScope,
  providerId: string | undefined,
): Promise<string> {
  if (scope.kind === 'provider') {
    if (providerId && providerId !== scope.providerId)
      throw forbidden('Sie können nur Kurse Ihres eigenen Trägers anlegen.');
    return scope.providerId;
  }
  if (!providerId)
    throw badRequest('Ungültige Eingabe', [{ path: 'providerId', message: 'Pflichtfeld für Mitarbeitende' }]);
  await ensureProviders(db, actor.tenantId);
  const p = await db
    .selectFrom('course_provider')
    .select('id')
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', providerId)
    .executeTakeFirst();
  if (!p) throw badRequest('Ungültige Eingabe', [{ path: 'providerId', message: 'unbekannter Kursträger' }]);
  return p.id;
}

async function checkPlace(db: Kysely<DB>, tenantId: string, placeId: string): Promise<void> {
  const p = await db
    .selectFrom('course_place')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', placeId)
    .executeTakeFirst();
  if (!p) throw badRequest('Ungültige Eingabe', [{ path: 'placeId', message: 'unbekannter Kursort' }]);
}

function checkType(types: readonly CourseTypeInfo[], type: string, path = 'type'): CourseTypeInfo {
  const t = types.find((x) => x.id === type);
  if (!t)
    throw badRequest('Ungültige Eingabe', [
      { path, message: `unbekannte Kursart „${type}“ (GET /api/course-types)` },
    ]);
  return t;
}

function checkLevels(entry: readonly string[], target: string | null | undefined): void {
  if (!target) return;
  const top = Math.max(...entry.map((l) => levelRank(l as never)));
  if (levelRank(target as never) <= top)
    throw badRequest('Ungültige Eingabe', [
      { path: 'targetLevel', message: 'Zielniveau muss über dem höchsten Einstiegsniveau liegen' },
    ]);
}

export async function createCourse(
  db: Kysely<DB>,
  actor: Actor,
  input: CourseCreate,
  types: readonly CourseTypeInfo[],
  requestId?: string,
): Promise<CourseOut> {
  const scope = await courseScope(db, actor);
  const providerId = await providerFor(db, actor, scope, input.providerId);
  const type = checkType(types, input.type);
  await checkPlace(db, actor.tenantId, input.placeId);
  const targetLevel = input.targetLevel === undefined ? type.defaultTargetLevel : input.targetLevel;
  checkLevels(input.entryLevels, targetLevel);
  const exists = await db
    .selectFrom('course')
    .select('id')
    .where('tenant_id', '=', actor.tenantId)
    .where('provider_id', '=', providerId)
    .where('ref', '=', input.ref)
    .executeTakeFirst();
  if (exists) throw conflict(`Kursnummer „${input.ref}“ gibt es bei diesem Träger schon.`);
  const id = await db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('course')
      .values({
        tenant_id: actor.tenantId,
        provider_id: providerId,
        place_id: input.placeId,
        ref: input.ref,
        course_type: type.id,
        entry_levels: input.entryLevels,
        target_level: targetLevel,
        hours: input.hours ?? type.defaultHours,
        schedule: input.schedule ?? null,
        start_date: input.startDate,
        end_date: input.endDate ?? null,
        seats: input.seats,
        childcare: input.childcare,
        women_only: input.womenOnly,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(
      tx,
      actor,
      {
        action: 'create',
        entity: 'course',
        entityId: row.id,
        details: { ref: input.ref, type: type.id, seats: input.seats },
      },
      requestId,
    );
    return row.id;
  });
  return (await findCourse(db, actor.tenantId, scope, id, types))!;
}

const COLUMN: Record<string, keyof DB['course']> = {
  placeId: 'place_id',
  entryLevels: 'entry_levels',
  targetLevel: 'target_level',
  hours: 'hours',
  schedule: 'schedule',
  startDate: 'start_date',
  endDate: 'end_date',
  seats: 'seats',
  childcare: 'childcare',
  womenOnly: 'women_only',
  status: 'status',
};

/** Seats, dates, status …: optimistic locking (409 with the current course on a stale version). */
export async function updateCourse(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: CourseUpdate,
  types: readonly CourseTypeInfo[],
  requestId?: string,
): Promise<CourseOut> {
  await requireAccess(db, actor, 'courses:manage', { courseIds: [id] });
  const scope = await courseScope(db, actor);
  const before = await findCourse(db, actor.tenantId, scope, id, types);
  if (!before) throw notFound('Kurs');
  if (input.placeId) await checkPlace(db, actor.tenantId, input.placeId);
  const entry = input.entryLevels ?? before.entryLevels;
  checkLevels(entry, input.targetLevel === undefined ? before.targetLevel : input.targetLevel);
  if (input.seats !== undefined && input.seats < before.taken)
    throw badRequest('Ungültige Eingabe', [
      { path: 'seats', message: `${before.taken} Plätze sind schon vergeben` },
    ]);
  const start = input.startDate ?? before.startDate;
  const end = input.endDate === undefined ? before.endDate : input.endDate;
  if (end && end < start)
    throw badRequest('Ungültige Eingabe', [{ path: 'endDate', message: 'liegt vor dem Beginn' }]);
  const set: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (COLUMN[k] && v !== undefined) set[COLUMN[k]] = v;
  const ok = await db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable('course')
      .set({ ...set, version: input.version + 1, updated_at: new Date() })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    await writeAudit(
      tx,
      actor,
      { action: 'update', entity: 'course', entityId: id, details: { fields: Object.keys(set) } },
      requestId,
    );
    return true;
  });
  const current = (await findCourse(db, actor.tenantId, scope, id, types))!;
  if (!ok)
    throw conflict('Der Kurs wurde inzwischen geändert. Bitte prüfen Sie den aktuellen Stand.', current);
  return current;
}

export const PROVIDER_BASIS =
  '§ 8 IntV, § 4 DeuFöV, § 69 Abs. 1 Nr. 1 SGB X (Teilnahme am zugewiesenen Kurs)';

/**
 * Participants of a course: names and levels only. A provider sees those of its own courses; staff see
 * those in their record scope (the same WHERE clause as the person search). Each participant shown is one
 * audit row.
 */
export async function courseParticipants(
  db: Kysely<DB>,
  actor: Actor,
  courseId: string,
  types: readonly CourseTypeInfo[],
  requestId?: string,
) {
  await requireAccess(db, actor, 'courses:read', { courseIds: [courseId] });
  const scope = await courseScope(db, actor);
  const course = await findCourse(db, actor.tenantId, scope, courseId, types);
  if (!course) throw notFound('Kurs');
  let q = db
    .selectFrom('enrolment as e')
    .innerJoin('person', 'person.id', 'e.person_id')
    .select([
      'e.id',
      'e.version',
      'e.person_id',
      'person.given_names',
      'person.family_name',
      'e.status',
      'e.start_date',
      'e.attendance_percent',
      'e.result_level',
      'e.certificate_ref',
    ])
    .where('e.tenant_id', '=', actor.tenantId)
    .where('e.course_id', '=', courseId);
  if (scope.kind === 'all') q = q.where(personScope(actor, todayInGermany()));
  const rows = await q.orderBy('person.family_name').orderBy('person.given_names').execute();
  const ids = rows.map((r) => r.person_id);
  const assessments = ids.length
    ? await db
        .selectFrom('language_assessment')
        .select(['person_id', 'assessed_on', 'overall', 'recorded_at'])
        .where('tenant_id', '=', actor.tenantId)
        .where('person_id', 'in', ids)
        .execute()
    : [];
  const levels = new Map<string, string>();
  for (const id of ids) {
    const cur = currentAssessment(
      assessments
        .filter((a) => a.person_id === id)
        .map((a) => ({
          assessedOn: a.assessed_on,
          overall: a.overall as never,
          recordedAt: new Date(a.recorded_at).toISOString(),
        })),
    );
    if (cur) levels.set(id, cur.overall);
  }
  for (const r of rows)
    await writeAudit(
      db,
      actor,
      {
        action: 'read_course_participant',
        entity: 'person',
        entityId: r.person_id,
        personId: r.person_id,
        legalBasis: scope.kind === 'provider' ? PROVIDER_BASIS : null,
        details: { courseId },
      },
      requestId,
    );
  return rows.map((r) => ({
    enrolmentId: r.id,
    version: r.version,
    personId: r.person_id,
    name: `${r.given_names} ${r.family_name}`,
    currentLevel: levels.get(r.person_id) ?? null,
    status: r.status,
    startDate: r.start_date,
    attendancePercent: r.attendance_percent,
    resultLevel: r.result_level,
    certificateRef: r.certificate_ref,
  }));
}

/**
 * Attendance and results, by the provider of the course or the language advisor. A result level becomes a
 * new language assessment (kind course_result), so the person's history and the progress figures follow.
 */
export async function updateEnrolment(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: EnrolmentUpdate,
  types: readonly CourseTypeInfo[],
  requestId?: string,
) {
  const scope = await courseScope(db, actor);
  const e = await db
    .selectFrom('enrolment')
    .selectAll()
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!e) throw notFound('Kursteilnahme');
  const course = await findCourse(db, actor.tenantId, scope, e.course_id, types);
  if (!course) throw notFound('Kursteilnahme');
  // "nimmt teil" or "abgeschlossen" before the first lesson would count a seat as used that is not yet.
  if ((input.status === 'attending' || input.status === 'completed') && course.startDate > todayInGermany())
    throw badRequest('Ungültige Eingabe', [
      {
        path: 'status',
        message: `Der Kurs beginnt erst am ${course.startDate.slice(8, 10)}.${course.startDate.slice(5, 7)}.${course.startDate.slice(0, 4)}.`,
      },
    ]);
  if (
    input.status &&
    ['enrolled', 'attending', 'completed'].includes(input.status) &&
    !['enrolled', 'attending', 'completed'].includes(e.status)
  ) {
    const taken = (await takenSeats(db, actor.tenantId, [course.id])).get(course.id) ?? 0;
    if (taken >= course.seats)
      throw badRequest('Ungültige Eingabe', [{ path: 'status', message: 'der Kurs ist voll' }]);
  }
  const today = todayInGermany();
  const ok = await db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable('enrolment')
      .where('tenant_id', '=', actor.tenantId)
      .set({
        ...(input.status ? { status: input.status } : {}),
        ...(input.attendancePercent !== undefined ? { attendance_percent: input.attendancePercent } : {}),
        ...(input.resultLevel ? { result_level: input.resultLevel } : {}),
        ...(input.certificateRef !== undefined ? { certificate_ref: input.certificateRef } : {}),
        ...(input.endDate ? { end_date: input.endDate } : {}),
        version: sql<number>`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    if (input.resultLevel && input.resultLevel !== e.result_level) {
      await tx
        .insertInto('language_assessment')
        .values({
          tenant_id: actor.tenantId,
          person_id: e.person_id,
          assessed_on: input.endDate ?? today,
          test_kind: 'course_result',
          overall: input.resultLevel,
          certificate_ref: input.certificateRef ?? null,
          examiner: course.provider.name,
          note: `Kurs ${course.ref}`,
          recorded_by: actor.userId,
        })
        .execute();
    }
    await writeAudit(
      tx,
      actor,
      {
        action: 'update',
        entity: 'enrolment',
        entityId: id,
        personId: e.person_id,
        legalBasis: actor.role === 'partner' ? PROVIDER_BASIS : null,
        details: { fields: Object.keys(input).filter((k) => k !== 'version') },
      },
      requestId,
    );
    return true;
  });
  const current = await db
    .selectFrom('enrolment')
    .selectAll()
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const out = {
    id: current.id,
    version: current.version,
    personId: current.person_id,
    courseId: current.course_id,
    status: current.status,
    startDate: current.start_date,
    endDate: current.end_date,
    attendancePercent: current.attendance_percent,
    resultLevel: current.result_level,
    certificateRef: current.certificate_ref,
  };
  if (!ok) throw conflict('Die Kursteilnahme wurde inzwischen geändert.', out);
  return out;
}
