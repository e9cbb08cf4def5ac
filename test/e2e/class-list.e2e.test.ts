import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInGermany } from '../../src/domain/reference/dates';
import { launchBrowser, loginAs, newPage, seriousA11yViolations, visible } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

// The course provider's attendance as a class list: 15 participants, "alle anwesend", one change, one save —
// one request instead of one dialog per participant.

let srv: TestServer;
let browser: Browser;

beforeAll(async () => {
  [srv, browser] = await Promise.all([startTestServer({ clients: 80 }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

/** A running course of the provider with 15 participants (the demo seeds courses, not enrolments). */
async function runningCourseWithClass(): Promise<string> {
  const db = srv.server.database.db;
  const today = todayInGermany();
  const course = await db
    .selectFrom('course as c')
    .innerJoin('course_provider as p', 'p.id', 'c.provider_id')
    .innerJoin('agency as a', 'a.id', 'p.agency_id')
    .select(['c.id', 'c.tenant_id', 'c.start_date'])
    .where('a.name', '=', 'Sprachschule Ravensberg gGmbH')
    .where('c.start_date', '<=', today)
    .where((eb) => eb.or([eb('c.end_date', 'is', null), eb('c.end_date', '>=', today)]))
    .orderBy('c.start_date')
    .executeTakeFirstOrThrow();
  const persons = await db
    .selectFrom('person')
    .select('id')
    .where('tenant_id', '=', course.tenant_id)
    .orderBy('family_name')
    .limit(15)
    .execute();
  await db
    .insertInto('enrolment')
    .values(
      persons.map((p) => ({
        tenant_id: course.tenant_id,
        person_id: p.id,
        course_id: course.id,
        start_date: course.start_date,
      })),
    )
    .execute();
  return course.id;
}

describe('class list', () => {
  it('the provider records a day for 15 participants with "alle anwesend", one change and one save', async () => {
    const courseId = await runningCourseWithClass();
    const { context, page, errors } = await newPage(browser, srv.url);
    try {
      await loginAs(page, 'kurse@demo.lotse');
      await page.goto(`/kurse/${courseId}`);
      const section = await visible(page.getByTestId('class-list'));
      await visible(section.getByRole('heading', { name: /^Anwesenheit am \d\d\.\d\d\.\d{4}$/ }));
      const table = await visible(section.getByTestId('class-list-table'));
      expect(await table.locator('tbody tr').count()).toBe(15);
      const save = section.getByRole('button', { name: 'Anwesenheit speichern' });
      // Nothing is preset: the save waits for a choice per person.
      expect(await save.isDisabled()).toBe(true);
      await section.getByRole('button', { name: 'Alle anwesend' }).click();
      const second = table.locator('tbody tr').nth(1);
      const name = (await second.locator('th').textContent()) ?? '';
      await second.getByRole('radio', { name: 'entschuldigt' }).check();
      expect(await seriousA11yViolations(page)).toEqual([]);

      const writes: string[] = [];
      page.on('request', (r) => {
        if (r.method() !== 'GET' && r.url().includes('/api/'))
          writes.push(`${r.method()} ${new URL(r.url()).pathname}`);
      });
      await save.click();
      await visible(page.getByTestId('class-list-saved'));
      expect(writes).toEqual([`PUT /api/courses/${courseId}/attendance`]);

      const stored = await srv.server.database.db
        .selectFrom('course_attendance as a')
        .innerJoin('enrolment as e', 'e.id', 'a.enrolment_id')
        .select(['a.state'])
        .where('e.course_id', '=', courseId)
        .where('a.day', '=', todayInGermany())
        .execute();
      expect(stored).toHaveLength(15);
      expect(stored.filter((s) => s.state === 'present')).toHaveLength(14);
      expect(stored.filter((s) => s.state === 'excused')).toHaveLength(1);
      // The participant list shows the derived share and status.
      const participants = await visible(page.getByTestId('participant-table'));
      await expect.poll(() => participants.textContent()).toContain('100 %');
      expect(await participants.locator('tr', { hasText: name.trim() }).textContent()).toContain('0 %');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
