import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs, newPage, seriousA11yViolations, visible } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

// Issue 15 (part): the coordinator opens the steering page, filters by women, the numbers change, and the
// CSV holds the same numbers as the table on the screen.

let srv: TestServer;
let browser: Browser;
beforeAll(async () => {
  [srv, browser] = await Promise.all([startTestServer({ clients: 300 }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

const cell = async (page: import('playwright-core').Page, id: string, col: number) =>
  (
    (await page
      .locator(`[data-testid="indicator-table"] tr[data-indicator="${id}"] td`)
      .nth(col)
      .textContent()) ?? ''
  ).trim();

describe('steering page', () => {
  it('filters, shows charts, and exports the numbers on the screen', async () => {
    const { context, page, errors } = await newPage(browser, srv.url);
    try {
      await loginAs(page, 'koordination@demo.lotse');
      await page.locator('nav#main-nav').getByRole('link', { name: 'Steuerung' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Steuerung' }));
      await visible(page.getByTestId('indicator-table'));
      const all = await cell(page, 'caseload', 1);
      await page.getByRole('combobox', { name: 'Geschlecht' }).click();
      await page.getByRole('option', { name: 'Frauen' }).click();
      await expect.poll(() => cell(page, 'caseload', 1), { timeout: 10_000 }).not.toBe(all);
      const women = await cell(page, 'caseload', 1);
      expect(Number(women.replace(/\D/g, ''))).toBeLessThan(Number(all.replace(/\D/g, '')));
      expect(await page.locator('figure svg').count()).toBeGreaterThan(0);
      expect(await seriousA11yViolations(page)).toEqual([]);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Tabelle als CSV' }).click(),
      ]);
      const text = readFileSync((await download.path()) as string, 'utf8');
      const line = text.split('\r\n').find((l) => l.startsWith('"Fälle im Integration Point"'));
      expect(line?.split(';')[1]).toBe(`"${women.replace(/\D/g, '')}"`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
