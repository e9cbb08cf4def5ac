import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stepAt, totpCodeAt } from '../../src/server/modules/auth/totp';
import { launchBrowser, login, newPage, seriousA11yViolations, visible } from './support/browser';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './support/server';

// Issue 9, second factor: under LOTSE_ADMIN_TOTP=required the demo administrator signs in, is held on
// the set-up page, scans (here: reads) the key, confirms a code, gets recovery codes, reaches the
// administration; the next sign-in asks for the code on its own field.

let srv: TestServer;
let browser: Browser;

beforeAll(async () => {
  [srv, browser] = await Promise.all([
    startTestServer({ clients: 20, env: { LOTSE_ADMIN_TOTP: 'required' } }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

/** A code of a step no earlier code has used: each step's code is accepted once. */
const freshCode = (secret: string, stepsAhead: number) =>
  totpCodeAt(secret, (stepAt(Date.now()) + stepsAhead) * 30_000);

describe('issue 9: second factor for administrators', () => {
  it('holds the administrator on the set-up until confirmed, then asks for the code at login', async () => {
    const { context, page, errors } = await newPage(browser, srv.url);
    try {
      await login(page, 'admin@demo.lotse');
      await visible(page.getByRole('heading', { name: 'Anmeldung und Sicherheit', level: 1 }));
      await visible(page.getByText('Zweiter Faktor erforderlich'));
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.getByLabel('Ihr Passwort').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Einrichtung beginnen' }).click();
      await visible(page.getByRole('img', { name: 'QR-Code für die Authenticator-App' }));
      const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);

      // A wrong code is named on its field, in German.
      await page.getByLabel('Code aus der App').fill('000000');
      await page.getByRole('button', { name: 'Bestätigen' }).click();
      await visible(page.getByText(/Der Code passt nicht/));

      await page.getByLabel('Code aus der App').fill(totpCodeAt(secret, Date.now()));
      await page.getByRole('button', { name: 'Bestätigen' }).click();
      const codes = (await visible(page.getByTestId('recovery-codes'))).getByRole('listitem');
      expect(await codes.count()).toBe(10);
      await page.getByRole('button', { name: 'Ich habe die Codes sicher aufbewahrt' }).click();
      // Now the whole app opens.
      await visible(page.getByTestId('user-menu'));
      await page.goto(`${srv.url}/verwaltung/benutzer`);
      await visible(page.getByRole('heading', { name: 'Benutzerverwaltung', level: 1 }));

      // Next sign-in: password, then the code field appears.
      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: 'Abmelden', exact: true }).click();
      await visible(page.getByRole('heading', { name: 'Anmeldung', level: 1 }));
      await page.getByLabel('E-Mail-Adresse').fill('admin@demo.lotse');
      await page.getByRole('textbox', { name: 'Passwort' }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Anmelden' }).click();
      const codeField = await visible(page.getByLabel('Bestätigungscode'));
      await codeField.fill('123456');
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await visible(page.getByText(/Der Code ist falsch oder schon benutzt/));
      await page.getByLabel('Bestätigungscode').fill(freshCode(secret, 1));
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await visible(page.getByTestId('user-menu'));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
