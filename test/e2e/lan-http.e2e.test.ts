import { networkInterfaces } from 'node:os';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, newPage, visible } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

// A county opens Lotse from another PC in its LAN over plain HTTP. Loopback is a "potentially
// trustworthy" origin for Chromium, so only a non-loopback address shows what such a PC sees: with
// `upgrade-insecure-requests` every script is rewritten to https:// and the page stays blank.

/** This machine's own first non-internal IPv4 address (never another host). */
function ownLanAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return undefined;
}

const address = ownLanAddress();
let srv: TestServer;
let browser: Browser;

beforeAll(async () => {
  [srv, browser] = await Promise.all([startTestServer({ clients: 20, host: '0.0.0.0' }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

it.skipIf(!address)('renders the login page over plain HTTP at the non-loopback address', async () => {
  const port = new URL(srv.url).port;
  const base = `http://${address}:${port}`;
  const { context, page, errors } = await newPage(browser, base);
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  const res = await page.goto('/');
  expect(res?.status()).toBe(200);
  await visible(page.getByRole('heading', { name: 'Anmeldung', level: 1 }));
  await visible(page.getByLabel('E-Mail-Adresse'));
  expect(res?.headers()['content-security-policy']).not.toContain('upgrade-insecure-requests');
  expect(failed).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
