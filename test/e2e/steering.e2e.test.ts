import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs, newPage, seriousA11yViolations, visible } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

// Issue 15 (part): the coordinator opens the steering page, filters by women, the numbers change, and the
// CSV holds the same numbers as the table on the screen; then filters by a nationality as well, and creates
// and changes a target on the page.

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
        page.getByRole('link', { name: 'Tabelle als CSV' }).click(),
      ]);
      const text = readFileSync((await download.path()) as string, 'utf8');
      const line = text.split('\r\n').find((l) => l.startsWith('"Fälle im Integration Point"'));
      expect(line?.split(';')[1]).toBe(`"${women.replace(/\D/g, '')}"`);

      // And by a nationality, found by its German name and sent as the state's code.
      const nationality = page.getByRole('combobox', { name: 'Staatsangehörigkeit' });
      await nationality.fill('Syr');
      const [request] = await Promise.all([
        page.waitForRequest((r) => r.url().includes('/api/statistics/dashboard?')),
        page.getByRole('option', { name: 'Syrien' }).click(),
      ]);
      expect(new URL(request.url()).searchParams.get('nationality')).toBe('SY');
      expect(new URL(request.url()).searchParams.get('gender')).toBe('f');
      await expect.poll(() => cell(page, 'caseload', 1), { timeout: 10_000 }).not.toBe(women);
      const syrianWomen = Number((await cell(page, 'caseload', 1)).replace(/\D/g, ''));
      expect(syrianWomen).toBeGreaterThan(0);
      expect(syrianWomen).toBeLessThan(Number(women.replace(/\D/g, '')));
      expect(await nationality.inputValue()).toBe('Syrien');

      // A target: the share typed in percent, the deadline as a day; the table shows it with its verdict.
      await page.getByRole('button', { name: 'Ziel anlegen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ziel anlegen' });
      await dialog.getByRole('textbox', { name: /^Bezeichnung/ }).fill('Mehr Frauen in Arbeit (e2e)');
      await dialog.getByRole('textbox', { name: /^Zielwert in Prozent/ }).fill('55');
      await dialog.getByLabel(/^Frist/).fill('2027-12-31');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Speichern' }).click();
      await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
      const row = page.locator('[data-testid="targets-table"] tr[data-target="Mehr Frauen in Arbeit (e2e)"]');
      await visible(row);
      const shown = (await row.textContent()) ?? '';
      expect(shown).toContain('55 %');
      expect(shown).toContain('31.12.2027');
      expect(shown).toContain('mindestens');

      // Changed on the page: the real server takes only the changed value with the version.
      await row.getByRole('button', { name: 'Ziel „Mehr Frauen in Arbeit (e2e)“ bearbeiten' }).click();
      const edit = page.getByRole('dialog', { name: 'Ziel ändern' });
      await edit.getByRole('textbox', { name: /^Zielwert in Prozent/ }).fill('60');
      await edit.getByRole('button', { name: 'Speichern' }).click();
      await expect.poll(() => edit.count(), { timeout: 10_000 }).toBe(0);
      await expect.poll(async () => (await row.textContent()) ?? '', { timeout: 10_000 }).toContain('60 %');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the coordinator filters by a municipality on the map and by women, the charts change, XLSX holds the screen', async () => {
    const { context, page, errors } = await newPage(browser, srv.url);
    try {
      await loginAs(page, 'koordination@demo.lotse');
      await page.goto(`${srv.url}/steuerung`);
      await visible(page.getByTestId('indicator-table'));
      await visible(page.getByTestId('map'));
      const stage = async (id: string) =>
        ((await page.locator(`[data-testid="funnel"] [data-stage="${id}"]`).textContent()) ?? '').replace(
          /\D/g,
          '',
        );
      const before = { cases: await cell(page, 'caseload', 1), funnel: await stage('funnel_intake') };
      expect(before.funnel).toBe(before.cases.replace(/\D/g, ''));

      // The municipality with the most cases, chosen in the map's table.
      const rows = page.locator('[data-testid="map-table"] tbody tr');
      let best = { name: '', n: -1 };
      for (let i = 0; i < (await rows.count()); i++) {
        const n = Number(
          ((await rows.nth(i).locator('td').nth(1).textContent()) ?? '').replace(/\D/g, '') || -1,
        );
        const name = (await rows.nth(i).getAttribute('data-municipality')) ?? '';
        if (n > best.n) best = { name, n };
      }
      await page.locator(`[data-testid="map-table"] tr[data-municipality="${best.name}"] button`).click();
      await expect.poll(() => cell(page, 'caseload', 1), { timeout: 10_000 }).toBe(String(best.n));
      await page.getByRole('combobox', { name: 'Geschlecht' }).click();
      await page.getByRole('option', { name: 'Frauen' }).click();
      await expect.poll(() => cell(page, 'caseload', 1), { timeout: 10_000 }).not.toBe(String(best.n));
      const women = (await cell(page, 'caseload', 1)).replace(/\D/g, '');
      expect(Number(women)).toBeGreaterThan(0);
      expect(Number(women)).toBeLessThan(best.n);
      // The funnel follows the filters.
      await expect.poll(() => stage('funnel_intake')).toBe(women);
      const inWork = await cell(page, 'in_work_share', 1);
      expect(await seriousA11yViolations(page)).toEqual([]);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Alle Tabellen als XLSX' }).click(),
      ]);
      const file = readFileSync((await download.path()) as string);
      const sheet = await readSheet(file, 'Kennzahlen');
      expect(String(sheet.find((r) => r[0] === 'Fälle im Integration Point')?.[1])).toBe(women);
      const share = sheet.find((r) => r[0] === 'Anteil in Arbeit')?.[1];
      expect(`${String(share).replace('.', ',')} %`).toBe(inWork);
      const funnel = await readSheet(file, 'Weg in Arbeit');
      expect(String(funnel[1]?.[1])).toBe(await stage('funnel_intake'));
      expect(String(funnel[4]?.[1])).toBe(await stage('funnel_work'));

      // The persons behind the number, with links to their case files.
      await page
        .locator('[data-testid="indicator-table"] tr[data-indicator="caseload"] td')
        .nth(1)
        .getByRole('button')
        .click();
      const list = page.getByTestId('drilldown-table');
      await visible(list);
      expect(await list.locator('tbody tr').count()).toBe(Math.min(25, Number(women)));
      expect(await list.locator('a[href^="/personen/"]').count()).toBeGreaterThan(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
