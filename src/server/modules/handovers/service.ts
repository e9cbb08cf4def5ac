import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { mayReceiveHandover, receiverRefusal } from '../../../domain/handover/receivers';
import type { HandoverFacts } from '../../../domain/handover/record';
import { type HandoverAction, type HandoverState, transition } from '../../../domain/handover/state-machine';
import { badRequest, conflict, forbidden, HttpError, notFound } from '../../http/errors';
import { requireAccess } from '../access';
import { writeAudit } from '../audit/audit-writer';
import { closeCase, transferCase } from '../persons/case-writes';
import { authorizePerson } from '../persons/service';
import { handoverRecordFor } from './record-facts';

export { openRechtskreiswechsel } from './repo';

export interface NewHandover {
  kind: 'case' | 'referral' | 'rechtskreiswechsel' | 'exit';
  toAgencyId: string;
  toUserId?: string;
  reason: string;
  keepAdvisor?: boolean;
  /** The rules engine's decision; the record keeps its result and explanation in words. */
  decision?: HandoverFacts['decision'];
}

/** Creates a handover in state "requested" with the handover record filled from the case. */
export async function requestHandover(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  h: NewHandover,
  requestId?: string,
): Promise<string> {
  await requireAccess(db, actor, 'handover:manage');
  await authorizePerson(db, actor, personId, { action: 'request_handover', requestId });
  const to = await db
    .selectFrom('agency')
    .select(['id', 'kind'])
    .where('id', '=', h.toAgencyId)
    .where('tenant_id', '=', actor.tenantId)
    .executeTakeFirst();
  if (!to)
    throw badRequest('Unbekannte Stelle', [
      { path: 'toAgencyId', message: 'Stelle gehört nicht zu dieser Region' },
    ]);
  // Ownership moves on acceptance: an employer, a volunteer group or a course provider cannot take a case.
  if (!mayReceiveHandover(h.kind, to.kind))
    throw badRequest('Diese Stelle kann den Fall nicht übernehmen', [
      { path: 'toAgencyId', message: receiverRefusal(to.kind) },
    ]);
  if (h.toUserId) {
    const u = await db
      .selectFrom('app_user')
      .where('tenant_id', '=', actor.tenantId)
      .select('id')
      .where('id', '=', h.toUserId)
      .where('agency_id', '=', h.toAgencyId)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (!u)
      throw badRequest('Unbekannte Fachkraft', [
        { path: 'toUserId', message: 'gehört nicht zur empfangenden Stelle' },
      ]);
  }
  const record = await handoverRecordFor(db, actor.tenantId, personId, h.decision ?? null);
  try {
    return await db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('handover')
        .values({
          tenant_id: actor.tenantId,
          person_id: personId,
          kind: h.kind,
          state: 'requested',
          from_agency_id: actor.agencyId,
          from_user_id: actor.userId,
          to_agency_id: h.toAgencyId,
          to_user_id: h.toUserId ?? null,
          reason: h.reason,
          keep_advisor: h.keepAdvisor ?? false,
          record: JSON.stringify(record),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAudit(
        tx,
        actor,
        {
          action: 'request',
          entity: 'handover',
          entityId: row.id,
          personId,
          legalBasis: record.legalBasis,
          details: { kind: h.kind, toAgencyId: h.toAgencyId },
        },
        requestId,
      );
      return row.id;
    });
  } catch (e) {
    if (e instanceof Error && /handover_one_open/.test(e.message))
      throw conflict('Für diese Person gibt es schon eine offene Übergabe dieser Art.');
    throw e;
  }
}

/** Moves a handover along its state machine; accepting a case moves ownership in the same transaction. */
export async function actOnHandover(
  db: Kysely<DB>,
  actor: Actor,
  handoverId: string,
  action: HandoverAction,
  input: { reason?: string; version: number },
  requestId?: string,
) {
  await requireAccess(db, actor, 'handover:manage', { handoverIds: [handoverId] });
  const h = await db
    .selectFrom('handover')
    .selectAll()
    .where('id', '=', handoverId)
    .where('tenant_id', '=', actor.tenantId)
    .executeTakeFirst();
  if (!h) throw notFound('Übergabe');
  const side =
    h.to_agency_id === actor.agencyId ? 'receiver' : h.from_agency_id === actor.agencyId ? 'sender' : null;
  if (!side) throw forbidden('Diese Übergabe betrifft Ihre Stelle nicht.');
  if (h.to_user_id && side === 'receiver' && h.to_user_id !== actor.userId && action !== 'complete')
    throw forbidden('Diese Übergabe ist an eine andere Fachkraft adressiert.');
  const t = transition(h.state as HandoverState, action, side, input.reason);
  if (!t.ok)
    throw t.error === 'reason'
      ? badRequest(t.message, [{ path: 'reason', message: t.message }])
      : new HttpError(409, 'invalid_transition', t.message);
  await authorizePerson(db, actor, h.person_id, { action: `handover_${action}`, requestId });
  await db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable('handover')
      .where('tenant_id', '=', actor.tenantId)
      .set({
        state: t.to,
        decision_reason: input.reason ?? null,
        version: sql`version + 1`,
        updated_at: new Date(),
        to_user_id: action === 'accept' ? (h.to_user_id ?? actor.userId) : h.to_user_id,
      })
      .where('id', '=', handoverId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0)
      throw conflict('Die Übergabe wurde inzwischen geändert. Bitte neu laden.');
    if (action === 'accept' && h.kind !== 'referral') {
      const owner = await tx
        .selectFrom('app_user')
        .where('tenant_id', '=', actor.tenantId)
        .select(['id', 'team'])
        .where('id', '=', h.to_user_id ?? actor.userId)
        .executeTakeFirstOrThrow();
      // Herford model: at a Rechtskreiswechsel the advisor may stay; the responsible agency changes anyway.
      await transferCase(tx, {
        tenantId: actor.tenantId,
        personId: h.person_id,
        toAgencyId: h.to_agency_id,
        toUser: h.keep_advisor ? undefined : owner,
      });
    }
    if (action === 'complete' && h.kind === 'exit')
      await closeCase(tx, { tenantId: actor.tenantId, personId: h.person_id });
    await writeAudit(
      tx,
      actor,
      {
        action,
        entity: 'handover',
        entityId: handoverId,
        personId: h.person_id,
        details: { from: h.state, to: t.to, reason: input.reason ?? null },
      },
      requestId,
    );
  });
  return getHandover(db, actor, handoverId);
}

export async function getHandover(db: Kysely<DB>, actor: Actor, handoverId: string) {
  const rows = await handoverQuery(db, actor.tenantId).where('h.id', '=', handoverId).execute();
  if (!rows[0]) throw notFound('Übergabe');
  return present(rows[0]);
}

export function handoverQuery(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('handover as h')
    .innerJoin('person as p', 'p.id', 'h.person_id')
    .innerJoin('agency as fa', 'fa.id', 'h.from_agency_id')
    .innerJoin('agency as ta', 'ta.id', 'h.to_agency_id')
    .leftJoin('app_user as fu', 'fu.id', 'h.from_user_id')
    .leftJoin('app_user as tu', 'tu.id', 'h.to_user_id')
    .select([
      'h.id',
      'h.kind',
      'h.state',
      'h.reason',
      'h.decision_reason',
      'h.keep_advisor',
      'h.record',
      'h.version',
      'h.created_at',
      'h.updated_at',
      'h.person_id',
      'p.given_names',
      'p.family_name',
      'fa.name as from_agency',
      'ta.name as to_agency',
      'fu.display_name as from_user',
      'tu.display_name as to_user',
    ])
    .where('h.tenant_id', '=', tenantId);
}

type Row = Awaited<ReturnType<ReturnType<typeof handoverQuery>['execute']>>[number];

export function present(r: Row) {
  return {
    id: r.id,
    kind: r.kind,
    state: r.state,
    reason: r.reason,
    decisionReason: r.decision_reason,
    keepAdvisor: r.keep_advisor,
    record: r.record,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    person: { id: r.person_id, name: `${r.given_names} ${r.family_name}` },
    fromAgency: r.from_agency,
    toAgency: r.to_agency,
    fromUser: r.from_user,
    toUser: r.to_user,
  };
}
