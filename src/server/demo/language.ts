import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { CEFR, type Cefr, entitledCourseTypes, levelRank } from '../../domain/language';
import { todayInGermany } from '../../domain/reference/dates';
import { evaluateExtended } from '../../domain/rules';
import { ensureMunicipalityPlaces, ensureProviders } from '../modules/language/scope';
import { situationOf } from '../modules/rules/situation';
import { nextWorkingDay } from './calendar';
import { addDays, pick, rng } from './random';

// The language path of the demo county (issue 5): two course providers with their own logins, venues,
// ~34 courses (mostly in Herford, Bünde and Löhne, few rural), placement results for the clients and a
// waitlist of the clients the rules engine entitles to a course. Deterministic for a seed.

export interface LanguageSeedOptions {
  tenantId: string;
  /** argon2 hash of the demo password (the provider logins use it too). */
  passwordHash: string;
  seed?: number;
  emailPrefix?: string;
  today?: string;
}

/** Provider logins (role partner of their Bildungsträger): they see only their own courses. */
export const DEMO_PROVIDER_LOGINS = [
  { email: 'kurse@demo.lotse', name: 'Katrin Kursleitung', agency: 'Sprachschule Ravensberg gGmbH' },
  { email: 'vhs@demo.lotse', name: 'Volker Volkshochschule', agency: 'Volkshochschule im Kreis Herford' },
] as const;

const VENUES = [
  {
    name: 'Sprachschule Ravensberg Herford',
    town: 'Herford',
    address: 'Bahnhofstraße 12, 32052 Herford',
    dLat: 0.003,
    dLon: -0.004,
  },
  {
    name: 'VHS Herford, Münsterkirchplatz',
    town: 'Herford',
    address: 'Münsterkirchplatz 1, 32052 Herford',
    dLat: -0.001,
    dLon: 0.002,
  },
  {
    name: 'VHS Bünde, Bahnhofstraße',
    town: 'Bünde',
    address: 'Bahnhofstraße 15, 32257 Bünde',
    dLat: 0.001,
    dLon: 0.003,
  },
  {
    name: 'Sprachschule Ravensberg Löhne',
    town: 'Löhne',
    address: 'Lübbecker Straße 20, 32584 Löhne',
    dLat: -0.002,
    dLon: 0.001,
  },
  {
    name: 'Familienzentrum Vlotho',
    town: 'Vlotho',
    address: 'Lange Straße 50, 32602 Vlotho',
    dLat: 0.001,
    dLon: -0.002,
  },
  {
    name: 'Bürgerhaus Enger',
    town: 'Enger',
    address: 'Bahnhofstraße 44, 32130 Enger',
    dLat: 0.0,
    dLon: 0.002,
  },
] as const;

type Provider = 'ravensberg' | 'vhs';
interface CourseSpec {
  venue: string;
  provider: Provider;
  type: string;
  levels: Cefr[];
  target: Cefr | null;
  hours: number;
  seats: number;
  childcare?: boolean;
  womenOnly?: boolean;
  schedule: string;
  /** Months from today (0 = this month); negative = already running. */
  month: number;
}

const IK: Cefr[] = ['A0', 'A1', 'A2'];
const M = 'Mo–Fr 8:30–12:45';
const A = 'Mo–Do 17:30–20:45';
// Demand after the 2026 admission stop (§ 44(4)): mostly Berufssprachkurse and Erstorientierung, few
// Integrationskurse. Herford 12, Bünde 7, Löhne 7, Vlotho 3, Enger 1, Hiddenhausen 1, Kirchlengern 1,
// Spenge 1, Rödinghausen 1 — rural seats are scarce.
const R = 'Sprachschule Ravensberg Herford';
const V = 'VHS Herford, Münsterkirchplatz';
const B = 'VHS Bünde, Bahnhofstraße';
const L = 'Sprachschule Ravensberg Löhne';
const F = 'Familienzentrum Vlotho';
const W = 'Mo–Fr 9:00–12:15';
const COURSES: CourseSpec[] = [
  {
    venue: R,
    provider: 'ravensberg',
    type: 'ik_allgemein',
    levels: IK,
    target: 'B1',
    hours: 700,
    seats: 20,
    schedule: M,
    month: -2,
  },
  {
    venue: R,
    provider: 'ravensberg',
    type: 'ik_allgemein',
    levels: IK,
    target: 'B1',
    hours: 700,
    seats: 20,
    schedule: A,
    month: 1,
  },
  {
    venue: R,
    provider: 'ravensberg',
    type: 'ik_eltern_frauen',
    levels: IK,
    target: 'B1',
    hours: 1000,
    seats: 15,
    childcare: true,
    womenOnly: true,
    schedule: W,
    month: 1,
  },
  {
    venue: R,
    provider: 'ravensberg',
    type: 'bsk_b1',
    levels: ['A2'],
    target: 'B1',
    hours: 400,
    seats: 18,
    schedule: M,
    month: 0,
  },
  {
    venue: R,
    provider: 'ravensberg',
    type: 'bsk_b2',
    levels: ['B1'],
    target: 'B2',
    hours: 500,
    seats: 18,
    schedule: A,
    month: 1,
  },
  {
    venue: R,
    provider: 'ravensberg',
    type: 'bsk_fach',
    levels: ['B1', 'B2'],
    target: null,
    hours: 300,
    seats: 14,
    schedule: 'Mo, Mi 17:30–20:45 (Pflege)',
    month: 2,
  },
  {
    venue: V,
    provider: 'vhs',
    type: 'ik_jugend',
    levels: IK,
    target: 'B1',
    hours: 1000,
    seats: 15,
    schedule: 'Mo–Fr 13:00–17:15',
    month: 2,
  },
  {
    venue: V,
    provider: 'vhs',
    type: 'bsk_b1',
    levels: ['A2'],
    target: 'B1',
    hours: 400,
    seats: 16,
    childcare: true,
    schedule: W,
    month: 2,
  },
  {
    venue: V,
    provider: 'vhs',
    type: 'bsk_b2',
    levels: ['B1'],
    target: 'B2',
    hours: 500,
    seats: 18,
    childcare: true,
    schedule: W,
    month: 3,
  },
  {
    venue: V,
    provider: 'vhs',
    type: 'bsk_c1',
    levels: ['B2'],
    target: 'C1',
    hours: 400,
    seats: 16,
    schedule: A,
    month: 2,
  },
  {
    venue: V,
    provider: 'vhs',
    type: 'erstorientierung',
    levels: ['A0', 'A1', 'A2'],
    target: null,
    hours: 300,
    seats: 15,
    schedule: 'Di, Do 9:00–12:15',
    month: 0,
  },
  {
    venue: V,
    provider: 'vhs',
    type: 'erstorientierung',
    levels: ['A0', 'A1', 'A2'],
    target: null,
    hours: 300,
    seats: 12,
    childcare: true,
    womenOnly: true,
    schedule: 'Mo, Mi 9:00–12:15 (Frauenkurs)',
    month: 1,
  },
  {
    venue: B,
    provider: 'vhs',
    type: 'ik_allgemein',
    levels: IK,
    target: 'B1',
    hours: 700,
    seats: 20,
    schedule: A,
    month: -3,
  },
  {
    venue: B,
    provider: 'vhs',
    type: 'ik_allgemein',
    levels: IK,
    target: 'B1',
    hours: 700,
    seats: 18,
    childcare: true,
    schedule: M,
    month: 3,
  },
  {
    venue: B,
    provider: 'vhs',
    type: 'bsk_b1',
    levels: ['A2'],
    target: 'B1',
    hours: 400,
    seats: 16,
    schedule: A,
    month: 1,
  },
  {
    venue: B,
    provider: 'vhs',
    type: 'bsk_b2',
    levels: ['B1'],
    target: 'B2',
    hours: 500,
    seats: 16,
    schedule: M,
    month: 2,
  },
  {
    venue: B,
    provider: 'vhs',
    type: 'bsk_c1',
    levels: ['B2'],
    target: 'C1',
    hours: 400,
    seats: 14,
    schedule: A,
    month: 4,
  },
  {
    venue: B,
    provider: 'vhs',
    type: 'job_bsk',
    levels: ['A2', 'B1', 'B2'],
    target: null,
    hours: 120,
    seats: 10,
    schedule: 'Sa 9:00–13:00 (im Betrieb)',
    month: 1,
  },
  {
    venue: B,
    provider: 'vhs',
    type: 'erstorientierung',
    levels: ['A0', 'A1', 'A2'],
    target: null,
    hours: 300,
    seats: 14,
    schedule: 'Mo, Mi 9:00–12:15',
    month: 2,
  },
  {
    venue: L,
    provider: 'ravensberg',
    type: 'ik_allgemein',
    levels: IK,
    target: 'B1',
    hours: 700,
    seats: 18,
    childcare: true,
    schedule: M,
    month: 2,
  },
  {
    venue: L,
    provider: 'ravensberg',
    type: 'ik_zweitschrift',
    levels: ['A0', 'A1'],
    target: 'B1',
    hours: 1000,
    seats: 14,
    schedule: M,
    month: 3,
  },
  {
    venue: L,
    provider: 'ravensberg',
    type: 'ik_eltern_frauen',
    levels: IK,
    target: 'B1',
    hours: 1000,
    seats: 14,
    childcare: true,
    womenOnly: true,
    schedule: W,
    month: 3,
  },
  {
    venue: L,
    provider: 'ravensberg',
    type: 'bsk_a2',
    levels: ['A1'],
    target: 'A2',
    hours: 400,
    seats: 14,
    schedule: A,
    month: 1,
  },
  {
    venue: L,
    provider: 'ravensberg',
    type: 'bsk_b1',
    levels: ['A2'],
    target: 'B1',
    hours: 400,
    seats: 16,
    childcare: true,
    schedule: W,
    month: 1,
  },
  {
    venue: L,
    provider: 'ravensberg',
    type: 'bsk_b2',
    levels: ['B1'],
    target: 'B2',
    hours: 500,
    seats: 16,
    schedule: A,
    month: 4,
  },
  {
    venue: L,
    provider: 'ravensberg',
    type: 'job_bsk',
    levels: ['A2', 'B1', 'B2'],
    target: null,
    hours: 150,
    seats: 8,
    schedule: 'Fr 13:00–16:15 (im Betrieb)',
    month: 2,
  },
  {
    venue: F,
    provider: 'vhs',
    type: 'ik_allgemein',
    levels: IK,
    target: 'B1',
    hours: 700,
    seats: 14,
    childcare: true,
    schedule: M,
    month: 3,
  },
  {
    venue: F,
    provider: 'vhs',
    type: 'bsk_b2',
    levels: ['B1'],
    target: 'B2',
    hours: 500,
    seats: 12,
    schedule: A,
    month: 2,
  },
  {
    venue: F,
    provider: 'vhs',
    type: 'erstorientierung',
    levels: ['A0', 'A1', 'A2'],
    target: null,
    hours: 300,
    seats: 12,
    schedule: 'Di, Do 9:00–12:15',
    month: 1,
  },
  {
    venue: 'Bürgerhaus Enger',
    provider: 'ravensberg',
    type: 'bsk_b1',
    levels: ['A2'],
    target: 'B1',
    hours: 400,
    seats: 14,
    schedule: A,
    month: 3,
  },
  {
    venue: 'Hiddenhausen',
    provider: 'vhs',
    type: 'bsk_b2',
    levels: ['B1'],
    target: 'B2',
    hours: 500,
    seats: 12,
    schedule: A,
    month: 3,
  },
  {
    venue: 'Kirchlengern',
    provider: 'ravensberg',
    type: 'ik_eltern_frauen',
    levels: IK,
    target: 'B1',
    hours: 1000,
    seats: 12,
    childcare: true,
    womenOnly: true,
    schedule: 'Di–Fr 9:00–12:15',
    month: 4,
  },
  {
    venue: 'Spenge',
    provider: 'vhs',
    type: 'bsk_b1',
    levels: ['A2'],
    target: 'B1',
    hours: 400,
    seats: 12,
    childcare: true,
    schedule: W,
    month: 4,
  },
  {
    venue: 'Rödinghausen',
    provider: 'vhs',
    type: 'erstorientierung',
    levels: ['A0', 'A1', 'A2'],
    target: null,
    hours: 300,
    seats: 10,
    schedule: 'Di, Do 9:00–12:15',
    month: 3,
  },
];

/** A course start in the given month: never on a Saturday, Sunday or public holiday. */
export function demoCourseStart(today: string, month: number, r: () => number): string {
  return nextWorkingDay(addDays(firstOfMonth(today, month), Math.floor(r() * 20)));
}

const firstOfMonth = (today: string, months: number): string => {
  const d = new Date(Date.parse(`${today.slice(0, 7)}-01T00:00:00Z`));
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

const CHUNK = 1000;
const lower = (l: Cefr, steps: number): Cefr => CEFR[Math.max(0, levelRank(l) - steps)];

/**
 * Seeds the language path into an existing demo tenant (after the clients). Call inside the seed transaction:
 * `await seedLanguageDemo(tx, { tenantId, passwordHash, seed: opts.seed, emailPrefix: opts.emailPrefix })`.
 */
export async function seedLanguageDemo(
  db: Kysely<DB>,
  o: LanguageSeedOptions,
): Promise<{ courses: number; assessments: number; waiting: number }> {
  const today = o.today ?? todayInGermany();
  const r = rng((o.seed ?? 20261122) ^ 0x5eed1a);
  const tenantId = o.tenantId;

  // Providers: the county's Sprachschule (exists) and the VHS; a login for each.
  let vhs = await db
    .selectFrom('agency')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('name', '=', 'Volkshochschule im Kreis Herford')
    .executeTakeFirst();
  vhs ??= await db
    .insertInto('agency')
    .values({ tenant_id: tenantId, kind: 'bildungstraeger', name: 'Volkshochschule im Kreis Herford' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const agencies = await db
    .selectFrom('agency')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'bildungstraeger')
    .execute();
  const agencyId = new Map(agencies.map((a) => [a.name, a.id]));
  await db
    .insertInto('app_user')
    .values(
      DEMO_PROVIDER_LOGINS.filter((l) => agencyId.has(l.agency)).map((l) => ({
        tenant_id: tenantId,
        agency_id: agencyId.get(l.agency)!,
        email: `${o.emailPrefix ?? ''}${l.email}`,
        display_name: l.name,
        role: 'partner',
        password_hash: o.passwordHash,
      })),
    )
    .execute();
  await ensureProviders(db, tenantId);
  await ensureMunicipalityPlaces(db, tenantId);
  const providers = await db
    .selectFrom('course_provider')
    .select(['id', 'agency_id'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const providerOf: Record<Provider, string> = {
    ravensberg: providers.find((p) => p.agency_id === agencyId.get('Sprachschule Ravensberg gGmbH'))!.id,
    vhs: providers.find((p) => p.agency_id === vhs.id)!.id,
  };

  const municipalities = await db
    .selectFrom('municipality')
    .select(['id', 'name', 'lat', 'lon'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const town = new Map(municipalities.map((m) => [m.name, m]));
  const venues = await db
    .insertInto('course_place')
    .values(
      VENUES.filter((v) => town.has(v.town)).map((v) => {
        const m = town.get(v.town)!;
        return {
          tenant_id: tenantId,
          kind: 'venue' as const,
          name: v.name,
          municipality_id: m.id,
          address: v.address,
          lat: m.lat + v.dLat,
          lon: m.lon + v.dLon,
        };
      }),
    )
    .returning(['id', 'name'])
    .execute();
  const places = await db
    .selectFrom('course_place')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const placeId = new Map([...places, ...venues].map((p) => [p.name, p.id]));
  const courses = COURSES.filter((c) => placeId.has(c.venue)).map((c, i) => {
    const start = demoCourseStart(today, c.month, r);
    return {
      tenant_id: tenantId,
      provider_id: providerOf[c.provider],
      place_id: placeId.get(c.venue)!,
      ref: `${c.provider === 'vhs' ? 'VHS' : 'SR'}-${today.slice(0, 4)}-${String(i + 1).padStart(3, '0')}`,
      course_type: c.type,
      entry_levels: c.levels,
      target_level: c.target,
      hours: c.hours,
      schedule: c.schedule,
      start_date: start,
      end_date: addDays(start, Math.round((c.hours / 20) * 7)),
      seats: c.seats,
      childcare: c.childcare ?? false,
      women_only: c.womenOnly ?? false,
      status: c.month < 0 ? ('running' as const) : ('planned' as const),
    };
  });
  await db.insertInto('course').values(courses).execute();

  // Placement results: from the German level the intake recorded, with an earlier, lower test for progress.
  const persons = await db
    .selectFrom('person')
    .select([
      'id',
      'languages',
      'gender',
      'birth_date',
      'nationalities',
      'entry_date',
      'ip_entry_date',
      'case_status',
    ])
    .where('tenant_id', '=', tenantId)
    .execute();
  const statuses = await db
    .selectFrom('residence_status')
    .selectAll()
    .distinctOn('person_id')
    .where('tenant_id', '=', tenantId)
    .orderBy('person_id')
    .orderBy('since', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
  const statusOf = new Map(statuses.map((s) => [s.person_id, s]));
  const children = await db
    .selectFrom('household_member')
    .select(['person_id', 'needs_childcare'])
    .where('tenant_id', '=', tenantId)
    .where('relation', '=', 'child')
    .execute();
  const parents = new Set(children.map((c) => c.person_id));
  const smallChildren = new Set(children.filter((c) => c.needs_childcare).map((c) => c.person_id));

  const assessments: Insertable<DB['language_assessment']>[] = [];
  const waiting = [];
  for (const p of persons) {
    const de = p.languages.find((l) => l.code === 'de');
    const entered = p.ip_entry_date ?? addDays(today, -200);
    let level: Cefr | undefined;
    let literacy: 'none' | 'other_script' | 'latin' | undefined;
    if (de && (CEFR as readonly string[]).includes(de.level)) {
      level = de.level as Cefr;
      literacy = level === 'A0' && r() < 0.35 ? 'none' : r() < 0.25 ? 'other_script' : 'latin';
      const first = addDays(entered, 10 + Math.floor(r() * 40));
      const firstLevel = levelRank(level) >= 2 && r() < 0.7 ? lower(level, 1 + Math.floor(r() * 2)) : level;
      const skill = (l: Cefr) => (r() < 0.3 ? lower(l, 1) : l);
      if (first <= today)
        assessments.push({
          tenant_id: tenantId,
          person_id: p.id,
          assessed_on: first,
          test_kind: 'placement_test',
          hearing: skill(firstLevel),
          reading: skill(firstLevel),
          writing: lower(firstLevel, r() < 0.5 ? 1 : 0),
          speaking: firstLevel,
          overall: firstLevel,
          literacy,
          certificate_ref: null,
          examiner: null,
          note: null,
          recorded_by: null,
        });
      if (firstLevel !== level) {
        const later = addDays(first, 180 + Math.floor(r() * 300));
        const kind =
          level === 'B1' || level === 'A2'
            ? 'dtz'
            : level === 'B2'
              ? pick(r, ['telc', 'goethe'] as const)
              : 'advisor_estimate';
        if (later <= today)
          assessments.push({
            tenant_id: tenantId,
            person_id: p.id,
            assessed_on: later,
            test_kind: kind,
            hearing: null,
            reading: null,
            writing: null,
            speaking: null,
            overall: level,
            literacy: 'latin',
            certificate_ref:
              kind === 'advisor_estimate'
                ? null
                : `${kind.toUpperCase()}-${later.slice(0, 4)}-${Math.floor(r() * 90000 + 10000)}`,
            examiner: null,
            note: null,
            recorded_by: null,
          });
        else level = firstLevel;
      }
    }
    // The waitlist: open cases the rules engine entitles today, most of them queued.
    if (p.case_status === 'closed' || !level || r() > 0.55) continue;
    const decision = evaluateExtended({
      ...situationOf(p, statusOf.get(p.id), today),
      birthDate: p.birth_date,
      gender: p.gender === 'u' ? null : p.gender,
      germanLevel: level,
      literacy: literacy ?? null,
      parent: parents.has(p.id) || null,
      integrationCourseCompleted: levelRank(level) >= levelRank('A2') ? true : null,
    });
    const types = entitledCourseTypes(decision.courses);
    if (types.length === 0) continue;
    const since = addDays(today, -(5 + Math.floor(r() ** 1.5 * 360)));
    waiting.push({
      tenant_id: tenantId,
      person_id: p.id,
      course_types: types,
      since: since < entered ? entered : since,
      needs_childcare: smallChildren.has(p.id) && r() < 0.8,
      needs_women_only: p.gender === 'f' && r() < 0.12,
    });
  }
  for (let i = 0; i < assessments.length; i += CHUNK)
    await db
      .insertInto('language_assessment')
      .values(assessments.slice(i, i + CHUNK))
      .execute();
  for (let i = 0; i < waiting.length; i += CHUNK)
    await db
      .insertInto('waitlist_entry')
      .values(waiting.slice(i, i + CHUNK))
      .execute();
  return { courses: courses.length, assessments: assessments.length, waiting: waiting.length };
}
