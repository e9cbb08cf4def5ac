import type { Kysely } from 'kysely';
import * as client from 'openid-client';
import type { OidcConfig } from '../../../config/env';
import type { DB } from '../../../db/schema';
import { crossTenant } from '../../../db/tenant-guard';
import { parseRoleMap, roleFromClaims } from '../../../domain/access/claim-roles';
import { writeAudit } from '../audit/audit-writer';
import { type LoginMeta, startSession } from './service';
import { forgetSessions, type SessionPolicy } from './sessions';

const LOGIN_MINUTES = 10;

/** Why a single sign-on was refused: audited, never shown in detail to the browser. */
export class OidcRefused extends Error {
  constructor(readonly reason: string) {
    super(`single sign-on refused: ${reason}`);
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

// One discovery per issuer and process: the provider's metadata and keys, fetched on first use.
const discovered = new Map<string, Promise<client.Configuration>>();
function providerConfig(c: OidcConfig): Promise<client.Configuration> {
  const key = `${c.issuer} ${c.clientId}`;
  let p = discovered.get(key);
  if (!p) {
    // Plain http only for a provider on this machine (development, tests); anything else needs TLS.
    const insecure = new URL(c.issuer).protocol === 'http:' && LOOPBACK.has(new URL(c.issuer).hostname);
    p = client.discovery(
      new URL(c.issuer),
      c.clientId,
      c.clientSecret,
      undefined,
      insecure ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    p.catch(() => discovered.delete(key));
    discovered.set(key, p);
  }
  return p;
}

/**
 * Starts the authorization code flow with PKCE (S256), state and nonce. All three stay on the server
 * (oidc_login), keyed by the state; the browser only carries the state through the provider.
 */
export async function startOidcLogin(db: Kysely<DB>, c: OidcConfig): Promise<URL> {
  const config = await providerConfig(c);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  await db.deleteFrom('oidc_login').where('expires_at', '<', new Date()).execute();
  await db
    .insertInto('oidc_login')
    .values({
      state,
      provider: c.issuer,
      nonce,
      code_verifier: verifier,
      expires_at: new Date(Date.now() + LOGIN_MINUTES * 60_000),
    })
    .execute();
  return client.buildAuthorizationUrl(config, {
    redirect_uri: c.redirectUri,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
}

/**
 * The provider sent the browser back: the state is used up (one-time), the code exchanged with the
 * PKCE verifier, the ID token's signature, issuer, audience and nonce checked by openid-client. The
 * subject is looked up in app_user (identity_provider, external_subject); the role comes from the
 * claims every time, so a change at the provider takes effect at the next login.
 */
export async function finishOidcLogin(
  db: Kysely<DB>,
  c: OidcConfig,
  query: string,
  policy: SessionPolicy,
  meta: LoginMeta,
) {
  const currentUrl = new URL(`${c.redirectUri}${query.startsWith('?') ? query : `?${query}`}`);
  const state = currentUrl.searchParams.get('state');
  if (!state) throw new OidcRefused('no_state');
  const pending = await db
    .deleteFrom('oidc_login')
    .where('state', '=', state)
    .where('provider', '=', c.issuer)
    .returningAll()
    .executeTakeFirst();
  if (!pending || new Date(pending.expires_at).getTime() < Date.now()) throw new OidcRefused('unknown_state');
  const config = await providerConfig(c);
  let claims: Record<string, unknown>;
  try {
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: pending.code_verifier,
      expectedState: state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    claims = { ...(tokens.claims() ?? {}) };
  } catch (e) {
    throw new OidcRefused(`token: ${e instanceof Error ? e.message : 'error'}`);
  }
  const sub = typeof claims.sub === 'string' ? claims.sub : null;
  if (!sub) throw new OidcRefused('no_subject');
  const tenant = await db.selectFrom('tenant').select('id').where('slug', '=', c.tenant).executeTakeFirst();
  if (!tenant) throw new OidcRefused('unknown_tenant');
  const refuse = async (reason: string, userId: string | null = null): Promise<never> => {
    await writeAudit(
      db,
      null,
      {
        tenantId: tenant.id,
        action: 'login',
        entity: 'app_user',
        entityId: userId,
        outcome: 'denied',
        details: { method: 'oidc', reason, subject: sub },
      },
      meta.requestId,
    );
    throw new OidcRefused(reason);
  };
  const role = roleFromClaims(claims, parseRoleMap(c.roleClaim, c.roleMap));
  let user = await db
    .selectFrom('app_user')
    .selectAll()
    .where('tenant_id', '=', tenant.id)
    .where('identity_provider', '=', c.issuer)
    .where('external_subject', '=', sub)
    .executeTakeFirst();
  if (!role) return refuse('no_role', user?.id ?? null);
  if (!user) user = await provision(db, c, tenant.id, sub, role, claims, refuse);
  if (user.disabled_at) return refuse('disabled', user.id);
  if (user.role !== role) {
    await db
      .updateTable('app_user')
      .set({ role, updated_at: new Date() })
      .where('tenant_id', '=', tenant.id)
      .where('id', '=', user.id)
      .execute();
    // The user's other sessions carry the old role in the session cache: read them afresh.
    forgetSessions(user.id);
    user = { ...user, role };
  }
  return startSession(db, user, policy, meta, 'oidc');
}

/** A subject the region does not know: created only when an agency for new accounts is configured. */
async function provision(
  db: Kysely<DB>,
  c: OidcConfig,
  tenantId: string,
  sub: string,
  role: string,
  claims: Record<string, unknown>,
  refuse: (reason: string) => Promise<never>,
) {
  if (!c.autoProvisionAgency) return refuse('unknown_user');
  const agency = await db
    .selectFrom('agency')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('name', '=', c.autoProvisionAgency)
    .executeTakeFirst();
  if (!agency) return refuse('unknown_agency');
  const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : null;
  if (!email) return refuse('no_email');
  // Never link to an existing account by e-mail: whoever controls an address at the provider
  // would take over the local account. An administrator links accounts explicitly.
  const taken = await db
    .selectFrom('app_user')
    .select('id')
    .where(({ fn }) => fn('lower', ['email']), '=', email)
    .modifyEnd(crossTenant('e-mail uniqueness across regions'))
    .executeTakeFirst();
  if (taken) return refuse('email_taken');
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email;
  const created = await db
    .insertInto('app_user')
    .values({
      tenant_id: tenantId,
      agency_id: agency.id,
      email,
      display_name: name.slice(0, 120),
      role,
      password_hash: null,
      identity_provider: c.issuer,
      external_subject: sub,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeAudit(db, null, {
    tenantId,
    action: 'create',
    entity: 'app_user',
    entityId: created.id,
    details: { method: 'oidc', role },
  });
  return created;
}
