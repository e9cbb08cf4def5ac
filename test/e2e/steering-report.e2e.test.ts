import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs, newPage, seriousA11yViolations, visible } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

// Issue 15: the coordinator opens the monthly report of the steering group, sees its charts and the
// forecast, changes the scenario, prints the page and downloads the PDF the server prints with Chromium.

let srv: TestServer;
let browser: Browser;
beforeAll(async () => {
  [srv, browser] = await Promise.all([startTestServer({ clients: 300 }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

describe('monthly steering report', () => {
  it('shows indicators, charts and forecast, passes axe, prints, and downloads the PDF', async () => {
    const { context, page, errors } = await newPage(browser, srv.url);
    try {
      await loginAs(page, 'koordination@demo.lotse');
      await page.locator('nav#main-nav').getByRole('link', { name: 'Monatsbericht' }).click();
      await visible(page.getByRole('heading', { level: 1, name: /^Monatsbericht / }));
      await visible(page.getByTestId('report-indicators'));
      await visible(page.getByTestId('forecast-table'));
      // Shares, trend and forecast: three charts, drawn as SVG so that they print.
      await expect
        .poll(() => page.locator('figure svg').count(), { timeout: 10_000 })
        .toBeGreaterThanOrEqual(3);
      expect(await page.getByTestId('forecast-table').locator('tbody tr').count()).toBe(12);
      expect(await page.getByTestId('report-group-gender').locator('tbody tr').count()).toBeGreaterThan(1);
      const text = await page.locator('main').innerText();
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(await seriousA11yViolations(page)).toEqual([]);

      // A scenario: twice the arrivals double the twelve-month total.
      const before = await page.getByTestId('forecast-summary').innerText();
      await page.getByText('Zugänge mal Faktor').click();
      await page.getByRole('combobox', { name: 'Faktor' }).click();
      await page.getByRole('option', { name: '× 2', exact: true }).click();
      await expect.poll(() => page.getByTestId('forecast-summary').innerText()).not.toBe(before);
      const total = (s: string) => Number((/(\d[\d.]*) Zugänge/.exec(s)?.[1] ?? '0').replace(/\./g, ''));
      const after = await page.getByTestId('forecast-summary').innerText();
      expect(Math.abs(total(after) - 2 * total(before))).toBeLessThanOrEqual(2);

      // Printing: the shell and the controls are not printed, the report and its charts are.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('nav#main-nav').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Drucken' }).isVisible()).toBe(false);
      expect(await page.getByTestId('report-indicators').isVisible()).toBe(true);
      const printed = await page.pdf({ format: 'A4', printBackground: true });
      expect(printed.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await page.emulateMedia({ media: 'screen' });

      // The server's PDF of the same month.
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 30_000 }),
        page.getByRole('link', { name: 'Als PDF herunterladen' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^monatsbericht-\d{4}-\d{2}\.pdf$/);
      const pdf = readFileSync((await download.path()) as string);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
