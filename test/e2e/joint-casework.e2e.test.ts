import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInGermany } from '../../src/domain/reference/dates';
import { launchBrowser, loginAs, newPage, seriousA11yViolations, visible } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

// Issue 13, done when: an advisor opens a case, picks a fitting measure, writes a plan, prints it in
// Arabic (right-to-left, Arabic glyphs from the embedded font — screenshot kept), books an appointment
// with an Arabic interpreter in a satellite office (a second booking of her at that time is refused), the
// automatic tasks appear in the inbox, and the e-mail reminder arrives at the test's SMTP server.

const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
const mails: { to: string; data: string }[] = [];
let smtp: SMTPServer;
let srv: TestServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (c: Buffer) => {
        data += c.toString('utf8');
      });
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as { port: number }).port;
  [srv, browser] = await Promise.all([
    startTestServer({
      clients: 60,
      env: {
        LOTSE_SMTP_URL: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
        LOTSE_JOB_POLL_MS: '300',
        LOTSE_REMINDER_HOUR: '0',
      },
    }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

async function apiCall<T>(
  page: Page,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const r = await page.request.fetch(path, { method, data: body, headers: { 'x-csrf-token': me.csrfToken } });
  return { status: r.status(), json: (await r.json()) as T };
}

/** The next working day at least `ahead` days from today. */
function workingDay(ahead: number): string {
  let d = addDays(todayInGermany(), ahead);
  while ([0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay())) d = addDays(d, 1);
  return d;
}

describe('issue 13: joint case work end to end', () => {
  it('measure → plan → Arabic print → appointment with interpreter → tasks → e-mail reminder', async () => {
    const { context, page, errors } = await newPage(browser, srv.url);
    try {
      await loginAs(page, 'fachkraft@demo.lotse');
      // A client of this advisor: Arabic mother tongue, permit ending in 120 days (a deadline to act on).
      const person = await apiCall<{ id: string }>(page, 'POST', '/api/persons', {
        givenNames: 'Amal',
        familyName: 'Darwish',
        gender: 'f',
        birthDate: '1992-01-01',
        birthDatePrecision: 'year',
        nationalities: ['SY'],
        languages: [{ code: 'ar', level: 'muttersprache' }],
      });
      expect(person.status).toBe(201);
      const pid = person.json.id;
      const status = await apiCall(page, 'POST', `/api/persons/${pid}/residence-status`, {
        kind: 'aufenthaltserlaubnis',
        paragraph: '25(2)',
        since: addDays(todayInGermany(), -600),
        until: addDays(todayInGermany(), 120),
      });
      expect(status.status).toBe(201);

      // ---------------------------------------------------------- fitting measure
      await page.goto(`/personen/${pid}`);
      await page.getByRole('tab', { name: 'Maßnahmen' }).click();
      const fitting = await visible(page.getByTestId('fitting-measures'));
      await visible(fitting.getByText('Frauen in Arbeit'));
      expect(await fitting.getByText('passt', { exact: true }).count()).toBeGreaterThan(0);

      // ---------------------------------------------------------- cooperation plan
      await page.getByRole('tab', { name: 'Kooperationsplan' }).click();
      await page.getByRole('button', { name: 'Plan schreiben' }).click();
      await page.getByRole('textbox', { name: 'Ziel 1' }).fill('Arbeit in der Altenpflege');
      await page
        .getByRole('textbox', { name: 'Schritt 1: was ist zu tun' })
        .fill('Coaching „Frauen in Arbeit“ beginnen');
      await page.getByRole('combobox', { name: 'Maßnahme' }).first().click();
      await page.getByRole('option', { name: /Frauen in Arbeit/ }).click();
      await page.getByRole('combobox', { name: 'Schritt 1: wer' }).click();
      await page.getByRole('option', { name: 'Fachkraft', exact: true }).click();
      // Saving without a date names the field.
      await page.getByRole('button', { name: 'Als neue Fassung speichern' }).click();
      await visible(page.getByText(/Bitte angeben, bis wann/));
      await page.getByLabel('Schritt 1: bis wann').fill(addDays(todayInGermany(), 5));
      await page.getByRole('button', { name: 'Als neue Fassung speichern' }).click();
      await visible(page.getByText(/Fassung 1/));
      expect(await seriousA11yViolations(page)).toEqual([]);

      // ---------------------------------------------------------- print in Arabic
      const printPage = await context.newPage();
      await printPage.goto(`${srv.url}/api/persons/${pid}/plan/print?lang=ar`);
      await printPage.evaluate(() => document.fonts.ready);
      expect(await printPage.locator('html').getAttribute('dir')).toBe('rtl');
      const arabic = printPage.locator('section[lang="ar"]');
      expect(await arabic.getAttribute('dir')).toBe('rtl');
      await visible(arabic.getByText('خطة التعاون'));
      // The Arabic heading is drawn with the embedded Arabic font (not a fallback showing boxes).
      const fonts = await printPage.evaluate(() =>
        [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')),
      );
      expect(fonts).toContain('Noto Sans Arabic');
      expect(await printPage.evaluate(() => document.fonts.check('16px "Noto Sans Arabic"', 'خطة'))).toBe(
        true,
      );
      // Right-to-left: the Arabic section's heading sits at the right edge.
      const box = await arabic.locator('h2').boundingBox();
      const section = await arabic.boundingBox();
      expect(box && section && box.x + box.width > section.x + section.width - 40).toBe(true);
      await printPage.screenshot({ path: join(SHOTS, 'kooperationsplan-ar.png'), fullPage: true });
      await printPage.close();

      // ---------------------------------------------------------- appointment with an Arabic interpreter
      const day = workingDay(3);
      await page.getByRole('tab', { name: 'Termine' }).click();
      await page.getByRole('button', { name: 'Termin vereinbaren' }).click();
      const dialog = page.getByRole('dialog', { name: 'Termin vereinbaren' });
      await dialog.getByRole('combobox', { name: 'Standort' }).click();
      await page.getByRole('option', { name: 'Außenstelle Außenstelle Bünde' }).click();
      await dialog.getByRole('combobox', { name: 'Raum' }).click();
      await page.getByRole('option', { name: 'Beratungsraum' }).click();
      await dialog.getByLabel('Tag').fill(day);
      await dialog.getByLabel('von').fill('13:00');
      await dialog.getByLabel('bis').fill('14:00');
      await dialog.getByRole('combobox', { name: 'Dolmetschung in' }).click();
      await page.getByRole('option', { name: 'Arabisch' }).click();
      await dialog.getByRole('combobox', { name: 'Dolmetscherin / Dolmetscher' }).click();
      await page.getByRole('option', { name: /Samira Haddad/ }).click();
      await dialog.getByRole('button', { name: 'Termin buchen' }).click();
      const list = await visible(page.getByTestId('appointment-list'));
      await visible(list.getByText('Samira Haddad'));

      // A colleague tries the same interpreter at the same time: refused, naming her.
      const colleague = await newPage(browser, srv.url);
      await loginAs(colleague.page, 'sprache@demo.lotse');
      const offices = await apiCall<{ id: string; name: string }[]>(
        colleague.page,
        'GET',
        '/api/meta/offices',
      );
      const interpreters = await apiCall<{ id: string; name: string }[]>(
        colleague.page,
        'GET',
        '/api/interpreters?language=ar',
      );
      const samira = interpreters.json.find((i) => i.name === 'Samira Haddad');
      const clash = await apiCall<{ error: string }>(colleague.page, 'POST', '/api/appointments', {
        kind: 'sprachberatung',
        officeId: offices.json[0]?.id,
        startsAt: `${day}T13:30:00+01:00`,
        endsAt: `${day}T14:30:00+01:00`,
        interpreterLanguage: 'ar',
        interpreterId: samira?.id,
      });
      expect(clash.status).toBe(409);
      expect(clash.json.error).toMatch(/Samira Haddad dolmetscht .* schon/);
      await colleague.context.close();

      // ---------------------------------------------------------- the inbox
      await page.locator('nav#main-nav').getByRole('link', { name: 'Aufgaben' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Aufgaben' }));
      const tasks = await visible(page.getByTestId('task-list'));
      await visible(tasks.getByText(/Coaching „Frauen in Arbeit“ beginnen/));
      await page.locator('label', { hasText: /^Später/ }).click();
      await visible(
        page
          .getByTestId('task-list')
          .getByText('Verlängerung des Aufenthaltstitels rechtzeitig beantragen lassen')
          .first(),
      );
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }

    // ---------------------------------------------------------- e-mail reminder
    const deadline = Date.now() + 15_000;
    while (!mails.some((m) => m.to === 'fachkraft@demo.lotse') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
    }
    const mail = mails.find((m) => m.to === 'fachkraft@demo.lotse');
    expect(mail, 'reminder e-mail to the advisor').toBeDefined();
    expect(mail?.data).toMatch(/Subject: .*Lotse/);
    expect(mail?.data).not.toMatch(/Darwish/);
  });
});
