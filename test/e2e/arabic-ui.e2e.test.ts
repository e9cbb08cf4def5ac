import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import arLanguage from '../../src/web/features/language/i18n/ar.json';
import deLanguage from '../../src/web/features/language/i18n/de.json';
import arShell from '../../src/web/i18n/ar.json';
import arCasefile from '../../src/web/i18n/casefile.ar.json';
import deCasefile from '../../src/web/i18n/casefile.de.json';
import deShell from '../../src/web/i18n/de.json';
import { launchBrowser, loginAs, newPage, visible } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

// The staff UI in Arabic, page by page in Chromium: right-to-left, and no sentence of the German
// catalogues left on the page (the symptom was an "Arabic" UI that was about 90 % German).

type Tree = { [k: string]: string | Tree };
const values = (t: Tree): string[] =>
  Object.values(t).flatMap((v) => (typeof v === 'string' ? [v] : values(v)));
/** Names that are the same in both languages (DTZ, TestDaF, AsylbLG …) are not a finding. */
const ARABIC = new Set([arShell, arCasefile, arLanguage].flatMap((c) => values(c as Tree)));
/** Whole German catalogue values (a label, a heading, a status) … */
const GERMAN_LABELS = new Set(
  [deShell, deCasefile, deLanguage]
    .flatMap((c) => values(c as Tree))
    .map((v) => v.trim())
    .filter((v) => /[a-zäöüß]{3}/.test(v) && !ARABIC.has(v)),
);
/** … and the literal pieces of German sentences between placeholders, long enough never to be data. */
const GERMAN_SENTENCES = [...GERMAN_LABELS]
  .flatMap((v) => v.split(/\{\{\w+\}\}/))
  .map((s) => s.trim())
  .filter((s) => s.length >= 25);
/**
 * Data, not interface: the demo's residence documents are named as printed on them (a document typed as
 * "Aufenthaltsgestattung" by staff is shown as typed). Names of people and agencies never equal a whole
 * label, so they need no entry here.
 */
const DATA = new Set(['Aufenthaltsgestattung', 'Duldung']);

let srv: TestServer;
let browser: Browser;
beforeAll(async () => {
  [srv, browser] = await Promise.all([startTestServer({ clients: 60 }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

async function arabicPage(email: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context, page } = await newPage(browser, srv.url);
  await loginAs(page, email);
  await page.evaluate(() => window.localStorage.setItem('lotse.language', 'ar'));
  return { page, close: () => context.close() };
}

async function germanLeftOn(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  await visible(page.locator('h1').first());
  // Let queries settle: the page's own content, not a loading state, is judged.
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
    'ar',
    'rtl',
  ]);
  const { text, leaves } = await page.evaluate(() => ({
    text: document.body.innerText,
    // Texts of elements without child elements: a label, a cell, a badge.
    leaves: [...document.body.querySelectorAll('*')]
      .filter((e) => e.children.length === 0 && (e as HTMLElement).offsetParent !== null)
      .map((e) => (e.textContent ?? '').trim())
      .filter(Boolean),
  }));
  if (process.env.LOTSE_SCREENSHOT_DIR)
    await page.screenshot({ path: `${process.env.LOTSE_SCREENSHOT_DIR}/ar${path.replaceAll('/', '_')}.png` });
  return [
    ...leaves.filter((l) => GERMAN_LABELS.has(l) && !DATA.has(l)).map((l) => `${path}: label „${l}“`),
    ...GERMAN_SENTENCES.filter((g) => text.includes(g)).map((g) => `${path}: sentence „${g}“`),
  ];
}

const PAGES: { email: string; paths: (page: Page) => Promise<string[]> }[] = [
  {
    email: 'fachkraft@demo.lotse',
    paths: async (page) => {
      const me = await (await page.request.get('/api/auth/me')).json();
      const mine = await (await page.request.get(`/api/persons?ownerId=${me.user.id}&limit=1`)).json();
      return [
        '/',
        '/personen',
        `/personen/${mine.items[0].id}`,
        '/personen/neu',
        '/uebergaben',
        '/uebergaben/austritte',
        '/regeln/pruefen',
        '/kurse',
      ];
    },
  },
  {
    email: 'koordination@demo.lotse',
    paths: async () => ['/', '/koordination/rechtsaenderung', '/sprache/planung', '/sprache/fortschritt'],
  },
  { email: 'sprache@demo.lotse', paths: async () => ['/', '/sprache/zuteilung'] },
  {
    email: 'admin@demo.lotse',
    paths: async () => ['/verwaltung/benutzer', '/verwaltung/loeschfristen', '/verwaltung/rechtsdaten'],
  },
];

for (const { email, paths } of PAGES)
  it(`${email}: every page right-to-left with no German catalogue text left`, {
    timeout: 300_000,
  }, async () => {
    const found: string[] = [];
    const { page, close } = await arabicPage(email);
    for (const path of await paths(page)) found.push(...(await germanLeftOn(page, path)));
    await close();
    expect(found).toEqual([]);
  });
