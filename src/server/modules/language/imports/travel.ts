import type { Kysely } from 'kysely';
import type { DB } from '../../../../db/schema';
import type { Actor } from '../../../../domain/access/person-access';
import { type RowError, type TravelImportEntry, travelMatrixSteps } from '../../../../domain/language';
import { runYielding } from '../../../http/yielding';
import { writeAudit } from '../../audit/audit-writer';
import { ensureMunicipalityPlaces, requireStaff } from '../scope';
import { digestErrors, refuseImport } from './errors';
import { withImportSlot } from './limits';
import { type FileBody, readTable } from './tabular';

export function previewTravel(db: Kysely<DB>, actor: Actor, file: FileBody) {
  return withImportSlot(async () => {
    const { entries, errors } = await checkTravel(db, actor, file);
    return { entries, ...digestErrors(errors) };
  });
}

async function checkTravel(
  db: Kysely<DB>,
  actor: Actor,
  file: FileBody,
): Promise<{ entries: (TravelImportEntry & { from: string; to: string })[]; errors: RowError[] }> {
  requireStaff(actor);
  const table = await readTable(file);
  await ensureMunicipalityPlaces(db, actor.tenantId);
  const places = await db
    .selectFrom('course_place')
    .select(['id', 'name'])
    .where('tenant_id', '=', actor.tenantId)
    .execute();
  const { entries, errors } = await runYielding(travelMatrixSteps(table, places));
  const names = new Map(places.map((p) => [p.id, p.name]));
  return {
    entries: entries.map((e) => ({ ...e, from: names.get(e.fromId)!, to: names.get(e.toId)! })),
    errors,
  };
}

/** All or nothing; `replace` first removes every imported entry (pairs not in the file fall back to the estimate). */
export function commitTravel(
  db: Kysely<DB>,
  actor: Actor,
  file: FileBody,
  replace: boolean,
  requestId?: string,
) {
  return withImportSlot(() => storeTravel(db, actor, file, replace, requestId));
}

async function storeTravel(
  db: Kysely<DB>,
  actor: Actor,
  file: FileBody,
  replace: boolean,
  requestId?: string,
) {
  const { entries, errors } = await checkTravel(db, actor, file);
  if (errors.length > 0) throw refuseImport(errors);
  return db.transaction().execute(async (tx) => {
    if (replace) await tx.deleteFrom('travel_time').where('tenant_id', '=', actor.tenantId).execute();
    for (let i = 0; i < entries.length; i += 500) {
      await tx
        .insertInto('travel_time')
        .values(
          entries.slice(i, i + 500).map((e) => ({
            tenant_id: actor.tenantId,
            from_place_id: e.fromId,
            to_place_id: e.toId,
            minutes: e.minutes,
            source: 'import',
            imported_by: actor.userId,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['tenant_id', 'from_place_id', 'to_place_id']).doUpdateSet((eb) => ({
            minutes: eb.ref('excluded.minutes'),
            imported_by: actor.userId,
            imported_at: new Date(),
          })),
        )
        .execute();
    }
    await writeAudit(
      tx,
      actor,
      { action: 'import', entity: 'travel_time', details: { entries: entries.length, replace } },
      requestId,
    );
    return { imported: entries.length, replaced: replace };
  });
}
