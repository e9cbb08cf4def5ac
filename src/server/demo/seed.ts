import { type Kysely, sql } from 'kysely';
import { insertRows } from '../../db/bulk';
import { refreshStatistics } from '../../db/maintenance';
import type { DB } from '../../db/schema';
import { hashPassword } from '../modules/auth/passwords';
import { nameKeysFingerprint } from '../modules/persons/reindex';
import { seedCaseworkDemo } from './casework';
import { demoClients } from './clients';
import { DEMO_AGENCIES, DEMO_MUNICIPALITIES, DEMO_OFFICES, DEMO_TENANT } from './county';
import { seedLanguageDemo } from './language';
import { DEMO_STAFF } from './staff';
import { seedWorkDemo } from './work';

export async function isDatabaseEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db
    .selectFrom('tenant')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

export interface SeedOptions {
  password: string;
  clients?: number;
  seed?: number;
  /** Another tenant slug lets tests and benchmarks seed several counties side by side. */
  tenantSlug?: string;
  /** Prefix for staff e-mails, so that several demo tenants can coexist in one database. */
  emailPrefix?: string;
  log?: (message: string) => void;
  /** Refresh the planner statistics at the end (default); off when the caller does it (server start). */
  analyze?: boolean;
}

/**
 * A bulk load as pg_restore does it: for this transaction, no foreign-key checks and no ordinary triggers
 * (session_replication_role = replica). The rows are made here and refer to each other by construction;
 * checking 60,000 references one by one was a third of the seed's time on PGlite. The triggers it skips
 * are the statistics change log's (022): a new region has no facts cache that could miss a change, and a
 * fresh load starts that log empty (as the Land loader does). Unique, NOT NULL and CHECK constraints still
 * hold. Only a superuser may do this (PGlite always is); otherwise the load runs with every check.
 */
async function fastLoad(tx: Kysely<DB>): Promise<void> {
  const su = await sql<{ su: string }>`SELECT current_setting('is_superuser') AS su`.execute(tx);
  if (su.rows[0]?.su === 'on') await sql`SET LOCAL session_replication_role = replica`.execute(tx);
}

/** Loads the demo county in one transaction: it is there completely or not at all. Reproducible for a seed. */
export async function seedDemo(
  db: Kysely<DB>,
  opts: SeedOptions,
): Promise<{ tenantId: string; clients: number }> {
  const say = opts.log ?? (() => {});
  // Each progress line ends with the time of its part, so a slow start names the part (bench/startup).
  let last = performance.now();
  const log = (m: string) => {
    const now = performance.now();
    say(`${m} (${((now - last) / 1000).toFixed(1)} s)`);
    last = now;
  };
  // argon2 runs on libuv's thread pool: hash while the first rows go in, await it where the accounts need it.
  const hashing = hashPassword(opts.password);
  // A failed seed must not leave the hash's rejection unhandled.
  hashing.catch(() => {});
  const result = await db.transaction().execute(async (tx) => {
    await fastLoad(tx);
    const tenant = await tx
      .insertInto('tenant')
      .values({
        slug: opts.tenantSlug ?? DEMO_TENANT.slug,
        name: DEMO_TENANT.name,
        settings: JSON.stringify({
          ipMaxStayMonths: 12,
          retentionYears: { sgb2: 10, sgb3_only: 5 },
        }) as never,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const tenantId = tenant.id;
    const municipalities = await tx
      .insertInto('municipality')
      .values(
        DEMO_MUNICIPALITIES.map((m) => ({
          tenant_id: tenantId,
          name: m.name,
          ags: m.ags,
          lat: m.lat,
          lon: m.lon,
        })),
      )
      .returning(['id', 'name'])
      .execute();
    const municipalityId = new Map(municipalities.map((m) => [m.name, m.id]));
    await tx
      .insertInto('office')
      .values(
        DEMO_OFFICES.map((o) => ({
          tenant_id: tenantId,
          name: o.name,
          kind: o.kind,
          municipality_id: municipalityId.get(o.municipality)!,
        })),
      )
      .execute();
    const agencies = await tx
      .insertInto('agency')
      .values(DEMO_AGENCIES.map((a) => ({ tenant_id: tenantId, kind: a.kind, name: a.name })))
      .returning(['id', 'name'])
      .execute();
    const agencyId = new Map(DEMO_AGENCIES.map((a) => [a.key, agencies.find((x) => x.name === a.name)!.id]));
    const passwordHash = await hashing;
    const staff = await tx
      .insertInto('app_user')
      .values(
        DEMO_STAFF.map((s) => ({
          tenant_id: tenantId,
          agency_id: agencyId.get(s.agency)!,
          email: `${opts.emailPrefix ?? ''}${s.email}`,
          display_name: s.name,
          role: s.role,
          team: s.team,
          password_hash: passwordHash,
        })),
      )
      .returning(['id', 'email'])
      .execute();
    log(
      `Region, ${municipalities.length} Kommunen, ${DEMO_OFFICES.length} Standorte, ${agencies.length} Stellen, ${staff.length} Konten`,
    );

    const userId = new Map(staff.map((s) => [s.email.slice((opts.emailPrefix ?? '').length), s.id]));
    const advisors = {
      jc: DEMO_STAFF.filter((s) => s.role === 'integrationsfachkraft' && s.agency === 'jc').map((s) => ({
        id: userId.get(s.email)!,
        team: s.team,
      })),
      aa: DEMO_STAFF.filter((s) => s.role === 'integrationsfachkraft' && s.agency === 'aa').map((s) => ({
        id: userId.get(s.email)!,
        team: s.team,
      })),
    };
    const clients = demoClients({
      count: opts.clients ?? 3500,
      seed: opts.seed ?? 20261122,
      municipalities: DEMO_MUNICIPALITIES.map((m) => ({ id: municipalityId.get(m.name)!, weight: m.weight })),
      advisors,
      agencies: {
        jc: agencyId.get('jc')!,
        aa: agencyId.get('aa')!,
        sozialamt: agencyId.get('sozialamt')!,
        abh: agencyId.get('abh')!,
      },
      createdBy: userId.get('empfang@demo.lotse')!,
    });
    const inTenant = <R extends object>(rows: readonly R[]) =>
      rows.map((r) => ({ ...r, tenant_id: tenantId }));
    await insertRows(tx, 'person', inTenant(clients.persons));
    await insertRows(tx, 'residence_status', inTenant(clients.statuses));
    await insertRows(tx, 'consent', inTenant(clients.consents));
    await insertRows(tx, 'household_member', inTenant(clients.household));
    // In the order of the primary key (tenant, key, person): the B-tree then grows at its right edge.
    const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    const keys = inTenant(clients.nameKeys).sort(
      (a, b) => order(a.key, b.key) || order(a.person_id, b.person_id),
    );
    await insertRows(tx, 'person_name_key', keys, { onConflictDoNothing: true });
    log(
      `${clients.persons.length} Klientinnen und Klienten mit ${clients.statuses.length} Aufenthaltsstatus und ${clients.consents.length} Einwilligungen`,
    );
    const language = await seedLanguageDemo(tx, {
      tenantId,
      passwordHash,
      seed: opts.seed,
      emailPrefix: opts.emailPrefix,
    });
    log(
      `${language.courses} Sprachkurse, ${language.assessments} Sprachstände, ${language.waiting} Personen auf der Warteliste`,
    );
    // Before the case work: its deadline run then sees the permit requests of the placements.
    const work = await seedWorkDemo(tx, tenantId, { seed: opts.seed });
    log(
      `${work.employers} Arbeitgeber, ${work.vacancies} Stellen, ${work.profiles} Kompetenzprofile, ${work.placements} Vermittlungen`,
    );
    const casework = await seedCaseworkDemo(tx, tenantId, { seed: opts.seed });
    log(
      `${casework.measures} Maßnahmen, ${casework.rooms} Räume, ${casework.interpreters} Dolmetschende, ${casework.appointments} Termine, ${casework.tasks} Aufgaben und Fristen`,
    );
    // The keys were computed now: record their version so that start-up does not rebuild them.
    await tx
      .insertInto('app_meta')
      .values({ key: 'name_keys', value: nameKeysFingerprint() })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ value: nameKeysFingerprint(), updated_at: new Date() }),
      )
      .execute();
    return { tenantId, clients: clients.persons.length };
  });
  // Thousands of new rows: let the planner know before the first query.
  if (opts.analyze !== false) {
    await refreshStatistics(db);
    log('Planerstatistik');
  }
  return result;
}
