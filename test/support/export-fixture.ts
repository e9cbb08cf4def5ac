import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema';
import { insertPerson } from '../../src/server/modules/persons/repo';

/**
 * A client with something in every section of the Art. 15 document: a year-only birth date, a stateless
 * second nationality, a residence title under § 25 Abs. 2 AufenthG, a child, a consent, a referral with a
 * reason typed by staff, a waiting-list entry. Agencies are looked up by kind in the tenant.
 */
export async function exportFixture(
  db: Kysely<DB>,
  tenantId: string,
  owner: { userId: string; agencyId: string; team: string | null },
): Promise<{ personId: string }> {
  const agencies = await db
    .selectFrom('agency')
    .select(['id', 'kind'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const agency = (kind: string) => {
    const a = agencies.find((x) => x.kind === kind);
    if (!a) throw new Error(`no ${kind} in tenant`);
    return a.id;
  };
  const p = await insertPerson(db, tenantId, null, {
    givenNames: 'Amina',
    familyName: 'Haddad',
    nameOriginal: 'أمينة حداد',
    nameVariants: ['Amina Hadad'],
    gender: 'f',
    birthDate: '1990-01-01',
    birthDatePrecision: 'year',
    nationalities: ['SY', 'XXA'],
    languages: [
      { code: 'ar', level: 'muttersprache' },
      { code: 'de', level: 'A2' },
    ],
    azrNumber: '123456789012',
    entryDate: '2023-09-14',
    referralSource: 'sozialamt',
    healthNotes: 'Rückenleiden, kein schweres Heben',
    ownerUserId: owner.userId,
    ownerAgencyId: owner.agencyId,
    team: owner.team,
  });
  await db
    .updateTable('person')
    .set({ rechtskreis: 'sgb2', case_status: 'active' })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', p.id)
    .execute();
  await db
    .insertInto('residence_status')
    .values({
      tenant_id: tenantId,
      person_id: p.id,
      kind: 'aufenthaltserlaubnis',
      paragraph: '25(2)',
      since: '2024-01-10',
      until: '2027-01-09',
      document: 'elektronischer Aufenthaltstitel',
    })
    .execute();
  await db
    .insertInto('household_member')
    .values({
      tenant_id: tenantId,
      person_id: p.id,
      relation: 'child',
      given_names: 'Yusuf',
      family_name: 'Haddad',
      birth_date: '2021-06-02',
      needs_childcare: true,
    })
    .execute();
  await db
    .insertInto('consent')
    .values({
      tenant_id: tenantId,
      person_id: p.id,
      purpose: 'sprachkurs',
      recipient_agency_id: agency('bildungstraeger'),
      data_categories: ['identity', 'language'],
      given_on: '2024-02-01',
      form_language: 'ar',
    })
    .execute();
  await db
    .insertInto('handover')
    .values({
      tenant_id: tenantId,
      person_id: p.id,
      kind: 'referral',
      state: 'requested',
      from_agency_id: owner.agencyId,
      to_agency_id: agency('sozialamt'),
      reason: 'Bitte Leistungen prüfen',
    })
    .execute();
  await db
    .insertInto('waitlist_entry')
    .values({
      tenant_id: tenantId,
      person_id: p.id,
      course_types: ['ik_allgemein'],
      since: '2024-03-01',
      needs_childcare: true,
    })
    .execute();
  return { personId: p.id };
}
