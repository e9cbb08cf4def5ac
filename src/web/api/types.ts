// Shapes of the API answers the web app uses (mirrors src/server/modules/*/schema.ts).
import type { Permission, Role } from '../../domain/access/roles';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  team: string | null;
  agency: { id: string; kind: string; name: string };
  tenant: { id: string; name: string };
  permissions: Permission[];
  language: string;
}

export interface SessionAnswer {
  user: SessionUser;
  csrfToken: string;
  /** An administrator who must set up the second factor before anything else answers. */
  secondFactorSetupRequired?: boolean;
}

export const CASE_STATUSES = ['intake', 'active', 'handed_over', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const RECHTSKREISE = ['asylblg', 'sgb2', 'sgb3_only', 'none', 'review'] as const;
export type Rechtskreis = (typeof RECHTSKREISE)[number];

export interface PersonListItem {
  id: string;
  givenNames: string;
  familyName: string;
  nameOriginal: string | null;
  birthDate: string | null;
  birthDatePrecision: string;
  nationalities: string[];
  /** null when the reader's categories do not cover case data. */
  caseStatus: string | null;
  rechtskreis: string | null;
  municipality: string | null;
  ownerName: string | null;
}

export interface PersonList {
  total: number;
  /** Hits of the same search at other agencies (outside the reader's scope): the number only. */
  elsewhere: number;
  items: PersonListItem[];
}

export interface ResidenceStatus {
  id: string;
  kind: string;
  paragraph: string | null;
  since: string;
  until: string | null;
  document: string | null;
  workAnnotation: string | null;
  asylumApplicationDate: string | null;
  asylumDecision: string | null;
  livesInReceptionCentre: boolean | null;
  recordedAt: string;
}

export interface Person {
  id: string;
  version: number;
  givenNames: string;
  familyName: string;
  nameOriginal: string | null;
  nameVariants: string[];
  gender: string;
  birthDate: string | null;
  birthDatePrecision: string;
  nationalities: string[];
  /** null when the reader's categories do not cover case data. */
  caseStatus: string | null;
  rechtskreis: string | null;
  owner: { id: string; name: string } | null;
  ownerAgency: { id: string; name: string } | null;
  municipality: string | null;
  visibleCategories: string[];
  accessBasis: string;
  contact?: { phone: string | null; email: string | null; address: string | null };
  residence?: {
    azrNumber: string | null;
    entryDate: string | null;
    wohnsitzauflage: string | null;
    history: ResidenceStatus[];
  };
  household?: HouseholdMember[];
  languages?: { code: string; level: string }[];
  profile?: { baCustomerNumber: string | null; referralSource: string | null; ipEntryDate: string | null };
  health?: { notes: string | null };
}

export interface HouseholdMember {
  id: string;
  relation: string;
  givenNames: string;
  familyName: string | null;
  birthDate: string | null;
  ageYears: number | null;
  needsChildcare: boolean;
  memberPersonId: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  user: string | null;
  agency: string | null;
  role: string | null;
  action: string;
  outcome: string;
  legalBasis: string | null;
  purpose: string | null;
}

export interface AdminUser {
  id: string;
  email: string;
  displayName: string;
  role: string;
  team: string | null;
  agency: string;
  disabled: boolean;
  locked: boolean;
}

export interface Agency {
  id: string;
  kind: string;
  name: string;
}

export interface Municipality {
  id: string;
  name: string;
  ags: string | null;
  lat: number;
  lon: number;
}
