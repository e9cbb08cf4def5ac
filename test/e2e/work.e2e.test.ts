import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInGermany } from '../../src/domain/reference/dates';
import { launchBrowser, loginAs, newPage, seriousA11yViolations, visible } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

// Issue 14, done when: the employer service of the demo county creates a vacancy "Bäcker/in" in a demo
// municipality, sees ranked candidates with reasons (one marked "permit required", with the pre-filled
// permit declaration printable), proposes one, records the interview and the hire; the after-care steps
// appear; the candidate's person page shows the placement.

let srv: TestServer;
let browser: Browser;
beforeAll(async () => {
  [srv, browser] = await Promise.all([startTestServer({ clients: 200 }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

describe('work side in Chromium', () => {
  it('vacancy, ranked candidates with a permit, proposal, interview, hire, after-care, person page', async () => {
    const { context, page, errors } = await newPage(browser, srv.url);
    try {
      await loginAs(page, 'ags@demo.lotse');
      await page.locator('nav#main-nav').getByRole('link', { name: 'Stellen' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Stellen' }));
      await page.getByRole('button', { name: 'Neue Stelle' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: 'Arbeitgeber' }).click();
      await page.getByRole('option', { name: 'Bäckerei Sonnenschein' }).click();
      await dialog.getByRole('textbox', { name: 'Stellentitel' }).fill('Bäcker/in');
      await dialog.getByRole('combobox', { name: 'Beruf' }).fill('Baeckerin');
      await page.getByRole('option', { name: 'Bäcker/Bäckerin', exact: true }).click();
      await dialog.getByRole('combobox', { name: 'Arbeitsort' }).click();
      await page.getByRole('option', { name: 'Herford', exact: true }).click();
      await dialog.getByLabel('Beginn').fill(addDays(todayInGermany(), 21));
      await dialog.getByRole('button', { name: 'Speichern' }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
      await page.getByRole('link', { name: 'Bäcker/in' }).first().click();
      await visible(page.getByRole('heading', { level: 1, name: 'Bäcker/in' }));

      const table = page.getByRole('table', { name: 'Passende Kundinnen und Kunden' });
      await visible(table);
      await visible(table.getByText(/gleicher Beruf/).first());
      const permitRow = table.locator('tr', { hasText: 'Erlaubnis nötig' }).first();
      await visible(permitRow);
      expect(await seriousA11yViolations(page)).toEqual([]);
      const name = ((await permitRow.locator('td').first().textContent()) ?? '').trim();
      await permitRow.getByRole('button', { name: 'Vorschlagen' }).click();

      const placements = page.locator('table', { hasText: 'Nächster Schritt' }).first();
      const row = placements.locator('tr', { hasText: name });
      await visible(row.getByText('vorgeschlagen'));
      // The permit declaration is pre-filled and printable.
      const [form] = await Promise.all([
        context.waitForEvent('page'),
        row.getByRole('link', { name: 'Erklärung zum Beschäftigungsverhältnis' }).click(),
      ]);
      await form.waitForLoadState();
      expect(await form.textContent('h1')).toBe('Erklärung zum Beschäftigungsverhältnis');
      expect(await form.textContent('body')).toContain('Bäckerei Sonnenschein');
      await form.close();

      await row.getByRole('button', { name: 'Vorstellungsgespräch' }).click();
      await visible(row.getByText('Vorstellungsgespräch', { exact: true }).first());
      await row.getByRole('button', { name: 'Eingestellt' }).click();
      const hire = page.getByRole('dialog');
      await hire.getByLabel('Beginn').fill(addDays(todayInGermany(), 21));
      await hire.getByRole('combobox', { name: 'Vertragsart' }).click();
      await page.getByRole('option', { name: 'unbefristet' }).click();
      await hire.getByRole('button', { name: 'Speichern' }).click();
      await visible(row.getByText('eingestellt'));

      // The candidate's page: the placement and the after-care steps.
      await row.getByRole('link', { name }).click();
      await page.getByRole('tab', { name: 'Arbeit' }).click();
      await visible(page.getByText('eingestellt').first());
      await page.getByRole('tab', { name: 'Aufgaben' }).click();
      await visible(page.getByText(/Nachbetreuung nach zwei Wochen/).first());
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('employers, events and the work tab are readable and accessible, and a job fair records who came', async () => {
    const { context, page, errors } = await newPage(browser, srv.url);
    try {
      await loginAs(page, 'ags@demo.lotse');
      await page.locator('nav#main-nav').getByRole('link', { name: 'Arbeitgeber' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Arbeitgeber' }));
      await visible(page.getByRole('cell', { name: 'Bäckerei Sonnenschein' }));
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.locator('nav#main-nav').getByRole('link', { name: 'Veranstaltungen' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Veranstaltungen' }));
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Infoabend: Arbeit und Ausbildung für Frauen' }).click();
      await visible(
        page.getByRole('heading', { level: 1, name: 'Infoabend: Arbeit und Ausbildung für Frauen' }),
      );
      const first = page.getByRole('row').nth(1);
      const box = first.getByRole('checkbox', { name: 'teilgenommen' });
      const was = await box.isChecked();
      await box.click();
      await expect.poll(() => box.isChecked()).toBe(!was);
      expect(await seriousA11yViolations(page)).toEqual([]);

      // The work tab of a client with a placement.
      const person = first.getByRole('link');
      if ((await person.count()) > 0) {
        await person.first().click();
        await page.getByRole('tab', { name: 'Arbeit' }).click();
        await visible(page.getByRole('heading', { name: 'Kompetenzprofil' }));
        expect(await seriousA11yViolations(page)).toEqual([]);
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
