import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor, ConsentFact } from '../../../domain/access/person-access';
import { nameKeys } from '../../../domain/duplicates';
import { nameTokenKeys, queryTokenKeys } from '../../../domain/search/name-tokens';
import { searchForm } from '../../../domain/text/normalize';
import type { PersonCreate, PersonSearch } from './schema';
import { personScope } from './scope';

export function nameSearchText(p: {
  givenNames: string;
  familyName: string;
  nameOriginal?: string | null;
  nameVariants?: string[];
}): string {
  return searchForm([p.givenNames, p.familyName, ...(p.nameVariants ?? []), p.nameOriginal ?? ''].join(' '));
}

/** Every full name a person is known by, Latin and original script: the input of the duplicate matcher. */
export function namesOf(p: {
  givenNames: string;
  familyName: string;
  nameOriginal?: string | null;
  nameVariants?: string[];
}): string[] {
  return [
    `${p.givenNames} ${p.familyName}`,
    ...(p.nameVariants ?? []),
    ...(p.nameOriginal ? [p.nameOriginal] : []),
  ];
}

/** The matcher's blocking keys and the name-search token keys of a person (one indexed table holds both). */
export const personKeys = (names: string[]): string[] => [...nameKeys(names), ...nameTokenKeys(names)];

/** Keeps the matcher's blocking keys in step with the names (call inside the same transaction). */
export async function replaceNameKeys(
  db: Kysely<DB>,
  tenantId: string,
  personId: string,
  names: string[],
): Promise<void> {
  await db.deleteFrom('person_name_key').where('person_id', '=', personId).execute();
  const keys = personKeys(names);
  if (keys.length)
    await db
      .insertInto('person_name_key')
      .values(keys.map((key) => ({ tenant_id: tenantId, key, person_id: personId })))
      .execute();
}

export async function insertPerson(
  db: Kysely<DB>,
  tenantId: string,
  createdBy: string | null,
  p: PersonCreate & { ownerUserId?: string | null; ownerAgencyId?: string | null; team?: string | null },
) {
  return db
    .insertInto('person')
    .values({
      tenant_id: tenantId,
      given_names: p.givenNames,
      family_name: p.familyName,
      name_original: p.nameOriginal ?? null,
      name_variants: p.nameVariants,
      gender: p.gender,
      birth_date: p.birthDate ?? null,
      birth_date_precision: p.birthDatePrecision,
      nationalities: p.nationalities,
      languages: JSON.stringify(p.languages),
      phone: p.phone ?? null,
      email: p.email ?? null,
      address: p.address ?? null,
      municipality_id: p.municipalityId ?? null,
      wohnsitzauflage_municipality_id: p.wohnsitzauflageMunicipalityId ?? null,
      azr_number: p.azrNumber ?? null,
      ba_customer_number: p.baCustomerNumber ?? null,
      entry_date: p.entryDate ?? null,
      referral_source: p.referralSource ?? null,
      health_notes: p.healthNotes ?? null,
      owner_user_id: p.ownerUserId ?? null,
      owner_agency_id: p.ownerAgencyId ?? null,
      team: p.team ?? null,
      search_text: nameSearchText(p),
      created_by: createdBy,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
    .then(async (row) => {
      await replaceNameKeys(db, tenantId, row.id, namesOf(p));
      return row;
    });
}

export async function findPersonRow(db: Kysely<DB>, tenantId: string, id: string) {
  return db
    .selectFrom('person as p')
    .leftJoin('app_user as o', 'o.id', 'p.owner_user_id')
    .leftJoin('agency as oa', 'oa.id', 'p.owner_agency_id')
    .leftJoin('municipality as m', 'm.id', 'p.municipality_id')
    .leftJoin('municipality as w', 'w.id', 'p.wohnsitzauflage_municipality_id')
    .selectAll('p')
    .select([
      'o.display_name as owner_name',
      'oa.name as owner_agency_name',
      'm.name as municipality_name',
      'w.name as wohnsitzauflage_name',
    ])
    .where('p.tenant_id', '=', tenantId)
    .where('p.id', '=', id)
    .executeTakeFirst();
}
export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPersonRow>>>;

export async function consentsOf(db: Kysely<DB>, tenantId: string, personId: string): Promise<ConsentFact[]> {
  const rows = await db
    .selectFrom('consent')
    .select(['id', 'recipient_agency_id', 'purpose', 'data_categories', 'given_on', 'withdrawn_on'])
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .execute();
  return rows.map((c) => ({
    id: c.id,
    recipientAgencyId: c.recipient_agency_id,
    purpose: c.purpose,
    dataCategories: c.data_categories,
    givenOn: c.given_on,
    withdrawnOn: c.withdrawn_on,
  }));
}

export async function residenceHistory(db: Kysely<DB>, tenantId: string, personId: string) {
  return db
    .selectFrom('residence_status')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .orderBy('since', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
}

/** More hits than this are not counted exactly: the answer says 'more than' and asks for a narrower search. */
export const SEARCH_CAP = 2000;

/**
 * Persons of a region whose phonetic name-token keys match every token of the query, whatever the spelling
 * or script (at most SEARCH_CAP ids); null when the query has no name token (then the caller falls back to
 * trigram similarity).
 */
export async function nameCandidateIds(
  db: Kysely<DB>,
  tenantId: string,
  query: string,
): Promise<string[] | null> {
  const tokenKeys = queryTokenKeys(query);
  if (tokenKeys.length === 0) return null;
  // Every query token must match a phonetic token key of the person: one index probe per token. The
  // candidate set is capped so a one-word query stays fast.
  const candidates = tokenKeys
    .map(
      (keys) =>
        sql`SELECT person_id FROM person_name_key WHERE tenant_id = ${tenantId} AND key IN (${sql.join(keys)})`,
    )
    .reduce((a, b) => sql`${a} INTERSECT ${b}`);
  // Fetched first, on their own: joined into the main query, a planner with stale statistics may
  // re-run the probe per person (seen: 22 s at 100,000 persons); a list of ids always uses the key.
  const ids = await sql<{
    person_id: string;
  }>`SELECT DISTINCT person_id FROM (${candidates}) c LIMIT ${SEARCH_CAP}`.execute(db);
  return ids.rows.map((r) => r.person_id);
}

export async function searchPersons(db: Kysely<DB>, actor: Actor, today: string, q: PersonSearch) {
  let query = db
    .selectFrom('person')
    .leftJoin('municipality as m', 'm.id', 'person.municipality_id')
    .leftJoin('app_user as o', 'o.id', 'person.owner_user_id')
    .where(personScope(actor, today));
  const text = q.q ? searchForm(q.q) : '';
  const ids = q.q ? await nameCandidateIds(db, actor.tenantId, q.q) : null;
  if (ids !== null) {
    if (ids.length === 0) return { total: 0, rows: [] };
    query = query.where('person.id', 'in', ids);
  } else if (text) {
    query = query.where(sql<boolean>`${text} <% person.search_text`);
  }
  if (q.birthDate) query = query.where('person.birth_date', '=', q.birthDate);
  if (q.number)
    query = query.where((eb) =>
      eb.or([eb('person.azr_number', '=', q.number!), eb('person.ba_customer_number', '=', q.number!)]),
    );
  if (q.status) query = query.where('person.case_status', '=', q.status);
  if (q.rechtskreis) query = query.where('person.rechtskreis', '=', q.rechtskreis);
  if (q.municipalityId) query = query.where('person.municipality_id', '=', q.municipalityId);
  if (q.ownerId) query = query.where('person.owner_user_id', '=', q.ownerId);

  const totalRow = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let items = query.select([
    'person.id',
    'person.given_names',
    'person.family_name',
    'person.name_original',
    'person.birth_date',
    'person.birth_date_precision',
    'person.nationalities',
    'person.case_status',
    'person.rechtskreis',
    'm.name as municipality_name',
    'o.display_name as owner_name',
  ]);
  items = text
    ? items
        .orderBy(sql`similarity(${text}, person.search_text)`, 'desc')
        .orderBy('person.family_name')
        .orderBy('person.id')
    : items.orderBy('person.family_name').orderBy('person.given_names').orderBy('person.id');
  const rows = await items.limit(q.limit).offset(q.offset).execute();
  return { total: Number(totalRow.n), rows };
}

export async function openHandoverAgencies(
  db: Kysely<DB>,
  tenantId: string,
  personId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('handover')
    .select('to_agency_id')
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .where('state', 'in', ['requested', 'accepted'])
    .execute();
  return rows.map((r) => r.to_agency_id);
}

export async function householdOf(db: Kysely<DB>, tenantId: string, personId: string) {
  return db
    .selectFrom('household_member')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .orderBy('birth_date')
    .execute();
}
