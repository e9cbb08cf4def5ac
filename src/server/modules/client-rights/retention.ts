import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { todayInGermany } from '../../../domain/reference/dates';
import {
  casesDueForDeletion,
  DEFAULT_RETENTION,
  type RetentionItem,
  type RetentionPolicy,
} from '../../../domain/retention/retention';
import { writeAudit } from '../audit/audit-writer';
import { readSettings } from '../settings/service';

async function policyOf(db: Kysely<DB>, tenantId: string): Promise<RetentionPolicy> {
  // The settings already hold every Rechtskreis, defaults filled in.
  return { ...DEFAULT_RETENTION, years: (await readSettings(db, tenantId)).retentionYears };
}

/** The dry-run report: which closed cases are past their retention period today. */
export async function retentionReport(
  db: Kysely<DB>,
  tenantId: string,
  today = todayInGermany(),
): Promise<RetentionItem[]> {
  const closed = await db
    .selectFrom('person')
    .select(['id', 'rechtskreis', 'closed_on'])
    .where('tenant_id', '=', tenantId)
    .where('case_status', '=', 'closed')
    .execute();
  return casesDueForDeletion(
    closed.map((c) => ({ id: c.id, rechtskreis: c.rechtskreis, closedOn: c.closed_on })),
    today,
    await policyOf(db, tenantId),
  );
}

/** Deletes the due cases with everything that hangs on them, in one transaction; audit rows stay (ids only). */
export async function executeRetention(
  db: Kysely<DB>,
  actor: Actor | null,
  tenantId: string,
  expectedIds: readonly string[],
  requestId?: string,
): Promise<number> {
  const due = new Set((await retentionReport(db, tenantId)).map((d) => d.id));
  // Only what the reviewed dry run listed and is still due: nothing the reviewer did not see.
  const ids = expectedIds.filter((id) => due.has(id));
  if (ids.length === 0) return 0;
  await db.transaction().execute(async (tx) => {
    for (const table of [
      'person_name_key',
      'residence_status',
      'consent',
      'household_member',
      'handover',
    ] as const) {
      await tx.deleteFrom(table).where('tenant_id', '=', tenantId).where('person_id', 'in', ids).execute();
    }
    await tx
      .updateTable('household_member')
      .where('tenant_id', '=', tenantId)
      .set({ member_person_id: null })
      .where('member_person_id', 'in', ids)
      .execute();
    await tx
      .updateTable('person')
      .where('tenant_id', '=', tenantId)
      .set({ merged_into: null })
      .where('merged_into', 'in', ids)
      .execute();
    await tx.deleteFrom('person').where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
    await writeAudit(
      tx,
      actor,
      {
        tenantId,
        action: 'delete_retention',
        entity: 'person',
        legalBasis: 'Art. 17 Abs. 1 lit. a DSGVO, § 84 SGB X',
        details: { count: ids.length, ids },
      },
      requestId,
    );
  });
  return ids.length;
}
