import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema';

/**
 * The writes other modules make to a person's case, offered by the module that owns the `person` table
 * (issue 10.3): handovers move the case and close it, the residence tab sets the Rechtskreis. Each names
 * the tenant and bumps the version, so an editor holding the old version gets a 409, not a lost update.
 */

/** The case moves to another agency (and advisor, unless the advisor keeps it) and becomes active. */
export async function transferCase(
  db: Kysely<DB>,
  p: {
    tenantId: string;
    personId: string;
    toAgencyId: string;
    /** Omitted when the advisor stays with the case (Herford model at a Rechtskreiswechsel). */
    toUser?: { id: string; team: string | null };
  },
): Promise<void> {
  await db
    .updateTable('person')
    .set({
      owner_agency_id: p.toAgencyId,
      ...(p.toUser ? { owner_user_id: p.toUser.id, team: p.toUser.team } : {}),
      case_status: 'active',
      version: sql`version + 1`,
      updated_at: new Date(),
    })
    .where('tenant_id', '=', p.tenantId)
    .where('id', '=', p.personId)
    .execute();
}

/** The case is closed today (an exit from the Integration Point). */
export async function closeCase(db: Kysely<DB>, p: { tenantId: string; personId: string }): Promise<void> {
  await db
    .updateTable('person')
    .set({
      case_status: 'closed',
      closed_on: sql`current_date`,
      version: sql`version + 1`,
      updated_at: new Date(),
    })
    .where('tenant_id', '=', p.tenantId)
    .where('id', '=', p.personId)
    .execute();
}

/** The Rechtskreis the rules engine decided for today. */
export async function setRechtskreis(
  db: Kysely<DB>,
  p: { tenantId: string; personId: string; rechtskreis: string },
): Promise<void> {
  await db
    .updateTable('person')
    .set({ rechtskreis: p.rechtskreis, version: sql`version + 1`, updated_at: new Date() })
    .where('tenant_id', '=', p.tenantId)
    .where('id', '=', p.personId)
    .execute();
}
