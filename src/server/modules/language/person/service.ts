import type { Kysely } from 'kysely';
import type { DB } from '../../../../db/schema';
import type { Actor } from '../../../../domain/access/person-access';
import { overallLevel, personProgress } from '../../../../domain/language';
import { todayInGermany } from '../../../../domain/reference/dates';
import { badRequest, conflict, forbidden, notFound } from '../../../http/errors';
import { writeAudit } from '../../audit/audit-writer';
import { authorizePerson } from '../../persons/service';
import { deadlinesChanged } from '../../tasks/triggers';
import { assessmentsOf, entitlementOf, presentAssessment } from './facts';
import { presentPersonEnrolment, presentWaitlistEntry } from './presenter';
import * as repo from './repo';
import type { AssessmentBody, WaitlistBody, WaitlistUpdate } from './schema';

/** Language record, waitlist entry and course history of one person — each call guarded and audited. */

/** The request a service call serves: its id for the audit rows, its log for a deferred deadline sync. */
export interface RequestInfo {
  requestId?: string;
  log?: { warn: (o: object, m: string) => void };
}

/** The person read decision (one audit row) and the language category it must include (else 403). */
async function guard(db: Kysely<DB>, actor: Actor, personId: string, action: string, requestId?: string) {
  const res = await authorizePerson(db, actor, personId, { action, requestId });
  if (!res.decision.categories.includes('language'))
    throw forbidden('Für Sprachdaten liegt keine Einwilligung vor.');
  return res;
}

/** Current level, progress, assessments, course entitlement, waitlist and enrolments of a person. */
export async function personLanguage(db: Kysely<DB>, actor: Actor, personId: string, requestId?: string) {
  const { row } = await guard(db, actor, personId, 'read_language', requestId);
  const today = todayInGermany();
  const ent = await entitlementOf(db, actor.tenantId, row, today);
  const ref = { tenantId: actor.tenantId, personId: row.id };
  const [waitlist, enrolments] = await Promise.all([
    repo.waitlistOfPerson(db, ref),
    repo.enrolmentsOfPerson(db, ref),
  ]);
  return {
    personId: row.id,
    current: ent.current
      ? {
          overall: ent.current.overall,
          literacy: ent.current.literacy,
          assessedOn: ent.current.assessed_on,
          testKind: ent.current.test_kind,
        }
      : null,
    progress: personProgress(
      ent.assessments.map((a) => ({ assessedOn: a.assessed_on, overall: a.overall as never })),
    ),
    assessments: ent.assessments.map(presentAssessment),
    entitlement: {
      courseTypes: ent.courseTypes,
      integrationCourse: {
        status: ent.courses.integrationCourse.status,
        explanation: ent.courses.integrationCourse.explanation,
        missing: ent.courses.integrationCourse.missing,
      },
      berufssprachkurs: {
        status: ent.courses.berufssprachkurs.status,
        explanation: ent.courses.berufssprachkurs.explanation,
        missing: ent.courses.berufssprachkurs.missing,
      },
      jobBsk: { status: ent.courses.jobBsk.status },
      erstorientierung: { status: ent.courses.erstorientierung.status },
    },
    waitlist: waitlist.map(presentWaitlistEntry),
    enrolments: enrolments.map(presentPersonEnrolment),
  };
}

/**
 * Records an assessment or exam result (a new entry; the history is never overwritten) with its audit row
 * in one transaction; the person's deadlines follow.
 */
export async function recordAssessment(
  db: Kysely<DB>,
  actor: Actor,
  input: { personId: string; body: AssessmentBody },
  request: RequestInfo = {},
) {
  const { row, decision } = await guard(
    db,
    actor,
    input.personId,
    'add_language_assessment',
    request.requestId,
  );
  const b = input.body;
  const overall = overallLevel(
    { hearing: b.hearing, reading: b.reading, writing: b.writing, speaking: b.speaking },
    b.overall,
  )!;
  const created = await db.transaction().execute(async (tx) => {
    const a = await repo.insertAssessment(tx, {
      tenantId: actor.tenantId,
      personId: row.id,
      body: b,
      overall,
      recordedBy: actor.userId,
    });
    await writeAudit(
      tx,
      actor,
      {
        action: 'create',
        entity: 'language_assessment',
        entityId: a.id,
        personId: row.id,
        legalBasis: decision.basis,
        details: { testKind: b.testKind, overall },
      },
      request.requestId,
    );
    return a;
  });
  // A test result can open or close an integration-course entitlement deadline.
  await deadlinesChanged(db, actor.tenantId, [row.id], request.log);
  return presentAssessment(created);
}

/** The person's assessments, newest first. */
export async function listAssessments(db: Kysely<DB>, actor: Actor, personId: string, requestId?: string) {
  await guard(db, actor, personId, 'read_language_assessments', requestId);
  return (await assessmentsOf(db, actor.tenantId, personId)).map(presentAssessment);
}

/**
 * Puts the person on the waitlist: course types default to what the rules engine grants today (400 for a
 * type without entitlement, or none at all); 409 when an open entry exists (also when two requests race);
 * childcare defaults to the household's need; women-only courses take women only.
 */
export async function addToWaitlist(
  db: Kysely<DB>,
  actor: Actor,
  input: { personId: string; body: WaitlistBody },
  requestId?: string,
) {
  const { row, decision } = await guard(db, actor, input.personId, 'add_waitlist', requestId);
  const today = todayInGermany();
  const ent = await entitlementOf(db, actor.tenantId, row, today);
  const b = input.body;
  const types = b.courseTypes ?? ent.courseTypes;
  if (types.length === 0)
    throw badRequest('Laut Regelwerk besteht heute kein Anspruch auf einen Sprachkurs.', [
      { path: 'courseTypes', message: ent.courses.integrationCourse.explanation.de },
    ]);
  const issues = types.flatMap((t, i) =>
    ent.courseTypes.includes(t)
      ? []
      : [
          {
            path: `courseTypes.${i}`,
            message: `kein Anspruch auf „${t}“ laut Regelwerk (möglich: ${ent.courseTypes.join(', ') || '—'})`,
          },
        ],
  );
  if (issues.length) throw badRequest('Ungültige Eingabe', issues);
  const ref = { tenantId: actor.tenantId, personId: row.id };
  const open = await repo.openWaitlistEntry(db, ref);
  if (open) throw conflict('Die Person steht schon auf der Warteliste.', presentWaitlistEntry(open));
  const needsChildcare = b.needsChildcare ?? (await repo.householdNeedsChildcare(db, ref));
  if (b.needsWomenOnly && row.gender !== 'f')
    throw badRequest('Ungültige Eingabe', [
      { path: 'needsWomenOnly', message: 'Frauenkurse nehmen nur Frauen auf' },
    ]);
  const created = await db
    .transaction()
    .execute(async (tx) => {
      const w = await repo.insertWaitlistEntry(tx, {
        ...ref,
        courseTypes: [...new Set(types)],
        since: b.since ?? today,
        needsChildcare,
        needsWomenOnly: b.needsWomenOnly,
        note: b.note ?? null,
        createdBy: actor.userId,
      });
      await writeAudit(
        tx,
        actor,
        {
          action: 'create',
          entity: 'waitlist_entry',
          entityId: w.id,
          personId: row.id,
          legalBasis: decision.basis,
          details: { courseTypes: types },
        },
        requestId,
      );
      return w;
    })
    .catch((error: unknown) => {
      // Two requests at once: the partial unique index admits one open entry per person.
      if ((error as { code?: string }).code === '23505')
        throw conflict('Die Person steht schon auf der Warteliste.');
      throw error;
    });
  return presentWaitlistEntry(created);
}

/**
 * Changes or withdraws a waitlist entry with the version the editor saw (409 with the current entry when
 * it changed meanwhile); course types must be granted by the rules engine; an offered or enrolled entry
 * cannot go back to waiting.
 */
export async function changeWaitlistEntry(
  db: Kysely<DB>,
  actor: Actor,
  input: { personId: string; entryId: string; body: WaitlistUpdate },
  requestId?: string,
) {
  const { row } = await guard(db, actor, input.personId, 'update_waitlist', requestId);
  const b = input.body;
  const before = await repo.findWaitlistEntry(db, {
    tenantId: actor.tenantId,
    personId: row.id,
    entryId: input.entryId,
  });
  if (!before) throw notFound('Wartelisteneintrag');
  if (b.courseTypes) {
    const ent = await entitlementOf(db, actor.tenantId, row, todayInGermany());
    const issues = b.courseTypes.flatMap((t, i) =>
      ent.courseTypes.includes(t)
        ? []
        : [{ path: `courseTypes.${i}`, message: `kein Anspruch auf „${t}“ laut Regelwerk` }],
    );
    if (issues.length) throw badRequest('Ungültige Eingabe', issues);
  }
  if (b.status === 'waiting' && before.status !== 'waiting' && before.status !== 'withdrawn')
    throw badRequest('Ungültige Eingabe', [
      { path: 'status', message: `ein Eintrag im Status „${before.status}“ kann nicht wieder warten` },
    ]);
  const updated = await db.transaction().execute(async (tx) => {
    const w = await repo.updateWaitlistEntry(tx, {
      tenantId: actor.tenantId,
      entryId: before.id,
      version: b.version,
      set: {
        ...(b.status ? { status: b.status } : {}),
        ...(b.courseTypes ? { course_types: [...new Set(b.courseTypes)] } : {}),
        ...(b.needsChildcare !== undefined ? { needs_childcare: b.needsChildcare } : {}),
        ...(b.needsWomenOnly !== undefined ? { needs_women_only: b.needsWomenOnly } : {}),
        ...(b.note !== undefined ? { note: b.note } : {}),
      },
    });
    if (w)
      await writeAudit(
        tx,
        actor,
        {
          action: 'update',
          entity: 'waitlist_entry',
          entityId: w.id,
          personId: row.id,
          details: { fields: Object.keys(b).filter((k) => k !== 'version') },
        },
        requestId,
      );
    return w;
  });
  if (!updated) {
    const cur = await repo.waitlistEntryById(db, { tenantId: actor.tenantId, entryId: before.id });
    throw conflict('Der Eintrag wurde inzwischen geändert.', presentWaitlistEntry(cur));
  }
  return presentWaitlistEntry(updated);
}
