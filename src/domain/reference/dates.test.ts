import { describe, expect, it } from 'vitest';
import { addDays, ageInYears, daysBetween } from './dates';

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
