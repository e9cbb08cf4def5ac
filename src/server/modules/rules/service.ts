import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { parseLawData } from '../../../domain/rules';
import { badRequest } from '../../http/errors';
import { writeAudit } from '../audit/audit-writer';
import { regionDeadlinesChanged } from '../tasks/triggers';
import { insertLawVersion } from './law-store';

/**
 * Saves changed rule data of the region, in force from a day (administration): validated first (400 naming
 * the fields under `data`), one audit row, then the region's deadlines are recomputed — they are computed
 * with the law in force, so a new version can move them for everyone.
 */
export async function storeLawVersion(
  db: Kysely<DB>,
  actor: Actor,
  input: {
    /** first day the version applies (ISO date) */
    inForceFrom: string;
    /** what changed, in the administrator's words */
    note: string;
    /** the rule data as sent, not yet validated */
    data?: unknown;
  },
  requestId?: string,
): Promise<{ id: string }> {
  const parsed = parseLawData(input.data);
  if (!parsed.ok)
    throw badRequest(
      'Ungültige Rechtsdaten',
      parsed.errors.map((e) => ({ path: e.path.replace(/^\$/, 'data'), message: e.message })),
    );
  const row = await insertLawVersion(db, {
    tenantId: actor.tenantId,
    inForceFrom: input.inForceFrom,
    law: parsed.law,
    note: input.note,
    createdBy: actor.userId,
  });
  await writeAudit(
    db,
    actor,
    {
      action: 'create',
      entity: 'law_version',
      entityId: row.id,
      details: { inForceFrom: input.inForceFrom, note: input.note },
    },
    requestId,
  );
  await regionDeadlinesChanged(db, actor.tenantId);
  return row;
}
