import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  login,
  loginAs,
  logout,
  newPage,
  seriousA11yViolations,
  visible,
} from './support/browser';
import { startTestServer, type TestServer } from './support/server';

// The staff web app's shell against the real server: every demo role logs in, sees its start page,
// passes axe (no serious/critical finding) and logs out; plus login errors, 404, error page, languages.

let srv: TestServer;
let browser: Browser;

beforeAll(async () => {
  [srv, browser] = await Promise.all([startTestServer({ clients: 200 }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

/** The answer of an API GET in the page's session (same cookie as the UI). */
async function apiGet<T>(page: Page, path: string): Promise<T> {
  const r = await page.request.get(path);
  expect(r.status(), `${path}`).toBe(200);
  return (await r.json()) as T;
}

async function navLabels(page: Page): Promise<string[]> {
  const nav = page.locator('nav#main-nav');
  await visible(nav.getByRole('link').first());
  return (await nav.getByRole('link').allTextContents()).map((s) => s.trim());
}

interface RoleCase {
  email: string;
  heading: RegExp;
  nav: string[];
  check: (page: Page) => Promise<void>;
}

const myCases = async (page: Page) => {
  const me = await apiGet<{ user: { id: string } }>(page, '/api/auth/me');
  const mine = await apiGet<{ total: number }>(page, `/api/persons?ownerId=${me.user.id}&limit=1`);
  expect(mine.total).toBeGreaterThan(0);
  const count = await visible(page.getByTestId('my-cases-count'));
  await expect.poll(() => count.textContent()).toBe(`${mine.total} Treffer`);
  expect(await page.getByTestId('person-table').locator('tbody tr').count()).toBe(Math.min(mine.total, 100));
};

const overview = (cards: string[]) => async (page: Page) => {
  const all = await apiGet<{ total: number }>(page, '/api/persons?limit=1');
  const total = await visible(page.getByTestId('total-count'));
  await expect.poll(() => total.textContent()).toBe(new Intl.NumberFormat('de-DE').format(all.total));
  for (const card of cards) await visible(page.getByTestId(`overview-${card}`).getByRole('table'));
  // The numbers per Rechtskreis add up to the total: every person has exactly one Rechtskreis.
  if (cards.includes('rechtskreis')) {
    const cells = await page
      .getByTestId('overview-rechtskreis')
      .locator('tbody tr td:last-child')
      .allTextContents();
    const sum = cells.map((c) => Number(c.replace(/\./g, ''))).reduce((a, b) => a + b, 0);
    expect(sum).toBe(all.total);
  }
};

const ROLES: RoleCase[] = [
  {
    email: 'admin@demo.lotse',
    heading: /^Benutzerverwaltung$/,
    // Checking a situation right after editing the law data is part of maintaining it.
    nav: ['Prüfen ohne Person', 'Benutzerverwaltung', 'Löschfristen', 'Rechtsdaten', 'Protokoll'],
    check: async (page) => {
      await visible(page.getByTestId('users-table').locator('tr[data-email="fachkraft@demo.lotse"]'));
    },
  },
  {
    email: 'empfang@demo.lotse',
    heading: /^Eingangszone$/,
    nav: [
      'Startseite',
      'Personensuche',
      'Neue Person aufnehmen',
      'Aufgaben',
      'Termine',
      'Partnernetzwerk',
      'Übergaben',
      'Austritte fällig',
      'Prüfen ohne Person',
    ],
    check: async (page) => {
      await visible(page.getByRole('link', { name: 'Neue Person aufnehmen' }).last());
      const all = await apiGet<{ total: number }>(page, '/api/persons?limit=1');
      await expect.poll(() => page.getByTestId('result-count').textContent()).toBe(`${all.total} Treffer`);
    },
  },
  {
    email: 'fachkraft@demo.lotse',
    heading: /^Meine Fälle$/,
    nav: [
      'Meine Fälle',
      'Personensuche',
      'Neue Person aufnehmen',
      'Dubletten prüfen',
      'Aufgaben',
      'Termine',
      'Maßnahmen',
      'Stellen',
      'Arbeitgeber',
      'Veranstaltungen',
      'Fallbesprechungen',
      'Partnernetzwerk',
      'Übergaben',
      'Austritte fällig',
      'Prüfen ohne Person',
      'Kurskatalog',
      'Steuerung',
    ],
    check: myCases,
  },
  {
    email: 'fachkraft-aa@demo.lotse',
    heading: /^Meine Fälle$/,
    nav: [
      'Meine Fälle',
      'Personensuche',
      'Neue Person aufnehmen',
      'Dubletten prüfen',
      'Aufgaben',
      'Termine',
      'Maßnahmen',
      'Stellen',
      'Arbeitgeber',
      'Veranstaltungen',
      'Fallbesprechungen',
      'Partnernetzwerk',
      'Übergaben',
      'Austritte fällig',
      'Prüfen ohne Person',
      'Kurskatalog',
      'Steuerung',
    ],
    check: myCases,
  },
  {
    email: 'sprache@demo.lotse',
    heading: /^Überblick – Kreis Herford/,
    nav: [
      'Startseite',
      'Personensuche',
      'Aufgaben',
      'Termine',
      'Maßnahmen',
      'Fallbesprechungen',
      'Partnernetzwerk',
      'Prüfen ohne Person',
      'Kurszuteilung',
      'Kurskatalog',
      'Kursimport',
      'Kursplanung',
    ],
    check: overview(['rechtskreis', 'municipality']),
  },
  {
    email: 'ags@demo.lotse',
    heading: /^Überblick – Agentur für Arbeit Herford$/,
    nav: [
      'Startseite',
      'Personensuche',
      'Aufgaben',
      'Termine',
      'Maßnahmen',
      'Stellen',
      'Arbeitgeber',
      'Veranstaltungen',
      'Partnernetzwerk',
      'Kurskatalog',
    ],
    check: overview(['status', 'rechtskreis']),
  },
  {
    email: 'koordination@demo.lotse',
    heading: /^Überblick – Kreis Herford/,
    nav: [
      'Startseite',
      'Personensuche',
      'Aufgaben',
      'Termine',
      'Maßnahmen',
      'Stellen',
      'Arbeitgeber',
      'Veranstaltungen',
      'Fallbesprechungen',
      'Partnernetzwerk',
      'Übergaben',
      'Austritte fällig',
      'Rechtsänderung – Auswirkungen',
      'Prüfen ohne Person',
      'Kurskatalog',
      'Kursimport',
      'Kursplanung',
      'Sprachstand',
      'Steuerung',
      'Monatsbericht',
    ],
    check: overview(['rechtskreis', 'status', 'municipality']),
  },
  {
    email: 'sozialamt@demo.lotse',
    heading: /^Personen mit Einwilligung$/,
    // Partner is also the role of course providers; a Sozialamt gets no course pages (server and nav).
    nav: ['Startseite', 'Personensuche', 'Aufgaben', 'Fallbesprechungen', 'Steuerung'],
    check: async (page) => {
      const consented = await apiGet<{ total: number }>(page, '/api/persons?limit=1');
      const all = await srv.server.database.db
        .selectFrom('person')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      // A partner sees only persons who consented to its agency: some, not all.
      expect(consented.total).toBeGreaterThan(0);
      expect(consented.total).toBeLessThan(Number(all.n));
      await expect
        .poll(() => page.getByTestId('result-count').textContent())
        .toBe(`${consented.total} Treffer`);
    },
  },
  {
    email: 'kurse@demo.lotse',
    heading: /^Meine Kurse – Sprachschule Ravensberg/,
    // A course provider starts at its own courses and finds its participants there: no person search.
    nav: ['Startseite', 'Meine Kurse', 'Kursimport', 'Kursplanung', 'Steuerung'],
    check: async (page) => {
      const own = await apiGet<{ total: number }>(page, '/api/courses?limit=1');
      expect(own.total).toBeGreaterThan(0);
      expect(await page.getByTestId('course-table').locator('tbody tr').count()).toBe(own.total);
    },
  },
];

describe('each demo role', () => {
  it.each(ROLES)(
    '$email logs in, sees its start page without serious a11y findings, logs out',
    async (role) => {
      const { context, page, errors } = await newPage(browser, srv.url);
      try {
        await loginAs(page, role.email);
        const h1 = await visible(page.getByRole('heading', { level: 1 }));
        expect(await h1.textContent()).toMatch(role.heading);
        expect(await page.getByTestId('tenant-name').textContent()).toBe('Kreis Herford (Demo)');
        expect(await navLabels(page)).toEqual(role.nav);
        await role.check(page);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await logout(page);
        // The session is gone on the server too, not only in the page.
        expect((await page.request.get('/api/auth/me')).status()).toBe(401);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});

describe('login page', () => {
  it('shows the German error from the server on a wrong password, in an alert, and keeps focus in the form', async () => {
    const { context, page } = await newPage(browser, srv.url);
    try {
      await page.goto('/');
      await visible(page.getByRole('heading', { level: 1, name: 'Anmeldung' }));
      // Focus starts in the first field, so the keyboard user can type right away.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('email');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await login(page, 'fachkraft@demo.lotse', 'ganz-falsches-passwort');
      const alert = await visible(page.getByRole('alert'));
      expect(await alert.textContent()).toContain('E-Mail-Adresse oder Passwort ist falsch.');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');
      expect(await page.getByRole('textbox', { name: 'Passwort' }).inputValue()).toBe('');
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect((await page.request.get('/api/auth/me')).status()).toBe(401);
    } finally {
      await context.close();
    }
  });

  it('checks empty fields before asking the server', async () => {
    const { context, page } = await newPage(browser, srv.url);
    try {
      await page.goto('/');
      let logins = 0;
      page.on('request', (r) => {
        if (r.url().endsWith('/api/auth/login')) logins++;
      });
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await visible(page.getByText('Bitte geben Sie Ihre E-Mail-Adresse ein.'));
      await visible(page.getByText('Bitte geben Sie Ihr Passwort ein.'));
      expect(logins).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('pages outside the happy path', () => {
  it('shows a 404 page for an unknown address, the error page for a crash, and "Keine Berechtigung" for a page the role lacks', async () => {
    const { context, page } = await newPage(browser, srv.url);
    try {
      await loginAs(page, 'koordination@demo.lotse');
      await visible(page.getByRole('heading', { level: 1, name: /Überblick/ }));

      await page.goto('/gibt-es-nicht');
      await visible(page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }));
      expect(await page.title()).toBe('Seite nicht gefunden – Lotse');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Zur Startseite' }).click();
      await visible(page.getByRole('heading', { level: 1, name: /Überblick/ }));

      // A server failure while loading a page (the test page /diagnose/fehler exists only in development
      // builds): the API answers 500, the page cannot be shown and says so.
      const some = await apiGet<{ items: { id: string }[] }>(page, '/api/persons?limit=1');
      await page.route('**/api/persons/*', (route) =>
        route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ error: 'Interner Serverfehler (Test)' }),
        }),
      );
      await page.goto(`/personen/${some.items[0]?.id}`);
      await visible(page.getByRole('heading', { level: 1, name: 'Ein Fehler ist aufgetreten' }), 15_000);
      expect(await page.getByTestId('error-page').textContent()).toContain('Interner Serverfehler (Test)');
      // The shell stays: the user can navigate away from a broken page.
      await visible(page.getByRole('navigation', { name: 'Hauptnavigation' }));
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.unroute('**/api/persons/*');
      // The development-only crash page is not part of a production build: it is an unknown address there.
      await page.goto('/diagnose/fehler');
      await visible(page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }));

      await page.goto('/verwaltung/benutzer');
      await visible(page.getByRole('heading', { level: 1, name: 'Keine Berechtigung' }));
      expect(await page.getByTestId('users-table').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('languages', () => {
  it('switches to English (kept after reload) and to Arabic right-to-left, without serious a11y findings', async () => {
    const { context, page } = await newPage(browser, srv.url);
    try {
      await loginAs(page, 'fachkraft@demo.lotse');
      await visible(page.getByRole('heading', { level: 1, name: 'Meine Fälle' }));
      expect(
        await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
      ).toEqual(['de', 'ltr']);

      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'My cases' }));
      await page.reload();
      await visible(page.getByRole('heading', { level: 1, name: 'My cases' }));
      expect(await navLabels(page)).toEqual([
        'My cases',
        'Find a person',
        'Register new person',
        'Review duplicates',
        'Tasks',
        'Appointments',
        'Measures',
        'Vacancies',
        'Employers',
        'Events',
        'Case conferences',
        'Partner network',
        'Handovers',
        'Exits due',
        'Check without a person',
        'Course catalogue',
        'Steering',
      ]);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: 'العربية' }).click();
      await visible(page.getByRole('link', { name: 'حالاتي' }));
      expect(
        await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
      ).toEqual(['ar', 'rtl']);
      // Mantine lays the shell out right-to-left: the navigation sits on the right.
      const nav = await page.getByRole('navigation').boundingBox();
      expect(nav?.x).toBeGreaterThan(600);
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: 'Deutsch' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Meine Fälle' }));
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    } finally {
      await context.close();
    }
  });
});

describe('logout everywhere', () => {
  it('ends the sessions of the same account in other browsers', async () => {
    const a = await newPage(browser, srv.url);
    const b = await newPage(browser, srv.url);
    try {
      await loginAs(a.page, 'sprache@demo.lotse');
      await loginAs(b.page, 'sprache@demo.lotse');
      await visible(a.page.getByRole('heading', { level: 1, name: /Überblick/ }));
      await visible(b.page.getByRole('heading', { level: 1, name: /Überblick/ }));
      await logout(a.page, true);
      expect((await b.page.request.get('/api/auth/me')).status()).toBe(401);
      // The other browser's next page load lands on the login.
      await b.page.reload();
      await visible(b.page.getByRole('heading', { level: 1, name: 'Anmeldung' }));
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });
});
