import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { fitMeasure, type MeasureType, type PersonFacts } from '../../../domain/measures/fit';
import { type MeasureInput, measureTable, parseMeasureTable } from '../../../domain/measures/table';
import { todayInGermany } from '../../../domain/reference/dates';
import { evaluate } from '../../../domain/rules';
import { badRequest, conflict, notFound } from '../../http/errors';
import { writeAudit } from '../audit/audit-writer';
import { currentLevels } from '../language/allocation/live';
import { refuseImport } from '../language/imports/errors';
import { type FileBody, readTable } from '../language/imports/tabular';
import { authorizePerson } from '../persons/service';
import { lawFor } from '../rules/law-store';
import { personSituation } from '../rules/situation';
import * as repo from './repo';
import type { MeasureOut } from './schema';

export function presentMeasure(m: repo.MeasureRow): MeasureOut {
  return {
    id: m.id,
    title: m.title,
    type: m.type as MeasureType,
    provider: m.provider,
    description: m.description,
    location: m.location,
    places: m.places,
    startDate: m.start_date,
    endDate: m.end_date,
    rechtskreise: m.rechtskreise as MeasureOut['rechtskreise'],
    residenceKinds: m.residence_kinds as MeasureOut['residenceKinds'],
    minAge: m.min_age,
    maxAge: m.max_age,
    minLevel: m.min_level as MeasureOut['minLevel'],
    gender: m.gender,
    needsWorkAccess: m.needs_work_access,
    contactName: m.contact_name,
    contactEmail: m.contact_email,
    contactPhone: m.contact_phone,
    active: m.active,
    version: m.version,
  };
}

export async function measureById(db: Kysely<DB>, tenantId: string, id: string): Promise<MeasureOut> {
  const [m] = await repo.listMeasures(db, tenantId, { ids: [id], includeInactive: true });
  if (!m) throw notFound('Maßnahme');
  return presentMeasure(m);
}

export async function createMeasure(
  db: Kysely<DB>,
  actor: Actor,
  body: Partial<MeasureInput>,
  requestId?: string,
) {
  const [id] = await repo.insertMeasures(db, actor.tenantId, actor.userId, [body]);
  await writeAudit(db, actor, { action: 'create', entity: 'measure', entityId: id as string }, requestId);
  return measureById(db, actor.tenantId, id as string);
}

export async function changeMeasure(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  body: Partial<MeasureInput & { active: boolean }> & { version: number },
  requestId?: string,
) {
  const cur = await measureById(db, actor.tenantId, id);
  const { version, ...fields } = body;
  const start = fields.startDate !== undefined ? fields.startDate : cur.startDate;
  const end = fields.endDate !== undefined ? fields.endDate : cur.endDate;
  if (start && end && end < start) {
    throw badRequest('Das Ende liegt vor dem Beginn.', [
      { path: 'endDate', message: 'Das Ende liegt vor dem Beginn' },
    ]);
  }
  if (!(await repo.updateMeasure(db, actor.tenantId, id, version, repo.toColumns(fields)))) {
    throw conflict('Die Maßnahme wurde inzwischen geändert. Bitte neu laden.', cur);
  }
  await writeAudit(
    db,
    actor,
    { action: 'update', entity: 'measure', entityId: id, details: { fields: Object.keys(fields) } },
    requestId,
  );
  return measureById(db, actor.tenantId, id);
}

/** Import: every row checked first; one bad row imports nothing (400 naming row and column). */
export async function importMeasures(db: Kysely<DB>, actor: Actor, file: FileBody, requestId?: string) {
  const { rows, errors } = parseMeasureTable(await readTable(file));
  if (errors.length > 0) throw refuseImport(errors);
  const ids = await db
    .transaction()
    .execute((tx) => repo.insertMeasures(tx, actor.tenantId, actor.userId, rows));
  await writeAudit(
    db,
    actor,
    { action: 'import', entity: 'measure', details: { rows: ids.length } },
    requestId,
  );
  return { imported: ids.length };
}

export async function exportMeasures(db: Kysely<DB>, tenantId: string): Promise<string[][]> {
  const rows = await repo.listMeasures(db, tenantId, {});
  return measureTable(rows.map(presentMeasure));
}

/**
 * The catalogue for one person: each active measure with whether it fits, why, and what is missing —
 * checked on the measure's start day with the rules engine's answer for that day.
 */
export async function fittingMeasures(db: Kysely<DB>, actor: Actor, personId: string, requestId?: string) {
  const { row, decision } = await authorizePerson(db, actor, personId, {
    action: 'read_fitting_measures',
    requestId,
  });
  const today = todayInGermany();
  const measures = (await repo.listMeasures(db, actor.tenantId, {})).filter(
    (m) => !m.end_date || m.end_date >= today,
  );
  const seesResidence = decision.categories.includes('residence');
  const seesLanguage = decision.categories.includes('language');
  const status = seesResidence
    ? await db
        .selectFrom('residence_status')
        .select('kind')
        .where('tenant_id', '=', actor.tenantId)
        .where('person_id', '=', personId)
        .orderBy('since', 'desc')
        .orderBy('recorded_at', 'desc')
        .executeTakeFirst()
    : undefined;
  const level = seesLanguage
    ? ((await currentLevels(db, actor.tenantId, [personId])).get(personId) ?? null)
    : null;
  // The employment answer per start day (a few distinct days), from the same facts as the status card.
  const employmentOn = new Map<string, string>();
  for (const m of measures) {
    const on = m.start_date && m.start_date > today ? m.start_date : today;
    if (employmentOn.has(on)) continue;
    if (!seesResidence) {
      employmentOn.set(on, 'review');
      continue;
    }
    const [situation, { law }] = await Promise.all([
      personSituation(db, actor.tenantId, row, on),
      lawFor(db, actor.tenantId, on),
    ]);
    employmentOn.set(on, evaluate(situation, law).employment);
  }
  return measures
    .map((m) => {
      const on = m.start_date && m.start_date > today ? m.start_date : today;
      const facts: PersonFacts = {
        rechtskreis: row.rechtskreis,
        residenceKind: status?.kind ?? null,
        birthDate: row.birth_date,
        birthPrecision: (row.birth_date_precision ?? 'day') as PersonFacts['birthPrecision'],
        gender: row.gender,
        level,
        employment: employmentOn.get(on) ?? 'review',
      };
      const fit = fitMeasure(
        {
          rechtskreise: m.rechtskreise,
          residenceKinds: m.residence_kinds,
          minAge: m.min_age,
          maxAge: m.max_age,
          minLevel: m.min_level,
          gender: m.gender,
          needsWorkAccess: m.needs_work_access,
          startDate: m.start_date,
          endDate: m.end_date,
        },
        facts,
        today,
      );
      return { measure: presentMeasure(m), ...fit, checkedOn: on };
    })
    .sort((a, b) => Number(b.fits) - Number(a.fits) || a.missing.length - b.missing.length);
}
