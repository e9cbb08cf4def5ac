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
    await moveOneOfAKind(tx, actor.tenantId, survivorId, duplicateId);
    for (const table of [
      'residence_status',
      'consent',
      'household_member',
      'handover',
      'language_assessment',
      'waitlist_entry',
      'enrolment',
      'task',
      // Joint case work and the work side (issues 13, 14): nothing of the duplicate's file is left behind.
      'appointment',
      'case_note',
      'recognition',
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

/**
 * Records a person has at most one of per thing — a cooperation plan, a competence profile, a place in a
 * case conference, on a vacancy's pipeline, on an event's guest list. The duplicate's record moves when the
 * survivor has none; where both have one, the survivor's stays and the duplicate's remains on the closed
 * stub (its history is kept, and the audit trail of the stub still shows it).
 */
async function moveOneOfAKind(
  tx: Kysely<DB>,
  tenantId: string,
  survivorId: string,
  duplicateId: string,
): Promise<void> {
  await sql`UPDATE plan SET person_id = ${survivorId}
    WHERE tenant_id = ${tenantId} AND person_id = ${duplicateId}
      AND NOT EXISTS (SELECT 1 FROM plan s WHERE s.tenant_id = ${tenantId} AND s.person_id = ${survivorId})`.execute(
    tx,
  );
  await sql`UPDATE conference_item d SET person_id = ${survivorId}
    WHERE d.tenant_id = ${tenantId} AND d.person_id = ${duplicateId}
      AND NOT EXISTS (SELECT 1 FROM conference_item s WHERE s.tenant_id = ${tenantId}
        AND s.person_id = ${survivorId} AND s.conference_id = d.conference_id)`.execute(tx);
  await sql`UPDATE placement d SET person_id = ${survivorId}
    WHERE d.tenant_id = ${tenantId} AND d.person_id = ${duplicateId}
      AND NOT EXISTS (SELECT 1 FROM placement s WHERE s.tenant_id = ${tenantId}
        AND s.person_id = ${survivorId} AND s.vacancy_id = d.vacancy_id)`.execute(tx);
  await sql`UPDATE work_event_guest d SET person_id = ${survivorId}
    WHERE d.tenant_id = ${tenantId} AND d.person_id = ${duplicateId}
      AND NOT EXISTS (SELECT 1 FROM work_event_guest s WHERE s.tenant_id = ${tenantId}
        AND s.person_id = ${survivorId} AND s.event_id = d.event_id)`.execute(tx);
  // The competence profile is keyed by the person and its occupation rows point to it: a copy under the
  // survivor's id takes the rows over, then the duplicate's profile goes.
  const moved = await sql`INSERT INTO work_profile
    SELECT (jsonb_populate_record(wp, jsonb_build_object('person_id', ${survivorId}::uuid))).*
    FROM work_profile wp
    WHERE wp.tenant_id = ${tenantId} AND wp.person_id = ${duplicateId}
      AND NOT EXISTS (SELECT 1 FROM work_profile s WHERE s.tenant_id = ${tenantId} AND s.person_id = ${survivorId})`.execute(
    tx,
  );
  if (Number(moved.numAffectedRows ?? 0) > 0) {
    await sql`UPDATE work_profile_occupation SET person_id = ${survivorId}
      WHERE tenant_id = ${tenantId} AND person_id = ${duplicateId}`.execute(tx);
    await sql`DELETE FROM work_profile WHERE tenant_id = ${tenantId} AND person_id = ${duplicateId}`.execute(
      tx,
    );
  }
}
