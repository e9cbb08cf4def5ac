import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs, newPage, seriousA11yViolations, visible } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

// Language path in the browser (issue 5): the language advisor runs the allocation of the demo county, sees
// how many more people the optimal proposal places than first come first served, confirms it, and the person
// page shows the course. Imports refuse a bad file as a whole; a provider sees only its own courses;
// coordination plans seats and follows the levels reached. Every new page is checked with axe.

let srv: TestServer;
let browser: Browser;

beforeAll(async () => {
  // The full demo county (~900 waiting, 34 courses): with fewer clients both allocations place everyone.
  [srv, browser] = await Promise.all([startTestServer({ clients: 3500 }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

interface Metrics {
  placed: number;
}
interface RunAnswer {
  id: string;
  state: string;
  metrics: { optimal: Metrics; fcfs: Metrics; proposal: Metrics };
  assignments: {
    personId: string;
    name: string;
    courseId: string;
    courseRef: string;
    courseTypes: string[];
  }[];
  courses: { id: string; ref: string; type: string }[];
}
interface CourseList {
  total: number;
  items: { id: string; ref: string; provider: { id: string; name: string }; taken: number; seats: number }[];
}

async function apiGet<T>(page: Page, path: string): Promise<T> {
  const r = await page.request.get(path);
  expect(r.status(), path).toBe(200);
  return (await r.json()) as T;
}

async function csrf(page: Page): Promise<string> {
  return (await apiGet<{ csrfToken: string }>(page, '/api/auth/me')).csrfToken;
}

async function noSeriousFindings(page: Page, where: string): Promise<void> {
  expect(await seriousA11yViolations(page), where).toEqual([]);
}

const nav = (page: Page, name: string) =>
  page.locator('nav#main-nav').getByRole('link', { name, exact: true }).click();

describe('Sprachberatung: Kurszuteilung', () => {
  it('runs the allocation of the demo county, sees the gain over first come first served, adjusts, confirms; the person page shows the course', async () => {
    const { context, page, errors } = await newPage(browser, srv.url);
    try {
      await loginAs(page, 'sprache@demo.lotse');
      await nav(page, 'Kurszuteilung');
      await visible(page.getByRole('heading', { level: 1, name: 'Kurszuteilung' }));
      const waiting = await apiGet<{ total: number }>(page, '/api/waitlist?limit=1');
      expect(waiting.total).toBeGreaterThan(500);
      await expect
        .poll(() => page.getByTestId('waitlist-total').textContent())
        .toContain(`${waiting.total.toLocaleString('de-DE')} Personen warten`);
      await noSeriousFindings(page, 'Kurszuteilung');

      // Run: the page polls the run while the solver works, then shows both allocations.
      await page.getByTestId('run-start').click();
      const gain = await visible(page.getByTestId('gain-placed'), 30_000);
      const runId = new URL(page.url()).searchParams.get('lauf');
      expect(runId).toBeTruthy();
      const run = await apiGet<RunAnswer>(page, `/api/allocations/${runId}`);
      expect(run.state).toBe('proposed');
      const more = run.metrics.optimal.placed - run.metrics.fcfs.placed;
      expect(more).toBeGreaterThan(0);
      expect(Number(await gain.textContent())).toBe(more);
      expect(await page.getByTestId('gain').textContent()).toContain('mehr untergebracht als nach Eingang');
      expect(await page.getByTestId('metric-placed-optimal').textContent()).toContain(
        String(run.metrics.optimal.placed),
      );
      expect(await page.getByTestId('metric-placed-fcfs').textContent()).toContain(
        String(run.metrics.fcfs.placed),
      );
      expect(await page.getByTestId('metric-women-optimal').textContent()).toMatch(/%.*\/.*%/);
      await noSeriousFindings(page, 'Kurszuteilung, Ergebnis');

      // Adjust: a course of a type the person has no claim to is refused by the server, with the reason.
      const first = run.assignments[0];
      const wrong = run.courses.find((c) => !first.courseTypes.includes(c.type));
      expect(wrong).toBeDefined();
      await page.getByTestId('assignments').getByRole('searchbox', { name: 'Name suchen' }).fill(first.name);
      await page.getByRole('button', { name: `Zuteilung von ${first.name} ändern` }).click();
      const dialog = await visible(page.getByRole('dialog'));
      await dialog.getByRole('combobox', { name: 'Neuer Kurs' }).fill(wrong!.ref);
      await page.getByRole('option', { name: new RegExp(`^${wrong!.ref} `) }).click();
      await dialog.getByRole('button', { name: 'Umsetzen' }).click();
      const refused = await visible(dialog.getByTestId('adjust-error'));
      expect(await refused.textContent()).toContain('kein Anspruch auf die Kursart');
      await noSeriousFindings(page, 'Zuteilung ändern');
      await dialog.getByRole('button', { name: 'Abbrechen' }).click();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });

      // Confirm → enrolments with letters in the client's language.
      await page.getByTestId('confirm-open').click();
      await visible(page.getByRole('dialog', { name: 'Vorschlag bestätigen' }));
      await page.getByTestId('confirm-submit').click();
      const table = await visible(page.getByTestId('enrolment-table'), 20_000);
      expect(await table.locator('tbody tr').count()).toBe(run.metrics.proposal.placed);
      const letter = table
        .locator('tbody tr')
        .first()
        .getByRole('link', { name: /^Brief \(/ });
      const href = await letter.getAttribute('href');
      expect(href).toMatch(/^\/api\/enrolments\/[0-9a-f-]+\/letter\?lang=[a-z]+$/);
      const html = await page.request.get(href!);
      expect(html.status()).toBe(200);
      expect(html.headers()['content-type']).toContain('text/html');
      await noSeriousFindings(page, 'Kurszuteilung, bestätigt');

      // The person page shows the course.
      const person = table.locator('tbody tr').first().getByRole('link').first();
      const name = (await person.textContent()) ?? '';
      const assigned = run.assignments.find((a) => a.name === name);
      expect(assigned).toBeDefined();
      await person.click();
      await page.waitForURL(`**/personen/${assigned!.personId}`);
      await page.getByRole('tab', { name: 'Sprache & Kurse' }).click();
      const courses = await visible(page.getByTestId('person-enrolments'));
      expect(await courses.textContent()).toContain(assigned!.courseRef);
      expect(await page.getByTestId('person-waitlist').textContent()).toContain('vermittelt');
      await noSeriousFindings(page, 'Person, Sprache & Kurse');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('Kursimport', () => {
  it('shows a row error for a bad CSV in the preview and refuses to import it; nothing is stored', async () => {
    const { context, page, errors } = await newPage(browser, srv.url);
    try {
      await loginAs(page, 'sprache@demo.lotse');
      const before = await apiGet<CourseList>(page, '/api/courses?limit=1');
      await nav(page, 'Kursimport');
      await visible(page.getByRole('heading', { level: 1, name: 'Kursimport' }));
      await noSeriousFindings(page, 'Kursimport');
      const csv = [
        'Kursnummer;Träger;Kursart;Einstiegsniveau;Zielniveau;UE;Beginn;Plätze;Ort',
        'E2E-001;Sprachschule Ravensberg gGmbH;ik_allgemein;A0-A2;B1;700;2027-02-01;18;Herford',
        'E2E-002;Sprachschule Ravensberg gGmbH;ik_allgemein;A1;B1;700;2027-02-01;-3;Herford',
      ].join('\n');
      await page
        .getByTestId('import-file')
        .setInputFiles({ name: 'kurse.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      // Keyboard: the check button is reached and pressed without the mouse.
      await page.getByTestId('import-preview').focus();
      await page.keyboard.press('Enter');
      const bad = await visible(page.getByTestId('preview-row-error'));
      expect(await bad.getAttribute('data-row')).toBe('3');
      expect(await bad.textContent()).toMatch(/Pl(ä|ae)tze/i);
      expect(await page.getByTestId('preview-row').count()).toBe(1);
      expect(await page.getByTestId('summary-invalid').textContent()).toContain('1');
      await visible(page.getByTestId('import-refused'));
      expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
      await noSeriousFindings(page, 'Kursimport, Vorschau mit Fehler');

      // The server refuses it too, naming the row; the catalogue is unchanged (all or nothing).
      const r = await page.request.post('/api/courses/import/commit', {
        data: { format: 'csv', content: csv },
        headers: { 'x-csrf-token': await csrf(page) },
      });
      expect(r.status()).toBe(400);
      const body = (await r.json()) as { issues: { path: string }[] };
      expect(body.issues.some((i) => i.path.startsWith('rows.3.'))).toBe(true);
      const after = await apiGet<CourseList>(page, '/api/courses?limit=1');
      expect(after.total).toBe(before.total);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('Kursträger', () => {
  it('sees only its own courses, reports seats and records attendance of a participant', async () => {
    const { context, page, errors } = await newPage(browser, srv.url);
    try {
      await loginAs(page, 'kurse@demo.lotse');
      await nav(page, 'Meine Kurse');
      await visible(page.getByRole('heading', { level: 1, name: /^Meine Kurse – / }));
      const own = await apiGet<CourseList>(page, '/api/courses?limit=500');
      const providers = new Set(own.items.map((c) => c.provider.id));
      expect(providers.size).toBe(1);
      expect(own.total).toBeGreaterThan(0);
      expect(own.total).toBeLessThan(34);
      const table = await visible(page.getByTestId('course-table'));
      expect(await table.locator('tbody tr').count()).toBe(own.total);
      const name = own.items[0].provider.name;
      for (const row of await table.locator('tbody tr').allTextContents()) expect(row).toContain(name);
      await visible(page.getByTestId('provider-summary'));
      await noSeriousFindings(page, 'Meine Kurse');

      // A course with participants (placed by the allocation confirmed above): seats and attendance.
      const withParticipants = own.items.find((c) => c.taken > 0);
      expect(withParticipants, 'a course of this provider with participants').toBeDefined();
      const course = withParticipants!;
      await table.getByRole('link', { name: course.ref, exact: true }).click();
      await page.waitForURL(`**/kurse/${course.id}`);
      const seats = page.getByTestId('seats-form').getByRole('textbox', { name: 'Plätze' });
      await seats.fill(String(course.seats + 1));
      await page.getByRole('button', { name: 'Plätze speichern' }).click();
      await visible(page.getByText('Plätze gespeichert.'));
      const saved = await apiGet<{ seats: number }>(page, `/api/courses/${course.id}`);
      expect(saved.seats).toBe(course.seats + 1);
      {
        const participants = await visible(page.getByTestId('participant-table'));
        // Providers see names and levels but get no link into the case file.
        expect(await participants.getByRole('link').count()).toBe(0);
        await participants
          .getByRole('button', { name: /^Anwesenheit und Ergebnis von / })
          .first()
          .click();
        const dialog = await visible(page.getByRole('dialog'));
        await dialog.getByRole('textbox', { name: 'Anwesenheit' }).fill('80');
        await dialog.getByRole('button', { name: 'Speichern' }).click();
        await page.getByRole('dialog').waitFor({ state: 'hidden' });
        await expect.poll(() => participants.locator('tbody tr').first().textContent()).toContain('80 %');
      }
      await noSeriousFindings(page, 'Kurs des Trägers');

      // Another provider's course is not there for this provider.
      const koord = await newPage(browser, srv.url);
      try {
        await loginAs(koord.page, 'koordination@demo.lotse');
        const all = await apiGet<CourseList>(koord.page, '/api/courses?limit=500');
        const foreign = all.items.find((c) => c.provider.id !== own.items[0].provider.id);
        expect(foreign).toBeDefined();
        const r = await page.request.get(`/api/courses/${foreign!.id}`);
        expect([403, 404]).toContain(r.status());
      } finally {
        await koord.context.close();
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('Koordination', () => {
  it('plans seats against demand, follows the levels reached, and is told when a course changed meanwhile (409)', async () => {
    const { context, page, errors } = await newPage(browser, srv.url);
    try {
      await loginAs(page, 'koordination@demo.lotse');
      await nav(page, 'Kursplanung');
      await visible(page.getByRole('heading', { level: 1, name: 'Kursplanung' }));
      const rows = (await visible(page.getByTestId('planning-table'))).locator('tbody tr');
      expect(await rows.count()).toBeGreaterThan(5);
      await visible(page.getByTestId('planning-by-type').locator('svg'));
      await noSeriousFindings(page, 'Kursplanung');

      await nav(page, 'Sprachstand');
      await visible(page.getByRole('heading', { level: 1, name: 'Sprachstand' }));
      const overall = await visible(page.getByTestId('progress-overall'));
      expect(await overall.textContent()).toContain('Anteil B2 und höher');
      expect(await page.getByTestId('progress-table').locator('tbody tr').count()).toBeGreaterThan(1);
      await noSeriousFindings(page, 'Sprachstand');

      // Edit a course while someone else saves it: the form says so and overwrites nothing.
      await nav(page, 'Kurskatalog');
      await visible(page.getByRole('heading', { level: 1, name: 'Kurskatalog' }));
      await expect.poll(() => page.getByTestId('course-count').textContent()).toMatch(/^\d+ Kurse$/);
      await noSeriousFindings(page, 'Kurskatalog');
      await page.getByRole('link', { name: 'Kurs anlegen' }).click();
      await visible(page.getByTestId('course-form'));
      await noSeriousFindings(page, 'Kurs anlegen');
      const list = await apiGet<CourseList>(page, '/api/courses?limit=1&status=planned');
      const course = list.items[0];
      await page.goto(`/kurse/${course.id}`);
      await page.getByTestId('course-edit').click();
      const form = await visible(page.getByTestId('course-form'));
      await noSeriousFindings(page, 'Kurs bearbeiten');
      const current = await apiGet<{ version: number }>(page, `/api/courses/${course.id}`);
      const other = await page.request.patch(`/api/courses/${course.id}`, {
        data: { version: current.version, schedule: 'Mo–Fr 8:00–12:15' },
        headers: { 'x-csrf-token': await csrf(page) },
      });
      expect(other.status()).toBe(200);
      await form.getByRole('textbox', { name: 'Unterrichtszeiten' }).fill('Mo–Do 9:00–13:00');
      await page.getByTestId('course-save').click();
      const alert = await visible(form.getByTestId('error-alert'));
      expect(await alert.textContent()).toContain('Inzwischen von jemand anderem geändert');
      const after = await apiGet<{ schedule: string }>(page, `/api/courses/${course.id}`);
      expect(after.schedule).toBe('Mo–Fr 8:00–12:15');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
