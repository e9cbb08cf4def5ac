import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { badRequest, conflict, notFound } from '../../http/errors';
import { writeAudit } from '../audit/audit-writer';
import { requestHandover } from '../handovers/service';
import * as repo from './repo';
import type { PartnerOut } from './schema';

export const listPartners = repo.listPartners;

export async function createPartner(
  db: Kysely<DB>,
  actor: Actor,
  b: repo.PartnerInput,
  requestId?: string,
): Promise<PartnerOut> {
  if (b.agencyId) {
    const a = await db
      .selectFrom('agency')
      .select('id')
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', b.agencyId)
      .executeTakeFirst();
    if (!a)
      throw badRequest('Unbekannte Stelle.', [
        { path: 'agencyId', message: 'Diese Stelle gibt es in Lotse nicht.' },
      ]);
  }
  const id = await db.transaction().execute(async (tx) => {
    if (await repo.partnerNamed(tx, actor.tenantId, b.name))
      throw conflict(`„${b.name}“ ist schon im Partnernetzwerk.`);
    return repo.insertPartner(tx, actor.tenantId, b);
  });
  await writeAudit(db, actor, { action: 'create', entity: 'partner_org', entityId: id }, requestId);
  const [out] = await repo.listPartners(db, actor.tenantId, { id });
  return out as PartnerOut;
}

/**
 * A referral to a partner: to a partner that works in Lotse as a handover (its state machine checks the
 * person's consent for that agency); to one outside Lotse a 409 that says how to reach it instead.
 */
export async function referToPartner(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  b: { partnerId: string; reason: string },
  requestId?: string,
): Promise<string> {
  const [partner] = await repo.listPartners(db, actor.tenantId, { id: b.partnerId });
  if (!partner) throw notFound('Partnerstelle');
  if (!partner.agencyId) {
    const how = [partner.phone, partner.email].filter(Boolean).join(', ');
    throw conflict(
      `${partner.name} arbeitet nicht in Lotse. Bitte direkt Kontakt aufnehmen${how ? ` (${how})` : ''}; Daten der Person nur mit ihrer Einwilligung weitergeben.`,
    );
  }
  return requestHandover(
    db,
    actor,
    personId,
    { kind: 'referral', toAgencyId: partner.agencyId, reason: b.reason },
    requestId,
  );
}
