import { expect, it } from 'vitest';
import { todayInGermany } from '../../src/domain/reference/dates';
import { addDays } from '../../src/server/demo/random';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant, type TestTenant } from '../support/factories';

type ConsentState = 'none' | 'active' | 'active_health' | 'withdrawn' | 'other_agency' | 'future';
const CONSENT_STATES: ConsentState[] = [
  'none',
  'active',
  'active_health',
  'withdrawn',
  'other_agency',
  'future',
];

// Who reads, and what a person's owner/consent situation is → expected status and visible sections.
const READERS = [
  { user: 'eingangszone', core: true },
  { user: 'integrationsfachkraft', core: true },
  { user: 'integrationsfachkraft_aa', core: true },
  { user: 'sprachberatung', core: true },
  { user: 'arbeitgeberservice', core: true },
  { user: 'koordination', core: true },
  { user: 'admin', core: true },
  { user: 'partner', core: false },
  { user: 'partner_auslaenderbehoerde', core: false },
  { user: 'partner_jugendamt', core: false },
  { user: 'partner_ehrenamt', core: false },
] as const;

async function giveConsent(
  t: TestTenant,
  db: Parameters<typeof makePerson>[0],
  personId: string,
  state: ConsentState,
  recipientAgencyId: string,
) {
  const today = todayInGermany();
  if (state === 'none') return;
  const recipient = state === 'other_agency' ? t.agencies.bildungstraeger : recipientAgencyId;
  await db
    .insertInto('consent')
    .values({
      tenant_id: t.tenantId,
      person_id: personId,
      purpose: 'integration',
      recipient_agency_id: recipient,
      data_categories:
        state === 'active_health' ? ['identity', 'residence', 'health'] : ['identity', 'residence'],
      given_on: state === 'future' ? addDays(today, 3) : addDays(today, -30),
      withdrawn_on: state === 'withdrawn' ? today : null,
    })
    .execute();
}

describeEachDb('person reads: role × agency × consent state', (env) => {
  it('allows, restricts or refuses as the access rule says, and audits every attempt', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    const sessions = new Map<string, Awaited<ReturnType<typeof login>>>();
    for (const r of READERS) sessions.set(r.user, await login(env().app, t.users[r.user].email));
    let cases = 0;
    for (const state of CONSENT_STATES) {
      for (const r of READERS) {
        // The case belongs to the Jobcenter team; consent (if any) is addressed to the reader's agency.
        const p = await makePerson(db, t, {
          ownerUserId: t.users.integrationsfachkraft.id,
          ownerAgencyId: t.agencies.jobcenter,
          team: 'team-jc',
        });
        await giveConsent(t, db, p.id, state, t.users[r.user].agencyId);
        const res = await env().app.inject({
          method: 'GET',
          url: `/api/persons/${p.id}`,
          headers: as(sessions.get(r.user)!),
        });
        const label = `${r.user} with consent ${state}`;
        const consentCounts = state === 'active' || state === 'active_health';
        let expected: number;
        if (r.user === 'admin')
          expected = 403; // administration manages accounts, not cases
        else if (r.core)
          expected = r.user === 'arbeitgeberservice' || r.user === 'integrationsfachkraft_aa' ? 403 : 200; // other agency / other team
        else expected = consentCounts ? 200 : 403;
        expect(res.statusCode, label).toBe(expected);
        if (res.statusCode === 200) {
          const body = res.json();
          if (!r.core) {
            // A partner sees what the consent covers and nothing else.
            expect(body.residence, label).toBeDefined();
            expect(body.contact, label).toBeUndefined();
            expect(body.languages, label).toBeUndefined();
            expect(body.accessBasis, label).toMatch(/Einwilligung/);
          } else {
            expect(body.contact, label).toBeDefined();
          }
          // Health needs both the permission (only Integrationsfachkraft has it) and a health consent.
          const healthVisible = state === 'active_health' && r.user === 'integrationsfachkraft';
          expect(body.health !== undefined, label).toBe(healthVisible);
        }
        const audit = await db
          .selectFrom('audit_log')
          .select(['outcome', 'consent_id'])
          .where('person_id', '=', p.id)
          .where('action', '=', 'read')
          .execute();
        expect(audit.length, label).toBe(1);
        expect(audit[0].outcome, label).toBe(res.statusCode === 200 ? 'allowed' : 'denied');
        cases++;
      }
    }
    expect(cases).toBe(CONSENT_STATES.length * READERS.length);
  });

  it('does not let a user of another tenant read a person', async () => {
    const db = env().database.db;
    const a = await makeTenant(db);
    const b = await makeTenant(db);
    const p = await makePerson(db, a);
    const s = await login(env().app, b.users.eingangszone.email);
    expect(
      (await env().app.inject({ method: 'GET', url: `/api/persons/${p.id}`, headers: as(s) })).statusCode,
    ).toBe(404);
    const list = await env().app.inject({ method: 'GET', url: '/api/persons?q=Mohammed', headers: as(s) });
    expect(list.json().total).toBe(0);
  });
});
