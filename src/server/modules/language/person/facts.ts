import type { Kysely } from 'kysely';
import type { DB } from '../../../../db/schema';
import { type Cefr, currentAssessment, entitledCourseTypes } from '../../../../domain/language';
import { evaluateExtended } from '../../../../domain/rules';
import { residenceHistory } from '../../persons/repo';
import { lawFor } from '../../rules/law-store';
import { situationOf } from '../../rules/situation';

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
 * The rules engine's course decision for a person today, with the language facts Lotse knows (level and
 * literacy from the latest assessment, gender, birth date, children, a completed Integrationskurs).
 */
export async function entitlementOf(
  db: Kysely<DB>,
  tenantId: string,
  person: {
    id: string;
    nationalities: string[];
    entry_date: string | null;
    birth_date: string | null;
    gender: string;
  },
  today: string,
) {
  const [history, assessments, children, completed, { law }] = await Promise.all([
    residenceHistory(db, tenantId, person.id),
    assessmentsOf(db, tenantId, person.id),
    db
      .selectFrom('household_member')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('person_id', '=', person.id)
      .where('relation', '=', 'child')
      .execute(),
    db
      .selectFrom('enrolment as e')
      .innerJoin('course as c', 'c.id', 'e.course_id')
      .select('e.id')
      .where('e.tenant_id', '=', tenantId)
      .where('e.person_id', '=', person.id)
      .where('e.status', '=', 'completed')
      .where('c.course_type', 'like', 'ik\\_%')
      .execute(),
    lawFor(db, tenantId, today),
  ]);
  const cur = current(assessments);
  const decision = evaluateExtended(
    {
      ...situationOf(person, history[0], today),
      birthDate: person.birth_date,
      gender: person.gender === 'f' || person.gender === 'm' || person.gender === 'x' ? person.gender : null,
      germanLevel: cur?.overall ?? null,
      literacy: cur?.literacy ?? null,
      parent: children.length > 0 ? true : null,
      integrationCourseCompleted: completed.length > 0 ? true : null,
    },
    law,
  );
  return {
    courseTypes: entitledCourseTypes(decision.courses),
    courses: decision.courses,
    assessments,
    current: cur,
  };
}
