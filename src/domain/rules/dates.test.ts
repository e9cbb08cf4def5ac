import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, dayFromCivil, endOfMonth, formatDay, formatDayDe, parseDay } from './dates';

describe('dates', () => {
  it('parses and formats ISO days without Date objects', () => {
    expect(parseDay('1970-01-01')).toBe(0);
    expect(parseDay('2024-02-29')).toBe(dayFromCivil(2024, 2, 29));
    expect(formatDay(parseDay('2024-02-29'))).toBe('2024-02-29');
    expect(formatDayDe(parseDay('2024-02-27'))).toBe('27.02.2024');
  });

  it('rejects impossible or malformed dates', () => {
    for (const s of [
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-1-01',
      '24-01-01',
      '2024/01/01',
      '2024-01-32',
      '',
      'abcd-ef-gh',
    ]) {
      expect(Number.isNaN(parseDay(s)), s).toBe(true);
    }
    expect(Number.isNaN(parseDay(undefined))).toBe(true);
  });

  it('agrees with Date.UTC on every day in a wide range', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(formatDay(day)).toBe(iso);
        expect(parseDay(iso)).toBe(day);
      }),
    );
  });

  it('adds months the way waiting periods are counted', () => {
    expect(formatDay(addMonths(parseDay('2024-06-03'), 3))).toBe('2024-09-03');
    expect(formatDay(addMonths(parseDay('2023-11-30'), 3))).toBe('2024-03-01'); // no 30 February
    expect(formatDay(addMonths(parseDay('2024-01-31'), 1))).toBe('2024-03-01');
    expect(formatDay(addMonths(parseDay('2024-12-15'), 1))).toBe('2025-01-15');
    expect(formatDay(addMonths(parseDay('2020-02-29'), 48))).toBe('2024-02-29');
    expect(formatDay(addMonths(parseDay('2020-02-29'), 12))).toBe('2021-03-01');
    expect(formatDay(endOfMonth(parseDay('2024-02-10')))).toBe('2024-02-29');
  });

  it('addMonths is monotonic and never earlier than the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 0, max: 60 }), (day, m) => {
        expect(addMonths(day, m)).toBeGreaterThanOrEqual(day);
        expect(addMonths(day + 1, m)).toBeGreaterThanOrEqual(addMonths(day, m));
      }),
    );
  });
});
