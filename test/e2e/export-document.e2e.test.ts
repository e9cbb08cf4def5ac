import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exportFixture } from '../support/export-fixture';
import { launchBrowser, loginAs, newPage, visible } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

// The Art. 15 answer in Arabic, opened the way a caseworker does (case file → "Auskunft" → العربية) and
// rendered by Chromium: a right-to-left document whose legal reference "§ 25 Abs. 2 AufenthG" keeps its
// order (isolated in the DOM and laid out left-to-right on screen). The screenshot is kept for review.

let srv: TestServer;
let browser: Browser;
let personId: string;
const SCREENSHOT = join(mkdtempSync(join(tmpdir(), 'lotse-export-')), 'auskunft-ar.png');

beforeAll(async () => {
  [srv, browser] = await Promise.all([startTestServer({ clients: 20 }), launchBrowser()]);
  const db = srv.server.database.db;
  const advisor = await db
    .selectFrom('app_user')
    .select(['id', 'tenant_id', 'agency_id', 'team'])
    .where('email', '=', 'fachkraft@demo.lotse')
    .executeTakeFirstOrThrow();
  ({ personId } = await exportFixture(db, advisor.tenant_id, {
    userId: advisor.id,
    agencyId: advisor.agency_id,
    team: advisor.team,
  }));
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

it('renders the Arabic export as a right-to-left document with isolated legal references', async () => {
  const { context, page, errors } = await newPage(browser, srv.url);
  await loginAs(page, 'fachkraft@demo.lotse');
  await page.goto(`/personen/${personId}`);
  await (await visible(page.getByTestId('export-menu'))).click();
  const [doc] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('menuitem', { name: 'العربية' }).click(),
  ]);
  await doc.waitForLoadState('load');
  await visible(doc.getByRole('heading', { level: 1, name: 'معلومات عن البيانات المحفوظة عنك' }));

  expect(await doc.evaluate(() => document.documentElement.dir)).toBe('rtl');
  expect(await doc.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
  expect(await doc.locator('h2').allTextContents()).toEqual([
    'بياناتك الشخصية',
    'الإقامة',
    'اللغات',
    'الأسرة',
    'الموافقات',
    'تحويلات الملف',
    'الدورات',
    'من اطّلع على بياناتك',
  ]);

  // The reference sits in its own left-to-right isolate inside the Arabic sentence …
  const ref = doc.locator('bdi', { hasText: '§ 25 Abs. 2 AufenthG' });
  expect(await ref.count()).toBe(1);
  const layout = await ref.evaluate((el) => {
    const style = getComputedStyle(el);
    const text = el.firstChild as Text;
    const s = text.data;
    // … and on screen "25" comes before "Abs." before "2", left to right: never "(2)25".
    const xOf = (from: number, to: number) => {
      const r = document.createRange();
      r.setStart(text, from);
      r.setEnd(text, to);
      return r.getBoundingClientRect().left;
    };
    const i25 = s.indexOf('25');
    const iAbs = s.indexOf('Abs.');
    const i2 = s.indexOf(' 2 ') + 1;
    return {
      direction: style.direction,
      unicodeBidi: style.unicodeBidi,
      parentDirection: getComputedStyle(el.parentElement as Element).direction,
      x: [xOf(0, 1), xOf(i25, i25 + 2), xOf(iAbs, iAbs + 4), xOf(i2, i2 + 1)],
    };
  });
  expect(layout.direction).toBe('ltr');
  expect(layout.unicodeBidi).toBe('isolate');
  expect(layout.parentDirection).toBe('rtl');
  const [xPara, x25, xAbs, x2] = layout.x;
  expect(xPara).toBeLessThan(x25);
  expect(x25).toBeLessThan(xAbs);
  expect(xAbs).toBeLessThan(x2);

  // Who read the file, in a sentence; the Arabic sentence's date is isolated as well.
  await visible(doc.getByText(/اطّلع على ملفك أحد أخصائيي الاندماج في مركز العمل/).first());
  await doc.screenshot({ path: SCREENSHOT, fullPage: true });
  process.stdout.write(`Arabic export screenshot: ${SCREENSHOT}\n`);
  expect(errors).toEqual([]);
  await context.close();
});
