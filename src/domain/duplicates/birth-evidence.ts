import type { PreparedBirth } from './prepare';
import { REASONS } from './reasons';

export interface Evidence {
  /** Log-odds contribution: positive supports "same person". */
  weight: number;
  reason: string | null;
}

const NONE: Evidence = { weight: 0, reason: null };

/**
 * Compares dates of birth at the precision both records actually have. A year-only date
 * (recorded as 01.01.YYYY) matches any date in that year, but is weaker evidence than a full
 * date; a swapped day/month is a frequent desk error and still counts.
 */
export function birthEvidence(a: PreparedBirth | null, b: PreparedBirth | null): Evidence {
  if (!a || !b) return NONE;
  const yearDiff = Math.abs(a.year - b.year);
  if (yearDiff > 0) {
    return { weight: yearDiff === 1 ? -3.5 : -7, reason: REASONS.birthDateMismatch };
  }
  if (a.precision === 'year' || b.precision === 'year') return { weight: 1.6, reason: REASONS.birthYear };
  if (a.precision === 'month' || b.precision === 'month') {
    return a.month === b.month
      ? { weight: 2.4, reason: REASONS.birthMonth }
      : { weight: -3, reason: REASONS.birthDateMismatch };
  }
  if (a.month === b.month && a.day === b.day) {
    // 01.01. may itself be the year-only convention recorded with the wrong precision.
    return { weight: a.month === 1 && a.day === 1 ? 2 : 3.6, reason: REASONS.birthDate };
  }
  if (a.month === b.day && a.day === b.month) return { weight: 2.2, reason: REASONS.birthDateSwapped };
  // One side recorded as 01.01. by convention while the other knows the date.
  if ((a.month === 1 && a.day === 1) || (b.month === 1 && b.day === 1))
    return { weight: 0.8, reason: REASONS.birthYear };
  return { weight: -4, reason: REASONS.birthDateMismatch };
}
