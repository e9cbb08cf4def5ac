import { expect, it } from 'vitest';
import { todayInGermany } from '../../src/domain/reference/dates';
import { addDays } from '../../src/server/demo/random';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant } from '../support/factories';

// The status card decides from the whole case file — the same facts as the language tab: a recorded DTZ A2
// is the German level on the card, and an expired document is "Dokument abgelaufen", not a contradiction.

const TODAY = todayInGermany();

type Card = {
  rules: string[];
  employment: string;
  details: { missing: string[]; documentExpiredOn: string | null };
  explanation: { de: string };
  courses: Record<'integrationCourse' | 'berufssprachkurs', { status: string; missing: string[] }>;
};

describeEachDb('status card from the case file', (env) => {
  it('uses the recorded German level (DTZ A2) and agrees with the language tab', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    const p = await makePerson(db, t, {
      entryDate: addDays(TODAY, -400),
      languages: [{ code: 'ar', level: 'muttersprache' }],
    });
    await db
      .insertInto('residence_status')
      .values({
        tenant_id: t.tenantId,
        person_id: p.id,
        kind: 'aufenthaltserlaubnis',
        paragraph: '25(2)',
        since: addDays(TODAY, -90),
        until: addDays(TODAY, 900),
      })
      .execute();
    const advisor = await login(env().app, t.users.sprachberatung.email);
    const card = async (): Promise<Card> => {
      const r = await env().app.inject({
        method: 'GET',
        url: `/api/persons/${p.id}/status-card`,
        headers: as(advisor),
      });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const asksForLevel = (c: Card) =>
      c.courses.integrationCourse.missing.includes('germanLevel') ||
      c.courses.berufssprachkurs.missing.includes('germanLevel');
    expect(asksForLevel(await card())).toBe(true);

    const a = await env().app.inject({
      method: 'POST',
      url: `/api/persons/${p.id}/language-assessments`,
      headers: as(advisor),
      payload: {
        assessedOn: addDays(TODAY, -10),
        testKind: 'dtz',
        overall: 'A2',
        literacy: 'latin',
        certificateRef: 'DTZ-1',
      },
    });
    expect(a.statusCode, a.body).toBe(201);
    const after = await card();
    expect(asksForLevel(after)).toBe(false);
    const lang = (
      await env().app.inject({ method: 'GET', url: `/api/persons/${p.id}/language`, headers: as(advisor) })
    ).json();
    expect(lang.entitlement.integrationCourse.status).toBe(after.courses.integrationCourse.status);
    expect(lang.entitlement.berufssprachkurs.status).toBe(after.courses.berufssprachkurs.status);
  });

  it('an expired document is its own state (§ 81 Abs. 4 AufenthG), from the day after its last day', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    const p = await makePerson(db, t, { entryDate: '2021-01-04' });
    await db
      .insertInto('residence_status')
      .values({
        tenant_id: t.tenantId,
        person_id: p.id,
        kind: 'aufenthaltserlaubnis',
        paragraph: '25(2)',
        since: '2023-02-01',
        until: '2026-01-31',
      })
      .execute();
    const desk = await login(env().app, t.users.eingangszone.email);
    const on = async (asOf: string): Promise<Card> =>
      (
        await env().app.inject({
          method: 'GET',
          url: `/api/persons/${p.id}/status-card?asOf=${asOf}`,
          headers: as(desk),
        })
      ).json();
    const last = await on('2026-01-31');
    expect(last.employment).toBe('allowed');
    expect(last.details.documentExpiredOn).toBeNull();
    const next = await on('2026-02-01');
    expect(next.rules).toEqual(['review.document_expired']);
    expect(next.rules).not.toContain('review.contradiction');
    expect(next.details.documentExpiredOn).toBe('2026-01-31');
    expect(next.explanation.de).toContain('Fiktionsbescheinigung');
    expect(next.explanation.de).not.toMatch(/status\.|asOf|\d{4}-\d{2}-\d{2}/);
  });
});
