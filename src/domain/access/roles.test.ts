import { describe, expect, it } from 'vitest';
import { actorMay, permissionsOf } from './roles';

describe('permissions narrowed by agency kind', () => {
  it.each([
    ['partner', 'bildungstraeger', 'courses:manage', true],
    ['partner', 'bildungstraeger', 'courses:read', true],
    ['partner', 'sozialamt', 'courses:manage', false],
    ['partner', 'sozialamt', 'courses:read', false],
    ['partner', 'sozialamt', 'person:read', true],
    ['partner', 'sozialamt', 'person:search', true],
    // The course provider's person search was always empty: it works from its class lists instead.
    ['partner', 'bildungstraeger', 'person:search', false],
    ['admin', 'kreis', 'audit:search', true],
    ['koordination', 'kreis', 'audit:search', false],
    ['integrationsfachkraft', 'jobcenter', 'audit:search', false],
    ['partner', 'ehrenamt', 'courses:read', false],
    ['koordination', 'kreis', 'courses:manage', true],
    ['koordination', 'kreis', 'handover:manage', true],
    ['admin', 'kreis', 'rules:evaluate', true],
    ['admin', 'kreis', 'person:read', false],
  ] as const)('%s of a %s agency: %s → %s', (role, agencyKind, permission, expected) => {
    expect(actorMay({ role, agencyKind }, permission)).toBe(expected);
    expect(permissionsOf(role, agencyKind).includes(permission)).toBe(expected);
  });
});
