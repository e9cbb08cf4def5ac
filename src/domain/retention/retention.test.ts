import { describe, expect, it } from 'vitest';
import { casesDueForDeletion, deletionDay } from './retention';

// [case, rechtskreis, closedOn, today, due?, legal basis]
const TABLE: [string, string, string, string, boolean, string][] = [
  [
    'SGB II, day before 10 years',
    'sgb2',
    '2015-03-31',
    '2025-03-30',
    false,
    'Aufbewahrung SGB II: 10 Jahre nach Abschluss (Weisung BA)',
  ],
  ['SGB II, on the 10-year day', 'sgb2', '2015-03-31', '2025-03-31', true, 'Aufbewahrung SGB II: 10 Jahre'],
  ['SGB II, day after', 'sgb2', '2015-03-31', '2025-04-01', true, 'Art. 17 Abs. 1 lit. a DSGVO'],
  [
    'SGB III, day before 5 years',
    'sgb3_only',
    '2020-06-15',
    '2025-06-14',
    false,
    'Aufbewahrung SGB III: mindestens 5 Jahre',
  ],
  [
    'SGB III, on the 5-year day',
    'sgb3_only',
    '2020-06-15',
    '2025-06-15',
    true,
    'Aufbewahrung SGB III: 5 Jahre',
  ],
  [
    'unknown Rechtskreis uses the longest period',
    'review',
    '2016-01-01',
    '2025-12-31',
    false,
    'Art. 5 Abs. 1 lit. e DSGVO, im Zweifel längste Frist',
  ],
  [
    'unknown Rechtskreis, 10 years reached',
    'review',
    '2016-01-01',
    '2026-01-01',
    true,
    'Art. 5 Abs. 1 lit. e DSGVO',
  ],
];

describe('retention', () => {
  it.each(TABLE)('%s (%s, closed %s, on %s) → due %s [%s]', (_n, rechtskreis, closedOn, today, due) => {
    expect(casesDueForDeletion([{ id: 'p', rechtskreis, closedOn }], today).length).toBe(due ? 1 : 0);
  });
  it('never deletes an open case', () => {
    expect(casesDueForDeletion([{ id: 'p', rechtskreis: 'sgb2', closedOn: null }], '2099-01-01')).toEqual([]);
  });
  it('moves a 29 February closing to 1 March in common years', () => {
    expect(deletionDay('2016-02-29', 5)).toBe('2021-03-01');
    expect(deletionDay('2016-02-29', 4)).toBe('2020-02-29');
  });
});
