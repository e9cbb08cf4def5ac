import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { PartnerOut } from './schema';

// The partners module's SQL; it alone writes partner_org and partner_contact.

export async function listPartners(
  db: Kysely<DB>,
  tenantId: string,
  f: { language?: string; q?: string; id?: string },
): Promise<PartnerOut[]> {
  const orgs = await db
    .selectFrom('partner_org')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('active', '=', true)
    .$if(f.id !== undefined, (q) => q.where('id', '=', f.id as string))
    .orderBy('name')
    .execute();
  const contacts =
    orgs.length === 0
      ? []
      : await db
          .selectFrom('partner_contact')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where(
            'partner_id',
            'in',
            orgs.map((o) => o.id),
          )
          .orderBy('name')
          .execute();
  const needle = f.q?.toLowerCase();
  return orgs
    .filter((o) => !f.language || o.languages.includes(f.language))
    .filter((o) => !needle || `${o.name} ${o.services ?? ''}`.toLowerCase().includes(needle))
    .map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind as PartnerOut['kind'],
      services: o.services,
      languages: o.languages,
      openingHours: o.opening_hours,
      address: o.address,
      phone: o.phone,
      email: o.email,
      website: o.website,
      agencyId: o.agency_id,
      contacts: contacts
        .filter((c) => c.partner_id === o.id)
        .map((c) => ({ id: c.id, name: c.name, role: c.role, phone: c.phone, email: c.email })),
    }));
}

export interface PartnerInput {
  name: string;
  kind: string;
  services?: string | null;
  languages?: string[];
  openingHours?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  agencyId?: string | null;
  contacts?: { name: string; role?: string | null; phone?: string | null; email?: string | null }[];
}

export function partnerNamed(db: Kysely<DB>, tenantId: string, name: string) {
  return db
    .selectFrom('partner_org')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function insertPartner(db: Kysely<DB>, tenantId: string, b: PartnerInput): Promise<string> {
  const org = await db
    .insertInto('partner_org')
    .values({
      tenant_id: tenantId,
      name: b.name,
      kind: b.kind,
      services: b.services ?? null,
      languages: b.languages ?? [],
      opening_hours: b.openingHours ?? null,
      address: b.address ?? null,
      phone: b.phone ?? null,
      email: b.email ?? null,
      website: b.website ?? null,
      agency_id: b.agencyId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (b.contacts && b.contacts.length > 0)
    await db
      .insertInto('partner_contact')
      .values(
        b.contacts.map((c) => ({
          tenant_id: tenantId,
          partner_id: org.id,
          name: c.name,
          role: c.role ?? null,
          phone: c.phone ?? null,
          email: c.email ?? null,
        })),
      )
      .execute();
  return org.id;
}
