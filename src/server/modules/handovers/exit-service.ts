import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { exitDueOn } from '../../../domain/handover/exit';
import { todayInGermany } from '../../../domain/reference/dates';
import { writeAudit } from '../audit/audit-writer';
import { authorizePerson } from '../persons/service';
import { readSettings } from '../settings/service';
import { handoverRecordFor } from './record-facts';
import { openCasesWithIpEntry } from './repo';

/** The transition into the regular services after the longest stay in the Integration Point. */

async function maxStayMonths(db: Kysely<DB>, tenantId: string): Promise<number> {
  return (await readSettings(db, tenantId)).ipMaxStayMonths;
}

/** One person's exit: due date after the longest stay, and what the handover record still misses. */
export async function exitCheck(db: Kysely<DB>, actor: Actor, personId: string, requestId?: string) {
  const { row } = await authorizePerson(db, actor, personId, { action: 'exit_check', requestId });
  const months = await maxStayMonths(db, actor.tenantId);
  const dueOn = row.ip_entry_date ? exitDueOn(row.ip_entry_date, months) : null;
  const record = await handoverRecordFor(db, actor.tenantId, row.id, null);
  return {
    ipEntryDate: row.ip_entry_date,
    maxStayMonths: months,
    dueOn,
    due: dueOn !== null && dueOn <= todayInGermany(),
    missing: record.missing,
  };
}

/**
 * Cases in the actor's scope whose longest stay is reached, or is reached within `withinDays`, soonest
 * first. The list is one audited search.
 */
export async function dueExits(
  db: Kysely<DB>,
  actor: Actor,
  q: {
    /** how many days ahead a due date still counts */
    withinDays: number;
  },
  requestId?: string,
) {
  const today = todayInGermany();
  const months = await maxStayMonths(db, actor.tenantId);
  const rows = await openCasesWithIpEntry(db, actor, today);
  const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + q.withinDays * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const items = rows
    .map((p) => ({
      id: p.id,
      name: `${p.given_names} ${p.family_name}`,
      ipEntryDate: p.ip_entry_date!,
      dueOn: exitDueOn(p.ip_entry_date!, months),
      owner: p.display_name,
    }))
    .filter((p) => p.dueOn <= horizon)
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  await writeAudit(
    db,
    actor,
    { action: 'search', entity: 'person', details: { list: 'exits_due', results: items.length } },
    requestId,
  );
  return { maxStayMonths: months, items };
}
