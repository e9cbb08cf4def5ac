import type { AgencyKind } from '../../domain/access/agencies';

// A county of the Herford scale (DOMAIN.md §1): the nine towns of Kreis Herford with real coordinates
// and municipal keys (AGS), one Integration Point in Herford and satellite offices in the larger towns.
export const DEMO_TENANT = { slug: 'demo-kreis', name: 'Kreis Herford (Demo)' };

export const DEMO_MUNICIPALITIES = [
  { name: 'Herford', ags: '05758012', lat: 52.1146, lon: 8.6734, weight: 30 },
  { name: 'Bünde', ags: '05758004', lat: 52.2005, lon: 8.5836, weight: 17 },
  { name: 'Löhne', ags: '05758024', lat: 52.1966, lon: 8.7136, weight: 15 },
  { name: 'Enger', ags: '05758008', lat: 52.1406, lon: 8.5584, weight: 7 },
  { name: 'Hiddenhausen', ags: '05758016', lat: 52.1647, lon: 8.6211, weight: 7 },
  { name: 'Kirchlengern', ags: '05758020', lat: 52.2007, lon: 8.6338, weight: 6 },
  { name: 'Spenge', ags: '05758032', lat: 52.1395, lon: 8.4839, weight: 6 },
  { name: 'Vlotho', ags: '05758036', lat: 52.1656, lon: 8.8594, weight: 8 },
  { name: 'Rödinghausen', ags: '05758028', lat: 52.2547, lon: 8.4814, weight: 4 },
] as const;

export const DEMO_OFFICES = [
  { name: 'Integration Point Herford', municipality: 'Herford', kind: 'main' as const },
  { name: 'Außenstelle Bünde', municipality: 'Bünde', kind: 'satellite' as const },
  { name: 'Außenstelle Löhne', municipality: 'Löhne', kind: 'satellite' as const },
  { name: 'Außenstelle Vlotho', municipality: 'Vlotho', kind: 'satellite' as const },
];

export const DEMO_AGENCIES: { key: string; kind: AgencyKind; name: string }[] = [
  { key: 'aa', kind: 'agentur_fuer_arbeit', name: 'Agentur für Arbeit Herford' },
  { key: 'jc', kind: 'jobcenter', name: 'Jobcenter Kreis Herford' },
  { key: 'kreis', kind: 'kreis', name: 'Kreis Herford – Kommunales Integrationszentrum' },
  { key: 'sozialamt', kind: 'sozialamt', name: 'Sozialamt Kreis Herford (AsylbLG)' },
  { key: 'abh', kind: 'auslaenderbehoerde', name: 'Ausländerbehörde Kreis Herford' },
  { key: 'jugendamt', kind: 'jugendamt', name: 'Jugendamt Kreis Herford' },
  { key: 'traeger', kind: 'bildungstraeger', name: 'Sprachschule Ravensberg gGmbH' },
  { key: 'arbeitgeber', kind: 'arbeitgeber', name: 'Möbelwerk Bünde GmbH' },
  { key: 'ehrenamt', kind: 'ehrenamt', name: 'Flüchtlingshilfe Herford e. V.' },
];
