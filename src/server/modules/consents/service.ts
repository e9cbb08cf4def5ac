import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { type Actor, consentActive } from '../../../domain/access/person-access';
/** "2026-03-01" → "01.03.2026": dates in answers people read are German. */
import { germanDay, todayInGermany } from '../../../domain/reference/dates';
import { badRequest, conflict, notFound } from '../../http/errors';
import { assertTenantRefs } from '../../http/tenant-refs';
import { writeAudit } from '../audit/audit-writer';
import type { ConsentCreate, ConsentOut } from './schema';

export async function listConsents(
  db: Kysely<DB>,
  tenantId: string,
  personId: string,
): Promise<ConsentOut[]> {
  const rows = await db
    .selectFrom('consent as c')
    .innerJoin('agency as a', 'a.id', 'c.recipient_agency_id')
    .select([
      'c.id',
      'c.purpose',
      'c.data_categories',
      'c.given_on',
      'c.withdrawn_on',
      'c.form_language',
      'c.scan_ref',
      'a.id as agency_id',
      'a.name as agency_name',
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('a.tenant_id', '=', tenantId)
    .where('c.person_id', '=', personId)
    .orderBy('c.given_on', 'desc')
    .execute();
  const today = todayInGermany();
  return rows.map((c) => ({
    id: c.id,
    purpose: c.purpose,
    recipientAgency: { id: c.agency_id, name: c.agency_name },
    dataCategories: c.data_categories,
    givenOn: c.given_on,
    withdrawnOn: c.withdrawn_on,
    formLanguage: c.form_language,
    scanRef: c.scan_ref,
    active: consentActive({ givenOn: c.given_on, withdrawnOn: c.withdrawn_on }, today),
  }));
}

export async function addConsent(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  input: ConsentCreate,
  requestId?: string,
): Promise<void> {
  await assertTenantRefs(db, actor.tenantId, [
    { path: 'recipientAgencyId', table: 'agency', id: input.recipientAgencyId },
  ]);
  await db.transaction().execute(async (tx) => {
    const c = await tx
      .insertInto('consent')
      .values({
        tenant_id: actor.tenantId,
        person_id: personId,
        purpose: input.purpose,
        recipient_agency_id: input.recipientAgencyId,
        data_categories: input.dataCategories,
        given_on: input.givenOn,
        form_language: input.formLanguage,
        scan_ref: input.scanRef ?? null,
        recorded_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(
      tx,
      actor,
      {
        action: 'create',
        entity: 'consent',
        entityId: c.id,
        personId,
        consentId: c.id,
        legalBasis: 'Art. 7 DSGVO, § 67b SGB X',
      },
      requestId,
    );
  });
}

/**
 * A withdrawal is one conditional UPDATE (`withdrawn_on IS NULL`): of two withdrawals at the same moment
 * exactly one changes the row and is audited; the other gets 409 — checking first and writing later let
 * both succeed.
 */
export async function withdrawConsent(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  consentId: string,
  withdrawnOn: string | undefined,
  requestId?: string,
): Promise<void> {
  const day = withdrawnOn ?? todayInGermany();
  const c = await db
    .selectFrom('consent')
    .select(['id', 'given_on', 'withdrawn_on'])
    .where('id', '=', consentId)
    .where('person_id', '=', personId)
    .where('tenant_id', '=', actor.tenantId)
    .executeTakeFirst();
  if (!c) throw notFound('Einwilligung');
  const already = (on: string) => conflict(`Die Einwilligung wurde schon am ${germanDay(on)} widerrufen.`);
  if (c.withdrawn_on) throw already(c.withdrawn_on);
  if (day < c.given_on)
    throw badRequest('Widerruf vor Erteilung', [
      { path: 'withdrawnOn', message: 'liegt vor dem Tag der Einwilligung' },
    ]);
  const done = await db.transaction().execute(async (tx) => {
    const changed = await tx
      .updateTable('consent')
      .set({ withdrawn_on: day })
      .where('id', '=', c.id)
      .where('tenant_id', '=', actor.tenantId)
      .where('withdrawn_on', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!changed) return false;
    await writeAudit(
      tx,
      actor,
      {
        action: 'withdraw',
        entity: 'consent',
        entityId: c.id,
        personId,
        consentId: c.id,
        legalBasis: 'Art. 7 Abs. 3 DSGVO',
      },
      requestId,
    );
    return true;
  });
  if (!done) {
    const now = await db
      .selectFrom('consent')
      .select('withdrawn_on')
      .where('id', '=', c.id)
      .where('tenant_id', '=', actor.tenantId)
      .executeTakeFirstOrThrow();
    throw already(now.withdrawn_on ?? day);
  }
}
