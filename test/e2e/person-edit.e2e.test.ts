import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs, newPage, seriousA11yViolations, visible } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

// Issue 8, done when: the front desk registers a person with a year-only birth date, a nationality and
// two spellings, saves languages, and all of them are still there; an advisor corrects the birth date and
// the nationality (with a reason) and sees the field history in words.

let srv: TestServer;
let browser: Browser;

beforeAll(async () => {
  [srv, browser] = await Promise.all([startTestServer({ clients: 50 }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

interface PersonAnswer {
  id: string;
  version: number;
  birthDate: string | null;
  birthDatePrecision: string;
  nationalities: string[];
  nameVariants: string[];
  languages?: { code: string; level: string }[];
}

async function api<T>(
  page: Page,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  status = 200,
): Promise<T> {
  const me =
    method === 'GET'
      ? null
      : ((await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string });
  const r =
    method === 'GET'
      ? await page.request.get(path)
      : await page.request.post(path, { data: body, headers: { 'x-csrf-token': me?.csrfToken ?? '' } });
  expect(r.status(), `${path}: ${await r.text()}`).toBe(status);
  return (await r.json()) as T;
}

async function choose(page: Page, scope: ReturnType<Page['getByTestId']>, label: string, option: string) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('issue 8: nothing typed is lost, master data can be corrected with a history', () => {
  it('keeps nationality, spellings and birth year through a language save, and shows a correction in the history', async () => {
    let personId = '';
    // ---------------------------------------------------------------- front desk
    const desk = await newPage(browser, srv.url);
    try {
      const { page } = desk;
      await loginAs(page, 'empfang@demo.lotse');
      await page.locator('nav#main-nav').getByRole('link', { name: 'Neue Person aufnehmen' }).click();
      const form = await visible(page.getByTestId('intake-form'));
      await form.getByRole('textbox', { name: 'Vorname(n)' }).fill('Semhar');
      await form.getByRole('textbox', { name: 'Familienname' }).fill('Tesfamariam');
      await form
        .getByRole('textbox', { name: 'Weitere Schreibweisen' })
        .fill('Semhar Tesfamarian, Semhar Tesfa Mariam');
      await choose(page, form, 'Geschlecht', 'weiblich');
      await choose(page, form, 'Geburtsdatum bekannt als', 'nur Jahr');
      await form.getByRole('textbox', { name: 'Geburtsjahr' }).fill('1996');
      await form.getByRole('combobox', { name: 'Staatsangehörigkeit(en)' }).fill('Eritr');
      await page.getByRole('option', { name: 'Eritrea' }).click();
      await page.keyboard.press('Escape');
      await form.getByRole('button', { name: 'Person anlegen' }).click();
      const dup = page.getByTestId('duplicate-warning');
      if (await dup.isVisible().catch(() => false))
        await dup.getByRole('button', { name: 'Trotzdem neu anlegen' }).click();
      await visible(
        page.getByRole('heading', { level: 1, name: 'Aufnahme fortsetzen: Tesfamariam, Semhar' }),
      );
      personId = page.url().split('/').at(-2) ?? '';

      // Section 5: languages — the save that once emptied nationality and spellings.
      const languages = page.getByTestId('intake-languages');
      const editor = await visible(languages.getByTestId('languages-editor'));
      await editor.getByRole('combobox', { name: 'Sprache' }).first().fill('Tigrin');
      await page.getByRole('option', { name: 'Tigrinya' }).click();
      await choose(page, editor, 'Niveau', 'Muttersprache');
      await editor.getByRole('button', { name: 'Sprachen speichern' }).click();
      await visible(languages.getByText('Tigrinya'));

      await page.reload();
      await visible(
        page.getByRole('heading', { level: 1, name: 'Aufnahme fortsetzen: Tesfamariam, Semhar' }),
      );
      const stored = await api<PersonAnswer>(page, 'GET', `/api/persons/${personId}`);
      expect(stored).toMatchObject({
        birthDate: '1996-01-01',
        birthDatePrecision: 'year',
        nationalities: ['ER'],
        nameVariants: ['Semhar Tesfamarian', 'Semhar Tesfa Mariam'],
      });
      expect(stored.languages).toEqual([{ code: 'ti', level: 'muttersprache' }]);

      // The case goes to the Jobcenter advisor Frank Fachkraft.
      const agencies = await api<{ id: string; name: string }[]>(page, 'GET', '/api/meta/agencies');
      const jobcenter = agencies.find((a) => a.name === 'Jobcenter Kreis Herford');
      const staff = await api<{ id: string; name: string }[]>(
        page,
        'GET',
        `/api/meta/staff?agencyId=${jobcenter?.id}`,
      );
      const frank = staff.find((s) => s.name === 'Frank Fachkraft');
      const h = await api<{ id: string; version: number }>(
        page,
        'POST',
        `/api/persons/${personId}/handovers`,
        {
          kind: 'case',
          toAgencyId: jobcenter?.id,
          toUserId: frank?.id,
          reason: 'Beratung nach der Aufnahme',
        },
        201,
      );
      // ---------------------------------------------------------------- advisor
      const advisor = await newPage(browser, srv.url);
      try {
        const a = advisor.page;
        await loginAs(a, 'fachkraft@demo.lotse');
        await api(a, 'POST', `/api/handovers/${h.id}/accept`, { version: h.version });
        await a.goto(`/personen/${personId}`);
        await visible(a.getByRole('heading', { level: 1, name: 'Tesfamariam, Semhar' }));
        await a.getByTestId('correction-open').click();
        const dialog = await visible(a.getByRole('dialog', { name: 'Stammdaten korrigieren' }));
        await choose(a, dialog as never, 'Geburtsdatum bekannt als', 'Tag, Monat und Jahr');
        await dialog.getByLabel('Geburtsdatum', { exact: true }).fill('1996-04-17');
        const nat = dialog.getByRole('combobox', { name: 'Staatsangehörigkeit(en)' });
        await nat.click();
        await a.keyboard.press('Backspace');
        await nat.fill('ungekl');
        await a.getByRole('option', { name: 'ungeklärt' }).click();
        await a.keyboard.press('Escape');
        // Identity data without a reason: the server's answer lands on the reason field.
        await dialog.getByTestId('correction-save').click();
        await visible(dialog.getByText('ist ein Änderungsgrund nötig', { exact: false }));
        await dialog
          .getByRole('textbox', { name: 'Grund der Änderung' })
          .fill('Geburtsurkunde vorgelegt, Pass fehlt');
        expect(await seriousA11yViolations(a), 'correction dialog').toEqual([]);
        await dialog.getByTestId('correction-save').click();
        await a.getByRole('dialog', { name: 'Stammdaten korrigieren' }).waitFor({ state: 'hidden' });
        await visible(a.getByTestId('status-card').getByText('17.04.1996'));
        await visible(a.getByTestId('status-card').getByText('ungeklärt'));

        await a.getByRole('tab', { name: 'Änderungsverlauf' }).click();
        const table = await visible(a.getByTestId('field-history'));
        const text = (await table.textContent()) ?? '';
        expect(text).toContain('Frank Fachkraft');
        expect(text).toContain('Staatsangehörigkeit');
        expect(text).toContain('Eritrea');
        expect(text).toContain('ungeklärt');
        expect(text).toContain('Geburtsdatum');
        expect(text).toContain('17.04.1996');
        expect(text).toContain('Geburtsurkunde vorgelegt, Pass fehlt');
        // Words, not codes or ISO dates.
        expect(text).not.toMatch(/\bXXX\b|\bER\b|\d{4}-\d{2}-\d{2}/);
        expect(await seriousA11yViolations(a), 'field history').toEqual([]);
        const after = await api<PersonAnswer>(a, 'GET', `/api/persons/${personId}`);
        expect(after).toMatchObject({
          birthDate: '1996-04-17',
          birthDatePrecision: 'day',
          nationalities: ['XXX'],
          nameVariants: ['Semhar Tesfamarian', 'Semhar Tesfa Mariam'],
          languages: [{ code: 'ti', level: 'muttersprache' }],
        });
        expect(advisor.errors).toEqual([]);
      } finally {
        await advisor.context.close();
      }
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.context.close();
    }
  });

  it('shows every intake error on its field in German: birth year 1850, an entry date in the future', async () => {
    const desk = await newPage(browser, srv.url);
    try {
      const { page } = desk;
      await loginAs(page, 'empfang@demo.lotse');
      await page.locator('nav#main-nav').getByRole('link', { name: 'Neue Person aufnehmen' }).click();
      const form = await visible(page.getByTestId('intake-form'));
      await form.getByRole('textbox', { name: 'Vorname(n)' }).fill('Karim');
      await form.getByRole('textbox', { name: 'Familienname' }).fill('Nasser');
      await choose(page, form, 'Geschlecht', 'männlich');
      await choose(page, form, 'Geburtsdatum bekannt als', 'nur Jahr');
      await form.getByRole('textbox', { name: 'Geburtsjahr' }).fill('1850');
      await form.getByLabel('Einreise nach Deutschland').fill('2099-01-01');
      await form.getByRole('button', { name: 'Person anlegen' }).click();
      const dup = page.getByTestId('duplicate-warning');
      if (await dup.isVisible().catch(() => false))
        await dup.getByRole('button', { name: 'Trotzdem neu anlegen' }).click();
      const birth = form.getByRole('textbox', { name: 'Geburtsjahr' });
      await expect.poll(() => birth.getAttribute('aria-invalid')).toBe('true');
      await visible(form.getByText('Geburtsdatum vor 1900 ist nicht plausibel'));
      await visible(form.getByText('Datum liegt in der Zukunft'));
      expect(await form.getByLabel('Einreise nach Deutschland').getAttribute('aria-invalid')).toBe('true');
      expect(await seriousA11yViolations(page), 'intake with field errors').toEqual([]);
      expect(desk.errors.filter((e) => !e.includes('400'))).toEqual([]);
    } finally {
      await desk.context.close();
    }
  });
});
