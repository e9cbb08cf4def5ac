import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { ageInYears, todayInGermany } from '../../../domain/reference/dates';
import { badRequest, notFound } from '../../http/errors';
import { assertTenantRefs } from '../../http/tenant-refs';
import { writeAudit } from '../audit/audit-writer';

/** Children under school age need childcare for a course (the planning of Eltern-/Frauenkurse depends on it). */
const CHILDCARE_BELOW_YEARS = 6;

export interface HouseholdMemberInput {
  relation: 'partner' | 'child' | 'parent' | 'sibling' | 'other';
  givenNames: string;
  familyName?: string;
  birthDate?: string;
  memberPersonId?: string;
  needsChildcare?: boolean;
}

export async function addHouseholdMember(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  b: HouseholdMemberInput,
  decision: { basis: string },
  requestId?: string,
): Promise<void> {
  if (b.memberPersonId === personId)
    throw badRequest('Ungültige Eingabe', [
      { path: 'memberPersonId', message: 'eine Person kann nicht ihr eigenes Haushaltsmitglied sein' },
    ]);
  // A linked member must be a person of the same region (ids are global).
  await assertTenantRefs(db, actor.tenantId, [
    { path: 'memberPersonId', table: 'person', id: b.memberPersonId },
  ]);
  const needsChildcare =
    b.needsChildcare ??
    (b.relation === 'child' &&
      b.birthDate !== undefined &&
      ageInYears(b.birthDate, todayInGermany()) < CHILDCARE_BELOW_YEARS);
  await db.transaction().execute(async (tx) => {
    const m = await tx
      .insertInto('household_member')
      .values({
        tenant_id: actor.tenantId,
        person_id: personId,
        relation: b.relation,
        given_names: b.givenNames,
        family_name: b.familyName ?? null,
        birth_date: b.birthDate ?? null,
        member_person_id: b.memberPersonId ?? null,
        needs_childcare: needsChildcare,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(
      tx,
      actor,
      {
        action: 'create',
        entity: 'household_member',
        entityId: m.id,
        personId,
        legalBasis: decision.basis,
      },
      requestId,
    );
  });
}

export async function removeHouseholdMember(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  memberId: string,
  decision: { basis: string },
  requestId?: string,
): Promise<void> {
  const res = await db
    .deleteFrom('household_member')
    .where('id', '=', memberId)
    .where('person_id', '=', personId)
    .where('tenant_id', '=', actor.tenantId)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw notFound('Haushaltsmitglied');
  await writeAudit(
    db,
    actor,
    {
      action: 'delete',
      entity: 'household_member',
      entityId: memberId,
      personId,
      legalBasis: decision.basis,
    },
    requestId,
  );
}
