import type { Permission, Role } from '../../domain/access/roles';

export interface NavItem {
  to: string;
  labelKey: string;
  /** Shown only when the user's role has this permission (the server checks again). */
  permission?: Permission;
  roles?: readonly Role[];
  end?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.start', end: true },
  { to: '/personen', labelKey: 'nav.search', permission: 'person:search', end: true },
  { to: '/personen/neu', labelKey: 'nav.newPerson', permission: 'person:create' },
  // Issue 12: the clean-up after importing lists.
  { to: '/personen/dubletten', labelKey: 'nav.duplicateReview', permission: 'person:merge' },
  // Issue 13: one inbox of deadlines and tasks for everyone who works on cases.
  {
    to: '/aufgaben',
    labelKey: 'nav.tasks',
    permission: 'person:search',
    roles: [
      'eingangszone',
      'integrationsfachkraft',
      'sprachberatung',
      'arbeitgeberservice',
      'koordination',
      'partner',
    ],
  },
  {
    to: '/termine',
    labelKey: 'nav.appointments',
    permission: 'person:read',
    roles: ['eingangszone', 'integrationsfachkraft', 'sprachberatung', 'arbeitgeberservice', 'koordination'],
  },
  {
    to: '/massnahmen',
    labelKey: 'nav.measures',
    permission: 'person:read',
    roles: ['integrationsfachkraft', 'sprachberatung', 'arbeitgeberservice', 'koordination'],
  },
  // Issue 14: the work side — vacancies with matching, and the employers behind them.
  { to: '/arbeit/stellen', labelKey: 'nav.vacancies', permission: 'work:read' },
  { to: '/arbeit/arbeitgeber', labelKey: 'nav.employers', permission: 'work:read' },
  { to: '/arbeit/veranstaltungen', labelKey: 'nav.workEvents', permission: 'work:read' },
  {
    to: '/fallbesprechungen',
    labelKey: 'nav.conferences',
    permission: 'person:search',
    roles: ['integrationsfachkraft', 'sprachberatung', 'koordination', 'partner'],
  },
  {
    to: '/partner',
    labelKey: 'nav.partners',
    roles: ['eingangszone', 'integrationsfachkraft', 'sprachberatung', 'arbeitgeberservice', 'koordination'],
  },
  { to: '/uebergaben', labelKey: 'nav.handovers', permission: 'handover:manage', end: true },
  { to: '/uebergaben/austritte', labelKey: 'nav.exits', permission: 'handover:manage' },
  { to: '/koordination/rechtsaenderung', labelKey: 'nav.impact', permission: 'rules:impact' },
  { to: '/regeln/pruefen', labelKey: 'nav.rulesCheck', permission: 'rules:evaluate' },
  // Language path (issue 5): labels in src/web/features/language/i18n. Providers (role partner) see "Meine Kurse".
  { to: '/sprache/zuteilung', labelKey: 'nav.allocation', permission: 'allocation:run' },
  {
    to: '/kurse',
    labelKey: 'nav.courses',
    permission: 'courses:read',
    roles: ['integrationsfachkraft', 'sprachberatung', 'arbeitgeberservice', 'koordination'],
  },
  { to: '/kurse', labelKey: 'nav.myCourses', permission: 'courses:manage', roles: ['partner'] },
  { to: '/sprache/import', labelKey: 'nav.courseImport', permission: 'courses:manage' },
  {
    to: '/sprache/planung',
    labelKey: 'nav.planning',
    permission: 'courses:read',
    roles: ['sprachberatung', 'koordination', 'partner'],
  },
  { to: '/sprache/fortschritt', labelKey: 'nav.progress', permission: 'reports:read' },
  { to: '/steuerung', labelKey: 'nav.steering', permission: 'reports:dashboard', end: true },
  { to: '/steuerung/bericht', labelKey: 'nav.steeringReport', permission: 'reports:read' },
  { to: '/verwaltung/benutzer', labelKey: 'nav.users', permission: 'user:admin' },
  { to: '/verwaltung/loeschfristen', labelKey: 'nav.retention', permission: 'user:admin' },
  { to: '/verwaltung/rechtsdaten', labelKey: 'nav.law', permission: 'law:edit' },
  { to: '/verwaltung/protokoll', labelKey: 'nav.audit', permission: 'audit:search' },
];

export function navFor(role: Role, permissions: readonly string[]): NavItem[] {
  return (
    NAV_ITEMS.filter(
      (i) => (!i.permission || permissions.includes(i.permission)) && (!i.roles || i.roles.includes(role)),
    )
      // The administration's start page is the user administration itself: one entry, not two.
      .filter((i) => !(role === 'admin' && i.to === '/'))
      .map((i) => (i.to === '/' && role === 'integrationsfachkraft' ? { ...i, labelKey: 'nav.myCases' } : i))
  );
}
