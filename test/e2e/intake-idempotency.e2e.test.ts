import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs, newPage, visible } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

// Issue 9 (finding 13): the answer to "Person anlegen" is lost on the way back; the front desk clicks
// again. The intake form sends one Idempotency-Key per intake, so the person exists once.

let srv: TestServer;
let browser: Browser;

beforeAll(async () => {
  [srv, browser] = await Promise.all([startTestServer({ clients: 20 }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

describe('intake sent twice', () => {
  it('creates the person once when the first answer is lost and the form is sent again', async () => {
    const { page, context } = await newPage(browser, srv.url);
    try {
      await loginAs(page, 'empfang@demo.lotse');
      let posts = 0;
      const keys: string[] = [];
      // The first POST reaches the server (the person is created), but its answer never reaches the page.
      await page.route('**/api/persons', async (route) => {
        if (route.request().method() !== 'POST') return route.fallback();
        posts++;
        keys.push(route.request().headers()['idempotency-key'] ?? '');
        if (posts === 1) {
          await route.fetch();
          return route.abort('connectionreset');
        }
        return route.fallback();
      });
      await page.locator('nav#main-nav').getByRole('link', { name: 'Neue Person aufnehmen' }).click();
      const form = await visible(page.getByTestId('intake-form'));
      await form.getByRole('textbox', { name: 'Vorname(n)' }).fill('Zainab');
      await form.getByRole('textbox', { name: 'Familienname' }).fill('Qasimova-Einmal');
      await form.getByRole('combobox', { name: 'Geschlecht' }).click();
      await page.getByRole('option', { name: 'weiblich', exact: true }).click();
      await form.getByRole('button', { name: 'Person anlegen' }).click();
      const warning = page.getByTestId('duplicate-warning');
      const heading = page.getByRole('heading', {
        level: 1,
        name: 'Aufnahme fortsetzen: Qasimova-Einmal, Zainab',
      });
      // Whatever the page shows after the lost answer, the front desk sends the form again.
      await page.waitForTimeout(500);
      if (await warning.isVisible())
        await warning.getByRole('button', { name: 'Trotzdem neu anlegen' }).click();
      else await form.getByRole('button', { name: 'Person anlegen' }).click();
      await visible(heading);
      expect(posts).toBe(2);
      expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
      expect(keys[1]).toBe(keys[0]);
      const found = (await (await page.request.get('/api/persons?q=Qasimova-Einmal')).json()) as {
        items: { familyName: string }[];
      };
      expect(found.items.filter((p) => p.familyName === 'Qasimova-Einmal')).toHaveLength(1);
    } finally {
      await context.close();
    }
  });
});
