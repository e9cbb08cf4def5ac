import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../../db/schema';
import type { Instance } from '../../../../domain/allocation';
import { buildInstance, type Cefr, type Skipped, travelKey } from '../../../../domain/language';
import { addDays } from '../../../../domain/reference/dates';
import { ensureMunicipalityPlaces, takenSeats } from '../scope';

export interface LiveParams {
  asOf: string;
  maxTravelMinutes: number;
  /** Courses starting from asOf up to asOf + horizonDays take part. */
  horizonDays: number;
}

/** Latest overall level per person (DISTINCT ON: PostgreSQL's first row per group). */
export async function currentLevels(
  db: Kysely<DB>,
  tenantId: string,
  personIds?: readonly string[],
): Promise<Map<string, Cefr>> {
  if (personIds && personIds.length === 0) return new Map();
  let q = db
    .selectFrom('language_assessment')
    .select(['person_id', 'overall'])
    .distinctOn('person_id')
    .where('tenant_id', '=', tenantId)
    .orderBy('person_id')
    .orderBy('assessed_on', 'desc')
    .orderBy('recorded_at', 'desc');
  if (personIds) q = q.where('person_id', 'in', [...personIds]);
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.person_id, r.overall as Cefr]));
}

/** Canonical JSON (sorted keys) → SHA-256: equal data, equal hash. */
export function instanceHash(instance: Instance): string {
  const canon = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canon)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canon((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canon(instance)))
    .digest('hex');
}

/** The allocation instance of a tenant's live data: waiting persons and planned courses with free seats. */
export async function liveInstance(
  db: Kysely<DB>,
  tenantId: string,
  p: LiveParams,
): Promise<{ instance: Instance; skipped: Skipped[]; waitlistIds: Map<string, string> }> {
  await ensureMunicipalityPlaces(db, tenantId);
  const [waiting, places, courses, imported] = await Promise.all([
    db
      .selectFrom('waitlist_entry as w')
      .innerJoin('person as p', 'p.id', 'w.person_id')
      .select([
        'w.id',
        'w.person_id',
        'w.course_types',
        'w.since',
        'w.needs_childcare',
        'w.needs_women_only',
        'p.gender',
        'p.municipality_id',
      ])
      .where('w.tenant_id', '=', tenantId)
      .where('w.status', '=', 'waiting')
      .where('p.merged_into', 'is', null)
      .where('p.case_status', '!=', 'closed')
      .execute(),
    db
      .selectFrom('course_place')
      .select(['id', 'kind', 'municipality_id', 'lat', 'lon'])
      .where('tenant_id', '=', tenantId)
      .execute(),
    db
      .selectFrom('course')
      .select(['id', 'course_type', 'entry_levels', 'seats', 'place_id', 'childcare', 'women_only'])
      .where('tenant_id', '=', tenantId)
      .where('status', '=', 'planned')
      .where('start_date', '>=', p.asOf)
      .where('start_date', '<=', addDays(p.asOf, p.horizonDays))
      .execute(),
    db
      .selectFrom('travel_time')
      .select(['from_place_id', 'to_place_id', 'minutes'])
      .where('tenant_id', '=', tenantId)
      .execute(),
  ]);
  const [levels, taken] = await Promise.all([
    currentLevels(
      db,
      tenantId,
      waiting.map((w) => w.person_id),
    ),
    takenSeats(
      db,
      tenantId,
      courses.map((c) => c.id),
    ),
  ]);
  const centre = new Map(
    places.filter((pl) => pl.kind === 'municipality').map((pl) => [pl.municipality_id, pl.id]),
  );
  const { instance, skipped } = buildInstance({
    asOf: p.asOf,
    maxTravelMinutes: p.maxTravelMinutes,
    clients: waiting.map((w) => ({
      personId: w.person_id,
      gender: w.gender,
      level: levels.get(w.person_id),
      homePlaceId: w.municipality_id ? centre.get(w.municipality_id) : undefined,
      since: w.since,
      needsChildcare: w.needs_childcare,
      needsWomenOnly: w.needs_women_only,
      courseTypes: w.course_types,
    })),
    courses: courses.map((c) => ({
      id: c.id,
      type: c.course_type,
      entryLevels: c.entry_levels as Cefr[],
      seats: c.seats,
      taken: taken.get(c.id) ?? 0,
      placeId: c.place_id,
      childcare: c.childcare,
      womenOnly: c.women_only,
    })),
    places,
    imported: new Map(imported.map((t) => [travelKey(t.from_place_id, t.to_place_id), t.minutes])),
  });
  return { instance, skipped, waitlistIds: new Map(waiting.map((w) => [w.person_id, w.id])) };
}
