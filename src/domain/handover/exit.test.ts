import { describe, expect, it } from 'vitest';
import { exitDueOn, exitIsDue } from './exit';

// [case, IP entry, months, today, due, basis]
const TABLE: [string, string, number, string, boolean, string][] = [
  [
    'day before 12 months',
    '2025-03-15',
    12,
    '2026-03-14',
    false,
    'Kooperationsvereinbarung IP Herford: Verweildauer 12 Monate',
  ],
  ['on the day', '2025-03-15', 12, '2026-03-15', true, 'Verweildauer 12 Monate'],
  ['day after', '2025-03-15', 12, '2026-03-16', true, 'Verweildauer 12 Monate'],
  [
    '31st into a shorter month',
    '2025-08-31',
    6,
    '2026-02-28',
    true,
    'Fristende am Monatsletzten (§ 188 Abs. 3 BGB analog)',
  ],
  ['31st, day before', '2025-08-31', 6, '2026-02-27', false, '§ 188 Abs. 3 BGB analog'],
  ['configured 18 months', '2025-01-10', 18, '2026-07-09', false, 'abweichende Verweildauer der Region'],
];

describe('IP exit', () => {
  it.each(TABLE)('%s: entry %s, %d months, on %s → due %s [%s]', (_n, entry, months, today, due) => {
    expect(exitIsDue(entry, months, today)).toBe(due);
  });
  it('crosses the year', () => expect(exitDueOn('2025-11-30', 3)).toBe('2026-02-28'));
  it('never falls due without an IP entry date', () => expect(exitIsDue(null, 12, '2099-01-01')).toBe(false));
});
