import { appendFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs, newPage, visible } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

// Every demo role walks every page its navigation offers, plus a person with the status card opened,
// a handover with its Übergabebogen and a course — in German, English and Arabic. What a caseworker or a
// receiving agency reads must be words of the trade: no i18n key, code, rule id, JSON, ISO date, English
// validator message or "undefined"; in the German and Arabic UI no English UI word either.

let srv: TestServer;
let browser: Browser;

beforeAll(async () => {
  [srv, browser] = await Promise.all([startTestServer({ clients: 120 }), launchBrowser()]);
  await prepareHandover();
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

const LANGS = ['de', 'en', 'ar'] as const;
type Lang = (typeof LANGS)[number];

const ROLES = [
  'admin',
  'empfang',
  'fachkraft',
  'fachkraft-aa',
  'sprache',
  'ags',
  'koordination',
  'sozialamt',
  'kurse',
].map((r) => `${r}@demo.lotse`);

/** What must never reach a reader, in any language. */
const EVERYWHERE: [string, RegExp][] = [
  // A dotted key or rule id ("person.foo", "review.contradiction", "gestattung.wait_3m").
  ['i18n key or rule id', /\b[a-z][a-zA-Z]+\.[a-z][a-zA-Z0-9]*(?:[._][a-zA-Z0-9]+)*\b/],
  // A code with underscores ("bsk_b2", "sgb3_only", "advisor_estimate").
  ['code', /\b[a-z][a-z0-9]*_[a-z0-9_]+\b/],
  ['JSON', /\{"|":/],
  ['ISO date', /\d{4}-\d{2}-\d{2}/],
  ['English validator message', /\b(Too big|Too small|Invalid|expected|Required)\b/],
  ['object', /\[object Object\]/],
  ['undefined/null/NaN', /\b(undefined|null|NaN)\b/],
];

/** English UI words that mean a string escaped translation (words that are not also German). */
const ENGLISH_WORDS =
  /\b(Save|Cancel|Search|Loading|Submit|Delete|Edit|Close|Previous|Next page|Yes|Show|Hide|Settings|Error|Unknown|Nothing found|No results|Download|Upload|Clear|Apply|Select|Back to|Sign in|Log out|Open|Page \d+ of)\b/;

/** Addresses and mail addresses are data, not keys: they are left out before the checks. */
function scrub(text: string): string {
  return text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\b[\w-]+\.(xlsx|csv|json|pdf|txt)\b/g, ' ');
}

interface Finding {
  role: string;
  lang: Lang;
  page: string;
  kind: string;
  match: string;
  context: string;
}

function findings(text: string, where: Omit<Finding, 'kind' | 'match' | 'context'>): Finding[] {
  const out: Finding[] = [];
  const clean = scrub(text);
  const rules =
    where.lang === 'en' ? EVERYWHERE : [...EVERYWHERE, ['English UI word', ENGLISH_WORDS] as const];
  for (const [kind, re] of rules) {
    const g = new RegExp(re.source, `${re.flags}g`);
    for (const m of clean.matchAll(g)) {
      const i = m.index ?? 0;
      out.push({
        ...where,
        kind,
        match: m[0],
        context: clean.slice(Math.max(0, i - 40), i + 40).replace(/\s+/g, ' '),
      });
    }
  }
  return out;
}

/** The page's visible text plus the words only assistive technology reads (labels, titles, placeholders). */
async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attrs: string[] = [];
    for (const el of document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')) {
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(a);
        if (v) attrs.push(v);
      }
    }
    return `${document.title}\n${document.body.innerText}\n${attrs.join('\n')}`;
  });
}

/** Waits until the page has its (new) heading and nothing is loading any more. */
async function settled(page: Page): Promise<void> {
  await visible(page.locator('main h1:not([data-walked]), main h2:not([data-walked])').first());
  await page.waitForFunction(
    () => !document.querySelector('.mantine-Skeleton-root, main .mantine-Loader-root, [aria-busy="true"]'),
    undefined,
    { timeout: 10_000 },
  );
}

/**
 * Client-side navigation as a click on a link does it: the app is loaded once per language, so the walk
 * measures pages, not bundle start-ups. The old heading is marked to wait for the new page.
 */
async function go(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    // Same route component (only the query differs): its heading stays, nothing to wait for.
    if (new URL(p, window.location.href).pathname !== window.location.pathname)
      for (const h of document.querySelectorAll('main h1, main h2')) h.setAttribute('data-walked', '');
    window.history.pushState(null, '', p);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await settled(page);
}

async function apiGet<T>(page: Page, path: string): Promise<T | null> {
  const r = await page.request.get(path);
  return r.ok() ? ((await r.json()) as T) : null;
}

/**
 * A Rechtskreiswechsel handover, created as a caseworker does: the AA advisor records the recognition of
 * one of her asylum seekers; the server hands the case to the Jobcenter with the Übergabebogen.
 */
async function prepareHandover(): Promise<void> {
  const { context, page } = await newPage(browser, srv.url);
  await loginAs(page, 'fachkraft-aa@demo.lotse');
  const csrf = await page.evaluate(async () => {
    const r = await fetch('/api/auth/me');
    return ((await r.json()) as { csrfToken?: string }).csrfToken ?? '';
  });
  const me = await apiGet<{ user: { id: string } }>(page, '/api/auth/me');
  const list = await apiGet<{ items: { id: string }[] }>(
    page,
    `/api/persons?rechtskreis=asylblg&ownerId=${me?.user.id}&limit=5`,
  );
  const id = list?.items[0]?.id;
  expect(id, 'an asylum seeker of the AA advisor').toBeTruthy();
  const since = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
  const r = await page.request.post(`/api/persons/${id}/residence-status`, {
    headers: { 'x-csrf-token': csrf },
    data: {
      kind: 'aufenthaltserlaubnis',
      paragraph: '25(2)',
      since,
      asylumDecision: 'recognised',
      asylumDecisionDate: since,
      document: 'eAT',
    },
  });
  expect(r.status(), await r.text()).toBe(201);
  await context.close();
}

/** The pages of one role: its navigation, then a person, a handover and a course when it may see them. */
type Collect = (suffix: string) => Promise<void>;
interface WalkPage {
  path: string;
  /** Opens what the page hides (disclosures, tabs, dialogs) and collects the text of each state. */
  open?: (p: Page, collect: Collect) => Promise<void>;
}

async function pagesOf(page: Page): Promise<WalkPage[]> {
  const nav = page.locator('nav#main-nav');
  await visible(nav.getByRole('link').first());
  const hrefs = await nav.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '/'));
  const pages: WalkPage[] = [...new Set(hrefs)].map((path) => ({ path }));
  const persons = await apiGet<{ items: { id: string }[] }>(page, '/api/persons?limit=1&rechtskreis=sgb2');
  if (persons?.items[0])
    pages.push({
      path: `/personen/${persons.items[0].id}`,
      open: async (p, collect) => {
        const card = p.getByTestId('status-decision');
        if ((await card.count()) > 0) {
          const why = card.locator('button[aria-expanded="false"]');
          if ((await why.count()) > 0) {
            await why.first().click();
            await visible(p.getByTestId('decision-explanation'));
          }
        }
        // Every tab of the case file: each decides from the same facts and must read as words.
        const tabs = p.getByRole('tab');
        const n = await tabs.count();
        for (let i = 0; i < n; i++) {
          await tabs.nth(i).click();
          await settled(p);
          await collect(`#tab${i + 1}`);
        }
      },
    });
  for (const box of ['inbox', 'outbox'] as const) {
    const h = await apiGet<{ items: { id: string }[] }>(page, `/api/handovers?box=${box}`);
    if (h?.items[0]) {
      const hid = h.items[0].id;
      pages.push({
        path: `/uebergaben?box=${box}`,
        open: async (p, collect) => {
          await p.locator(`tr[data-handover="${hid}"] button`).click();
          await visible(p.getByTestId('record-sections'));
          await collect('#uebergabebogen');
        },
      });
      break;
    }
  }
  const courses = await apiGet<{ items: { id: string }[] }>(page, '/api/courses?limit=1');
  if (courses?.items[0]) pages.push({ path: `/kurse/${courses.items[0].id}` });
  return pages;
}

// WALK_ROLES=fachkraft,kurse narrows the walk while fixing findings; WALK_DUMP=file writes what it read.
const dump = process.env.WALK_DUMP;
const only = process.env.WALK_ROLES?.split(',').map((r) => `${r}@demo.lotse`);

describe('page walk: no developer text in German, English or Arabic', () => {
  for (const email of ROLES.filter((r) => !only || only.includes(r)))
    it(`${email}`, { timeout: 240_000 }, async () => {
      const { context, page, errors } = await newPage(browser, srv.url);
      await loginAs(page, email);
      const pages = await pagesOf(page);
      const found: Finding[] = [];
      for (const lang of LANGS) {
        await page.evaluate((l) => window.localStorage.setItem('lotse.language', l), lang);
        await page.goto('/');
        await settled(page);
        for (const p of pages) {
          await go(page, p.path);
          const collect = async (suffix: string) => {
            const text = await pageText(page);
            if (dump) appendFileSync(dump, `\n===== ${email} ${lang} ${p.path}${suffix}\n${text}\n`);
            found.push(...findings(text, { role: email, lang, page: `${p.path}${suffix}` }));
          };
          await collect('');
          if (p.open) await p.open(page, collect);
        }
      }
      await context.close();
      expect(errors).toEqual([]);
      expect(
        found.map((f) => `${f.lang} ${f.page} — ${f.kind}: «${f.match}» in «${f.context}»`),
        `${pages.length} pages × ${LANGS.length} languages`,
      ).toEqual([]);
    });
});
