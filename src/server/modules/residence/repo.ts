import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { ResidenceStatusBody } from './schema';

/** Appends a residence status to the person's history (earlier statuses stay). */
export async function insertResidenceStatus(
  db: Kysely<DB>,
  s: {
    tenantId: string;
    personId: string;
    status: ResidenceStatusBody;
    /** the account that recorded it */
    recordedBy: string;
  },
): Promise<void> {
  const b = s.status;
  await db
    .insertInto('residence_status')
    .values({
      tenant_id: s.tenantId,
      person_id: s.personId,
      kind: b.kind,
      paragraph: b.paragraph ?? null,
      since: b.since,
      until: b.until ?? null,
      document: b.document ?? null,
      work_annotation: b.workAnnotation ?? null,
      asylum_application_date: b.asylumApplicationDate ?? null,
      asylum_decision: b.asylumDecision ?? null,
      asylum_decision_date: b.asylumDecisionDate ?? null,
      lives_in_reception_centre: b.livesInReceptionCentre ?? null,
      own_fault_obstacle: b.ownFaultObstacle ?? null,
      identity_unclear: b.identityUnclear ?? null,
      registered: b.registered ?? null,
      dublin_case: b.dublinCase ?? null,
      recorded_by: s.recordedBy,
    })
    .execute();
}
