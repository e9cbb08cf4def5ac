export const AGENCY_KINDS = [
  'agentur_fuer_arbeit',
  'jobcenter',
  'sozialamt',
  'auslaenderbehoerde',
  'kreis',
  'jugendamt',
  'bildungstraeger',
  'arbeitgeber',
  'ehrenamt',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const AGENCY_LABELS: Record<AgencyKind, { de: string; en: string }> = {
  agentur_fuer_arbeit: { de: 'Agentur für Arbeit', en: 'Employment agency (SGB III)' },
  jobcenter: { de: 'Jobcenter', en: 'Jobcenter (SGB II)' },
  sozialamt: { de: 'Sozialamt / AsylbLG-Stelle', en: 'Social welfare office (AsylbLG)' },
  auslaenderbehoerde: { de: 'Ausländerbehörde', en: 'Immigration office' },
  kreis: { de: 'Kreis / Kommunales Integrationszentrum', en: 'County / municipal integration centre' },
  jugendamt: { de: 'Jugendamt', en: 'Youth welfare office' },
  bildungstraeger: { de: 'Bildungsträger', en: 'Education provider' },
  arbeitgeber: { de: 'Arbeitgeber', en: 'Employer' },
  ehrenamt: { de: 'Ehrenamt', en: 'Volunteers' },
};

/**
 * Agencies of the Integration Point itself: they share the case under §§67d, 69 SGB X for their legal
 * tasks. Everybody else (Sozialamt, ABH, Jugendamt, providers, employers, volunteers) needs consent.
 */
export const IP_CORE_AGENCIES: readonly AgencyKind[] = ['agentur_fuer_arbeit', 'jobcenter', 'kreis'];

export function isAgencyKind(v: string): v is AgencyKind {
  return (AGENCY_KINDS as readonly string[]).includes(v);
}
