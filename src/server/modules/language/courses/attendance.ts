import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../../db/schema';
import type { Actor } from '../../../../domain/access/person-access';
import type { CourseTypeInfo } from '../../../../domain/language';
import { todayInGermany } from '../../../../domain/reference/dates';
import { badRequest, notFound } from '../../../http/errors';
import { requireAccess } from '../../access';
import { writeAudit } from '../../audit/audit-writer';
import { personScope } from '../../persons/scope';
import { courseScope } from '../scope';
import { findCourse } from './repo';
import type { AttendanceSave } from './schema';
import { PROVIDER_BASIS } from './service';

/** Who is on the class list: people holding a seat (not dropped out or cancelled). */
const ON_LIST = ['enrolled', 'attending', 'completed'] as const;
const germanDay = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

async function courseFor(db: Kysely<DB>, actor: Actor, courseId: string, types: readonly CourseTypeInfo[]) {
  await requireAccess(db, actor, 'courses:manage', { courseIds: [courseId] });
  const scope = await courseScope(db, actor);
  const course = await findCourse(db, actor.tenantId, scope, courseId, types);
  if (!course) throw notFound('Kurs');
  return { course, scope };
}

/** A lesson day lies within the course and not in the future: otherwise a German message on `day`. */
function checkDay(day: string, course: { startDate: string; endDate: string | null }): void {
  const issue = (message: string) => badRequest('Ungültige Eingabe', [{ path: 'day', message }]);
  if (day < course.startDate) throw issue(`Der Kurs beginnt erst am ${germanDay(course.startDate)}.`);
  if (course.endDate && day > course.endDate) throw issue(`Der Kurs endete am ${germanDay(course.endDate)}.`);
  if (day > todayInGermany()) throw issue('Anwesenheit lässt sich erst am Kurstag erfassen.');
}

function participants(db: Kysely<DB>, actor: Actor, courseId: string, staff: boolean) {
  let q = db
    .selectFrom('enrolment as e')
    .innerJoin('person', 'person.id', 'e.person_id')
    .select([
      'e.id',
      'e.person_id',
      'e.status',
      'e.attendance_percent',
      'person.given_names',
      'person.family_name',
    ])
    .where('e.tenant_id', '=', actor.tenantId)
    .where('e.course_id', '=', courseId)
    .where('e.status', 'in', ON_LIST);
  // Staff see participants in their record scope (as the participant list); a provider its own course's.
  if (staff) q = q.where(personScope(actor, todayInGermany()));
  return q.orderBy('person.family_name').orderBy('person.given_names').execute();
}

/** The class list of one day: every participant with the state recorded that day (or none yet). */
export async function classList(
  db: Kysely<DB>,
  actor: Actor,
  courseId: string,
  day: string,
  types: readonly CourseTypeInfo[],
  requestId?: string,
  /** false after a save: that act has its own audit row per participant already. */
  audit = true,
) {
  const { course, scope } = await courseFor(db, actor, courseId, types);
  const rows = await participants(db, actor, courseId, scope.kind === 'all');
  const states = rows.length
    ? await db
        .selectFrom('course_attendance')
        .select(['enrolment_id', 'state'])
        .where('tenant_id', '=', actor.tenantId)
        .where('day', '=', day)
        .where(
          'enrolment_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  const byEnrolment = new Map(states.map((s) => [s.enrolment_id, s.state]));
  for (const r of audit ? rows : [])
    await writeAudit(
      db,
      actor,
      {
        action: 'read_attendance',
        entity: 'person',
        entityId: r.person_id,
        personId: r.person_id,
        legalBasis: scope.kind === 'provider' ? PROVIDER_BASIS : null,
        details: { courseId, day },
      },
      requestId,
    );
  return {
    day,
    courseStart: course.startDate,
    courseEnd: course.endDate,
    rows: rows.map((r) => ({
      enrolmentId: r.id,
      name: `${r.given_names} ${r.family_name}`,
      status: r.status,
      state: byEnrolment.get(r.id) ?? null,
      attendancePercent: r.attendance_percent,
    })),
  };
}

/**
 * Saves the class list of one day in one transaction: every entry or none. Each participant's attendance
 * share is recomputed from all recorded days (present ÷ recorded days; excused absences count as not
 * present, as on the BAMF attendance list), and a participant still "angemeldet" becomes "nimmt teil" on the
 * first day present. One audit row per participant.
 */
export async function saveClassList(
  db: Kysely<DB>,
  actor: Actor,
  courseId: string,
  input: AttendanceSave,
  types: readonly CourseTypeInfo[],
  requestId?: string,
) {
  const { course, scope } = await courseFor(db, actor, courseId, types);
  checkDay(input.day, course);
  const rows = await participants(db, actor, courseId, scope.kind === 'all');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const issues = input.entries.flatMap((e, i) => {
    if (!byId.has(e.enrolmentId))
      return [{ path: `entries.${i}.enrolmentId`, message: 'nimmt an diesem Kurs nicht teil' }];
    if (seen.has(e.enrolmentId))
      return [{ path: `entries.${i}.enrolmentId`, message: 'doppelt in der Liste' }];
    seen.add(e.enrolmentId);
    return [];
  });
  if (issues.length) throw badRequest('Ungültige Eingabe', issues);
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('course_attendance')
      .values(
        input.entries.map((e) => ({
          tenant_id: actor.tenantId,
          enrolment_id: e.enrolmentId,
          day: input.day,
          state: e.state,
          recorded_by: actor.userId,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['enrolment_id', 'day']).doUpdateSet((eb) => ({
          state: eb.ref('excluded.state'),
          recorded_by: eb.ref('excluded.recorded_by'),
          recorded_at: sql`now()`,
        })),
      )
      .execute();
    const ids = input.entries.map((e) => e.enrolmentId);
    await tx
      .updateTable('enrolment as e')
      .set({
        attendance_percent: sql<number>`(SELECT round(100.0 * count(*) FILTER (WHERE a.state = 'present') / count(*))::int
          FROM course_attendance a WHERE a.enrolment_id = e.id)`,
        status: sql`CASE WHEN e.status = 'enrolled' AND EXISTS (SELECT 1 FROM course_attendance a
          WHERE a.enrolment_id = e.id AND a.state = 'present') THEN 'attending' ELSE e.status END`,
        version: sql<number>`e.version + 1`,
        updated_at: new Date(),
      })
      .where('e.tenant_id', '=', actor.tenantId)
      .where('e.id', 'in', ids)
      .execute();
    for (const e of input.entries)
      await writeAudit(
        tx,
        actor,
        {
          action: 'attendance',
          entity: 'enrolment',
          entityId: e.enrolmentId,
          personId: byId.get(e.enrolmentId)?.person_id ?? null,
          legalBasis: scope.kind === 'provider' ? PROVIDER_BASIS : null,
          details: { courseId, day: input.day, state: e.state },
        },
        requestId,
      );
  });
  return classList(db, actor, courseId, input.day, types, requestId, false);
}
