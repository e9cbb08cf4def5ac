import { addDays } from './random';

/** Easter Sunday (Gregorian, anonymous algorithm of Meeus/Jones/Butcher) as YYYY-MM-DD. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Public holidays in North Rhine-Westphalia (the demo county, Herford) of one year. */
export function holidaysNrw(year: number): Set<string> {
  const easter = easterSunday(year);
  const fixed = ['01-01', '05-01', '10-03', '11-01', '12-25', '12-26'].map((md) => `${year}-${md}`);
  const moving = [-2, 1, 39, 50, 60].map((d) => addDays(easter, d)); // Karfreitag … Fronleichnam
  return new Set([...fixed, ...moving]);
}

/** A day courses can start on: Monday to Friday and no public holiday. */
export function isWorkingDay(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidaysNrw(Number(day.slice(0, 4))).has(day);
}

/** The day itself if courses can start then, otherwise the next such day. */
export function nextWorkingDay(day: string): string {
  let d = day;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}
