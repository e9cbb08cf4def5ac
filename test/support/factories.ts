import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema';
import type { AgencyKind } from '../../src/domain/access/agencies';
import { ROLES, type Role } from '../../src/domain/access/roles';
import type { LotseApp } from '../../src/server/app';
import { hashPassword } from '../../src/server/modules/auth/passwords';
import { insertPerson } from '../../src/server/modules/persons/repo';

export const TEST_PASSWORD = 'test-passwort-123';
let cachedHash: Promise<string> | undefined;
const passwordHash = () => {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return cachedHash;
};

export interface TestTenant {
  tenantId: string;
  agencies: Record<AgencyKind, string>;
  /** One user per role; partner users exist per partner agency kind as partner_<kind>. */
  users: Record<string, { id: string; email: string; agencyId: string }>;
}

const AGENCY_KINDS_FOR_TEST: AgencyKind[] = [
  'agentur_fuer_arbeit',
  'jobcenter',
  'sozialamt',
  'auslaenderbehoerde',
  'kreis',
  'jugendamt',
  'bildungstraeger',
  'arbeitgeber',
  'ehrenamt',
];

/** A fresh tenant with every agency and a user for every role: tests never share data. */
export async function makeTenant(db: Kysely<DB>): Promise<TestTenant> {
  const slug = `t-${randomUUID().slice(0, 18)}`;
  const t = await db
    .insertInto('tenant')
    .values({ slug, name: `Test ${slug}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const agencies = {} as Record<AgencyKind, string>;
  for (const kind of AGENCY_KINDS_FOR_TEST) {
    const a = await db
      .insertInto('agency')
      .values({ tenant_id: t.id, kind, name: `${kind} ${slug}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    agencies[kind] = a.id;
  }
  const hash = await passwordHash();
  const users: TestTenant['users'] = {};
  const homeAgency: Record<Role, AgencyKind> = {
    eingangszone: 'kreis',
    integrationsfachkraft: 'jobcenter',
    sprachberatung: 'jobcenter',
    arbeitgeberservice: 'agentur_fuer_arbeit',
    koordination: 'kreis',
    partner: 'sozialamt',
    admin: 'kreis',
  };
  const specs: { key: string; role: Role; agency: AgencyKind; team: string | null }[] = ROLES.map((role) => ({
    key: role,
    role,
    agency: homeAgency[role],
    team: role === 'integrationsfachkraft' || role === 'sprachberatung' ? 'team-jc' : null,
  }));
  specs.push({
    key: 'integrationsfachkraft_aa',
    role: 'integrationsfachkraft',
    agency: 'agentur_fuer_arbeit',
    team: 'team-aa',
  });
  for (const kind of ['auslaenderbehoerde', 'jugendamt', 'bildungstraeger', 'ehrenamt'] as AgencyKind[])
    specs.push({ key: `partner_${kind}`, role: 'partner', agency: kind, team: null });
  for (const s of specs) {
    const email = `${s.key}.${slug}@test.lotse`;
    const u = await db
      .insertInto('app_user')
      .values({
        tenant_id: t.id,
        agency_id: agencies[s.agency],
        email,
        display_name: s.key,
        role: s.role,
        team: s.team,
        password_hash: hash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    users[s.key] = { id: u.id, email, agencyId: agencies[s.agency] };
  }
  return { tenantId: t.id, agencies, users };
}

export async function makePerson(
  db: Kysely<DB>,
  tenant: TestTenant,
  over: Partial<Parameters<typeof insertPerson>[3]> = {},
) {
  return insertPerson(db, tenant.tenantId, null, {
    givenNames: 'Mohammed',
    familyName: 'Al-Hassan',
    nameVariants: [],
    gender: 'm',
    birthDate: '1990-01-01',
    birthDatePrecision: 'year',
    nationalities: ['SY'],
    languages: [{ code: 'ar', level: 'muttersprache' }],
    healthNotes: 'Rückenleiden, kein schweres Heben',
    ...over,
  });
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(app: LotseApp, email: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'lotse_session');
  if (!cookie) throw new Error('no session cookie');
  return { cookie: `lotse_session=${cookie.value}`, csrf: res.json().csrfToken };
}

export function as(s: Session) {
  return { cookie: s.cookie, 'x-csrf-token': s.csrf };
}
