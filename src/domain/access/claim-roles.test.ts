import { describe, expect, it } from 'vitest';
import { parseRoleMap, roleFromClaims } from './claim-roles';

describe('roles from identity-provider claims', () => {
  const keycloak = parseRoleMap('realm_access.roles', 'lotse-admin=admin, lotse-ifk=integrationsfachkraft');
  it('reads a nested list claim (Keycloak realm roles); the first listed mapping wins', () => {
    expect(roleFromClaims({ realm_access: { roles: ['offline', 'lotse-ifk'] } }, keycloak)).toBe(
      'integrationsfachkraft',
    );
    expect(roleFromClaims({ realm_access: { roles: ['lotse-ifk', 'lotse-admin'] } }, keycloak)).toBe('admin');
  });
  it('reads a string claim and Entra ID app roles', () => {
    const entra = parseRoleMap('roles', 'Lotse.Eingangszone=eingangszone');
    expect(roleFromClaims({ roles: ['Lotse.Eingangszone'] }, entra)).toBe('eingangszone');
    expect(roleFromClaims({ roles: 'Lotse.Eingangszone' }, entra)).toBe('eingangszone');
  });
  it('gives no role for no match, a missing claim or a claim of the wrong shape', () => {
    expect(roleFromClaims({ realm_access: { roles: ['andere'] } }, keycloak)).toBeNull();
    expect(roleFromClaims({}, keycloak)).toBeNull();
    expect(roleFromClaims({ realm_access: 'lotse-admin' }, keycloak)).toBeNull();
  });
  it('refuses a map with an unknown role', () => {
    expect(() => parseRoleMap('groups', 'chefs=chef')).toThrow(/known role/);
  });
});
