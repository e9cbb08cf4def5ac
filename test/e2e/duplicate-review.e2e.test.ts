import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs, newPage, seriousA11yViolations, visible } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

// Issue 12: the review queue in the browser — an advisor registers a person again with the year only
// (as an imported list would), starts the check, sees the pair side by side with its reasons, and merges.

let srv: TestServer;
let browser: Browser;
beforeAll(async () => {
  [srv, browser] = await Promise.all([startTestServer({ clients: 150 }), launchBrowser()]);
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

interface Original {
  id: string;
  givenNames: string;
  familyName: string;
  birthDate: string;
  birthDatePrecision: string;
  nationalities: string[];
  gender: string;
}

async function firstWithFullDate(page: Page, ids: string[]): Promise<Original | null> {
  for (const id of ids) {
    const p = await apiGet<Original>(page, `/api/persons/${id}`);
    if (p.birthDate && p.birthDatePrecision === 'day') return p;
  }
  return null;
}

describe('duplicate review in Chromium', () => {
  it('a re-registered person is proposed side by side and merged into the older record', async () => {
    const { context, page, errors } = await newPage(browser, srv.url);
    try {
      await loginAs(page, 'fachkraft@demo.lotse');
      // One of the advisor's own cases with a full birth date, registered again from a list with the year only.
      const mine = await apiGet<{ items: { id: string }[] }>(page, '/api/persons?limit=50');
      const original = await firstWithFullDate(
        page,
        mine.items.map((i) => i.id),
      );
      if (!original) throw new Error('no own case with a full birth date in the demo');
      const me = await apiGet<{ csrfToken: string }>(page, '/api/auth/me');
      const created = await page.request.post('/api/persons', {
        data: {
          givenNames: original.givenNames.toUpperCase(),
          familyName: original.familyName.toUpperCase(),
          birthDate: `${original.birthDate.slice(0, 4)}-01-01`,
          birthDatePrecision: 'year',
          nationalities: original.nationalities,
          gender: original.gender,
        },
        headers: { 'x-csrf-token': me.csrfToken },
      });
      expect(created.status(), await created.text()).toBe(201);
      const copy = (await created.json()) as { id: string };

      await page.locator('nav#main-nav').getByRole('link', { name: 'Dubletten prüfen' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Dubletten prüfen' }));
      await page.getByRole('button', { name: 'Prüfung starten' }).click();
      await visible(page.getByText(/Zuletzt geprüft am .*Personen, .* Vorschläge?\./));
      const card = page.getByRole('region', {
        name: new RegExp(`${original.givenNames} ${original.familyName}`, 'i'),
      });
      // The pair of the copy and the original: the card that links to both records.
      const pair = card
        .filter({ has: page.locator(`a[href="/personen/${copy.id}"]`) })
        .filter({ has: page.locator(`a[href="/personen/${original.id}"]`) });
      await visible(pair);
      await visible(pair.getByText('gleiches Geburtsjahr'));
      expect(await seriousA11yViolations(page)).toEqual([]);
      // The older record — the original, registered before the copy — is preselected to stay.
      const keepOriginal = pair.locator(`input[type="radio"][aria-describedby$="${original.id}-name"]`);
      await expect.poll(() => keepOriginal.isChecked()).toBe(true);
      await pair.getByRole('button', { name: 'Zusammenführen' }).click();
      await expect.poll(() => pair.count()).toBe(0);
      const stub = await srv.server.database.db
        .selectFrom('person')
        .select('merged_into')
        .where('id', '=', copy.id)
        .executeTakeFirstOrThrow();
      expect(stub.merged_into).toBe(original.id);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
