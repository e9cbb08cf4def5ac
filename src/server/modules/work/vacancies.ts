import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { eqDurationProblem } from '../../../domain/work/pipeline';
import { badRequest, conflict, notFound } from '../../http/errors';
import { writeAudit } from '../audit/audit-writer';
import { occupationCatalogue } from '../occupations/esco-index';
import { updateVersioned } from '../versioned';
import { presentVacancy } from './presenter';
import * as repo from './repo';
import type { VacancyInput, VacancyOut } from './schema';

// Vacancies of kind job, Ausbildung, Praktikum and EQ, each with its ESCO occupation and place of work.

const COLUMNS = {
  employerId: 'employer_id',
  kind: 'kind',
  title: 'title',
  escoUri: 'esco_uri',
  description: 'description',
  minLevel: 'min_level',
  municipalityId: 'municipality_id',
  hoursMin: 'hours_min',
  hoursMax: 'hours_max',
  shiftWork: 'shift_work',
  drivingLicence: 'driving_licence',
  startDate: 'start_date',
  endDate: 'end_date',
  openings: 'openings',
  wageBracket: 'wage_bracket',
  status: 'status',
} as const satisfies Record<keyof Omit<VacancyInput, 'version'>, string>;

export function vacancyColumns(b: Partial<VacancyInput>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [f, c] of Object.entries(COLUMNS)) {
    const v = b[f as keyof typeof COLUMNS];
    if (v !== undefined) out[c] = v;
  }
  // The ISCO unit group travels with the occupation: matching preselects by it.
  if (b.escoUri !== undefined) out.isco = occupationCatalogue().get(b.escoUri)?.isco ?? '';
  return out;
}

export async function vacancyById(db: Kysely<DB>, tenantId: string, id: string): Promise<VacancyOut> {
  const [row] = await repo.vacancyRows(db, tenantId, { id });
  if (!row) throw notFound('Stelle');
  return presentVacancy(row);
}

export async function listVacancies(db: Kysely<DB>, actor: Actor, q: Parameters<typeof repo.vacancyRows>[2]) {
  return (await repo.vacancyRows(db, actor.tenantId, q)).map(presentVacancy);
}

/** Checks across fields and against the region: employer and place of this tenant, the order of days, EQ. */
async function check(db: Kysely<DB>, tenantId: string, v: Partial<VacancyInput>) {
  if (v.employerId) {
    const e = await db
      .selectFrom('employer')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', v.employerId)
      .executeTakeFirst();
    if (!e)
      throw badRequest('Unbekannter Arbeitgeber.', [
        { path: 'employerId', message: 'kein Arbeitgeber dieser Region' },
      ]);
  }
  if (v.municipalityId && !(await repo.municipalityInTenant(db, tenantId, v.municipalityId)))
    throw badRequest('Unbekannter Arbeitsort.', [
      { path: 'municipalityId', message: 'kein Ort dieser Region' },
    ]);
  if (v.startDate && v.endDate && v.endDate < v.startDate)
    throw badRequest('Das Ende liegt vor dem Beginn.', [
      { path: 'endDate', message: 'liegt vor dem Beginn' },
    ]);
  if (v.hoursMin != null && v.hoursMax != null && v.hoursMax < v.hoursMin)
    throw badRequest('Die Stundenspanne ist verdreht.', [
      { path: 'hoursMax', message: 'kleiner als „Stunden ab“' },
    ]);
  if (v.kind === 'eq' && v.startDate) {
    const problem = eqDurationProblem(v.startDate, v.endDate ?? null);
    if (problem) throw badRequest(problem, [{ path: 'endDate', message: problem }]);
    if (v.hoursMin != null && v.hoursMin < 20)
      throw badRequest('Eine EQ hat mindestens 20 Wochenstunden (§ 54a Abs. 2 SGB III).', [
        { path: 'hoursMin', message: 'mindestens 20 Wochenstunden' },
      ]);
  }
}

export async function createVacancy(
  db: Kysely<DB>,
  actor: Actor,
  b: Omit<VacancyInput, 'version'> &
    Required<
      Pick<VacancyInput, 'employerId' | 'kind' | 'title' | 'escoUri' | 'municipalityId' | 'startDate'>
    >,
  requestId?: string,
) {
  await check(db, actor.tenantId, b);
  const r = await db
    .insertInto('vacancy')
    .values({ ...vacancyColumns(b), tenant_id: actor.tenantId, created_by: actor.userId } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAudit(db, actor, { action: 'create', entity: 'vacancy', entityId: r.id }, requestId);
  return vacancyById(db, actor.tenantId, r.id);
}

export async function changeVacancy(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  b: VacancyInput,
  requestId?: string,
) {
  const cur = await vacancyById(db, actor.tenantId, id);
  const { version, ...fields } = b;
  await check(db, actor.tenantId, { ...cur, ...fields } as Partial<VacancyInput>);
  if (!(await updateVersioned(db, 'vacancy', actor.tenantId, id, version, vacancyColumns(fields))))
    throw conflict('Die Stelle wurde inzwischen geändert. Bitte neu laden.', cur);
  await writeAudit(
    db,
    actor,
    { action: 'update', entity: 'vacancy', entityId: id, details: { fields: Object.keys(fields) } },
    requestId,
  );
  return vacancyById(db, actor.tenantId, id);
}
