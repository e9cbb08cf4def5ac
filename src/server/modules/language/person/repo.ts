import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../../db/schema';
import type { AssessmentBody } from './schema';

/** A person's language record: waitlist entries, course enrolments, assessments. Tenant in every WHERE. */

type PersonRef = { tenantId: string; personId: string };

/** Every waitlist entry of the person, newest first. */
export function waitlistOfPerson(db: Kysely<DB>, q: PersonRef) {
  return db
    .selectFrom('waitlist_entry')
    .selectAll()
    .where('tenant_id', '=', q.tenantId)
    .where('person_id', '=', q.personId)
    .orderBy('created_at', 'desc')
    .execute();
}
export type WaitlistRow = Awaited<ReturnType<typeof waitlistOfPerson>>[number];

/** The person's enrolments with course, provider and place, newest start first. */
export function enrolmentsOfPerson(db: Kysely<DB>, q: PersonRef) {
  return db
    .selectFrom('enrolment as e')
    .innerJoin('course as c', 'c.id', 'e.course_id')
    .innerJoin('course_provider as pr', 'pr.id', 'c.provider_id')
    .innerJoin('agency as a', 'a.id', 'pr.agency_id')
    .innerJoin('course_place as pl', 'pl.id', 'c.place_id')
    .select([
      'e.id',
      'e.version',
      'e.status',
      'e.start_date',
      'e.end_date',
      'e.attendance_percent',
      'e.result_level',
      'e.certificate_ref',
      'c.id as course_id',
      'c.ref',
      'c.course_type',
      'c.schedule',
      'a.name as provider',
      'pl.name as place',
      'pl.address',
    ])
    .where('e.tenant_id', '=', q.tenantId)
    .where('e.person_id', '=', q.personId)
    .orderBy('e.start_date', 'desc')
    .execute();
}
export type PersonEnrolmentRow = Awaited<ReturnType<typeof enrolmentsOfPerson>>[number];

/** Appends an assessment (the history is never overwritten). */
export function insertAssessment(
  db: Kysely<DB>,
  a: PersonRef & {
    body: AssessmentBody;
    /** the overall level: as stated, else the weakest skill */
    overall: string;
    recordedBy: string;
  },
) {
  const b = a.body;
  return db
    .insertInto('language_assessment')
    .values({
      tenant_id: a.tenantId,
      person_id: a.personId,
      assessed_on: b.assessedOn,
      test_kind: b.testKind,
      hearing: b.hearing ?? null,
      reading: b.reading ?? null,
      writing: b.writing ?? null,
      speaking: b.speaking ?? null,
      overall: a.overall,
      literacy: b.literacy ?? null,
      certificate_ref: b.certificateRef ?? null,
      examiner: b.examiner ?? null,
      note: b.note ?? null,
      recorded_by: a.recordedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The person's open (waiting or offered) waitlist entry, if any. */
export function openWaitlistEntry(db: Kysely<DB>, q: PersonRef) {
  return db
    .selectFrom('waitlist_entry')
    .selectAll()
    .where('tenant_id', '=', q.tenantId)
    .where('person_id', '=', q.personId)
    .where('status', 'in', ['waiting', 'offered'])
    .executeTakeFirst();
}

/** Whether a member of the person's household needs childcare. */
export async function householdNeedsChildcare(db: Kysely<DB>, q: PersonRef): Promise<boolean> {
  const kid = await db
    .selectFrom('household_member')
    .select('id')
    .where('tenant_id', '=', q.tenantId)
    .where('person_id', '=', q.personId)
    .where('needs_childcare', '=', true)
    .executeTakeFirst();
  return kid !== undefined;
}

export function insertWaitlistEntry(
  db: Kysely<DB>,
  w: PersonRef & {
    courseTypes: string[];
    since: string;
    needsChildcare: boolean;
    needsWomenOnly: boolean;
    note: string | null;
    createdBy: string;
  },
) {
  return db
    .insertInto('waitlist_entry')
    .values({
      tenant_id: w.tenantId,
      person_id: w.personId,
      course_types: w.courseTypes,
      since: w.since,
      needs_childcare: w.needsChildcare,
      needs_women_only: w.needsWomenOnly,
      note: w.note,
      created_by: w.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** One waitlist entry of the person. */
export function findWaitlistEntry(db: Kysely<DB>, q: PersonRef & { entryId: string }) {
  return db
    .selectFrom('waitlist_entry')
    .selectAll()
    .where('tenant_id', '=', q.tenantId)
    .where('person_id', '=', q.personId)
    .where('id', '=', q.entryId)
    .executeTakeFirst();
}

/** A waitlist entry by id (the current state after a lost race). */
export function waitlistEntryById(db: Kysely<DB>, q: { tenantId: string; entryId: string }) {
  return db
    .selectFrom('waitlist_entry')
    .selectAll()
    .where('tenant_id', '=', q.tenantId)
    .where('id', '=', q.entryId)
    .executeTakeFirstOrThrow();
}

/** Changes the given fields if the entry still has `version`; undefined when it moved on. */
export function updateWaitlistEntry(
  db: Kysely<DB>,
  u: {
    tenantId: string;
    entryId: string;
    /** the version the editor saw */
    version: number;
    set: {
      status?: 'waiting' | 'withdrawn';
      course_types?: string[];
      needs_childcare?: boolean;
      needs_women_only?: boolean;
      note?: string;
    };
  },
) {
  return db
    .updateTable('waitlist_entry')
    .where('tenant_id', '=', u.tenantId)
    .set({ ...u.set, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('id', '=', u.entryId)
    .where('version', '=', u.version)
    .returningAll()
    .executeTakeFirst();
}
