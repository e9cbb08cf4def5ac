// Shapes of the case-file, handover and rules answers (mirror src/server/modules/*/routes.ts).
// Decisions come straight from the pure rules engine: its types are imported, not copied.
import type { HandoverRecord } from '../../domain/handover/record';
import type { Decision, ExtendedDecision, LawData, RuleInfo } from '../../domain/rules';
import type { Person } from './types';

/** The server adds title, basis and validity of each cited rule, so no reader ever sees a rule id. */
export type StatusCard = ExtendedDecision & {
  citedRules?: Pick<RuleInfo, 'id' | 'basis' | 'validFrom' | 'validTo' | 'title'>[];
};
export type { Decision, HandoverRecord, LawData };

export const CONSENT_PURPOSES = [
  'integration',
  'leistungsgewaehrung',
  'aufenthaltsrecht',
  'sprachkurs',
  'arbeitsvermittlung_arbeitgeber',
  'ehrenamtliche_begleitung',
  'jugendhilfe',
] as const;
export const DATA_CATEGORIES = [
  'identity',
  'contact',
  'residence',
  'household',
  'language',
  'profile',
  'health',
] as const;

export interface Consent {
  id: string;
  purpose: string;
  recipientAgency: { id: string; name: string };
  dataCategories: string[];
  givenOn: string;
  withdrawnOn: string | null;
  formLanguage: string;
  scanRef: string | null;
  active: boolean;
}

export const HOUSEHOLD_RELATIONS = ['partner', 'child', 'parent', 'sibling', 'other'] as const;

export const STATUS_KINDS = [
  'gestattung',
  'duldung',
  'aufenthaltserlaubnis',
  'niederlassungserlaubnis',
  'fiktionsbescheinigung',
  'eu_freizuegigkeit',
  'none',
] as const;
export const ASYLUM_DECISIONS = [
  'pending',
  'recognised',
  'rejected',
  'rejected_manifestly_unfounded',
  'rejected_inadmissible',
  'withdrawn',
  'none',
] as const;

export interface ResidenceAnswer extends Person {
  rechtskreisChange: { from: string; to: string; handoverId: string | null } | null;
}

export const HANDOVER_KINDS = ['case', 'referral', 'rechtskreiswechsel', 'exit'] as const;
export const HANDOVER_STATES = ['requested', 'accepted', 'rejected', 'done', 'revoked'] as const;
export type HandoverAction = 'accept' | 'reject' | 'complete' | 'revoke';

export interface Handover {
  id: string;
  kind: string;
  state: string;
  reason: string;
  decisionReason: string | null;
  keepAdvisor: boolean;
  record: Partial<HandoverRecord>;
  version: number;
  createdAt: string;
  updatedAt: string;
  person: { id: string; name: string };
  fromAgency: string;
  toAgency: string;
  fromUser: string | null;
  toUser: string | null;
}

export interface StaffMember {
  id: string;
  name: string;
  role: string;
}

export interface DuplicateCandidate {
  id: string;
  name: string;
  nameOriginal: string | null;
  birthDate: string | null;
  birthDatePrecision: string;
  nationalities: string[];
  agency: string | null;
  municipality: string | null;
  score: number;
  reasons: string[];
}

export interface ExitCheck {
  ipEntryDate: string | null;
  maxStayMonths: number;
  dueOn: string | null;
  due: boolean;
  missing: { key: string; label: string }[];
}

export interface ExitsDue {
  maxStayMonths: number;
  items: { id: string; name: string; ipEntryDate: string; dueOn: string; owner: string | null }[];
}

export interface ImpactAnswer {
  on: string;
  evaluated: number;
  seconds: number;
  items: {
    id: string;
    name: string;
    changed: string[];
    before: Decision;
    after: Decision;
  }[];
}

export interface RetentionItem {
  id: string;
  rechtskreis: string;
  closedOn: string;
  deleteFrom: string;
  years: number;
}
