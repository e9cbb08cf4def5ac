import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { DEFAULT_LAW, type LawData, parseLawData } from '../../../domain/rules';

/** The rule data in force for a tenant on a day: the newest stored version, else the shipped default. */
export async function lawFor(
  db: Kysely<DB>,
  tenantId: string,
  day: string,
): Promise<{ law: LawData; versionId: string | null }> {
  const row = await db
    .selectFrom('law_version')
    .select(['id', 'data'])
    .where('tenant_id', '=', tenantId)
    .where('in_force_from', '<=', day)
    .orderBy('in_force_from', 'desc')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (!row) return { law: DEFAULT_LAW, versionId: null };
  const parsed = parseLawData(row.data);
  // A stored version was validated when saved; if the schema moved on since, fall back rather than guess.
  return parsed.ok ? { law: parsed.law, versionId: row.id } : { law: DEFAULT_LAW, versionId: null };
}

/** Stores a validated version of the rule data, in force from a day. */
export async function insertLawVersion(
  db: Kysely<DB>,
  v: {
    tenantId: string;
    /** first day the version applies (ISO date) */
    inForceFrom: string;
    law: LawData;
    /** what changed, in the administrator's words */
    note: string;
    createdBy: string;
  },
): Promise<{ id: string }> {
  return db
    .insertInto('law_version')
    .values({
      tenant_id: v.tenantId,
      in_force_from: v.inForceFrom,
      data: JSON.stringify(v.law),
      note: v.note,
      created_by: v.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}
