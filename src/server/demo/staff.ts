import type { Role } from '../../domain/access/roles';

export interface DemoStaff {
  email: string;
  name: string;
  role: Role;
  agency: string;
  team: string | null;
  label: string;
  /** Printed at start-up: the logins of CONTRACTS §1. */
  printed: boolean;
}

const T_JC = 'IP Team Jobcenter';
const T_AA = 'IP Team Agentur';

export const DEMO_STAFF: DemoStaff[] = [
  {
    email: 'admin@demo.lotse',
    name: 'Andrea Admin',
    role: 'admin',
    agency: 'kreis',
    team: null,
    label: 'Administration',
    printed: true,
  },
  {
    email: 'empfang@demo.lotse',
    name: 'Elif Empfang',
    role: 'eingangszone',
    agency: 'kreis',
    team: null,
    label: 'Eingangszone',
    printed: true,
  },
  {
    email: 'fachkraft@demo.lotse',
    name: 'Frank Fachkraft',
    role: 'integrationsfachkraft',
    agency: 'jc',
    team: T_JC,
    label: 'Integrationsfachkraft, Jobcenter',
    printed: true,
  },
  {
    email: 'fachkraft-aa@demo.lotse',
    name: 'Amira Arbeitsagentur',
    role: 'integrationsfachkraft',
    agency: 'aa',
    team: T_AA,
    label: 'Integrationsfachkraft, Agentur für Arbeit',
    printed: true,
  },
  {
    email: 'sprache@demo.lotse',
    name: 'Sven Sprache',
    role: 'sprachberatung',
    agency: 'jc',
    team: T_JC,
    label: 'Sprachberatung',
    printed: true,
  },
  {
    email: 'ags@demo.lotse',
    name: 'Greta Arbeitgeberservice',
    role: 'arbeitgeberservice',
    agency: 'aa',
    team: T_AA,
    label: 'Arbeitgeberservice',
    printed: true,
  },
  {
    email: 'koordination@demo.lotse',
    name: 'Konrad Koordination',
    role: 'koordination',
    agency: 'kreis',
    team: null,
    label: 'Koordination',
    printed: true,
  },
  {
    email: 'sozialamt@demo.lotse',
    name: 'Sabine Sozialamt',
    role: 'partner',
    agency: 'sozialamt',
    team: null,
    label: 'Partner, Sozialamt',
    printed: true,
  },
  // Further advisors so that caseloads look like an IP's (Warendorf: 24 staff).
  {
    email: 'jc.berater1@demo.lotse',
    name: 'Jonas Brinkmann',
    role: 'integrationsfachkraft',
    agency: 'jc',
    team: T_JC,
    label: 'Integrationsfachkraft, Jobcenter',
    printed: false,
  },
  {
    email: 'jc.berater2@demo.lotse',
    name: 'Leyla Yilmaz',
    role: 'integrationsfachkraft',
    agency: 'jc',
    team: T_JC,
    label: 'Integrationsfachkraft, Jobcenter',
    printed: false,
  },
  {
    email: 'jc.berater3@demo.lotse',
    name: 'Marta Kowalski',
    role: 'integrationsfachkraft',
    agency: 'jc',
    team: T_JC,
    label: 'Integrationsfachkraft, Jobcenter',
    printed: false,
  },
  {
    email: 'aa.berater1@demo.lotse',
    name: 'Tobias Meier',
    role: 'integrationsfachkraft',
    agency: 'aa',
    team: T_AA,
    label: 'Integrationsfachkraft, Agentur für Arbeit',
    printed: false,
  },
  {
    email: 'aa.berater2@demo.lotse',
    name: 'Nadia Haddad',
    role: 'integrationsfachkraft',
    agency: 'aa',
    team: T_AA,
    label: 'Integrationsfachkraft, Agentur für Arbeit',
    printed: false,
  },
  {
    email: 'abh@demo.lotse',
    name: 'Paul Ausländerbehörde',
    role: 'partner',
    agency: 'abh',
    team: null,
    label: 'Partner, Ausländerbehörde',
    printed: false,
  },
];
