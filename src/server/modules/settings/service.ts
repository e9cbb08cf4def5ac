import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import {
  applySettingsPatch,
  type EffectiveSettings,
  effectiveSettings,
  type TenantSettingsPatch,
} from '../../../domain/settings/tenant-settings';
import { conflict } from '../../http/errors';
import { writeAudit } from '../audit/audit-writer';

export async function readSettings(db: Kysely<DB>, tenantId: string): Promise<EffectiveSettings> {
  const t = await db
    .selectFrom('tenant')
    .select('settings')
    .where('id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return effectiveSettings(t.settings);
}

/**
 * Changes the region's settings under an optimistic lock (`version` as read): a second administrator
 * saving over a change they have not seen gets 409 with the current settings. Audited with before/after.
 */
export async function updateSettings(
  db: Kysely<DB>,
  actor: Pick<Actor, 'tenantId' | 'userId' | 'agencyId' | 'role'> | null,
  tenantId: string,
  patch: TenantSettingsPatch,
  version: number | null,
  requestId?: string,
): Promise<EffectiveSettings> {
  return db.transaction().execute(async (tx) => {
    const t = await tx
      .selectFrom('tenant')
      .select('settings')
      .where('id', '=', tenantId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const before = effectiveSettings(t.settings);
    if (version !== null && version !== before.version)
      throw conflict('Die Einstellungen wurden inzwischen geändert.', before);
    const stored = applySettingsPatch(t.settings, patch);
    await tx
      .updateTable('tenant')
      .set({ settings: JSON.stringify(stored) as never })
      .where('id', '=', tenantId)
      .execute();
    const after = effectiveSettings(stored);
    await writeAudit(
      tx,
      actor,
      {
        tenantId,
        action: 'settings_change',
        entity: 'tenant',
        entityId: tenantId,
        details: { before, after },
      },
      requestId,
    );
    return after;
  });
}
