import { describe, expect, it } from 'vitest';
import { centre, duldung, gestattung, title } from './fixtures/builders';
import { impact } from './impact';

describe('impact(situations, date)', () => {
  const clients = [
    centre('2024-01-01', '2023-07-01', {}, { nationality: 'AF' }), // 6-month rule frees them on 27.02.2024
    centre('2024-01-01', '2023-12-01', {}, { nationality: 'AF' }), // still waiting, but permitFrom moves earlier
    title('2024-01-01', '25(2)', '2023-03-01'), // unaffected
    duldung('2024-01-01', '2022-01-01'), // "kann" → "soll": same outcome, different rule
  ];

  it('lists the clients who gain access on 27.02.2024, with before and after', () => {
    const rows = impact(clients, '2024-02-27');
    expect(rows.map((r) => r.id)).toEqual([clients[0].id, clients[1].id]);
    expect(rows[0].before).toMatchObject({ employment: 'banned', permitFrom: '2024-04-01' });
    expect(rows[0].after).toMatchObject({ employment: 'permit_required', permitFrom: null });
    expect(rows[0].changed).toEqual(['employment', 'permitFrom', 'baConsent']);
    expect(rows[1].changed).toEqual(['permitFrom']);
    expect(rows[1].after.permitFrom).toBe('2024-06-01');
  });

  it('optionally reports rule changes with the same outcome', () => {
    const rows = impact(clients, '2024-02-27', undefined, { includeRuleChanges: true });
    const d = rows.find((r) => r.id === clients[3].id);
    expect(d?.changed).toEqual(['rules']);
    expect(d?.before.rules).toContain('duldung.permit_may');
    expect(d?.after.rules).toContain('duldung.permit_should');
  });

  it('reports the Ukraine switch on 01.06.2022 and nothing on a quiet day', () => {
    const ua = title('2022-05-01', '24', '2022-04-01', { registered: true }, { nationality: 'UA' });
    expect(impact([ua], '2022-06-01')[0]).toMatchObject({
      changed: ['employment', 'baConsent', 'benefits', 'agency'],
      before: { benefits: 'asylblg', agency: 'AA' },
      after: { benefits: 'sgb2', agency: 'JC', employment: 'allowed' },
    });
    expect(impact([ua], '2022-07-13')).toEqual([]);
  });

  it('also shows waiting periods that end on the day (a change in time, not in law)', () => {
    const g = gestattung('2024-01-01', '2024-06-03');
    expect(impact([g], '2024-09-03')[0].changed).toContain('employment');
  });

  it('dates the wider safe-country Duldung ban to 21.08.2019 (§60a Abs. 6 S. 1 Nr. 3 AufenthG, issue 11)', () => {
    const adult = { birthDate: '1990-01-01' };
    const none = duldung(
      '2019-01-01',
      '2018-01-01',
      { asylumDecision: 'none' },
      { nationality: 'AL', ...adult },
    );
    const rejected = duldung(
      '2019-01-01',
      '2018-01-01',
      { asylumApplicationDate: '2016-01-10' },
      { nationality: 'AL', ...adult },
    );
    const rows = impact([none, rejected], '2019-08-21');
    // The rejected applicant was banned before already; only "no application" changes that day.
    expect(rows.map((r) => r.id)).toEqual([none.id]);
    expect(rows[0]).toMatchObject({
      before: { employment: 'permit_required' },
      after: { employment: 'banned', rules: expect.arrayContaining(['safe_country.duldung_ban']) },
    });
    expect(impact([none], '2015-10-24')).toEqual([]);
  });

  it('keeps Georgians tolerated before 30.08.2023 out of the ban when Georgia is listed (§104 Abs. 18 AufenthG)', () => {
    const adult = { birthDate: '1990-01-01' };
    const early = duldung(
      '2023-01-01',
      '2022-05-01',
      { asylumDecision: 'none' },
      { nationality: 'GE', ...adult },
    );
    const late = duldung(
      '2023-10-01',
      '2023-09-15',
      { asylumDecision: 'none' },
      { nationality: 'GE', ...adult },
    );
    const rows = impact([early, late], '2023-12-23');
    expect(rows.map((r) => r.id)).toEqual([late.id]);
    expect(rows[0].after.employment).toBe('banned');
  });

  it('rejects an invalid date', () => {
    expect(() => impact([], '2024-02-30')).toThrow(RangeError);
  });
});
