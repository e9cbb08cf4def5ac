import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema';

// Every statement of the work module on its own tables; the tenant is in every WHERE.

export function employerRows(
  db: Kysely<DB>,
  tenantId: string,
  q: { id?: string; q?: string; includeInactive?: boolean },
) {
  return db
    .selectFrom('employer as e')
    .leftJoin('municipality as m', (j) =>
      j.onRef('m.id', '=', 'e.municipality_id').on('m.tenant_id', '=', tenantId),
    )
    .selectAll('e')
    .select('m.name as municipality_name')
    .select((eb) =>
      eb
        .selectFrom('vacancy as v')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('v.employer_id', '=', 'e.id')
        .where('v.tenant_id', '=', tenantId)
        .where('v.status', '=', 'open')
        .as('open_vacancies'),
    )
    .where('e.tenant_id', '=', tenantId)
    .$if(q.id !== undefined, (w) => w.where('e.id', '=', q.id as string))
    .$if(!q.includeInactive && q.id === undefined, (w) => w.where('e.active', '=', true))
    .$if(!!q.q, (w) =>
      w.where(
        sql<boolean>`lower(e.name || ' ' || coalesce(e.sector, '')) LIKE ${`%${(q.q ?? '').toLowerCase()}%`}`,
      ),
    )
    .orderBy('e.name')
    .limit(500)
    .execute();
}
export type EmployerRow = Awaited<ReturnType<typeof employerRows>>[number];

export function vacancyRows(
  db: Kysely<DB>,
  tenantId: string,
  q: {
    id?: string;
    ids?: readonly string[];
    q?: string;
    status?: string;
    kind?: string;
    employerId?: string;
    municipalityId?: string;
  },
) {
  return db
    .selectFrom('vacancy as v')
    .innerJoin('employer as e', (j) => j.onRef('e.id', '=', 'v.employer_id').on('e.tenant_id', '=', tenantId))
    .innerJoin('municipality as m', (j) =>
      j.onRef('m.id', '=', 'v.municipality_id').on('m.tenant_id', '=', tenantId),
    )
    .selectAll('v')
    .select(['e.name as employer_name', 'm.name as municipality_name'])
    .select((eb) => [
      eb
        .selectFrom('placement as p')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('p.vacancy_id', '=', 'v.id')
        .where('p.tenant_id', '=', tenantId)
        .as('proposals'),
      eb
        .selectFrom('placement as p')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('p.vacancy_id', '=', 'v.id')
        .where('p.tenant_id', '=', tenantId)
        .where('p.status', '=', 'hired')
        .as('hires'),
    ])
    .where('v.tenant_id', '=', tenantId)
    .$if(q.id !== undefined, (w) => w.where('v.id', '=', q.id as string))
    .$if(q.ids !== undefined, (w) =>
      w.where('v.id', 'in', q.ids?.length ? q.ids : ['00000000-0000-0000-0000-000000000000']),
    )
    .$if(q.status !== undefined, (w) => w.where('v.status', '=', q.status as never))
    .$if(q.kind !== undefined, (w) => w.where('v.kind', '=', q.kind as never))
    .$if(q.employerId !== undefined, (w) => w.where('v.employer_id', '=', q.employerId as string))
    .$if(q.municipalityId !== undefined, (w) => w.where('v.municipality_id', '=', q.municipalityId as string))
    .$if(!!q.q, (w) =>
      w.where(sql<boolean>`lower(v.title || ' ' || e.name) LIKE ${`%${(q.q ?? '').toLowerCase()}%`}`),
    )
    .orderBy('v.start_date')
    .orderBy('v.title')
    .limit(500)
    .execute();
}
export type VacancyRow = Awaited<ReturnType<typeof vacancyRows>>[number];

export async function municipalityInTenant(db: Kysely<DB>, tenantId: string, id: string): Promise<boolean> {
  const m = await db
    .selectFrom('municipality')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return m !== undefined;
}

export function profileRow(db: Kysely<DB>, tenantId: string, personId: string) {
  return db
    .selectFrom('work_profile')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}
export type ProfileRow = NonNullable<Awaited<ReturnType<typeof profileRow>>>;

/** Persons with a valid consent that lets the profile extract go to employers (purpose and category). */
export async function employerReleases(
  db: Kysely<DB>,
  tenantId: string,
  personIds: readonly string[],
  today: string,
): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('consent')
    .select('person_id')
    .distinct()
    .where('tenant_id', '=', tenantId)
    .where('person_id', 'in', personIds)
    .where('purpose', '=', 'arbeitsvermittlung_arbeitgeber')
    .where(sql<boolean>`'profile' = ANY(data_categories)`)
    .where('given_on', '<=', today)
    .where((w) => w.or([w('withdrawn_on', 'is', null), w('withdrawn_on', '>', today)]))
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

export function placementRows(
  db: Kysely<DB>,
  tenantId: string,
  q: { id?: string; personId?: string; vacancyId?: string },
) {
  return db
    .selectFrom('placement as p')
    .innerJoin('vacancy as v', (j) => j.onRef('v.id', '=', 'p.vacancy_id').on('v.tenant_id', '=', tenantId))
    .innerJoin('employer as e', (j) => j.onRef('e.id', '=', 'v.employer_id').on('e.tenant_id', '=', tenantId))
    .innerJoin('person as per', (j) =>
      j.onRef('per.id', '=', 'p.person_id').on('per.tenant_id', '=', tenantId),
    )
    .selectAll('p')
    .select(['v.title as vacancy_title', 'e.name as employer_name', 'per.given_names', 'per.family_name'])
    .where('p.tenant_id', '=', tenantId)
    .$if(q.id !== undefined, (w) => w.where('p.id', '=', q.id as string))
    .$if(q.personId !== undefined, (w) => w.where('p.person_id', '=', q.personId as string))
    .$if(q.vacancyId !== undefined, (w) => w.where('p.vacancy_id', '=', q.vacancyId as string))
    .orderBy('p.created_at', 'desc')
    .execute();
}
export type PlacementRow = Awaited<ReturnType<typeof placementRows>>[number];

/** Open proposals per person (not hired, not declined), for the proposal cap. */
export async function openProposalCounts(
  db: Kysely<DB>,
  tenantId: string,
  personIds: readonly string[] | null,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('placement')
    .select(['person_id', sql<number>`count(*)::int`.as('n')])
    .where('tenant_id', '=', tenantId)
    .where('status', 'not in', ['hired', 'declined'])
    .$if(personIds !== null, (w) =>
      w.where('person_id', 'in', personIds?.length ? personIds : ['00000000-0000-0000-0000-000000000000']),
    )
    .groupBy('person_id')
    .execute();
  return new Map(rows.map((r) => [r.person_id, r.n]));
}

/** Recognised foreign qualifications (full or partial) with their reference occupation. */
export function recognisedQualifications(db: Kysely<DB>, tenantId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('recognition')
    .select(['person_id', 'esco_uri', 'result'])
    .where('tenant_id', '=', tenantId)
    .where('person_id', 'in', personIds)
    .where('esco_uri', 'is not', null)
    .where('result', 'in', ['full', 'partial'])
    .execute();
}

/** One-way minutes between municipality centres: the imported matrix where there is one (language path). */
export async function municipalityTravel(db: Kysely<DB>, tenantId: string) {
  const [places, imported] = await Promise.all([
    db.selectFrom('municipality').select(['id', 'lat', 'lon']).where('tenant_id', '=', tenantId).execute(),
    db
      .selectFrom('travel_time as t')
      .innerJoin('course_place as a', (j) =>
        j.onRef('a.id', '=', 't.from_place_id').on('a.tenant_id', '=', tenantId),
      )
      .innerJoin('course_place as b', (j) =>
        j.onRef('b.id', '=', 't.to_place_id').on('b.tenant_id', '=', tenantId),
      )
      .select(['a.municipality_id as from_m', 'b.municipality_id as to_m', 't.minutes'])
      .where('t.tenant_id', '=', tenantId)
      .where('a.kind', '=', 'municipality')
      .where('b.kind', '=', 'municipality')
      .execute(),
  ]);
  return { places, imported };
}
