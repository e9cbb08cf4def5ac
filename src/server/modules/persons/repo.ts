import {
  type CompiledQuery,
  createQueryId,
  type ExpressionBuilder,
  type Kysely,
  type SelectQueryBuilder,
  sql,
} from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DB } from '../../../db/schema';
import { IP_CORE_AGENCIES } from '../../../domain/access/agencies';
import {
  type Actor,
  type ConsentFact,
  type DataCategory,
  SEARCH_FILTER_CATEGORY,
} from '../../../domain/access/person-access';
import { ROLE_DEFINITIONS } from '../../../domain/access/roles';
import { type BirthDatePrecision, nameKeys, type PersonRecord } from '../../../domain/duplicates';
import { nameTokenKeys, queryTokenKeys } from '../../../domain/search/name-tokens';
import { searchForm } from '../../../domain/text/normalize';
import type { PersonCreate, PersonSearch } from './schema';
import { filterVisible, personScope } from './scope';

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
  await db
    .deleteFrom('person_name_key')
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .execute();
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

/**
 * The facts of a person (alias `p`) the access decision needs beside the row itself, as columns of the
 * person's statement: the consents and the agencies of open handovers. Shared by every statement that
 * decides on persons (the read here, requireAccess for many persons at once).
 */
export function accessFactColumns(eb: ExpressionBuilder<DB & { p: DB['person'] }, 'p'>) {
  return [
    jsonArrayFrom(
      eb
        .selectFrom('consent as c')
        .select([
          'c.id',
          'c.recipient_agency_id',
          'c.purpose',
          'c.data_categories',
          'c.given_on',
          'c.withdrawn_on',
        ])
        .whereRef('c.tenant_id', '=', 'p.tenant_id')
        .whereRef('c.person_id', '=', 'p.id'),
    ).as('access_consents'),
    jsonArrayFrom(
      eb
        .selectFrom('handover as h')
        .select('h.to_agency_id')
        .whereRef('h.tenant_id', '=', 'p.tenant_id')
        .whereRef('h.person_id', '=', 'p.id')
        .where('h.state', 'in', ['requested', 'accepted']),
    ).as('access_handovers'),
  ] as const;
}

/**
 * The person with the facts the access decision needs — consents and the agencies of open handovers —
 * as one statement (one round trip instead of three: an audited read is dominated by round trips).
 */
function personForAccessQuery(db: Kysely<DB>, tenantId: string, id: string) {
  return db
    .selectFrom('person as p')
    .leftJoin('app_user as o', 'o.id', 'p.owner_user_id')
    .leftJoin('agency as oa', 'oa.id', 'p.owner_agency_id')
    .leftJoin('municipality as m', 'm.id', 'p.municipality_id')
    .leftJoin('municipality as w', 'w.id', 'p.wohnsitzauflage_municipality_id')
    .selectAll('p')
    .select((eb) => [
      'o.display_name as owner_name',
      'oa.name as owner_agency_name',
      'm.name as municipality_name',
      'w.name as wohnsitzauflage_name',
      ...accessFactColumns(eb),
    ])
    .where('p.tenant_id', '=', tenantId)
    .where('p.id', '=', id);
}

/** The person with the facts the access decision needs, in one statement. */
export async function findPersonForAccess(db: Kysely<DB>, tenantId: string, id: string) {
  const row = await personForAccessQuery(db, tenantId, id).executeTakeFirst();
  if (!row) return undefined;
  const { access_consents, access_handovers, ...person } = row;
  return {
    row: person,
    consents: access_consents.map(consentFact),
    handoverAgencyIds: access_handovers.map((h) => h.to_agency_id),
  };
}

/** The query behind `findPersonForRead`. */
function personReadQuery(db: Kysely<DB>, tenantId: string, id: string) {
  return personForAccessQuery(db, tenantId, id).select((eb) => [
    jsonArrayFrom(
      eb
        .selectFrom('residence_status as r')
        .selectAll('r')
        .whereRef('r.tenant_id', '=', 'p.tenant_id')
        .whereRef('r.person_id', '=', 'p.id')
        .orderBy('r.since', 'desc')
        .orderBy('r.recorded_at', 'desc'),
    ).as('read_history'),
    jsonArrayFrom(
      eb
        .selectFrom('household_member as hm')
        .selectAll('hm')
        .whereRef('hm.tenant_id', '=', 'p.tenant_id')
        .whereRef('hm.person_id', '=', 'p.id')
        .orderBy('hm.birth_date'),
    ).as('read_household'),
  ]);
}
type PersonReadRow = NonNullable<Awaited<ReturnType<ReturnType<typeof personReadQuery>['executeTakeFirst']>>>;

// The read is built and compiled once per database handle (its plugins, the tenant guard among them, see it
// then) with placeholders, and each call puts its tenant and id in their places: building and compiling
// cost as much as a tenth of a read's CPU.
const TENANT_SLOT = '00000000-0000-4000-8000-0000000000a1';
const ID_SLOT = '00000000-0000-4000-8000-0000000000a2';
const compiledReads = new WeakMap<Kysely<DB>, CompiledQuery<PersonReadRow>>();

function compiledRead(db: Kysely<DB>, tenantId: string, id: string): CompiledQuery<PersonReadRow> {
  let c = compiledReads.get(db);
  if (!c) {
    c = personReadQuery(db, TENANT_SLOT, ID_SLOT).compile();
    if (!db.isTransaction) compiledReads.set(db, c);
  }
  const parameters = c.parameters.map((v) => (v === TENANT_SLOT ? tenantId : v === ID_SLOT ? id : v));
  return { ...c, parameters, queryId: createQueryId() };
}

/**
 * Everything `GET /api/persons/:id` shows, with the access facts, in one statement: the person, consents,
 * open handovers, residence history (newest first, as `residenceHistory`) and household (as `householdOf`).
 * Issue 10: an audited read is one read and one audit insert, not five round trips.
 */
export async function findPersonForRead(db: Kysely<DB>, tenantId: string, id: string) {
  const row = (await db.executeQuery(compiledRead(db, tenantId, id))).rows[0];
  if (!row) return undefined;
  const { access_consents, access_handovers, read_history, read_household, ...person } = row;
  return {
    row: person,
    consents: access_consents.map(consentFact),
    handoverAgencyIds: access_handovers.map((h) => h.to_agency_id),
    // JSON carries timestamps as text: back to the Date the table's own query returns.
    history: read_history.map((h) => ({ ...h, recorded_at: new Date(h.recorded_at) })),
    household: read_household.map((h) => ({ ...h, created_at: new Date(h.created_at) })),
  };
}

export const consentFact = (c: {
  id: string;
  recipient_agency_id: string;
  purpose: string;
  data_categories: string[];
  given_on: string;
  withdrawn_on: string | null;
}): ConsentFact => ({
  id: c.id,
  recipientAgencyId: c.recipient_agency_id,
  purpose: c.purpose,
  dataCategories: c.data_categories,
  givenOn: c.given_on,
  withdrawnOn: c.withdrawn_on,
});

/** Consents and open handover agencies of several persons at once (a page of a list): the access facts. */
export async function accessFactsOf(db: Kysely<DB>, tenantId: string, personIds: string[]) {
  const consents = new Map<string, ConsentFact[]>();
  const handovers = new Map<string, string[]>();
  if (personIds.length === 0) return { consents, handovers };
  const [cs, hs] = await Promise.all([
    db
      .selectFrom('consent')
      .select([
        'id',
        'person_id',
        'recipient_agency_id',
        'purpose',
        'data_categories',
        'given_on',
        'withdrawn_on',
      ])
      .where('tenant_id', '=', tenantId)
      .where('person_id', 'in', personIds)
      .execute(),
    db
      .selectFrom('handover')
      .select(['person_id', 'to_agency_id'])
      .where('tenant_id', '=', tenantId)
      .where('person_id', 'in', personIds)
      .where('state', 'in', ['requested', 'accepted'])
      .execute(),
  ]);
  for (const c of cs) consents.set(c.person_id, [...(consents.get(c.person_id) ?? []), consentFact(c)]);
  for (const h of hs) handovers.set(h.person_id, [...(handovers.get(h.person_id) ?? []), h.to_agency_id]);
  return { consents, handovers };
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

/** A 4-digit year in a name query ("Hassan 1984") is a birth year, not a name token. */
const YEAR_TOKEN = /(?:^|\s)((?:19|20)\d\d)(?=\s|$)/;

/** Splits a query into its name part and a birth year ("1984" alone searches by birth year). */
export function splitYear(q: string | undefined): { name: string; year: string | null } {
  if (!q) return { name: '', year: null };
  const m = YEAR_TOKEN.exec(q);
  if (!m) return { name: q.trim(), year: null };
  return { name: q.replace(m[1], ' ').replace(/\s+/g, ' ').trim(), year: m[1] };
}

/**
 * Birth date matching that respects what is known: "1984" matches everyone born in 1984 whatever the
 * precision; "1984-03" the month, and persons known only by the year 1984; a full day the day, persons
 * known by that month, and persons known only by that year.
 */
function birthMatch(value: string) {
  return (eb: ExpressionBuilder<DB, 'person'>) => {
    const year = value.slice(0, 4);
    const inYear = eb.and([
      eb('person.birth_date', '>=', `${year}-01-01`),
      eb('person.birth_date', '<=', `${year}-12-31`),
    ]);
    if (value.length === 4) return inYear;
    const yearOnly = eb.and([inYear, eb('person.birth_date_precision', '=', 'year')]);
    const month = value.slice(0, 7);
    const inMonth = eb.and([
      eb('person.birth_date', '>=', `${month}-01`),
      eb('person.birth_date', '<=', `${month}-31`),
    ]);
    if (value.length === 7) return eb.or([inMonth, yearOnly]);
    const monthOnly = eb.and([inMonth, eb('person.birth_date_precision', '=', 'month')]);
    return eb.or([eb('person.birth_date', '=', value), monthOnly, yearOnly]);
  };
}

/** The search criteria except the reader's scope: applied to the scoped list and to the region-wide count. */
async function criteria(db: Kysely<DB>, actor: Actor, q: PersonSearch, today: string) {
  const { name, year } = splitYear(q.q);
  const text = name ? searchForm(name) : '';
  const ids = name ? await nameCandidateIds(db, actor.tenantId, name) : null;
  if (ids !== null && ids.length === 0) return null;
  const birth = q.birthDate ?? year;
  const apply = <Q extends SelectQueryBuilder<DB, 'person', object>>(query: Q): Q => {
    let x = query as SelectQueryBuilder<DB, 'person', object>;
    if (ids !== null) x = x.where('person.id', 'in', ids);
    else if (text) x = x.where(sql<boolean>`${text} <% person.search_text`);
    if (birth) x = x.where(birthMatch(birth));
    // Each filter matches only where the reader may see the filtered field (SEARCH_FILTER_CATEGORY):
    // else a hit would confirm, say, a customer number to a partner whose consent does not cover it.
    const visible = (c: DataCategory) => filterVisible(actor, today, c);
    const number = q.number;
    if (number)
      x = x.where((eb) =>
        eb.or([
          eb.and([eb('person.azr_number', '=', number), visible(SEARCH_FILTER_CATEGORY.azrNumber)(eb)]),
          eb.and([
            eb('person.ba_customer_number', '=', number),
            visible(SEARCH_FILTER_CATEGORY.baCustomerNumber)(eb),
          ]),
        ]),
      );
    if (q.status)
      x = x.where('person.case_status', '=', q.status).where(visible(SEARCH_FILTER_CATEGORY.status));
    if (q.rechtskreis)
      x = x
        .where('person.rechtskreis', '=', q.rechtskreis)
        .where(visible(SEARCH_FILTER_CATEGORY.rechtskreis));
    if (q.municipalityId)
      x = x
        .where('person.municipality_id', '=', q.municipalityId)
        .where(visible(SEARCH_FILTER_CATEGORY.municipalityId));
    if (q.ownerId)
      x = x.where('person.owner_user_id', '=', q.ownerId).where(visible(SEARCH_FILTER_CATEGORY.ownerId));
    return x as Q;
  };
  return { apply, text };
}

/**
 * How many live persons of the region match the same search but lie outside the reader's scope: the number
 * only, never who. Asked only for a search that names someone (name, birth date or number — a bare list
 * would reveal the size of other agencies' caseloads) and only by staff of the IP's own agencies, who can
 * ask for a handover; a partner agency learns nothing about persons without consent.
 */
async function countElsewhere(
  db: Kysely<DB>,
  actor: Actor,
  q: PersonSearch,
  apply: (x: SelectQueryBuilder<DB, 'person', object>) => SelectQueryBuilder<DB, 'person', object>,
  inScope: number,
): Promise<number> {
  const scope = ROLE_DEFINITIONS[actor.role].scope;
  const core = IP_CORE_AGENCIES.includes(actor.agencyKind) && scope !== 'consent';
  if (!core || scope === 'tenant' || scope === 'none' || !(q.q || q.birthDate || q.number)) return 0;
  const row = await apply(
    db
      .selectFrom('person')
      .where('person.tenant_id', '=', actor.tenantId)
      .where('person.merged_into', 'is', null),
  )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Math.max(0, Number(row.n) - inScope);
}

export async function searchPersons(db: Kysely<DB>, actor: Actor, today: string, q: PersonSearch) {
  const c = await criteria(db, actor, q, today);
  if (!c) return { total: 0, elsewhere: 0, rows: [] };
  const { apply, text } = c;
  const query = apply(
    db
      .selectFrom('person')
      .leftJoin('municipality as m', 'm.id', 'person.municipality_id')
      .leftJoin('app_user as o', 'o.id', 'person.owner_user_id')
      .where(personScope(actor, today)),
  );

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
    'person.tenant_id',
    'person.owner_user_id',
    'person.owner_agency_id',
    'person.team',
  ]);
  items = text
    ? items
        .orderBy(sql`similarity(${text}, person.search_text)`, 'desc')
        .orderBy('person.family_name')
        .orderBy('person.id')
    : items.orderBy('person.family_name').orderBy('person.given_names').orderBy('person.id');
  const rows = await items.limit(q.limit).offset(q.offset).execute();
  const total = Number(totalRow.n);
  const elsewhere = await countElsewhere(db, actor, q, apply, total);
  return { total, elsewhere, rows };
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

/** The correction history of one person, newest first, with the name of who changed it. */
export async function fieldChangesOf(db: Kysely<DB>, tenantId: string, personId: string) {
  return db
    .selectFrom('person_field_change as c')
    .leftJoin('app_user as u', 'u.id', 'c.changed_by')
    .select([
      'c.id',
      'c.field',
      'c.old_value',
      'c.new_value',
      'c.reason',
      'c.changed_at',
      'c.changed_by',
      'u.display_name as changed_by_name',
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.person_id', '=', personId)
    .orderBy('c.changed_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(500)
    .execute();
}

/**
 * What a person is recognised by, with the responsible agency and the place — the rows the intake check
 * and the duplicate review show side by side. Live records only (a merged stub is nobody's candidate).
 */
export function recognitionRows(db: Kysely<DB>, tenantId: string, ids: string[]) {
  return db
    .selectFrom('person as p')
    .leftJoin('agency as a', 'a.id', 'p.owner_agency_id')
    .leftJoin('municipality as m', 'm.id', 'p.municipality_id')
    .select([
      'p.id',
      'p.version',
      'p.given_names',
      'p.family_name',
      'p.name_original',
      'p.name_variants',
      'p.birth_date',
      'p.birth_date_precision',
      'p.nationalities',
      'p.gender',
      'p.created_at',
      'a.name as agency',
      'm.name as municipality',
    ])
    .where('p.tenant_id', '=', tenantId)
    .where('p.merged_into', 'is', null)
    .where('p.id', 'in', ids)
    .execute();
}

/** A stored person as the duplicate matcher sees it (CONTRACTS §5): every spelling, the first nationality. */
export function matcherRecord(r: {
  id: string;
  given_names: string;
  family_name: string;
  name_original: string | null;
  name_variants: string[];
  birth_date: string | null;
  birth_date_precision: BirthDatePrecision;
  nationalities: string[];
  gender: string;
}): PersonRecord {
  return {
    id: r.id,
    names: namesOf({
      givenNames: r.given_names,
      familyName: r.family_name,
      nameOriginal: r.name_original,
      nameVariants: r.name_variants,
    }),
    birthDate: r.birth_date,
    birthDatePrecision: r.birth_date_precision,
    nationality: r.nationalities[0] ?? null,
    gender: r.gender === 'u' ? null : (r.gender as PersonRecord['gender']),
  };
}
