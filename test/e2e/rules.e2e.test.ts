import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs, newPage, seriousA11yViolations, visible } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

// Issue 4 in the browser: the status card on a person page (plain words, legal basis on demand), the
// coordinators' law-change impact, the calculator without a person, and the administration's
// retention and law data pages — each without serious accessibility findings.

let srv: TestServer;
let browser: Browser;

beforeAll(async () => {
  [srv, browser] = await Promise.all([startTestServer({ clients: 200 }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

async function apiGet<T>(page: Page, path: string): Promise<T> {
  const r = await page.request.get(path);
  expect(r.status(), path).toBe(200);
  return (await r.json()) as T;
}

async function noSeriousFindings(page: Page, where: string): Promise<void> {
  expect(await seriousA11yViolations(page), where).toEqual([]);
}

interface StatusCard {
  employment: string;
  agency: string;
  rules: string[];
  deadlines: { date: string }[];
}

describe('status card', () => {
  it('shows the decision for a person in plain words, with explanation and legal basis on demand', async () => {
    const { context, page, errors } = await newPage(browser, srv.url);
    try {
      await loginAs(page, 'fachkraft@demo.lotse');
      const me = await apiGet<{ user: { id: string } }>(page, '/api/auth/me');
      const mine = await apiGet<{ items: { id: string; familyName: string; givenNames: string }[] }>(
        page,
        `/api/persons?ownerId=${me.user.id}&limit=1`,
      );
      const target = mine.items[0];
      const decision = await apiGet<StatusCard>(page, `/api/persons/${target.id}/status-card`);
      const law = await apiGet<{ law: { rules: { id: string; basis: string }[] } }>(page, '/api/rules/law');

      await page.goto(`/personen/${target.id}`);
      const card = await visible(page.getByTestId('status-decision'));
      const agency = { AA: 'beraten von der Agentur für Arbeit', JC: 'beraten vom Jobcenter' }[
        decision.agency
      ];
      if (agency) expect(await card.getByTestId('decision-agency').textContent()).toBe(agency);
      const employment = (await card.getByTestId('decision-employment').textContent()) ?? '';
      expect(employment).toMatch(/^darf |^Prüfung nötig$/);
      expect(await card.getByTestId('decision-ik').textContent()).toMatch(
        /berechtigt|verpflichtet|Zulassung möglich|kein Zugang|Prüfung nötig/,
      );
      if (decision.deadlines.length > 0)
        expect(await card.getByTestId('decision-deadlines').locator('li').count()).toBe(
          decision.deadlines.length,
        );

      // Explanation and legal basis are behind a disclosure button (keyboard: focus + Enter).
      expect(await card.getByTestId('decision-rules').isVisible()).toBe(false);
      const toggle = card.getByRole('button', { name: 'Begründung und Rechtsgrundlage anzeigen' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.focus();
      await page.keyboard.press('Enter');
      const rules = await visible(card.getByTestId('decision-rules'));
      const first = law.law.rules.find((r) => r.id === decision.rules[0]);
      expect(first).toBeDefined();
      expect(await rules.textContent()).toContain(first?.basis);
      expect(
        await card
          .getByRole('button', { name: 'Begründung und Rechtsgrundlage ausblenden' })
          .getAttribute('aria-expanded'),
      ).toBe('true');
      await noSeriousFindings(page, 'person page with status card open');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('answers "Prüfung nötig" with the missing facts in the calculator without a person', async () => {
    const { context, page, errors } = await newPage(browser, srv.url);
    try {
      await loginAs(page, 'empfang@demo.lotse');
      await page.locator('nav#main-nav').getByRole('link', { name: 'Prüfen ohne Person' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Prüfen ohne Person' }));
      await noSeriousFindings(page, 'rules check, empty');
      // A Gestattung without nationality and state of the procedure: the engine asks instead of guessing.
      await page.getByRole('combobox', { name: 'Status' }).click();
      await page.getByRole('option', { name: 'Aufenthaltsgestattung', exact: true }).click();
      await page.getByLabel('Gültig ab').fill('2024-01-10');
      await page.getByLabel('Asylantrag gestellt am').fill('2024-01-10');
      await page.getByRole('button', { name: 'Prüfen', exact: true }).click();
      const result = page.getByTestId('rules-check-result');
      const missing = await visible(result.getByTestId('decision-missing'));
      expect(await missing.textContent()).toContain('Stand des Asylverfahrens');
      expect(await missing.textContent()).toContain('Staatsangehörigkeit');
      await noSeriousFindings(page, 'rules check with result');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('Koordination: Rechtsänderung – Auswirkungen', () => {
  it('runs the impact for the Ukraine switch (01.06.2022) and lists the affected persons with before and after', async () => {
    const { context, page, errors } = await newPage(browser, srv.url);
    try {
      await loginAs(page, 'koordination@demo.lotse');
      const api = await apiGet<{ evaluated: number; items: { id: string; name: string }[] }>(
        page,
        '/api/rules/impact?on=2022-06-01',
      );
      expect(api.items.length).toBeGreaterThan(0);
      await page.locator('nav#main-nav').getByRole('link', { name: 'Rechtsänderung – Auswirkungen' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Rechtsänderung – Auswirkungen' }));
      await noSeriousFindings(page, 'impact, empty');
      await page.getByLabel(/^Stichtag\s*\*?$/).fill('2022-06-01');
      await page.getByRole('button', { name: 'Auswirkungen ermitteln' }).click();
      const summary = await visible(page.getByTestId('impact-summary'));
      expect(await summary.textContent()).toMatch(
        new RegExp(
          `^Stichtag 01\\.06\\.2022: ${api.evaluated} Fälle geprüft in [0-9,]+ s, ${api.items.length} mit geänderter Bewertung\\.$`,
        ),
      );
      const table = await visible(page.getByTestId('impact-table'));
      expect(await table.locator('tbody tr').count()).toBe(api.items.length);
      const row = table.locator('tbody tr').first();
      const text = (await row.textContent()) ?? '';
      // §24 before 01.06.2022: AsylbLG / Agentur für Arbeit; from that day SGB II / Jobcenter.
      expect(text).toContain('Leistungen: AsylbLG');
      expect(text).toContain('Leistungen: SGB II');
      expect(text).toContain('Beratung: Jobcenter');
      const link = row.getByRole('link');
      expect(await link.getAttribute('href')).toBe(`/personen/${api.items[0].id}`);
      await visible(page.getByRole('figure', { name: 'Änderungen nach Merkmal' }));
      await noSeriousFindings(page, 'impact with rows');
      await link.click();
      await visible(page.getByTestId('status-decision'));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('Administration', () => {
  it('shows the retention dry run, and refuses invalid law data naming the paths', async () => {
    const { context, page, errors } = await newPage(browser, srv.url);
    try {
      await loginAs(page, 'admin@demo.lotse');
      const dry = await apiGet<{ items: unknown[] }>(page, '/api/admin/retention');
      await page.locator('nav#main-nav').getByRole('link', { name: 'Löschfristen' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Löschfristen' }));
      const count = await visible(page.getByTestId('retention-count'));
      await expect.poll(() => count.textContent()).toMatch(new RegExp(`^${dry.items.length} F`));
      expect(await page.getByRole('button', { name: 'Löschlauf ausführen …' }).isDisabled()).toBe(
        dry.items.length === 0,
      );
      await noSeriousFindings(page, 'retention');

      // The region's periods: change the SGB III retention, saved with the version read; then back again.
      const settings = await visible(page.getByTestId('region-settings'));
      const sgb3 = settings.getByRole('textbox', { name: 'Aufbewahrung nur SGB III (Jahre)' });
      await expect.poll(() => sgb3.inputValue()).toBe('5');
      for (const years of ['6', '5']) {
        await sgb3.fill(years);
        await settings.getByRole('button', { name: 'Fristen speichern' }).click();
        await visible(settings.getByRole('status'));
        const now = await apiGet<{ retentionYears: { sgb3_only: number } }>(page, '/api/admin/settings');
        expect(now.retentionYears.sgb3_only).toBe(Number(years));
      }

      await page.locator('nav#main-nav').getByRole('link', { name: 'Rechtsdaten' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Rechtsdaten' }));
      await noSeriousFindings(page, 'law data, empty');
      await page.getByRole('textbox', { name: 'Anlass der Änderung' }).fill('Test: unvollständige Fassung');
      await page
        .getByRole('textbox', { name: 'Rechtsdaten (JSON)' })
        .fill('{"version": "x", "rules": [{"id": 1}]}');
      await page.getByRole('button', { name: 'Fassung speichern' }).click();
      const issues = await visible(page.getByTestId('law-issues'));
      expect(await issues.textContent()).toContain('Ungültige Rechtsdaten');
      expect(await issues.locator('li').count()).toBeGreaterThan(0);
      expect(await issues.locator('code').first().textContent()).toMatch(/^data/);
      await noSeriousFindings(page, 'law data with issues');

      // The shipped version as a template passes the server's validation.
      await page.getByRole('button', { name: 'Mitgelieferte Fassung laden' }).click();
      await expect
        .poll(
          async () =>
            ((await page.getByRole('textbox', { name: 'Rechtsdaten (JSON)' }).inputValue()) ?? '').length,
        )
        .toBeGreaterThan(1000);
      await page.getByLabel('In Kraft ab').fill('2030-01-01');
      await page.getByRole('textbox', { name: 'Anlass der Änderung' }).fill('Test: unveränderte Fassung');
      await page.getByRole('button', { name: 'Fassung speichern' }).click();
      await visible(page.getByTestId('law-saved'));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
