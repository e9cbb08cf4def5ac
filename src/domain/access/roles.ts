// Roles as permission maps plus a record scope (DESIGN.md, after Primero): what a role may do,
// and over which records. The server checks these; the web app only uses them to hide buttons.

export const ROLES = [
  'eingangszone',
  'integrationsfachkraft',
  'sprachberatung',
  'arbeitgeberservice',
  'koordination',
  'partner',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'person:create',
  'person:read',
  'person:update',
  'person:search',
  'person:read_health',
  'person:export',
  'person:merge',
  'consent:manage',
  'handover:manage',
  'audit:read',
  // The audit viewer across all persons and users (data-protection control): the administration only.
  'audit:search',
  'user:admin',
  'rules:evaluate',
  'rules:impact',
  'law:edit',
  'allocation:run',
  'courses:read',
  'reports:read',
  // Language path (issue 5): record placement results and waitlist entries; manage the course catalogue
  // (a provider — role partner of a Bildungsträger — only its own courses, checked in the service).
  'language:record',
  'courses:manage',
  // The measures catalogue (Förderkompass, issue 13): coordination keeps it for all agencies.
  'measures:manage',
  // The work side (issue 14): employers, vacancies, matching and placements. Reading them is for the IP's
  // staff; managing them (and the competence profile) for the employer service and the advisors.
  'work:read',
  'work:manage',
  // Steering (issue 15): the dashboard (its view follows from the record scope: own caseload, or the region with
  // small cells hidden), the persons behind a number, and the county's targets.
  'reports:dashboard',
  'reports:drilldown',
  'reports:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** own: cases the user owns; team: the user's team; agency: the user's agency; tenant: the whole region. */
export type RecordScope = 'none' | 'own' | 'team' | 'agency' | 'tenant' | 'consent';

export interface RoleDefinition {
  permissions: readonly Permission[];
  scope: RecordScope;
  label: { de: string; en: string };
}

export const ROLE_DEFINITIONS: Record<Role, RoleDefinition> = {
  eingangszone: {
    // The front desk must see the whole region to find duplicates before creating a record.
    permissions: [
      'person:create',
      'person:read',
      'person:update',
      'person:search',
      'consent:manage',
      'handover:manage',
      'rules:evaluate',
    ],
    scope: 'tenant',
    label: { de: 'Eingangszone', en: 'Front desk' },
  },
  integrationsfachkraft: {
    permissions: [
      'person:create',
      'person:read',
      'person:update',
      'person:search',
      'person:read_health',
      'person:export',
      'person:merge',
      'consent:manage',
      'handover:manage',
      'audit:read',
      'rules:evaluate',
      'courses:read',
      'language:record',
      'work:read',
      'work:manage',
      'reports:dashboard',
      'reports:drilldown',
    ],
    scope: 'team',
    label: { de: 'Integrationsfachkraft', en: 'Integration advisor' },
  },
  sprachberatung: {
    permissions: [
      'person:read',
      'person:search',
      'rules:evaluate',
      'allocation:run',
      'courses:read',
      'courses:manage',
      'language:record',
    ],
    scope: 'tenant',
    label: { de: 'Sprachberatung', en: 'Language advice' },
  },
  arbeitgeberservice: {
    permissions: ['person:read', 'person:search', 'courses:read', 'work:read', 'work:manage'],
    scope: 'agency',
    label: { de: 'Arbeitgeberservice', en: 'Employer service' },
  },
  koordination: {
    permissions: [
      'person:read',
      'person:search',
      // Coordinators steer the exits after the maximum stay and step in on stuck handovers.
      'handover:manage',
      'rules:evaluate',
      'rules:impact',
      'reports:read',
      'courses:read',
      'courses:manage',
      'measures:manage',
      'audit:read',
      'work:read',
      'reports:dashboard',
      'reports:drilldown',
      'reports:manage',
    ],
    scope: 'tenant',
    label: { de: 'Koordination', en: 'Coordination' },
  },
  partner: {
    // Partner agencies ("virtual support") see a person only through a valid consent for their agency.
    // Course providers (partners of a Bildungsträger) see and manage only their own courses and participants;
    // other partner agencies are refused by the language services.
    // Partner agencies in the steering group see the county's dashboard with small cells hidden, no persons.
    permissions: ['person:read', 'person:search', 'courses:read', 'courses:manage', 'reports:dashboard'],
    scope: 'consent',
    label: { de: 'Partner', en: 'Partner agency' },
  },
  admin: {
    // rules:evaluate lets the law page show the data in force; it reads no person.
    permissions: ['user:admin', 'audit:read', 'audit:search', 'law:edit', 'rules:evaluate'],
    scope: 'none',
    label: { de: 'Administration', en: 'Administration' },
  },
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_DEFINITIONS[role].permissions.includes(permission);
}

/** Permissions only a course provider's partner login has; other partner agencies never see courses. */
const PROVIDER_ONLY: readonly Permission[] = ['courses:read', 'courses:manage'];

/** A course provider logs in as role partner of its Bildungsträger agency. */
export function isCourseProvider(actor: { role: Role; agencyKind: string }): boolean {
  return actor.role === 'partner' && actor.agencyKind === 'bildungstraeger';
}

/**
 * What a user may do: the role's map, narrowed by the kind of agency for partners (a Sozialamt partner
 * is not a course provider). Kept here so the server check and the web app's navigation agree.
 */
export function permissionsOf(role: Role, agencyKind: string): Permission[] {
  const all = ROLE_DEFINITIONS[role].permissions;
  if (role === 'partner' && !isCourseProvider({ role, agencyKind }))
    return all.filter((p) => !PROVIDER_ONLY.includes(p));
  // A course provider finds its participants in its courses' class lists; a person search over consents
  // it never holds was always empty — a dead end, so it has none.
  if (isCourseProvider({ role, agencyKind })) return all.filter((p) => p !== 'person:search');
  return [...all];
}

export function actorMay(actor: { role: Role; agencyKind: string }, permission: Permission): boolean {
  return permissionsOf(actor.role, actor.agencyKind).includes(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
