import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { type Situation, situationFromCaseFile } from '../../../domain/rules';
import type {
  CaseFile,
  CaseFileAssessment,
  CaseFileEnrolment,
  CaseFilePlacement,
  CaseFileResidence,
} from '../../../domain/rules/case-file';

/** The person columns the rules engine reads. */
export interface SituationPerson {
  id: string;
  nationalities: string[];
  entry_date: string | null;
  birth_date?: string | null;
  gender?: string | null;
  languages?: readonly { code: string; level: string }[] | null;
}

/**
 * The rules engine's situation from a person row and one residence status only — for callers that
 * judge residence alone (demo generation). Everything else loads the whole case file below.
 */
export function situationOf(
  p: SituationPerson,
  status: CaseFileResidence | undefined,
  asOf: string,
): Situation {
  return situationFromCaseFile({ person: p, residence: status ? [status] : [] }, asOf);
}

interface MutableFile {
  person: SituationPerson;
  residence: CaseFileResidence[];
  assessments: CaseFileAssessment[];
  enrolments: CaseFileEnrolment[];
  household: { relation: string }[];
  placements: CaseFilePlacement[];
}

/**
 * The case files of some persons (`all`: the persons are every open case of the tenant, so no id list
 * is sent), with one query per table: residence history, language tests and certificates, completed
 * courses with their exam result, household.
 */
export async function loadCaseFiles(
  db: Kysely<DB>,
  tenantId: string,
  people: readonly SituationPerson[],
  all = false,
): Promise<Map<string, CaseFile>> {
  const files = new Map<string, MutableFile>(
    people.map((p) => [
      p.id,
      { person: p, residence: [], assessments: [], enrolments: [], household: [], placements: [] },
    ]),
  );
  if (people.length === 0) return files;
  const ids = all ? null : people.map((p) => p.id);
  const [residence, assessments, enrolments, household, placements] = await Promise.all([
    db
      .selectFrom('residence_status')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .$if(ids !== null, (q) => q.where('person_id', 'in', ids ?? []))
      .execute(),
    db
      .selectFrom('language_assessment')
      .select(['person_id', 'assessed_on', 'overall', 'literacy', 'recorded_at'])
      .where('tenant_id', '=', tenantId)
      .$if(ids !== null, (q) => q.where('person_id', 'in', ids ?? []))
      .execute(),
    db
      .selectFrom('enrolment as e')
      .innerJoin('course as c', 'c.id', 'e.course_id')
      .select(['e.person_id', 'e.status', 'c.course_type', 'e.end_date', 'e.result_level'])
      .where('e.tenant_id', '=', tenantId)
      .where('c.tenant_id', '=', tenantId)
      .where('e.status', '=', 'completed')
      .$if(ids !== null, (q) => q.where('e.person_id', 'in', ids ?? []))
      .execute(),
    db
      .selectFrom('household_member')
      .select(['person_id', 'relation'])
      .where('tenant_id', '=', tenantId)
      .$if(ids !== null, (q) => q.where('person_id', 'in', ids ?? []))
      .execute(),
    db
      .selectFrom('placement')
      .select(['person_id', 'status', 'start_date', 'permit_requested_on', 'permit_decided_on'])
      .where('tenant_id', '=', tenantId)
      .where((w) => w.or([w('status', '=', 'hired'), w('permit_requested_on', 'is not', null)]))
      .$if(ids !== null, (q) => q.where('person_id', 'in', ids ?? []))
      .execute(),
  ]);
  for (const r of residence) files.get(r.person_id)?.residence.push(r);
  for (const a of assessments)
    files.get(a.person_id)?.assessments.push({
      assessedOn: a.assessed_on,
      overall: a.overall,
      literacy: a.literacy,
      recordedAt: new Date(a.recorded_at).toISOString(),
    });
  for (const e of enrolments)
    files.get(e.person_id)?.enrolments.push({
      status: e.status,
      courseType: e.course_type,
      endDate: e.end_date,
      resultLevel: e.result_level,
    });
  for (const h of household) files.get(h.person_id)?.household.push(h);
  for (const p of placements)
    files.get(p.person_id)?.placements.push({
      status: p.status,
      startDate: p.start_date,
      permitRequestedOn: p.permit_requested_on,
      permitDecidedOn: p.permit_decided_on,
    });
  return files;
}

/** One person's situation on `asOf` from the whole case file: what the status card and every tab decide from. */
export async function personSituation(
  db: Kysely<DB>,
  tenantId: string,
  person: SituationPerson,
  asOf: string,
): Promise<Situation> {
  const files = await loadCaseFiles(db, tenantId, [person]);
  return situationFromCaseFile(files.get(person.id) as CaseFile, asOf);
}
