import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startTestProvider, type TestProvider } from '../support/oidc-provider';
import { launchBrowser, newPage, visible } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

// Single sign-on in the real browser: the login page offers the work account, the real OpenID provider
// (started here) asks for its login, and the browser comes back logged in.

let srv: TestServer;
let provider: TestProvider;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  const redirect = `http://127.0.0.1:${port}/api/auth/oidc/callback`;
  provider = await startTestProvider([redirect], {
    'sabine-sub': { email: 'sabine.sso@demo.lotse', name: 'Sabine Sommer', groups: ['lotse-ifk'] },
    'carla-sub': { email: 'carla.sso@demo.lotse', name: 'Carla Ohnerolle', groups: ['andere'] },
  });
  [srv, browser] = await Promise.all([
    startTestServer({
      clients: 30,
      port,
      env: {
        LOTSE_OIDC_ISSUER: provider.issuer,
        LOTSE_OIDC_CLIENT_ID: provider.clientId,
        LOTSE_OIDC_CLIENT_SECRET: provider.clientSecret,
        LOTSE_OIDC_REDIRECT_URI: redirect,
        LOTSE_OIDC_TENANT: 'demo-kreis',
        LOTSE_OIDC_ROLE_MAP: 'lotse-admin=admin,lotse-ifk=integrationsfachkraft',
        LOTSE_OIDC_AUTO_PROVISION_AGENCY: 'Jobcenter Kreis Herford',
      },
    }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
  await provider?.close();
});

async function throughProvider(page: import('playwright-core').Page, login: string) {
  await page.getByRole('link', { name: 'Mit Dienstkonto anmelden' }).click();
  // The provider's own pages: its login form, then its consent page.
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('beliebig');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click();
}

describe('single sign-on in Chromium', () => {
  it('shows "Mit Dienstkonto anmelden", goes through the provider and lands logged in', async () => {
    const { context, page, errors } = await newPage(browser, srv.url);
    try {
      await page.goto('/');
      await throughProvider(page, 'sabine-sub');
      await visible(page.getByTestId('user-menu'), 20_000);
      const me = await (await page.request.get('/api/auth/me')).json();
      expect(me.user).toMatchObject({ displayName: 'Sabine Sommer', role: 'integrationsfachkraft' });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('sends a user without a Lotse role back to the login page with a German message', async () => {
    const { context, page } = await newPage(browser, srv.url);
    try {
      await page.goto('/');
      await throughProvider(page, 'carla-sub');
      const alert = await visible(page.getByTestId('sso-error'), 20_000);
      expect(await alert.textContent()).toMatch(/nicht freigeschaltet/);
      expect((await page.request.get('/api/auth/me')).status()).toBe(401);
    } finally {
      await context.close();
    }
  });
});
