import { describe, expect, it } from 'vitest';
import type { AgencyKind } from './agencies';
import {
  type Actor,
  type ConsentFact,
  consentActive,
  decidePersonRead,
  type PersonAccessFacts,
} from './person-access';
import type { Role } from './roles';

const person: PersonAccessFacts = {
  tenantId: 't1',
  ownerUserId: 'u-owner',
  ownerAgencyId: 'a-jc',
  team: 'team-jc',
  handoverAgencyIds: [],
};
const actor = (role: Role, agencyKind: AgencyKind, agencyId: string, over: Partial<Actor> = {}): Actor => ({
  userId: 'u-x',
  tenantId: 't1',
  agencyId,
  agencyKind,
  role,
  team: null,
  ...over,
});
const consent = (over: Partial<ConsentFact> = {}): ConsentFact => ({
  id: 'c1',
  recipientAgencyId: 'a-soz',
  purpose: 'integration',
  dataCategories: ['identity', 'residence'],
  givenOn: '2026-01-01',
  withdrawnOn: null,
  ...over,
});
const TODAY = '2026-06-01';

// [case, actor, consents, expected outcome, legal basis the row rests on]
const TABLE: [string, Actor, ConsentFact[], string, string][] = [
  ['front desk, whole region', actor('eingangszone', 'kreis', 'a-kreis'), [], 'allowed', '§§ 67d, 69 SGB X'],
  [
    'owner advisor',
    actor('integrationsfachkraft', 'jobcenter', 'a-jc', { userId: 'u-owner' }),
    [],
    'allowed',
    '§§ 67d, 69 SGB X',
  ],
  [
    'advisor of the same team',
    actor('integrationsfachkraft', 'jobcenter', 'a-jc2', { team: 'team-jc' }),
    [],
    'allowed',
    '§§ 67d, 69 SGB X',
  ],
  [
    'advisor of another team and agency',
    actor('integrationsfachkraft', 'agentur_fuer_arbeit', 'a-aa', { team: 'team-aa' }),
    [],
    'scope',
    '§ 35 SGB I (Sozialgeheimnis)',
  ],
  [
    'employer service of another agency',
    actor('arbeitgeberservice', 'agentur_fuer_arbeit', 'a-aa'),
    [],
    'scope',
    '§ 35 SGB I',
  ],
  [
    'employer service of the owning agency',
    actor('arbeitgeberservice', 'jobcenter', 'a-jc'),
    [],
    'allowed',
    '§§ 67d, 69 SGB X',
  ],
  [
    'advisor addressed by an open handover',
    actor('integrationsfachkraft', 'agentur_fuer_arbeit', 'a-aa'),
    [],
    'allowed-handover',
    '§ 69 Abs. 1 Nr. 1 SGB X',
  ],
  [
    'admin has no case access',
    actor('admin', 'kreis', 'a-kreis'),
    [],
    'permission',
    'Art. 5 Abs. 1 lit. c DSGVO (Datenminimierung)',
  ],
  ['Sozialamt without consent', actor('partner', 'sozialamt', 'a-soz'), [], 'no_consent', '§ 67b SGB X'],
  [
    'Sozialamt with active consent',
    actor('partner', 'sozialamt', 'a-soz'),
    [consent()],
    'allowed',
    'Art. 6 Abs. 1 lit. a DSGVO, § 67b SGB X',
  ],
  [
    'Sozialamt, consent withdrawn today',
    actor('partner', 'sozialamt', 'a-soz'),
    [consent({ withdrawnOn: TODAY })],
    'no_consent',
    'Art. 7 Abs. 3 DSGVO (Widerruf wirkt sofort)',
  ],
  [
    'Sozialamt, consent withdrawn tomorrow',
    actor('partner', 'sozialamt', 'a-soz'),
    [consent({ withdrawnOn: '2026-06-02' })],
    'allowed',
    'Art. 7 Abs. 3 DSGVO',
  ],
  [
    'Sozialamt, consent given tomorrow',
    actor('partner', 'sozialamt', 'a-soz'),
    [consent({ givenOn: '2026-06-02' })],
    'no_consent',
    'Art. 7 DSGVO',
  ],
  [
    'Sozialamt, consent given today',
    actor('partner', 'sozialamt', 'a-soz'),
    [consent({ givenOn: TODAY })],
    'allowed',
    'Art. 7 DSGVO',
  ],
  [
    'Ausländerbehörde with a consent for the Sozialamt',
    actor('partner', 'auslaenderbehoerde', 'a-abh'),
    [consent()],
    'no_consent',
    '§ 67b SGB X (Empfänger bestimmt)',
  ],
  [
    'other tenant',
    actor('eingangszone', 'kreis', 'a-kreis', { tenantId: 't2' }),
    [],
    'tenant',
    'Mandantentrennung',
  ],
];

describe('decidePersonRead', () => {
  it.each(TABLE)('%s → %s (%s)', (_name, a, consents, expected) => {
    const facts = expected === 'allowed-handover' ? { ...person, handoverAgencyIds: ['a-aa'] } : person;
    const d = decidePersonRead({ actor: a, person: facts, consents, today: TODAY });
    if (expected.startsWith('allowed')) expect(d.allowed).toBe(true);
    else expect(d).toEqual({ allowed: false, reason: expected });
  });

  it('limits a partner to the consented categories plus identity, without health', () => {
    const d = decidePersonRead({
      actor: actor('partner', 'sozialamt', 'a-soz'),
      person,
      consents: [consent({ dataCategories: ['residence', 'health'] })],
      today: TODAY,
    });
    expect(d).toMatchObject({ allowed: true, categories: ['identity', 'residence'], consentId: 'c1' });
  });

  it('shows health to the advisor only with a health consent for the advisor’s agency', () => {
    const owner = actor('integrationsfachkraft', 'jobcenter', 'a-jc', { userId: 'u-owner' });
    const without = decidePersonRead({ actor: owner, person, consents: [], today: TODAY });
    const withHealth = decidePersonRead({
      actor: owner,
      person,
      consents: [consent({ recipientAgencyId: 'a-jc', dataCategories: ['health'] })],
      today: TODAY,
    });
    expect(without.allowed && without.categories.includes('health')).toBe(false);
    expect(withHealth.allowed && withHealth.categories.includes('health')).toBe(true);
  });

  it('counts a consent from the day given until the day before withdrawal', () => {
    const c = consent({ givenOn: '2026-05-01', withdrawnOn: '2026-05-10' });
    expect([
      consentActive(c, '2026-04-30'),
      consentActive(c, '2026-05-01'),
      consentActive(c, '2026-05-09'),
      consentActive(c, '2026-05-10'),
    ]).toEqual([false, true, true, false]);
  });
});
