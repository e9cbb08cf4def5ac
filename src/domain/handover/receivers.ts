import { AGENCY_LABELS, type AgencyKind } from '../access/agencies';

/**
 * Agencies that can own a case in the Integration Point: they carry a legal responsibility for the
 * person's integration (SGB II Jobcenter, SGB III Agentur, AsylbLG Sozialamt, the county's integration
 * centre). A case handover, a Rechtskreiswechsel or an exit moves ownership: only to one of these.
 * A referral ("Weiterleitung") keeps the case where it is and may go to any agency (with consent).
 */
export const CASE_OWNING_AGENCIES: readonly AgencyKind[] = [
  'jobcenter',
  'agentur_fuer_arbeit',
  'sozialamt',
  'kreis',
];

export const HANDOVER_KINDS = ['case', 'referral', 'rechtskreiswechsel', 'exit'] as const;
export type HandoverKind = (typeof HANDOVER_KINDS)[number];

export function mayReceiveHandover(kind: HandoverKind, agencyKind: string): boolean {
  if (kind === 'referral') return true;
  return (CASE_OWNING_AGENCIES as readonly string[]).includes(agencyKind);
}

/** The German field message when the receiving agency cannot own the case. */
export function receiverRefusal(agencyKind: string): string {
  const label = AGENCY_LABELS[agencyKind as AgencyKind]?.de ?? 'Diese Stelle';
  return `${label} kann keinen Fall übernehmen – bitte Jobcenter, Agentur für Arbeit, Sozialamt oder Kreis wählen (oder als Weiterleitung senden).`;
}
