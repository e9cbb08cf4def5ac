import { civilFromDay, dayFromCivil } from '../rules/dates';

/** A real calendar day in ISO form (YYYY-MM-DD); rejects 2024-02-30 and the like. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Today's date in Germany: the day the law and deadlines count in. */
// One formatter: building an Intl.DateTimeFormat costs more than most requests' own work (profiled).
const berlinDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' });
// The day changes only on a whole minute (midnight in Berlin), so the formatted day is kept per minute:
// a person read asks for today several times, and formatting was ~1 % of a read's CPU (profiled).
let cachedMinute = Number.NaN;
let cachedDay = '';
export function todayInGermany(now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== cachedMinute) {
    cachedDay = berlinDay.format(now);
    cachedMinute = minute;
  }
  return cachedDay;
}

/** Completed years between two ISO days (a birthday counts on its day). */
export function ageInYears(birth: string, on: string): number {
  // Digits read in place (no slicing): the statistics ask for the age of every person on a dozen days.
  const years = yearOf(on) - yearOf(birth);
  return monthDayOf(on) >= monthDayOf(birth) ? years : years - 1;
}
const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const yearOf = (iso: string) =>
  digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
const monthDayOf = (iso: string) =>
  digit(iso, 5) * 1000 + digit(iso, 6) * 100 + digit(iso, 8) * 10 + digit(iso, 9);

const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 of a well-formed ISO day, by integer arithmetic (the rules engine's dayFromCivil), or
 * null for anything else. No Date object: addDays runs a few hundred thousand times in a demo seed and in a
 * Land's statistics, and Date parsing and formatting was most of its time. A day past the month's end rolls
 * over (2024-02-30 is 2024-03-01), as Date.parse does.
 */
function dayNumber(iso: string): number | null {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return null;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const c = iso.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const year = yearOf(iso);
  const m = digit(iso, 5) * 10 + digit(iso, 6);
  const d = digit(iso, 8) * 10 + digit(iso, 9);
  if (year < 1000 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return dayFromCivil(year, m, d);
}

/** The ISO day of a day number, or null outside the years 1000–9999. */
function isoOfDayNumber(n: number): string | null {
  const [year, m, d] = civilFromDay(n);
  if (year < 1000 || year > 9999) return null;
  return `${year}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The ISO day `days` calendar days after (negative: before) `iso`. The one place this is computed. */
export function addDays(iso: string, days: number): string {
  const n = Number.isInteger(days) ? dayNumber(iso) : null;
  const fast = n === null ? null : isoOfDayNumber(n + days);
  // Anything unusual (a time in the string, a fractional offset, a far year) keeps Date's behaviour.
  return fast ?? new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (a !== null && b !== null) return b - a;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** An ISO day as Germans write it: 2026-12-04 → 04.12.2026 (letters, e-mails, messages). */
export function germanDay(iso: string): string {
  return iso.split('-').reverse().join('.');
}

/**
 * The same calendar day `months` later, or the last day of that month if it has no such day
 * (§ 188 Abs. 2, 3 BGB): the last day of a period of months that began with an event on `iso`.
 */
export function sameDayMonthsLater(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const d = Number(iso.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = (((m % 12) + 12) % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
