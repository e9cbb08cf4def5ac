import { type AgencyKind, IP_CORE_AGENCIES } from './agencies';
import { hasPermission, ROLE_DEFINITIONS, type Role } from './roles';

/** What a reader may see of a person. 'health' is special-category data (Art. 9 GDPR). */
export const DATA_CATEGORIES = [
  'identity',
  'contact',
  'residence',
  'household',
  'language',
  'profile',
  'health',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];
const ORDINARY: DataCategory[] = DATA_CATEGORIES.filter((c) => c !== 'health');

export interface Actor {
  userId: string;
  tenantId: string;
  agencyId: string;
  agencyKind: AgencyKind;
  role: Role;
  team: string | null;
}

export interface PersonAccessFacts {
  tenantId: string;
  ownerUserId: string | null;
  ownerAgencyId: string | null;
  team: string | null;
  /** Agencies an open handover or referral points to: they must be able to look before accepting. */
  handoverAgencyIds: readonly string[];
}

export interface ConsentFact {
  id: string;
  recipientAgencyId: string;
  purpose: string;
  dataCategories: readonly string[];
  givenOn: string;
  withdrawnOn: string | null;
}

export type AccessDecision =
  | { allowed: true; basis: string; consentId: string | null; purpose: string; categories: DataCategory[] }
  | { allowed: false; reason: 'tenant' | 'permission' | 'scope' | 'no_consent' };

export const BASIS_SHARED_TASK = '§§ 67d, 69 Abs. 1 Nr. 1 SGB X (gemeinsame Aufgabe im Integration Point)';
export const BASIS_CONSENT = 'Einwilligung Art. 6 Abs. 1 lit. a, Art. 7 DSGVO, § 67b SGB X';

/** A consent counts from the day it was given until (not including) the day it was withdrawn. */
export function consentActive(c: Pick<ConsentFact, 'givenOn' | 'withdrawnOn'>, today: string): boolean {
  return c.givenOn <= today && (c.withdrawnOn === null || c.withdrawnOn > today);
}

function inScope(actor: Actor, p: PersonAccessFacts): boolean {
  if (p.handoverAgencyIds.includes(actor.agencyId)) return true;
  switch (ROLE_DEFINITIONS[actor.role].scope) {
    case 'tenant':
      return true;
    case 'agency':
      return p.ownerAgencyId === actor.agencyId;
    case 'team':
      return (
        p.ownerUserId === actor.userId ||
        (actor.team !== null && p.team === actor.team) ||
        p.ownerAgencyId === actor.agencyId
      );
    case 'own':
      return p.ownerUserId === actor.userId;
    default:
      return false;
  }
}

/**
 * The one place that decides whether a member of staff may read a person's record, and what of it.
 * Pure: the server loads the facts, calls this, audits the answer and filters the record by `categories`.
 */
export function decidePersonRead(input: {
  actor: Actor;
  person: PersonAccessFacts;
  consents: readonly ConsentFact[];
  today: string;
}): AccessDecision {
  const { actor, person, consents, today } = input;
  if (actor.tenantId !== person.tenantId) return { allowed: false, reason: 'tenant' };
  if (!hasPermission(actor.role, 'person:read')) return { allowed: false, reason: 'permission' };

  const mine = consents.filter((c) => c.recipientAgencyId === actor.agencyId && consentActive(c, today));
  const healthConsent = mine.find((c) => c.dataCategories.includes('health'));
  const mayHealth = hasPermission(actor.role, 'person:read_health') && healthConsent !== undefined;

  const scope = ROLE_DEFINITIONS[actor.role].scope;
  const coreAgency = IP_CORE_AGENCIES.includes(actor.agencyKind);
  if (coreAgency && scope !== 'consent' && inScope(actor, person)) {
    return {
      allowed: true,
      basis: BASIS_SHARED_TASK,
      consentId: mayHealth ? healthConsent.id : null,
      purpose: 'integration',
      categories: mayHealth ? [...ORDINARY, 'health'] : [...ORDINARY],
    };
  }
  if (coreAgency && scope !== 'consent') return { allowed: false, reason: 'scope' };

  // Everyone outside the IP core sees only what a valid consent for their own agency covers.
  if (mine.length === 0) return { allowed: false, reason: 'no_consent' };
  const categories = new Set<DataCategory>();
  for (const c of mine) {
    for (const cat of c.dataCategories) {
      if (cat === 'health' && !hasPermission(actor.role, 'person:read_health')) continue;
      if ((DATA_CATEGORIES as readonly string[]).includes(cat)) categories.add(cat as DataCategory);
    }
  }
  // Identity is always part of a consented view: without it the reader cannot know whom it concerns.
  categories.add('identity');
  return {
    allowed: true,
    basis: BASIS_CONSENT,
    consentId: mine[0].id,
    purpose: mine[0].purpose,
    categories: DATA_CATEGORIES.filter((c) => categories.has(c)),
  };
}

/**
 * The category of each case field shown outside the category blocks. Case assignment (status,
 * Rechtskreis, advisor, owning agency) is case data ('profile'); the municipality is part of the
 * address ('contact'). A reader whose consent covers identity only sees none of them.
 */
export const CASE_FIELD_CATEGORY = {
  caseStatus: 'profile',
  rechtskreis: 'profile',
  owner: 'profile',
  ownerAgency: 'profile',
  municipality: 'contact',
} as const satisfies Record<string, DataCategory>;

/**
 * The category a search filter reveals: a filter that matches tells the reader the value, so it may
 * only match on persons where the reader could see that value (e.g. a customer number confirms it).
 */
export const SEARCH_FILTER_CATEGORY = {
  azrNumber: 'residence',
  baCustomerNumber: 'profile',
  status: 'profile',
  rechtskreis: 'profile',
  municipalityId: 'contact',
  ownerId: 'profile',
} as const satisfies Record<string, DataCategory>;

/** Does the decision allow this category? */
export const mayRead = (d: AccessDecision, c: DataCategory): boolean => d.allowed && d.categories.includes(c);

/**
 * True when the reader reads by consent (outside the IP core's shared task): every list, filter and
 * output must then be narrowed to what their own agency's consent covers.
 */
export function readsByConsent(actor: Actor): boolean {
  return !IP_CORE_AGENCIES.includes(actor.agencyKind) || ROLE_DEFINITIONS[actor.role].scope === 'consent';
}

/**
 * Which of a person's consents the reader may see. The IP core manages consents and sees them all;
 * a reader by consent sees only the consents given to its own agency — another agency's consent
 * (above all a health consent) is none of its business.
 */
export function visibleConsents<T extends { recipientAgencyId: string }>(
  actor: Actor,
  decision: AccessDecision,
  consents: readonly T[],
): T[] {
  if (!decision.allowed) return [];
  if (decision.basis === BASIS_SHARED_TASK) return [...consents];
  return consents.filter((c) => c.recipientAgencyId === actor.agencyId);
}

/**
 * May this role record health notes (special-category data, Art. 9 GDPR)? Only roles that may read
 * them: a front desk that cannot read health data must not write it either, not even at intake.
 */
export const mayWriteHealth = (actor: Pick<Actor, 'role'>): boolean =>
  hasPermission(actor.role, 'person:read_health');
