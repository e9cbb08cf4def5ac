import type { Kysely } from 'kysely';
import type { DB } from '../../../../db/schema';
import { type Cefr, currentAssessment, entitledCourseTypes } from '../../../../domain/language';
import { evaluateExtended } from '../../../../domain/rules';
import { lawFor } from '../../rules/law-store';
import { personSituation, type SituationPerson } from '../../rules/situation';

export async function assessmentsOf(db: Kysely<DB>, tenantId: string, personId: string) {
  return db
    .selectFrom('language_assessment')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .orderBy('assessed_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
}
export type AssessmentRow = Awaited<ReturnType<typeof assessmentsOf>>[number];

export const presentAssessment = (a: AssessmentRow) => ({
  id: a.id,
  assessedOn: a.assessed_on,
  testKind: a.test_kind,
  skills: { hearing: a.hearing, reading: a.reading, writing: a.writing, speaking: a.speaking },
  overall: a.overall,
  literacy: a.literacy,
  certificateRef: a.certificate_ref,
  examiner: a.examiner,
  note: a.note,
  recordedAt: new Date(a.recorded_at).toISOString(),
});

export function current(rows: readonly AssessmentRow[]) {
  return currentAssessment(
    rows.map((a) => ({
      ...a,
      assessedOn: a.assessed_on,
      overall: a.overall as Cefr,
      recordedAt: new Date(a.recorded_at).toISOString(),
    })),
  );
}

/**
 * The rules engine's course decision for a person today — from the same case-file facts as the status
 * card (level from the newest test, certificate or course result, else the level stated at intake).
 */
export async function entitlementOf(
  db: Kysely<DB>,
  tenantId: string,
  person: SituationPerson,
  today: string,
) {
  const [situation, assessments, { law }] = await Promise.all([
    personSituation(db, tenantId, person, today),
    assessmentsOf(db, tenantId, person.id),
    lawFor(db, tenantId, today),
  ]);
  const decision = evaluateExtended(situation, law);
  return {
    courseTypes: entitledCourseTypes(decision.courses),
    courses: decision.courses,
    assessments,
    current: current(assessments),
  };
}
