import { isRole, type Role } from './roles';

/**
 * Maps an identity provider's claim to a Lotse role. Keycloak puts groups into `groups` or roles into
 * `realm_access.roles`, Entra ID app roles into `roles`: the claim is a dotted path, its value a
 * string or a list. The map is ordered: the first entry whose value the user has wins, so an operator
 * lists the stronger role first. No match → no role → no login.
 */
export interface ClaimRoleMap {
  claim: string;
  entries: { value: string; role: Role }[];
}

/** Parses "lotse-admin=admin,lotse-ifk=integrationsfachkraft"; throws on an unknown role. */
export function parseRoleMap(claim: string, spec: string): ClaimRoleMap {
  const entries = spec
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '')
    .map((e) => {
      const i = e.lastIndexOf('=');
      const value = e.slice(0, i).trim();
      const role = e.slice(i + 1).trim();
      if (i <= 0 || !isRole(role)) throw new Error(`"${e}" is not claim-value=role with a known role`);
      return { value, role };
    });
  return { claim, entries };
}

function claimAt(claims: Record<string, unknown>, path: string): unknown {
  let v: unknown = claims;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

export function roleFromClaims(claims: Record<string, unknown>, map: ClaimRoleMap): Role | null {
  const raw = claimAt(claims, map.claim);
  const values = new Set(
    (Array.isArray(raw) ? raw : [raw]).filter((x): x is string => typeof x === 'string'),
  );
  return map.entries.find((e) => values.has(e.value))?.role ?? null;
}
