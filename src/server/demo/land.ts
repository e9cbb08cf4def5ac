import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { addDays, todayInGermany } from '../../domain/reference/dates';
import { mulberry32 } from '../../domain/reference/random';
import { seedDemo } from './seed';

/**
 * A Land (issue 15, "fast at Land scale"): many counties, each a region (tenant) of its own as a Land would
 * run Lotse — one server, one Integration Point per county. County sizes follow the uneven spread of a real
 * Land (a big city region holds about a tenth of all clients, rural counties a fraction of a percent). Each
 * county is the demo county's generator at that size (persons, statuses, consents, household, tests, tasks,
 * staff for every role with the e-mail prefix `k<n>.`), plus three years of course, handover and work history
 * so that the steering indicators have facts to count: ~20 facts per person, ~10 million for 500,000.
 */
export interface LandOptions {
  password: string;
  persons?: number;
  counties?: number;
  seed?: number;
  log?: (message: string) => void;
}

/** County sizes summing to `persons`: weights 1/(k+2)^0.9, the largest county first. */
export function countySizes(persons: number, counties: number): number[] {
  const w = Array.from({ length: counties }, (_, k) => 1 / (k + 2) ** 0.9);
  const sum = w.reduce((a, b) => a + b, 0);
  const sizes = w.map((x) => Math.floor((x / sum) * persons));
  sizes[0] += persons - sizes.reduce((a, b) => a + b, 0);
  return sizes;
}

export async function seedLand(
  db: Kysely<DB>,
  opts: LandOptions,
): Promise<{ counties: number; persons: number; facts: number }> {
  const log = opts.log ?? (() => {});
  const sizes = countySizes(opts.persons ?? 500_000, opts.counties ?? 40);
  const seed = opts.seed ?? 2026_12_04;
  const started = performance.now();
  let facts = 0;
  for (const [k, size] of sizes.entries()) {
    const { tenantId } = await seedDemo(db, {
      password: opts.password,
      clients: size,
      seed: seed + k,
      tenantSlug: `land-${k + 1}`,
      emailPrefix: `k${k + 1}.`,
    });
    await db
      .updateTable('tenant')
      .set({ name: `Landkreis ${k + 1}` })
      .where('id', '=', tenantId)
      .execute();
    const added = await seedHistory(db, tenantId, seed + 1000 + k);
    facts += await countFacts(db, tenantId);
    log(
      `Kreis ${k + 1} von ${sizes.length}: ${size.toLocaleString('de-DE')} Personen, ${added.toLocaleString('de-DE')} Verlaufsfakten (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  // The change log of a fresh load helps no cache (there is none yet): start it empty.
  await sql`TRUNCATE statistics_change`.execute(db);
  await sql`ANALYZE`.execute(db);
  return { counties: sizes.length, persons: sizes.reduce((a, b) => a + b, 0), facts };
}

const FACT_TABLES = [
  'person',
  'residence_status',
  'consent',
  'household_member',
  'language_assessment',
  'waitlist_entry',
  'enrolment',
  'handover',
  'placement',
  'task',
  'appointment',
  'course_attendance',
] as const;

/** Rows a county holds in the tables the case file and the indicators are made of. */
async function countFacts(db: Kysely<DB>, tenantId: string): Promise<number> {
  let n = 0;
  for (const t of FACT_TABLES) {
    const r = await db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow();
    n += Number(r.n);
  }
  return n;
}

const CHUNK = 4000;
async function insertChunks<T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  rows: Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
}

/**
 * Three years of history of a county: courses every week, most clients in one or two of them (with
 * results, drop-outs, cancellations, the attendance list, the final exam), handovers between the agencies with their decision days, and hires.
 */
async function seedHistory(db: Kysely<DB>, tenantId: string, seed: number): Promise<number> {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const today = todayInGermany();
  const [persons, template, vacancies, agencies] = await Promise.all([
    db
      .selectFrom('person')
      .select(['id', 'ip_entry_date', 'closed_on', 'owner_agency_id'])
      .where('tenant_id', '=', tenantId)
      .execute(),
    db
      .selectFrom('course')
      .select(['provider_id', 'place_id'])
      .where('tenant_id', '=', tenantId)
      .limit(1)
      .executeTakeFirst(),
    db.selectFrom('vacancy').select('id').where('tenant_id', '=', tenantId).execute(),
    db.selectFrom('agency').select(['id', 'kind']).where('tenant_id', '=', tenantId).execute(),
  ]);
  if (!template || persons.length === 0) return 0;
  const first = addDays(today, -3 * 365);
  // A course starts every few days, sized to the county: ~1 seat for every third client a year.
  const courses: { id: string; start: string; end: string; seats: number }[] = [];
  const courseRows: Record<string, unknown>[] = [];
  const count = Math.max(12, Math.round(persons.length / 12));
  for (let i = 0; i < count; i++) {
    const start = addDays(first, Math.floor((i / count) * (3 * 365 + 120)));
    const end = addDays(start, 150 + Math.floor(r() * 60));
    const id = crypto.randomUUID();
    const seats = 16 + Math.floor(r() * 10);
    courses.push({ id, start, end, seats });
    courseRows.push({
      id,
      tenant_id: tenantId,
      provider_id: template.provider_id,
      place_id: template.place_id,
      ref: `L-${seed % 1000}-${i + 1}`,
      course_type: pick(['ik_allgemein', 'ik_allgemein', 'ik_eltern_frauen', 'bsk_b1']),
      entry_levels: ['A0', 'A1'],
      target_level: 'B1',
      hours: 700,
      start_date: start,
      end_date: end,
      seats,
      status: end < today ? 'finished' : start <= today ? 'running' : 'planned',
    });
  }
  await insertChunks(db, 'course', courseRows);
  const enrolments: Record<string, unknown>[] = [];
  const handovers: Record<string, unknown>[] = [];
  const placements: Record<string, unknown>[] = [];
  const attendance: Record<string, unknown>[] = [];
  const exams: Record<string, unknown>[] = [];
  const jc = agencies.find((a) => a.kind === 'jobcenter')?.id;
  const aa = agencies.find((a) => a.kind === 'agentur_fuer_arbeit')?.id;
  /** The first course starting 2–30 weeks after a day (binary search over the sorted starts). */
  const courseAfter = (day: string) => {
    const from = addDays(day, 14 + Math.floor(r() * 200));
    let lo = 0;
    let hi = courses.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (courses[mid].start < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < courses.length && courses[lo].start <= today ? courses[lo] : null;
  };
  for (const p of persons) {
    const intake = p.ip_entry_date ?? first;
    const end = p.closed_on ?? today;
    let after = intake;
    for (let n = 0; n < 2 && r() < (n === 0 ? 0.7 : 0.35); n++) {
      const c = courseAfter(after);
      if (!c || c.start > end) break;
      const done = c.end < today;
      const status = done ? pick(['completed', 'completed', 'completed', 'dropped_out']) : 'attending';
      const enrolmentId = crypto.randomUUID();
      const cancelled = r() < 0.04;
      enrolments.push({
        id: enrolmentId,
        tenant_id: tenantId,
        person_id: p.id,
        course_id: c.id,
        status: cancelled ? 'cancelled' : status,
        start_date: c.start,
        end_date: c.end,
        attendance_percent: 60 + Math.floor(r() * 40),
        result_level: status === 'completed' ? pick(['A2', 'B1', 'B1', 'B2']) : null,
      });
      if (status === 'completed' && !cancelled)
        exams.push({
          tenant_id: tenantId,
          person_id: p.id,
          assessed_on: c.end,
          test_kind: 'dtz',
          overall: enrolments[enrolments.length - 1].result_level,
        });
      after = c.end;
      // The attendance list, one day a week of the course up to today.
      if (!cancelled)
        for (let day = c.start; day <= c.end && day <= today; day = addDays(day, 7)) {
          const roll = r();
          attendance.push({
            tenant_id: tenantId,
            enrolment_id: enrolmentId,
            day,
            state: roll < 0.86 ? 'present' : roll < 0.95 ? 'excused' : 'absent',
          });
        }
    }
    if (jc && aa && r() < 0.3) {
      const created = addDays(intake, 10 + Math.floor(r() * 300));
      if (created <= today) {
        const decided = addDays(created, 1 + Math.floor(r() * 20));
        const state = decided > today ? 'requested' : pick(['done', 'done', 'accepted', 'rejected']);
        const toJc = p.owner_agency_id !== jc;
        handovers.push({
          tenant_id: tenantId,
          person_id: p.id,
          kind: pick(['case', 'referral', 'rechtskreiswechsel']),
          state,
          from_agency_id: toJc ? aa : jc,
          to_agency_id: toJc ? jc : aa,
          reason: 'Wechsel der Zuständigkeit',
          created_at: new Date(`${created}T09:00:00Z`),
          updated_at: new Date(`${state === 'requested' ? created : decided}T15:00:00Z`),
        });
      }
    }
    if (vacancies.length > 0 && r() < 0.32) {
      const start = addDays(intake, 150 + Math.floor(r() * 700));
      if (start <= today)
        placements.push({
          tenant_id: tenantId,
          person_id: p.id,
          vacancy_id: pick(vacancies).id,
          status: 'hired',
          contract_type: pick(['unbefristet', 'befristet', 'ausbildung']),
          hours: pick([20, 30, 39, 40]),
          start_date: start,
        });
    }
  }
  await insertChunks(db, 'enrolment', enrolments);
  await insertChunks(db, 'handover', handovers);
  await insertChunks(db, 'course_attendance', attendance);
  await insertChunks(db, 'language_assessment', exams);
  // A person already placed at that vacancy by the demo's work generator keeps that placement.
  for (let i = 0; i < placements.length; i += CHUNK)
    await db
      .insertInto('placement')
      .values(placements.slice(i, i + CHUNK) as never)
      .onConflict((oc) => oc.columns(['vacancy_id', 'person_id']).doNothing())
      .execute();
  return (
    courseRows.length +
    enrolments.length +
    handovers.length +
    placements.length +
    attendance.length +
    exams.length
  );
}
