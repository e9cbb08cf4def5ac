import { describe, expect, it } from 'vitest';
import { easterSunday, holidaysNrw, isWorkingDay, nextWorkingDay } from './calendar';

describe('demo calendar (NRW)', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
  ])('Easter Sunday %i is %s', (year, day) => {
    expect(easterSunday(year)).toBe(day);
  });

  it('knows the NRW holidays of 2026 (Karfreitag, Ostermontag, Himmelfahrt, Pfingstmontag, Fronleichnam)', () => {
    const h = holidaysNrw(2026);
    for (const d of ['2026-04-03', '2026-04-06', '2026-05-14', '2026-05-25', '2026-06-04', '2026-11-01'])
      expect(h.has(d), d).toBe(true);
    expect(h.size).toBe(11);
  });

  it.each([
    ['2026-12-05', '2026-12-07'], // Saturday → Monday
    ['2026-12-06', '2026-12-07'], // Sunday → Monday
    ['2026-12-24', '2026-12-24'], // Thursday, no holiday
    ['2026-12-25', '2026-12-28'], // 1st/2nd Christmas day, weekend → Monday
    ['2027-01-01', '2027-01-04'], // New Year (Friday) → Monday
    ['2026-04-03', '2026-04-07'], // Karfreitag, weekend, Ostermontag → Tuesday
  ])('%s → %s', (day, next) => {
    expect(nextWorkingDay(day)).toBe(next);
    expect(isWorkingDay(next)).toBe(true);
  });
});
