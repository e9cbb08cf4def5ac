import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from './server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** A fresh context per test: own cookies, German locale, a desktop-sized window. */
export async function newPage(
  browser: Browser,
  baseURL: string,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL,
    locale: 'de-DE',
    viewport: { width: 1360, height: 900 },
  });
  // Fail fast: a missing element is a finding, not something to wait 30 s for.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/** Waits until the locator is visible (playwright-core has no expect; vitest's expect does the asserting). */
export async function visible(locator: Locator, timeout = 10_000): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout });
  return locator;
}

export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByRole('textbox', { name: 'Passwort' }).fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

/** Logs in and waits until the shell (with the user menu) is there. */
export async function loginAs(page: Page, email: string): Promise<void> {
  await login(page, email);
  await visible(page.getByTestId('user-menu'));
}

export async function logout(page: Page, everywhere = false): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page
    .getByRole('menuitem', { name: everywhere ? 'Überall abmelden' : 'Abmelden', exact: true })
    .click();
  await visible(page.getByRole('heading', { name: 'Anmeldung', level: 1 }));
}

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Runs axe-core (WCAG 2.1 A/AA + best practice) and returns the serious and critical findings. */
export async function seriousA11yViolations(page: Page): Promise<AxeFinding[]> {
  // A dialog that is still fading in blends its colours with the overlay: judge the settled page.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.any[0]?.message ?? ''}`),
    }));
}
