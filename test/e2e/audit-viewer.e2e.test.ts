import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs, newPage, seriousA11yViolations, visible } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

// The data-protection officer's question in the browser: who read this person? The front desk reads a
// person it registered, the Sozialamt (no consent) is refused; the admin finds both in the audit viewer.

let srv: TestServer;
let browser: Browser;

beforeAll(async () => {
  [srv, browser] = await Promise.all([startTestServer({ clients: 60 }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

async function csrf(page: Page): Promise<string> {
  const me = await page.request.get('/api/auth/me');
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}

describe('audit viewer', () => {
  it('the admin finds who read a person, by name, with readable rows and a German CSV', async () => {
    const desk = await newPage(browser, srv.url);
    const partner = await newPage(browser, srv.url);
    const admin = await newPage(browser, srv.url);
    try {
      await loginAs(desk.page, 'empfang@demo.lotse');
      const created = await desk.page.request.post('/api/persons', {
        headers: { 'x-csrf-token': await csrf(desk.page) },
        data: {
          givenNames: 'Zainab',
          familyName: 'Protokollia',
          gender: 'f',
          birthDate: '1984-01-01',
          birthDatePrecision: 'year',
        },
      });
      expect(created.status()).toBe(201);
      const person = (await created.json()) as { id: string };
      expect((await desk.page.request.get(`/api/persons/${person.id}`)).status()).toBe(200);
      await loginAs(partner.page, 'sozialamt@demo.lotse');
      expect((await partner.page.request.get(`/api/persons/${person.id}`)).status()).toBe(403);

      const { page, errors } = admin;
      await loginAs(page, 'admin@demo.lotse');
      await page.locator('nav#main-nav').getByRole('link', { name: 'Protokoll' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Protokoll' }));
      await page.getByRole('combobox', { name: 'Person' }).fill('Protokollia');
      await page.getByRole('option', { name: 'Protokollia, Zainab (geb. 1984)' }).click();
      await page.getByRole('button', { name: 'Anzeigen' }).click();
      const table = await visible(page.getByTestId('audit-table'));
      await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
      const text = (await table.textContent()) ?? '';
      expect(text).toContain('Elif Empfang');
      expect(text).toContain('Lesen erlaubt — gemeinsame Aufgabe im Integration Point');
      expect(text).toContain('Anlegen erlaubt');
      expect(text).toContain('Sabine Sozialamt');
      expect(text).toContain('Lesen verweigert — keine Einwilligung');
      expect(text).not.toMatch(/\d{4}-\d\d-\d\d|no_consent|read_|eingangszone/);

      // Only the refusals.
      await page.getByRole('combobox', { name: 'Ergebnis' }).click();
      await page.getByRole('option', { name: 'verweigert' }).click();
      await page.getByRole('button', { name: 'Anzeigen' }).click();
      await expect.poll(() => page.getByTestId('audit-count').textContent()).toBe('1 Eintrag');
      expect(await seriousA11yViolations(page)).toEqual([]);

      const href = await page.getByTestId('audit-export').getAttribute('href');
      expect(href).toContain(`person=${person.id}`);
      const csv = await page.request.get(href ?? '');
      expect(csv.status()).toBe(200);
      const body = await csv.text();
      expect(body).toContain('Zeitpunkt;Benutzer;Rolle;Stelle;Person;Vorgang');
      expect(body).toContain('Sabine Sozialamt;Partner;');
      expect(body).toContain('Lesen verweigert — keine Einwilligung');
      expect(errors).toEqual([]);
    } finally {
      await Promise.all([desk.context.close(), partner.context.close(), admin.context.close()]);
    }
  });
});
