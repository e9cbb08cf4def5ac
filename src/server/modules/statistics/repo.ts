import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema';
import type { StatisticsFacts } from '../../../domain/statistics';
import { measureSpells } from '../../../domain/statistics/plan-measures';

/** The steps of a saved plan (content: { goals: [{ steps: [...] }] }), tolerant of older shapes. */
function planSteps(content: unknown): { measureId?: string | null; status?: string }[] {
  const goals = (content as { goals?: { steps?: unknown[] }[] } | null)?.goals ?? [];
  return goals.flatMap((g) => (g.steps ?? []) as { measureId?: string | null; status?: string }[]);
}

const berlinDay = (column: string) =>
  sql<string>`to_char((${sql.ref(column)} at time zone 'Europe/Berlin')::date, 'YYYY-MM-DD')`;

/**
 * The dated facts of one region the indicators are counted from, in seven statements (no per-person
 * queries) — or, with `personIds`, only those persons' facts (the cache's refresh after changes; courses
 * are then left empty). Merged duplicates are left out: they are the same person as their survivor.
 */
export async function loadStatisticsFacts(
  db: Kysely<DB>,
  tenantId: string,
  personIds?: readonly string[],
): Promise<StatisticsFacts> {
  const only = personIds ? [...personIds] : null;
  const [persons, enrolments, assessments, waits, handovers, courses, placements, plans, measures] =
    await Promise.all([
      db
        .selectFrom('person')
        .select([
          'id',
          'owner_agency_id',
          'gender',
          'birth_date',
          'municipality_id',
          'rechtskreis',
          'closed_on',
          sql<string | null>`nationalities[1]`.as('nationality'),
          sql<string>`coalesce(to_char(ip_entry_date, 'YYYY-MM-DD'), ${berlinDay('created_at')})`.as(
            'intake_on',
          ),
        ])
        .where('tenant_id', '=', tenantId)
        .where('merged_into', 'is', null)
        .$if(only !== null, (q) => q.where('id', '=', sql<string>`any(${only}::uuid[])`))
        .execute(),
      db
        .selectFrom('enrolment')
        .select(['person_id', 'course_id', 'start_date', 'end_date', 'status', 'result_level'])
        .where('tenant_id', '=', tenantId)
        .$if(only !== null, (q) => q.where('person_id', '=', sql<string>`any(${only}::uuid[])`))
        .execute(),
      db
        .selectFrom('language_assessment')
        .select(['person_id', 'assessed_on', 'overall'])
        .where('tenant_id', '=', tenantId)
        .$if(only !== null, (q) => q.where('person_id', '=', sql<string>`any(${only}::uuid[])`))
        .execute(),
      db
        .selectFrom('waitlist_entry')
        .select(['person_id', 'since', 'status'])
        .where('tenant_id', '=', tenantId)
        .$if(only !== null, (q) => q.where('person_id', '=', sql<string>`any(${only}::uuid[])`))
        .execute(),
      db
        .selectFrom('handover')
        .select([
          'person_id',
          'state',
          berlinDay('created_at').as('created_on'),
          berlinDay('updated_at').as('decided_on'),
        ])
        .where('tenant_id', '=', tenantId)
        .$if(only !== null, (q) => q.where('person_id', '=', sql<string>`any(${only}::uuid[])`))
        .execute(),
      db
        .selectFrom('course')
        .select(['id', 'start_date', 'end_date', 'seats', 'status'])
        .where('tenant_id', '=', tenantId)
        .$if(only !== null, (q) => q.where(sql<boolean>`false`))
        .execute(),
      // Every placement: its proposal day is a job offer; hired ones are hires (an apprenticeship is
      // training too); a permit asked for it is open until decided.
      db
        .selectFrom('placement')
        .select([
          'person_id',
          'status',
          'start_date',
          'contract_type',
          'permit_requested_on',
          'permit_decided_on',
          berlinDay('created_at').as('proposed_on'),
        ])
        .where('tenant_id', '=', tenantId)
        .$if(only !== null, (q) => q.where('person_id', '=', sql<string>`any(${only}::uuid[])`))
        .execute(),
      db
        .selectFrom('plan_version')
        .innerJoin('plan', (j) =>
          j
            .onRef('plan.id', '=', 'plan_version.plan_id')
            .onRef('plan.tenant_id', '=', 'plan_version.tenant_id'),
        )
        .select([
          'plan.person_id',
          'plan_version.version',
          'plan_version.content',
          berlinDay('plan_version.created_at').as('saved_on'),
        ])
        .where('plan_version.tenant_id', '=', tenantId)
        .$if(only !== null, (q) => q.where('plan.person_id', '=', sql<string>`any(${only}::uuid[])`))
        .execute(),
      db
        .selectFrom('measure')
        .select(['id', 'start_date', 'end_date'])
        .where('tenant_id', '=', tenantId)
        .execute(),
    ]);
  const hired = placements.filter((p) => p.status === 'hired' && p.start_date !== null);
  return {
    persons: persons.map((p) => ({
      id: p.id,
      ownerAgencyId: p.owner_agency_id,
      gender: p.gender,
      birthDate: p.birth_date,
      nationality: p.nationality,
      municipalityId: p.municipality_id,
      rechtskreis: p.rechtskreis,
      intakeOn: p.intake_on,
      closedOn: p.closed_on,
    })),
    enrolments: enrolments.map((e) => ({
      personId: e.person_id,
      courseId: e.course_id,
      start: e.start_date,
      end: e.end_date,
      status: e.status,
      resultLevel: e.result_level,
    })),
    assessments: assessments.map((a) => ({ personId: a.person_id, on: a.assessed_on, level: a.overall })),
    waits: waits.map((w) => ({ personId: w.person_id, since: w.since, status: w.status })),
    handovers: handovers.map((h) => ({
      personId: h.person_id,
      state: h.state,
      createdOn: h.created_on,
      decidedOn: h.decided_on,
    })),
    hires: hired.map((h) => ({
      personId: h.person_id,
      start: h.start_date as string,
      training: h.contract_type === 'ausbildung',
    })),
    offers: placements.map((p) => ({ personId: p.person_id, on: p.proposed_on })),
    permits: placements
      .filter((p) => p.permit_requested_on !== null)
      .map((p) => ({
        personId: p.person_id,
        requestedOn: p.permit_requested_on as string,
        decidedOn: p.permit_decided_on,
      })),
    measures: measureSpells(
      plans.map((v) => ({
        personId: v.person_id,
        version: v.version,
        savedOn: v.saved_on,
        steps: planSteps(v.content),
      })),
      new Map(measures.map((m) => [m.id, { start: m.start_date, end: m.end_date }])),
    ),
    courses: courses.map((c) => ({
      id: c.id,
      start: c.start_date,
      end: c.end_date,
      seats: c.seats,
      status: c.status,
    })),
  };
}

/** The change log's rows of a region newer than `afterId` or written in the last `windowSeconds`. */
export async function changesSince(
  db: Kysely<DB>,
  tenantId: string,
  afterId: string,
  windowSeconds: number,
): Promise<{ id: string; person_id: string | null }[]> {
  return db
    .selectFrom('statistics_change')
    .select(['id', 'person_id'])
    .where('tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or([
        eb('id', '>', afterId),
        eb('at', '>', sql<Date>`clock_timestamp() - make_interval(secs => ${windowSeconds})`),
      ]),
    )
    .orderBy('id')
    .execute();
}

/** The newest change id of a region ('0': none yet). */
export async function lastChangeId(db: Kysely<DB>, tenantId: string): Promise<string> {
  const row = await db
    .selectFrom('statistics_change')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row?.id == null ? '0' : String(row.id);
}

/** Forgets a region's changes older than a day (every cache has reloaded fully since). */
export async function pruneChanges(db: Kysely<DB>, tenantId: string): Promise<void> {
  await db
    .deleteFrom('statistics_change')
    .where('tenant_id', '=', tenantId)
    .where('at', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
}
