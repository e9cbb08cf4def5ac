import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { rechtskreisChangeReason } from '../../../domain/handover/record';
import { todayInGermany } from '../../../domain/reference/dates';
import { evaluate, situationFromCaseFile } from '../../../domain/rules';
import { badRequest, forbidden } from '../../http/errors';
import { writeAudit } from '../audit/audit-writer';
import { openRechtskreiswechsel, requestHandover } from '../handovers/service';
import { firstAgencyOfKind } from '../meta/service';
import { setRechtskreis } from '../persons/case-writes';
import { authorizePerson, readPerson } from '../persons/service';
import { lawFor } from '../rules/law-store';
import { loadCaseFiles, personSituation } from '../rules/situation';
import { deadlinesChanged } from '../tasks/triggers';
import { insertResidenceStatus } from './repo';
import type { RechtskreisChange, ResidenceStatusBody } from './schema';

const firstOfNextMonth = (d: string): string => {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};
const laterDay = (a: string, b: string): string => (a > b ? a : b);

/**
 * Records a new residence status of a person (the history stays) and follows it through:
 * - access: the person's update decision must include the residence category (else 403);
 * - the status and its one audit row in one transaction; the person's deadlines are recomputed;
 * - the person's Rechtskreis is set from the rules engine's answer for today;
 * - a Rechtskreiswechsel into SGB II/Jobcenter (judged on the first day after AsylbLG ends) prepares the
 *   handover to the region's Jobcenter, unless one is open already (400 when the region has none).
 * Returns the person as read afterwards, with the change of Rechtskreis (or null).
 */
export async function recordResidenceStatus(
  db: Kysely<DB>,
  actor: Actor,
  input: {
    /** the person whose status is recorded */
    personId: string;
    /** the new status as validated by `residenceStatusBody` */
    status: ResidenceStatusBody;
  },
  request: {
    /** the HTTP request id, kept in the audit rows */
    requestId?: string;
    /** where a failed deadline sync is reported before it is queued for retry */
    log?: { warn: (o: object, m: string) => void };
  } = {},
) {
  const { requestId } = request;
  const { row, decision } = await authorizePerson(db, actor, input.personId, {
    action: 'add_residence_status',
    requestId,
  });
  if (!decision.categories.includes('residence')) throw forbidden();
  const b = input.status;
  const today = todayInGermany();
  const { law } = await lawFor(db, actor.tenantId, today);
  const before = evaluate(await personSituation(db, actor.tenantId, row, today), law);
  await db.transaction().execute(async (tx) => {
    await insertResidenceStatus(tx, {
      tenantId: actor.tenantId,
      personId: row.id,
      status: b,
      recordedBy: actor.userId,
    });
    await writeAudit(
      tx,
      actor,
      {
        action: 'create',
        entity: 'residence_status',
        personId: row.id,
        legalBasis: decision.basis,
        details: { kind: b.kind, paragraph: b.paragraph ?? null },
      },
      requestId,
    );
  });
  await deadlinesChanged(db, actor.tenantId, [row.id], request.log);
  const file = (await loadCaseFiles(db, actor.tenantId, [row])).get(row.id) ?? {
    person: row,
    residence: [],
  };
  const now = evaluate(situationFromCaseFile(file, today), law);
  // AsylbLG ends at the end of the month in which its basis falls away (§ 1 Abs. 3 AsylbLG): judge the
  // switch on the first day after that, so the handover is prepared before the month ends.
  const effective = laterDay(today, firstOfNextMonth(b.asylumDecisionDate ?? b.since));
  const after = evaluate(situationFromCaseFile(file, effective), law);
  await setRechtskreis(db, { tenantId: actor.tenantId, personId: row.id, rechtskreis: now.benefits });

  let change: RechtskreisChange = null;
  if (before.benefits !== after.benefits) {
    change = { from: before.benefits, to: after.benefits, handoverId: null };
    // Rechtskreiswechsel AsylbLG/AA → SGB II/JC: the handover to the Jobcenter is created, pre-filled.
    if (after.benefits === 'sgb2' && after.agency === 'JC') {
      const jc = await firstAgencyOfKind(db, { tenantId: actor.tenantId, kind: 'jobcenter' });
      if (!jc) throw badRequest('In dieser Region ist kein Jobcenter angelegt.');
      const open = await openRechtskreiswechsel(db, { tenantId: actor.tenantId, personId: row.id });
      change.handoverId =
        open?.id ??
        (await requestHandover(
          db,
          actor,
          row.id,
          {
            kind: 'rechtskreiswechsel',
            toAgencyId: jc.id,
            toUserId:
              b.keepAdvisor === true && row.owner_user_id && row.owner_agency_id === jc.id
                ? row.owner_user_id
                : undefined,
            reason: rechtskreisChangeReason({
              from: before.benefits,
              kind: b.kind,
              paragraph: b.paragraph,
              since: b.since,
            }),
            keepAdvisor: b.keepAdvisor ?? false,
            decision: after,
          },
          requestId,
        ));
    }
  }
  return { ...(await readPerson(db, actor, row.id, requestId)), rechtskreisChange: change };
}
