import type { Rng } from './random';
import type { BirthDatePrecision } from './types';

const AGE_BUCKETS: [number, number][] = [
  [18, 24],
  [25, 34],
  [35, 44],
  [45, 54],
  [55, 64],
];
/** Integration Point clients are working-age adults, most of them young. */
const AGE_WEIGHTS = [0.2, 0.32, 0.25, 0.14, 0.09];

export interface BirthDate {
  year: number;
  month: number;
  day: number;
  precision: BirthDatePrecision;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function formatIso(d: { year: number; month: number; day: number }): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export function randomDayIn(year: number, rng: Rng): { year: number; month: number; day: number } {
  const month = rng.int(1, 12);
  return { year, month, day: rng.int(1, daysInMonth(year, month)) };
}

/** A birth date for an adult client as of `asOfYear`, with the precision the documents give. */
export function randomBirthDate(
  asOfYear: number,
  yearOnlyShare: number,
  monthShare: number,
  rng: Rng,
): BirthDate {
  const [lo, hi] = rng.weighted(AGE_BUCKETS, AGE_WEIGHTS);
  const year = asOfYear - rng.int(lo, hi);
  const r = rng.next();
  // Year-only dates are recorded as 01.01.YYYY (the German registration convention).
  if (r < yearOnlyShare) return { year, month: 1, day: 1, precision: 'year' };
  if (r < yearOnlyShare + monthShare) return { year, month: rng.int(1, 12), day: 1, precision: 'month' };
  return { ...randomDayIn(year, rng), precision: 'day' };
}
