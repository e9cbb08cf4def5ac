import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { badRequest, conflict } from '../../http/errors';
import { writeAudit } from '../audit/audit-writer';
import { namesOf, replaceNameKeys } from './repo';
import { authorizePerson } from './service';

/**
 * Merges a duplicate into the surviving record. Nothing is lost: every history row (residence status,
 * consent, household, handovers) moves to the survivor, the duplicate's spellings become name variants,
 * and the duplicate stays as a closed stub pointing to the survivor. Both sides are audited.
 */
export async function mergePersons(
  db: Kysely<DB>,
  actor: Actor,
  survivorId: string,
  duplicateId: string,
  versions: { survivor: number; duplicate: number },
  requestId?: string,
): Promise<void> {
  if (survivorId === duplicateId)
    throw badRequest('Eine Person kann nicht mit sich selbst zusammengeführt werden.', [
      { path: 'duplicateId', message: 'gleiche Person' },
    ]);
  const { row: survivor } = await authorizePerson(db, actor, survivorId, {
    action: 'merge',
    requestId,
    details: { duplicateId },
  });
  const { row: duplicate } = await authorizePerson(db, actor, duplicateId, {
    action: 'merge',
    requestId,
    details: { survivorId },
  });
  if (duplicate.merged_into) throw conflict('Dieser Datensatz wurde schon zusammengeführt.');
  await db.transaction().execute(async (tx) => {
    const lock = await tx
      .updateTable('person')
      .where('tenant_id', '=', actor.tenantId)
      .set({
        merged_into: survivorId,
        case_status: 'closed',
        version: sql`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', duplicateId)
      .where('version', '=', versions.duplicate)
      .executeTakeFirst();
    if (Number(lock.numUpdatedRows) === 0)
      throw conflict('Der doppelte Datensatz wurde inzwischen geändert.');
    // Only one open waitlist entry per person: the survivor's stays, the duplicate's is closed (kept as history).
    const survivorWaits = await tx
      .selectFrom('waitlist_entry')
      .where('tenant_id', '=', actor.tenantId)
      .select('id')
      .where('person_id', '=', survivorId)
      .where('status', 'in', ['waiting', 'offered'])
      .executeTakeFirst();
    if (survivorWaits)
      await tx
        .updateTable('waitlist_entry')
        .where('tenant_id', '=', actor.tenantId)
        .set({ status: 'withdrawn' })
        .where('person_id', '=', duplicateId)
        .where('status', 'in', ['waiting', 'offered'])
        .execute();
    // Both attending the same course cannot be: the duplicate's enrolment in a course the survivor has is dropped.
    await tx
      .deleteFrom('enrolment')
      .where('tenant_id', '=', actor.tenantId)
      .where('person_id', '=', duplicateId)
      .where(
        'course_id',
        'in',
        tx
          .selectFrom('enrolment')
          .where('tenant_id', '=', actor.tenantId)
          .select('course_id')
          .where('person_id', '=', survivorId),
      )
      .execute();
    for (const table of [
      'residence_status',
      'consent',
      'household_member',
      'handover',
      'language_assessment',
      'waitlist_entry',
      'enrolment',
      'task',
    ] as const) {
      await tx
        .updateTable(table)
        .where('tenant_id', '=', actor.tenantId)
        .set({ person_id: survivorId })
        .where('person_id', '=', duplicateId)
        .execute();
    }
    const variants = [
      ...new Set([
        ...survivor.name_variants,
        `${duplicate.given_names} ${duplicate.family_name}`,
        ...duplicate.name_variants,
      ]),
    ].filter((v) => v !== `${survivor.given_names} ${survivor.family_name}`);
    const names = {
      givenNames: survivor.given_names,
      familyName: survivor.family_name,
      nameOriginal: survivor.name_original ?? duplicate.name_original,
      nameVariants: variants,
    };
    const r = await tx
      .updateTable('person')
      .where('tenant_id', '=', actor.tenantId)
      .set({
        name_variants: variants,
        name_original: names.nameOriginal,
        nationalities: [...new Set([...survivor.nationalities, ...duplicate.nationalities])],
        azr_number: survivor.azr_number ?? duplicate.azr_number,
        ba_customer_number: survivor.ba_customer_number ?? duplicate.ba_customer_number,
        version: sql`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', survivorId)
      .where('version', '=', versions.survivor)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0)
      throw conflict('Der verbleibende Datensatz wurde inzwischen geändert.');
    await tx
      .deleteFrom('person_name_key')
      .where('tenant_id', '=', actor.tenantId)
      .where('person_id', '=', duplicateId)
      .execute();
    await replaceNameKeys(tx, actor.tenantId, survivorId, namesOf(names));
    await writeAudit(
      tx,
      actor,
      {
        action: 'merge',
        entity: 'person',
        entityId: survivorId,
        personId: survivorId,
        details: { absorbed: duplicateId },
      },
      requestId,
    );
    await writeAudit(
      tx,
      actor,
      {
        action: 'merge',
        entity: 'person',
        entityId: duplicateId,
        personId: duplicateId,
        details: { mergedInto: survivorId },
      },
      requestId,
    );
  });
}
