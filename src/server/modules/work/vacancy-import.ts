import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { searchOccupations } from '../../../domain/occupations';
import { todayInGermany } from '../../../domain/reference/dates';
import { parseVacancyTable, type VacancyRow } from '../../../domain/work/vacancy-table';
import { writeAudit } from '../audit/audit-writer';
import { digestErrors, refuseImport } from '../language/imports/errors';
import { type FileBody, readTable } from '../language/imports/tabular';
import { occupationCatalogue, occupationIndex } from '../occupations/esco-index';
import { vacancyColumns } from './vacancies';

// Vacancy import from CSV/XLSX: a preview that names every row error, and a commit that stores all rows
// or none (one transaction). Unknown employers are created with their name; the preview says which.

/** A job title resolves to an occupation only when the best hit is this good (0 … 1). */
const MIN_TITLE_SCORE = 0.45;

async function parse(db: Kysely<DB>, actor: Actor, file: FileBody) {
  const [table, places, employers] = await Promise.all([
    readTable(file),
    db.selectFrom('municipality').select(['id', 'name']).where('tenant_id', '=', actor.tenantId).execute(),
    db.selectFrom('employer').select(['id', 'name']).where('tenant_id', '=', actor.tenantId).execute(),
  ]);
  const byName = new Map(places.map((p) => [p.name.toLocaleLowerCase('de'), p.id]));
  const cat = occupationCatalogue();
  const { rows, errors } = parseVacancyTable(table, {
    today: todayInGermany(),
    municipality: (name) => byName.get(name.toLocaleLowerCase('de')),
    occupation: (text) => {
      const direct = cat.get(text);
      if (direct) return { uri: direct.uri, label: direct.labelDe };
      const hit = searchOccupations(occupationIndex(), text, { lang: 'de', limit: 1 })[0];
      return hit && hit.score >= MIN_TITLE_SCORE ? { uri: hit.uri, label: hit.label } : undefined;
    },
  });
  const known = new Map(employers.map((e) => [e.name.toLocaleLowerCase('de'), e.id]));
  const newEmployers = [
    ...new Set(rows.map((r) => r.employerName).filter((n) => n && !known.has(n.toLocaleLowerCase('de')))),
  ];
  return { rows, errors, known, newEmployers };
}

const previewRow = (r: VacancyRow) => ({
  row: r.row,
  employer: r.employerName,
  title: r.title,
  kind: r.kind,
  occupation: r.occupationLabel,
  startDate: r.startDate,
  openings: r.openings,
});

export async function previewVacancyImport(db: Kysely<DB>, actor: Actor, file: FileBody) {
  const { rows, errors, newEmployers } = await parse(db, actor, file);
  return {
    rows: rows.slice(0, 200).map(previewRow),
    total: rows.length,
    newEmployers,
    ...digestErrors(errors),
  };
}

export async function importVacancies(db: Kysely<DB>, actor: Actor, file: FileBody, requestId?: string) {
  const { rows, errors, known, newEmployers } = await parse(db, actor, file);
  if (errors.length > 0) throw refuseImport(errors);
  const ids = await db.transaction().execute(async (tx) => {
    for (const name of newEmployers) {
      const e = await tx
        .insertInto('employer')
        .values({ tenant_id: actor.tenantId, name, created_by: actor.userId })
        .returning('id')
        .executeTakeFirstOrThrow();
      known.set(name.toLocaleLowerCase('de'), e.id);
    }
    const out: string[] = [];
    for (const r of rows) {
      const v = await tx
        .insertInto('vacancy')
        .values({
          ...vacancyColumns({
            kind: r.kind,
            title: r.title,
            escoUri: r.escoUri,
            description: r.description,
            minLevel: r.minLevel as never,
            municipalityId: r.municipalityId,
            hoursMin: r.hoursMin,
            hoursMax: r.hoursMax,
            shiftWork: r.shiftWork,
            drivingLicence: r.drivingLicence as never,
            startDate: r.startDate,
            endDate: r.endDate,
            openings: r.openings,
          }),
          employer_id: known.get(r.employerName.toLocaleLowerCase('de')),
          tenant_id: actor.tenantId,
          created_by: actor.userId,
        } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      out.push(v.id);
    }
    return out;
  });
  await writeAudit(
    db,
    actor,
    { action: 'import', entity: 'vacancy', details: { rows: ids.length, newEmployers: newEmployers.length } },
    requestId,
  );
  return { imported: ids.length, newEmployers: newEmployers.length };
}
