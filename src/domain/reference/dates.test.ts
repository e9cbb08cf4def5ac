import { describe, expect, it } from 'vitest';
import { addDays, ageInYears, daysBetween, todayInGermany } from './dates';

describe('addDays / daysBetween (the one place calendar days are counted)', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'], // leap year
    ['2023-02-28', 1, '2023-03-01'],
    ['2026-03-28', 2, '2026-03-30'], // across the switch to summer time: days, not 24-hour blocks
    ['2026-10-24', 2, '2026-10-26'], // and back
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-06-15', 0, '2026-06-15'],
  ])('%s + %i days = %s', (from, days, to) => {
    expect(addDays(from, days)).toBe(to);
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('ageInYears: full years on a day (birthday counts on the day itself)', () => {
  it.each([
    ['1990-05-01', '2026-04-30', 35, 'the day before the birthday'],
    ['1990-05-01', '2026-05-01', 36, 'on the birthday'],
    ['1990-12-31', '2026-01-01', 35, 'turn of the year'],
    ['2008-02-29', '2026-02-28', 17, 'born on 29 February: not yet 18 on 28 February'],
    ['2008-02-29', '2026-03-01', 18, '18 from 1 March in a common year'],
    ['2026-03-01', '2026-03-01', 0, 'born that day'],
  ])('%s on %s: %i (%s)', (birth, on, age) => {
    expect(ageInYears(birth, on)).toBe(age);
  });
});

describe('addDays / daysBetween by integer arithmetic agree with the calendar of Date', () => {
  const viaDate = (iso: string, days: number) =>
    new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const betweenViaDate = (a: string, b: string) =>
    Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

  it('on 20,000 random days and offsets from 1000 to 9999', () => {
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 20_000; i++) {
      const start = viaDate('1900-01-01', Math.floor(next() * 80_000));
      const offset = Math.floor((next() - 0.5) * 2 * 300_000);
      expect(addDays(start, offset)).toBe(viaDate(start, offset));
      const end = viaDate(start, offset);
      expect(daysBetween(start, end)).toBe(betweenViaDate(start, end));
    }
  });

  it.each([
    ['a day past the month end rolls over', '2024-02-30', 0, '2024-03-01'],
    ['31 April rolls over', '2024-04-31', 1, '2024-05-02'],
    ['29 February of a leap year', '2024-02-28', 1, '2024-02-29'],
    ['no 29 February in 2100', '2100-02-28', 1, '2100-03-01'],
    ['29 February in 2000', '2000-02-28', 1, '2000-02-29'],
    ['into year 1000', '1000-01-02', -1, '1000-01-01'],
    ['before year 1000 (Date path)', '1000-01-01', -1, '0999-12-31'],
  ])('%s', (_what, from, days, to) => {
    expect(addDays(from, days)).toBe(to);
  });

  it('refuses what is no day, as before (month 13)', () => {
    expect(() => addDays('2024-13-01', 1)).toThrow(RangeError);
  });
});

describe('todayInGermany: the calendar day in Berlin, also when asked again within a minute', () => {
  it.each([
    ['last second of a winter day (UTC+1)', '2026-12-03T22:59:59Z', '2026-12-03'],
    ['midnight in Berlin, winter', '2026-12-03T23:00:00Z', '2026-12-04'],
    ['back to the evening before (the kept minute is not reused)', '2026-12-03T22:59:30Z', '2026-12-03'],
    ['last second of a summer day (UTC+2)', '2026-06-30T21:59:59Z', '2026-06-30'],
    ['midnight in Berlin, summer', '2026-06-30T22:00:00Z', '2026-07-01'],
    ['the night the clocks go forward', '2026-03-28T23:00:00Z', '2026-03-29'],
    ['New Year in Berlin while it is still 31 December in UTC', '2026-12-31T23:30:00Z', '2027-01-01'],
  ])('%s', (_what, instant, day) => {
    expect(todayInGermany(new Date(instant))).toBe(day);
    expect(todayInGermany(new Date(instant))).toBe(day);
  });
});
