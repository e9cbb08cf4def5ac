/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC, proleptic Gregorian).
 *
 * The evaluator runs a million times per benchmark, so it never allocates `Date` objects:
 * ISO strings are parsed by hand into integers and compared as numbers. `NaN` stands for
 * "unknown / invalid" so a missing date propagates without branches in every caller.
 */

/** Days since 1970-01-01. */
export type Day = number;

// Howard Hinnant's days_from_civil: exact for every Gregorian date, no tables, no Date objects.
export function dayFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link dayFromCivil}: returns [year, month (1-12), day (1-31)]. */
export function civilFromDay(z: Day): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
}

/** Parses a strict `YYYY-MM-DD` calendar date; `NaN` for anything else (incl. 2023-02-30). */
export function parseDay(s: string | null | undefined): Day {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) {
    return Number.NaN;
  }
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  // NaN from a non-digit fails every comparison below.
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m))) return Number.NaN;
  return dayFromCivil(y, m, d);
}

export function isIsoDate(s: unknown): s is string {
  return typeof s === 'string' && !Number.isNaN(parseDay(s));
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Formats a day number as `YYYY-MM-DD` (years 0..9999). */
export function formatDay(day: Day): string {
  const [y, m, d] = civilFromDay(day);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** German display form `TT.MM.JJJJ` for explanations. */
export function formatDayDe(day: Day): string {
  const [y, m, d] = civilFromDay(day);
  return `${pad2(d)}.${pad2(m)}.${y}`;
}

/**
 * The first day on which a period of `months` months that began with the event on `start`
 * has fully passed. Counting follows §§187(2), 188(2) BGB as the authorities apply it to
 * waiting periods ("after three months"): an application on 03.06. makes the permit possible
 * from 03.09. If the target month is shorter (start 30.11. + 3 months), the period ends with
 * the last day of that month (§188(3) BGB), so the first free day is the 1st of the next month.
 */
export function addMonths(start: Day, months: number): Day {
  const [y, m, d] = civilFromDay(start);
  const total = m - 1 + months;
  const ty = y + Math.floor(total / 12);
  const tm = (((total % 12) + 12) % 12) + 1;
  if (d > daysInMonth(ty, tm)) return dayFromCivil(tm === 12 ? ty + 1 : ty, tm === 12 ? 1 : tm + 1, 1);
  return dayFromCivil(ty, tm, d);
}

export function addYears(start: Day, years: number): Day {
  return addMonths(start, years * 12);
}

/** Last day of the month that contains `day` (e.g. AsylbLG ends at the end of that month, §1(3) AsylbLG). */
export function endOfMonth(day: Day): Day {
  const [y, m] = civilFromDay(day);
  return dayFromCivil(y, m, daysInMonth(y, m));
}
