import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs, newPage, seriousA11yViolations, visible } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

// Daily work in the browser: a Fachkraft finds and opens a person, a partner agency sees a consented
// person with the other sections withheld, the front desk registers a person, the admin manages accounts.

let srv: TestServer;
let browser: Browser;

beforeAll(async () => {
  [srv, browser] = await Promise.all([startTestServer({ clients: 200 }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

interface ListItem {
  id: string;
  givenNames: string;
  familyName: string;
}
interface PersonAnswer {
  id: string;
  givenNames: string;
  familyName: string;
  visibleCategories: string[];
  owner: { id: string } | null;
  residence?: { history: unknown[] };
}

async function apiGet<T>(page: Page, path: string): Promise<T> {
  const r = await page.request.get(path);
  expect(r.status(), path).toBe(200);
  return (await r.json()) as T;
}

const TAB_CATEGORY: Record<string, string> = {
  Aufenthalt: 'residence',
  Haushalt: 'household',
  Sprachen: 'language',
  Kontakt: 'contact',
  Profil: 'profile',
  Gesundheit: 'health',
};

describe('Integrationsfachkraft', () => {
  it('searches a person by name, opens the record from the table with the keyboard, and sees status, residence history and the audit trail', async () => {
    const { context, page, errors } = await newPage(browser, srv.url);
    try {
      await loginAs(page, 'fachkraft@demo.lotse');
      const me = await apiGet<{ user: { id: string } }>(page, '/api/auth/me');
      // A case of one's own, so that the audit trail is permitted (admin or case owner only).
      const mine = await apiGet<{ items: ListItem[] }>(page, `/api/persons?ownerId=${me.user.id}&limit=1`);
      const target = mine.items[0];
      expect(target).toBeDefined();

      await page.locator('nav#main-nav').getByRole('link', { name: 'Personensuche' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Personensuche' }));
      const before = await visible(page.getByTestId('result-count'));
      await expect.poll(() => before.textContent()).toMatch(/\d+ Treffer/);
      await page.getByRole('searchbox', { name: 'Name' }).fill(target.familyName);
      // Debounced: the address and the list follow after a short pause.
      await page.waitForURL((u) => u.searchParams.get('q') === target.familyName);
      const link = page
        .getByTestId('person-table')
        .getByRole('link', { name: `${target.familyName}, ${target.givenNames}` });
      await visible(link.first());
      const rows = await page.getByTestId('person-table').locator('tbody tr').count();
      expect(rows).toBeGreaterThan(0);
      expect(rows).toBeLessThanOrEqual(20);
      expect(await seriousA11yViolations(page)).toEqual([]);

      // Keyboard: the name in the table is a real link: focus it and press Enter.
      await link.first().focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/personen/${target.id}`);
      await visible(
        page.getByRole('heading', { level: 1, name: `${target.familyName}, ${target.givenNames}` }),
      );

      const person = await apiGet<PersonAnswer>(page, `/api/persons/${target.id}`);
      const card = await visible(page.getByTestId('status-card'));
      expect(await card.textContent()).toContain('Rechtsgrundlage Ihres Zugriffs');
      expect(await card.textContent()).toContain('Frank Fachkraft');
      if (person.residence && person.residence.history.length > 0) {
        const history = await visible(page.getByTestId('residence-history'));
        expect(await history.locator('tbody tr').count()).toBe(person.residence.history.length);
      }
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.getByRole('tab', { name: 'Protokoll' }).click();
      const audit = await visible(page.getByTestId('audit-table'));
      // The page's own read of the record is in the trail, with the Fachkraft's name.
      const firstRows = await audit.locator('tbody tr').allTextContents();
      expect(
        firstRows.some(
          (r) => r.includes('Frank Fachkraft') && r.includes('Akte gelesen') && r.includes('erlaubt'),
        ),
      ).toBe(true);
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('pages through the results with the pager', async () => {
    const { context, page } = await newPage(browser, srv.url);
    try {
      await loginAs(page, 'koordination@demo.lotse');
      await page.goto('/personen');
      const all = await apiGet<{ total: number; items: ListItem[] }>(page, '/api/persons?limit=20&offset=20');
      expect(all.total).toBeGreaterThan(20);
      await visible(page.getByTestId('person-table'));
      await page.getByRole('button', { name: 'Nächste Seite' }).click();
      await page.waitForURL((u) => u.searchParams.get('page') === '2');
      const first = all.items[0];
      await visible(
        page
          .getByTestId('person-table')
          .getByRole('link', { name: `${first.familyName}, ${first.givenNames}` })
          .first(),
      );
    } finally {
      await context.close();
    }
  });
});

describe('partner agency (Sozialamt)', () => {
  it('sees a consented person and only the consented sections; the others say "Keine Einwilligung für diesen Bereich"', async () => {
    const { context, page, errors } = await newPage(browser, srv.url);
    try {
      await loginAs(page, 'sozialamt@demo.lotse');
      await visible(page.getByRole('heading', { level: 1, name: 'Personen mit Einwilligung' }));
      const firstLink = await visible(page.getByTestId('person-table').locator('tbody tr a').first());
      const href = await firstLink.getAttribute('href');
      const id = href?.split('/').pop() ?? '';
      await firstLink.click();
      await visible(page.getByTestId('status-card'));
      const person = await apiGet<PersonAnswer>(page, `/api/persons/${id}`);
      // The demo consent for the Sozialamt covers identity, residence and household: never health.
      expect(person.visibleCategories).toContain('residence');
      expect(person.visibleCategories).not.toContain('health');
      expect(await card(page)).toContain('Einwilligung');

      for (const [tab, category] of Object.entries(TAB_CATEGORY)) {
        await page.getByRole('tab', { name: tab }).click();
        const panel = page.getByRole('tabpanel');
        await visible(panel);
        const withheld = (await panel.getByTestId('not-permitted').count()) > 0;
        expect(withheld, `${tab} withheld`).toBe(!person.visibleCategories.includes(category));
        if (withheld) expect(await panel.textContent()).toContain('Keine Einwilligung für diesen Bereich');
      }
      // The trail of who read the record is for the admin and the case owner only.
      expect(await page.getByRole('tab', { name: 'Protokoll' }).count()).toBe(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

async function card(page: Page): Promise<string> {
  return (await page.getByTestId('status-card').textContent()) ?? '';
}

describe('Eingangszone', () => {
  it('registers a new person; the server’s validation shows at the field', async () => {
    const { context, page } = await newPage(browser, srv.url);
    try {
      await loginAs(page, 'empfang@demo.lotse');
      await page.getByRole('link', { name: 'Neue Person aufnehmen' }).first().click();
      await visible(page.getByRole('heading', { level: 1, name: 'Neue Person aufnehmen' }));
      expect(await seriousA11yViolations(page)).toEqual([]);

      // Empty names: the server answers 400 with issues per field, shown at the fields.
      await page.getByRole('button', { name: 'Person anlegen' }).click();
      await visible(page.getByRole('alert'));
      const given = page.getByRole('textbox', { name: 'Vorname(n)' });
      expect(await given.getAttribute('aria-invalid')).toBe('true');

      await given.fill('Rahel');
      await page.getByRole('textbox', { name: 'Familienname' }).fill('Testfall-Gebremedhin');
      await page.getByRole('button', { name: 'Person anlegen' }).click();
      // Created from the first part of the form; the rest of the intake follows on its own page.
      await visible(
        page.getByRole('heading', { level: 1, name: 'Aufnahme fortsetzen: Testfall-Gebremedhin, Rahel' }),
      );
      expect(page.url()).toMatch(/\/personen\/[0-9a-f-]{36}\/aufnahme$/);
      await page.getByRole('link', { name: 'Aufnahme beenden und Akte öffnen' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Testfall-Gebremedhin, Rahel' }));
      expect(page.url()).toMatch(/\/personen\/[0-9a-f-]{36}$/);
      expect(await card(page)).toContain('Aufnahme');
    } finally {
      await context.close();
    }
  });
});

describe('Administration', () => {
  it('creates an account (with field errors first), the new user can log in, then disables it and resets a password', async () => {
    const { context, page, errors } = await newPage(browser, srv.url);
    try {
      await loginAs(page, 'admin@demo.lotse');
      await visible(page.getByTestId('users-table'));
      await page.getByTestId('create-user').click();
      const dialog = await visible(page.getByRole('dialog', { name: 'Konto anlegen' }));

      // Client checks first: nothing is sent while required fields are empty.
      await dialog.getByRole('button', { name: 'Konto anlegen' }).click();
      await visible(dialog.getByText('Bitte einen Namen mit mindestens 2 Zeichen angeben.'));
      await visible(dialog.getByText('Bitte eine Rolle wählen.'));
      expect(await seriousA11yViolations(page)).toEqual([]);

      await dialog.getByRole('textbox', { name: 'Name' }).fill('Nora Neu');
      // Accepted by the form, refused by the server (no valid top-level domain): the 400 issue shows at the field.
      await dialog.getByRole('textbox', { name: 'E-Mail-Adresse' }).fill('nora.neu@demo.x');
      await dialog.getByRole('combobox', { name: 'Rolle' }).click();
      await page.getByRole('option', { name: 'Sprachberatung' }).click();
      await dialog.getByRole('combobox', { name: 'Stelle' }).click();
      await page.getByRole('option', { name: 'Jobcenter Kreis Herford' }).click();
      await dialog.getByRole('textbox', { name: 'Startpasswort' }).fill('sicheres-startpasswort');
      await dialog.getByRole('button', { name: 'Konto anlegen' }).click();
      await visible(dialog.getByRole('alert'));
      await visible(dialog.getByText('keine gültige E-Mail-Adresse'));
      expect(await dialog.getByRole('textbox', { name: 'E-Mail-Adresse' }).getAttribute('aria-invalid')).toBe(
        'true',
      );

      await dialog.getByRole('textbox', { name: 'E-Mail-Adresse' }).fill('nora.neu@demo.lotse');
      await dialog.getByRole('button', { name: 'Konto anlegen' }).click();
      await visible(page.getByTestId('notice').getByText('Das Konto nora.neu@demo.lotse wurde angelegt.'));
      const row = await visible(page.locator('tr[data-email="nora.neu@demo.lotse"]'));
      expect(await row.textContent()).toContain('Sprachberatung');
      expect(await row.textContent()).toContain('aktiv');

      // The new account works: log in elsewhere and see the Sprachberatung start page.
      const other = await newPage(browser, srv.url);
      try {
        await other.page.goto('/');
        await other.page.getByLabel('E-Mail-Adresse').fill('nora.neu@demo.lotse');
        await other.page.getByRole('textbox', { name: 'Passwort' }).fill('sicheres-startpasswort');
        await other.page.getByRole('button', { name: 'Anmelden' }).click();
        await visible(other.page.getByRole('heading', { level: 1, name: /^Überblick/ }));

        // Disabling ends the new user's session at once.
        await row.getByRole('button', { name: 'Aktionen für Nora Neu' }).click();
        await page.getByRole('menuitem', { name: 'Deaktivieren' }).click();
        const confirm = await visible(page.getByRole('dialog', { name: 'Konto deaktivieren' }));
        await confirm.getByRole('button', { name: 'Deaktivieren' }).click();
        await visible(
          page.getByTestId('notice').getByText('Das Konto nora.neu@demo.lotse wurde deaktiviert.'),
        );
        await expect.poll(() => row.textContent()).toContain('deaktiviert');
        expect((await other.page.request.get('/api/auth/me')).status()).toBe(401);
      } finally {
        await other.context.close();
      }

      // Reset a password: too short is refused at the field, a good one is confirmed.
      const target = page.locator('tr[data-email="ags@demo.lotse"]');
      await target.getByRole('button', { name: /Aktionen für/ }).click();
      await page.getByRole('menuitem', { name: 'Passwort neu setzen' }).click();
      const reset = await visible(page.getByRole('dialog', { name: 'Passwort neu setzen' }));
      await reset.getByRole('textbox', { name: 'Neues Passwort' }).fill('kurz');
      await reset.getByRole('button', { name: 'Passwort neu setzen' }).click();
      await visible(reset.getByText('Das Passwort muss mindestens 10 Zeichen lang sein.'));
      await reset.getByRole('textbox', { name: 'Neues Passwort' }).fill('ein-neues-passwort-2026');
      await reset.getByRole('button', { name: 'Passwort neu setzen' }).click();
      await visible(
        page.getByTestId('notice').getByText('Das Passwort von ags@demo.lotse wurde neu gesetzt.'),
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
