import { addDays, daysBetween } from '../reference/dates';

/**
 * Targets of the steering group (issue 15), e.g. "50 % in work by 31.12.2027": the distance of the current
 * value, a linear trend through the values at past month ends, and whether that trend reaches the target by
 * the deadline. Pure: the service computes the values as of each day, this module judges them.
 */

/** The unit of each published indicator (ids of indicators.ts): shares are 0..1, days and counts as such. */
export const INDICATOR_UNITS = {
  caseload: 'count',
  new_intakes_90d: 'count',
  exits_90d: 'count',
  handed_over_90d: 'count',
  handover_days_median: 'days',
  open_handovers: 'count',
  in_work_share: 'share',
  hires_90d: 'count',
  days_to_job_median: 'days',
  days_to_job_p25: 'days',
  days_to_job_p75: 'days',
  days_intake_to_first_offer_median: 'days',
  days_intake_to_first_offer_p25: 'days',
  days_intake_to_first_offer_p75: 'days',
  in_training_share: 'share',
  open_permit_requests: 'count',
  open_permit_days_median: 'days',
  in_course_share: 'share',
  waiting_share: 'share',
  in_measure_share: 'share',
  level_unknown_share: 'share',
  level_a0_a1_share: 'share',
  level_a2_b1_share: 'share',
  b2_share: 'share',
  days_intake_to_first_course_median: 'days',
  days_intake_to_first_course_p25: 'days',
  days_intake_to_first_course_p75: 'days',
  course_seat_use: 'share',
} as const;
export type IndicatorId = keyof typeof INDICATOR_UNITS;
export const INDICATOR_IDS = Object.keys(INDICATOR_UNITS) as IndicatorId[];

/** at_least: the value should rise to the target (a share in work); at_most: fall to it (days of waiting). */
export const TARGET_DIRECTIONS = ['at_least', 'at_most'] as const;
export type TargetDirection = (typeof TARGET_DIRECTIONS)[number];

export interface TrendPoint {
  on: string;
  /** null: not known or not shown (suppressed) on that day. */
  value: number | null;
}

export type TargetVerdict =
  /** The current value meets the target. */
  | 'reached'
  /** The deadline has come (the deadline day included) and the target is not met. */
  | 'missed'
  /** The linear trend meets the target on or before the deadline. */
  | 'on_track'
  /** The linear trend does not meet the target by the deadline. */
  | 'off_track'
  /** Fewer than two known values (or the current value unknown): no trend to judge. */
  | 'unknown';

export interface TargetProgress {
  current: number | null;
  /** Still to go, in the indicator's unit: positive = not yet reached (for either direction), ≤ 0 = reached. */
  distance: number | null;
  daysLeft: number;
  /** The trend's change per 30 days. */
  slopePer30Days: number | null;
  /** The trend's value on the deadline. */
  projected: number | null;
  verdict: TargetVerdict;
}

const meets = (value: number, target: number, dir: TargetDirection) =>
  dir === 'at_least' ? value >= target : value <= target;

/** Least squares through the known points (x = days since the first point): slope per day and intercept. */
export function linearTrend(points: TrendPoint[]): { slope: number; intercept: number; x0: string } | null {
  const known = points.filter((p): p is { on: string; value: number } => p.value !== null);
  if (known.length < 2) return null;
  const x0 = known[0].on;
  const xs = known.map((p) => daysBetween(x0, p.on));
  const ys = known.map((p) => p.value);
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - mx) ** 2;
    sxy += (xs[i] - mx) * (ys[i] - my);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, x0 };
}

/**
 * The progress towards a target as of `asOf`: `points` are the values at past month ends and on `asOf`
 * (the last point is the current value). The deadline day counts as the last day to reach the target: as of
 * that day or later an unmet target is missed; before it, the linear trend decides.
 */
export function targetProgress(input: {
  target: number;
  direction: TargetDirection;
  deadline: string;
  asOf: string;
  points: TrendPoint[];
}): TargetProgress {
  const { target, direction, deadline, asOf } = input;
  const points = [...input.points].filter((p) => p.on <= asOf).sort((a, b) => (a.on < b.on ? -1 : 1));
  const last = points.at(-1);
  const current = last && last.on === asOf ? last.value : null;
  const daysLeft = daysBetween(asOf, deadline);
  const trend = linearTrend(points);
  const projected = trend ? round(trend.intercept + trend.slope * daysBetween(trend.x0, deadline)) : null;
  const slopePer30Days = trend ? round(trend.slope * 30) : null;
  const distance =
    current === null ? null : round(direction === 'at_least' ? target - current : current - target);
  let verdict: TargetVerdict;
  if (current !== null && meets(current, target, direction)) verdict = 'reached';
  else if (daysLeft <= 0) verdict = 'missed';
  else if (current === null || projected === null) verdict = 'unknown';
  else verdict = meets(projected, target, direction) ? 'on_track' : 'off_track';
  return { current, distance, daysLeft, slopePer30Days, projected, verdict };
}

const round = (v: number) => Math.round(v * 10000) / 10000;

/**
 * The days a trend is read at: the last day of each of the `months` months before `asOf`, oldest first,
 * then `asOf` itself; a baseline day (the value the target started from) comes first when it is earlier.
 */
export function trendDays(asOf: string, months: number, baseline?: string | null): string[] {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let k = months; k >= 1; k--) {
    const end = new Date(Date.UTC(y, m - k + 1, 0)).toISOString().slice(0, 10);
    if (!baseline || end > baseline) out.push(end);
  }
  if (baseline && baseline < asOf) out.unshift(baseline);
  if (out.at(-1) !== asOf) out.push(asOf);
  return [...new Set(out)];
}

/** The day before a day: handy for boundary tests and "as of the day before" reads. */
export const dayBefore = (day: string) => addDays(day, -1);

/** The number a screen and an export show for a value: shares in percent with one decimal, days with one. */
export function shownNumber(unit: 'count' | 'share' | 'days', value: number | null): number | null {
  if (value === null) return null;
  if (unit === 'share') return Math.round(value * 1000) / 10;
  if (unit === 'days') return Math.round(value * 10) / 10;
  return value;
}

export const unitOf = (id: string): 'count' | 'share' | 'days' =>
  (INDICATOR_UNITS as Record<string, 'count' | 'share' | 'days'>)[id] ?? 'count';
