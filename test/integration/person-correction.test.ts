import { expect, it } from 'vitest';
import { todayInGermany } from '../../src/domain/reference/dates';
import { addDays } from '../../src/server/demo/random';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant, type Session, type TestTenant } from '../support/factories';

// Issue 8, defect 2: master data can be corrected — with field validation, a reason for identity data,
// optimistic locking, and a visible history of every field (who, when, old → new, why).
describeEachDb('correcting master data', (env) => {
  async function advisorWithPerson(): Promise<{ t: TestTenant; s: Session; id: string }> {
    const t = await makeTenant(env().database.db);
    const advisor = t.users.integrationsfachkraft;
    const p = await makePerson(env().database.db, t, {
      ownerUserId: advisor.id,
      ownerAgencyId: advisor.agencyId,
      birthDate: '1984-01-01',
      birthDatePrecision: 'year',
      nationalities: ['SY'],
      entryDate: '2016-05-10',
    });
    return { t, s: await login(env().app, advisor.email), id: p.id };
  }
  const patch = (s: Session, id: string, payload: Record<string, unknown>) =>
    env().app.inject({ method: 'PATCH', url: `/api/persons/${id}`, headers: as(s), payload });
  const history = async (s: Session, id: string) => {
    const r = await env().app.inject({ method: 'GET', url: `/api/persons/${id}/history`, headers: as(s) });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as {
      field: string;
      oldValue: unknown;
      newValue: unknown;
      reason: string | null;
      changedBy: { name: string } | null;
    }[];
  };

  it('corrects birth date, precision and nationality with a reason and shows each field in the history', async () => {
    const { s, id } = await advisorWithPerson();
    const res = await patch(s, id, {
      birthDate: '1984-03-15',
      birthDatePrecision: 'day',
      nationalities: ['XXA'],
      reason: 'Geburtsurkunde vorgelegt; staatenlos laut Reiseausweis',
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      birthDate: '1984-03-15',
      birthDatePrecision: 'day',
      nationalities: ['XXA'],
      version: 2,
    });
    const h = await history(s, id);
    expect(h.map((x) => x.field).sort()).toEqual(['birthDate', 'birthDatePrecision', 'nationalities']);
    const nat = h.find((x) => x.field === 'nationalities');
    expect(nat).toMatchObject({
      oldValue: ['SY'],
      newValue: ['XXA'],
      reason: 'Geburtsurkunde vorgelegt; staatenlos laut Reiseausweis',
    });
    expect(nat?.changedBy?.name).toBe('integrationsfachkraft');
  });

  it('refuses a change of identity data without a reason, naming the reason field; contact data needs none', async () => {
    const { s, id } = await advisorWithPerson();
    const noReason = await patch(s, id, { familyName: 'Al-Hassani', version: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().issues.map((i: { path: string }) => i.path)).toContain('reason');
    const phone = await patch(s, id, { phone: '+49 5221 12345', version: 1 });
    expect(phone.statusCode, phone.body).toBe(200);
    expect((await history(s, id)).map((x) => [x.field, x.oldValue, x.newValue])).toEqual([
      ['phone', null, '+49 5221 12345'],
    ]);
  });

  it('records only what really changed: fields sent with their old value are no change', async () => {
    const { s, id } = await advisorWithPerson();
    const res = await patch(s, id, {
      nationalities: ['SY'],
      birthDatePrecision: 'year',
      address: 'Markt 1, Herford',
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await history(s, id)).map((x) => x.field)).toEqual(['address']);
  });

  it.each([
    ['nationalities.0', { nationalities: ['XXB'], reason: 'Korrektur' }, /Staatsangehörigkeit/],
    ['birthDate', { birthDate: '1850-01-01', reason: 'Korrektur' }, /1900/],
    ['birthDate', { birthDate: addDays(todayInGermany(), 1), reason: 'Korrektur' }, /Zukunft/],
    ['entryDate', { entryDate: addDays(todayInGermany(), 3) }, /Zukunft/],
    ['entryDate', { entryDate: '1983-12-31' }, /vor der Geburt/],
    ['azrNumber', { azrNumber: '12ab', reason: 'Korrektur' }, /AZR/],
    ['reason', { gender: 'f', reason: 'x' }, /Grund/],
  ])('answers 400 on %s in German, changing nothing', async (path, body, message) => {
    const { s, id } = await advisorWithPerson();
    const res = await patch(s, id, { ...body, version: 1 });
    expect(res.statusCode, res.body).toBe(400);
    const issue = res.json().issues.find((i: { path: string }) => i.path === path);
    expect(issue, res.body).toBeDefined();
    expect(issue.message).toMatch(message);
    expect(await history(s, id)).toEqual([]);
  });

  it('accepts "ungeklärt" (XXX) as a nationality, and a stale version answers 409 without a history row', async () => {
    const { s, id } = await advisorWithPerson();
    const ok = await patch(s, id, { nationalities: ['XXX'], reason: 'Pass nicht vorhanden', version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await patch(s, id, { phone: '+49 1', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current ?? stale.json()).toBeTruthy();
    expect((await history(s, id)).map((x) => x.field)).toEqual(['nationalities']);
  });

  it('shows the history only to readers of the person, audited as one read', async () => {
    const { t, id } = await advisorWithPerson();
    const stranger = await login(env().app, t.users.partner_ehrenamt.email);
    const r = await env().app.inject({
      method: 'GET',
      url: `/api/persons/${id}/history`,
      headers: as(stranger),
    });
    expect(r.statusCode).toBe(403);
    const rows = await env()
      .database.db.selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('person_id', '=', id)
      .execute();
    expect(rows).toEqual([{ action: 'read_history', outcome: 'denied' }]);
  });
});
