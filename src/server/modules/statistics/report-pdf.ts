import { accessSync, constants } from 'node:fs';
import { HttpError } from '../../http/errors';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

const unavailable = (detail: string) =>
  new HttpError(
    503,
    'pdf_unavailable',
    `Der Bericht kann gerade nicht als PDF erstellt werden: ${detail} Die Seite „Monatsbericht“ lässt sich im Browser drucken.`,
  );

/** One rendering at a time: Chromium takes a core and some 150 MB; a second request waits its turn. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Prints standalone HTML to an A4 PDF with headless Chromium (playwright-core). The page gets no network
 * (every request is aborted) and no script: it shows exactly the HTML it is given. Without a Chromium at
 * `chromiumPath`, or when it does not start, 503 with a German message.
 */
export async function renderPdf(html: string, chromiumPath = DEFAULT_CHROMIUM): Promise<Buffer> {
  try {
    accessSync(chromiumPath, constants.X_OK);
  } catch {
    throw unavailable(
      `Chromium ist auf dem Server nicht installiert (Einstellung LOTSE_CHROMIUM_PATH: ${chromiumPath}).`,
    );
  }
  const run = queue.then(() => print(html, chromiumPath));
  queue = run.catch(() => undefined);
  return run;
}

async function print(html: string, chromiumPath: string): Promise<Buffer> {
  const { chromium } = await import('playwright-core');
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
      timeout: 20_000,
    });
  } catch {
    throw unavailable('Chromium ließ sich nicht starten.');
  }
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route('**/*', (route) =>
      route.request().url().startsWith('data:') ? route.continue() : route.abort(),
    );
    await page.setContent(html, { waitUntil: 'load', timeout: 20_000 });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center;color:#868e96">Seite <span class="pageNumber"></span> von <span class="totalPages"></span></div>',
    });
  } finally {
    await browser.close();
  }
}
