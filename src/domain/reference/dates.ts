/** A real calendar day in ISO form (YYYY-MM-DD); rejects 2024-02-30 and the like. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Today's date in Germany: the day the law and deadlines count in. */
// One formatter: building an Intl.DateTimeFormat costs more than most requests' own work (profiled).
const berlinDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' });
export function todayInGermany(now: Date = new Date()): string {
  return berlinDay.format(now);
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

/** The ISO day `days` calendar days after (negative: before) `iso`. The one place this is computed. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
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
