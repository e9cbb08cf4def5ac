import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env';
import { buildApp, type LotseApp, VERSION } from '../../src/server/app';
import { describeEachDb } from '../support/databases';
import { makeTenant, type TestTenant } from '../support/factories';
import { startTestProvider, type TestProvider } from '../support/oidc-provider';

const REDIRECT = 'http://127.0.0.1:9/api/auth/oidc/callback';

/**
 * Plays the browser against the real provider: follows redirects with a cookie jar and submits the
 * provider's login and consent forms, until the provider sends it back to Lotse's callback.
 */
async function throughProvider(authUrl: string, login: string): Promise<string> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  let url = authUrl;
  let init: RequestInit = {};
  for (let step = 0; step < 20; step++) {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...init.headers, cookie: cookieHeader() },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url).href;
      if (next.startsWith(REDIRECT)) return next.slice(REDIRECT.length);
      url = next;
      init = {};
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`provider page without form: ${html.slice(0, 300)}`);
    const fields = new URLSearchParams();
    for (const m of html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g))
      fields.set(m[1] ?? '', m[2] ?? '');
    if (html.includes('name="login"')) {
      fields.set('login', login);
      fields.set('password', 'egal');
    }
    url = new URL(action, url).href;
    init = {
      method: 'POST',
      body: fields.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    };
  }
  throw new Error('provider did not send the browser back');
}

describeEachDb('single sign-on with OpenID Connect against a real provider', (env) => {
  let provider: TestProvider;
  let app: LotseApp;
  let t: TestTenant;
  const slug = `sso-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    provider = await startTestProvider([REDIRECT], {
      'anna-sub': { email: `anna.${slug}@kreis.test`, name: 'Anna Admin', groups: ['lotse-admin'] },
      'ben-sub': { email: `ben.${slug}@kreis.test`, name: 'Ben Neu', groups: ['lotse-ifk'] },
      'carla-sub': { email: `carla.${slug}@kreis.test`, name: 'Carla', groups: ['andere-gruppe'] },
    });
    const { db, kind } = env().database;
    t = await makeTenant(db);
    const tenant = await db
      .selectFrom('tenant')
      .select('slug')
      .where('id', '=', t.tenantId)
      .executeTakeFirstOrThrow();
    // Anna exists and is linked to her subject at the provider; Ben and Carla are unknown.
    await db
      .updateTable('app_user')
      .set({ identity_provider: provider.issuer, external_subject: 'anna-sub', password_hash: null })
      .where('id', '=', t.users.eingangszone.id)
      .execute();
    app = await buildApp({ db, dbKind: kind, config: oidcConfig(tenant.slug), version: VERSION });
  });
  /** The app's configuration for the test provider; `extra` adds or overrides variables. */
  const oidcConfig = (tenantSlug: string, extra: Record<string, string> = {}) =>
    loadConfig({
      LOTSE_LOG_LEVEL: 'silent',
      LOTSE_DATA_DIR: `/tmp/unused-${randomUUID()}`,
      LOTSE_OIDC_ISSUER: provider.issuer,
      LOTSE_OIDC_CLIENT_ID: provider.clientId,
      LOTSE_OIDC_CLIENT_SECRET: provider.clientSecret,
      LOTSE_OIDC_REDIRECT_URI: REDIRECT,
      LOTSE_OIDC_TENANT: tenantSlug,
      LOTSE_OIDC_ROLE_CLAIM: 'groups',
      LOTSE_OIDC_ROLE_MAP: 'lotse-admin=admin,lotse-ifk=integrationsfachkraft',
      ...extra,
    });

  afterAll(async () => {
    await app?.close();
    await provider?.close();
  });

  const ssoLogin = async (login: string, via = () => app) => {
    const start = await via().inject({ method: 'GET', url: '/api/auth/oidc/start' });
    expect(start.statusCode).toBe(302);
    const auth = new URL(start.headers.location as string);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('state')).toBeTruthy();
    expect(auth.searchParams.get('nonce')).toBeTruthy();
    const back = await throughProvider(auth.href, login);
    return via().inject({ method: 'GET', url: `/api/auth/oidc/callback${back}` });
  };

  it('logs a linked user in through createSession, with the role from the claims', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/auth/oidc' })).json()).toEqual({ enabled: true });
    const res = await ssoLogin('anna-sub');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/');
    const cookie = res.cookies.find((c) => c.name === 'lotse_session');
    expect(cookie?.httpOnly).toBe(true);
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `lotse_session=${cookie?.value}` },
    });
    expect(me.statusCode).toBe(200);
    // The provider says admin: the role follows the claims.
    expect(me.json().user).toMatchObject({ id: t.users.eingangszone.id, role: 'admin' });
  });

  it('refuses an unknown user (no auto-provisioning) and a user whose claims map to no role', async () => {
    for (const login of ['ben-sub', 'carla-sub']) {
      const res = await ssoLogin(login);
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/login?sso=abgelehnt');
      expect(res.cookies.find((c) => c.name === 'lotse_session')).toBeUndefined();
    }
    const denied = await env()
      .database.db.selectFrom('audit_log')
      .select('details')
      .where('tenant_id', '=', t.tenantId)
      .where('action', '=', 'login')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.map((d) => (d.details as { reason: string }).reason).sort()).toEqual([
      'no_role',
      'unknown_user',
    ]);
  });

  it('refuses a replayed or forged state', async () => {
    const start = await app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    const back = await throughProvider(start.headers.location as string, 'anna-sub');
    expect(
      (await app.inject({ method: 'GET', url: `/api/auth/oidc/callback${back}` })).headers.location,
    ).toBe('/');
    const replay = await app.inject({ method: 'GET', url: `/api/auth/oidc/callback${back}` });
    expect(replay.headers.location).toBe('/login?sso=abgelehnt');
    const forged = await app.inject({ method: 'GET', url: '/api/auth/oidc/callback?code=x&state=erfunden' });
    expect(forged.headers.location).toBe('/login?sso=abgelehnt');
  });

  it('creates an unknown user when auto-provisioning is configured', async () => {
    const { db, kind } = env().database;
    const tenant = await db
      .selectFrom('tenant')
      .select('slug')
      .where('id', '=', t.tenantId)
      .executeTakeFirstOrThrow();
    const agency = await db
      .selectFrom('agency')
      .select('name')
      .where('id', '=', t.agencies.jobcenter)
      .executeTakeFirstOrThrow();
    const config = oidcConfig(tenant.slug, { LOTSE_OIDC_AUTO_PROVISION_AGENCY: agency.name });
    const provisioning = await buildApp({ db, dbKind: kind, config, version: VERSION });
    try {
      const res = await ssoLogin('ben-sub', () => provisioning);
      expect(res.headers.location).toBe('/');
      const ben = await db
        .selectFrom('app_user')
        .select(['role', 'agency_id', 'password_hash', 'external_subject'])
        .where('tenant_id', '=', t.tenantId)
        .where('external_subject', '=', 'ben-sub')
        .executeTakeFirstOrThrow();
      expect(ben).toEqual({
        role: 'integrationsfachkraft',
        agency_id: t.agencies.jobcenter,
        password_hash: null,
        external_subject: 'ben-sub',
      });
    } finally {
      await provisioning.close();
    }
  });
});
