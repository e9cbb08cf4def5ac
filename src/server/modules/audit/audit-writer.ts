import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';

export interface AuditEntry {
  action:
    | 'read'
    | 'create'
    | 'update'
    | 'delete'
    | 'export'
    | 'merge'
    | 'search'
    | 'login'
    | 'logout'
    | string;
  entity: string;
  entityId?: string | null;
  personId?: string | null;
  outcome?: 'allowed' | 'denied';
  legalBasis?: string | null;
  consentId?: string | null;
  purpose?: string | null;
  details?: Record<string, unknown>;
}

/** Appends one row; the table's trigger refuses every UPDATE and DELETE. */
export async function writeAudit(
  db: Kysely<DB>,
  actor: Pick<Actor, 'tenantId' | 'userId' | 'agencyId' | 'role'> | null,
  entry: AuditEntry & { tenantId?: string },
  requestId?: string,
): Promise<void> {
  const tenantId = actor?.tenantId ?? entry.tenantId;
  if (!tenantId) throw new Error('audit entry without tenant');
  await db
    .insertInto('audit_log')
    .values({
      tenant_id: tenantId,
      user_id: actor?.userId ?? null,
      agency_id: actor?.agencyId ?? null,
      role: actor?.role ?? null,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      person_id: entry.personId ?? null,
      outcome: entry.outcome ?? 'allowed',
      legal_basis: entry.legalBasis ?? null,
      consent_id: entry.consentId ?? null,
      purpose: entry.purpose ?? null,
      request_id: requestId ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .execute();
}
