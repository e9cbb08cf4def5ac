import { addDays } from '../reference/dates';
import { inCourseOn, openOn, type StatisticsFacts } from './indicators';

/**
 * Forecast of arrivals (intakes per month) and of language-course demand (first course requests per month)
 * for the next months, against the seats of the courses the catalogue holds (issue 15). Pure.
 *
 * Method: arrivals by damped-trend exponential smoothing (Holt's linear method with a damped trend, Gardner &
 * McKenzie), its three parameters chosen from a small grid by the least one-month-ahead error on the history
 * — the level follows the last months, a trend only slowly, and the trend fades out over the horizon, so a
 * short rise is not continued forever. Course demand is the arrivals forecast times the course requests per
 * intake of the last 12 months. Prediction intervals (80 %) come from the errors of a rolling-origin
 * back-test on the same history: for each of the last 24 months t the months t…t+11 are forecast from the
 * data before t and compared with what happened.
 */

/** Smoothing of the level, of the trend, and damping of the trend per month. */
export const HOLT: HoltParams = { alpha: 0.4, beta: 0.2, phi: 0.9 };
export interface HoltParams {
  alpha: number;
  beta: number;
  phi: number;
}
/** The grid the parameters are chosen from (least squared one-month-ahead error on the history). */
const GRID: HoltParams[] = [0.2, 0.4, 0.6, 0.8].flatMap((alpha) =>
  [0.05, 0.2].flatMap((beta) => [0.8, 0.9, 0.98].map((phi) => ({ alpha, beta, phi }))),
);
/** Months of history before the parameters are fitted rather than taken as HOLT. */
const MIN_FIT = 12;
/** Months of history a back-test origin needs before its first forecast. */
export const MIN_TRAIN = 6;
/**
 * The back-test's origins are the last this many months: errors of the present level and its swings make
 * the intervals, not those of years with a tenth of today's intakes.
 */
export const BACKTEST_ORIGINS = 24;
/** Months whose course requests per intake make the demand's share. */
const SHARE_MONTHS = 12;
/** Residuals a horizon needs before its own quantiles make the interval. */
const MIN_RESIDUALS = 5;

/** 'YYYY-MM' of a date or month. */
export const monthOf = (day: string): string => day.slice(0, 7);

/** The month `k` months after `month` ('YYYY-MM'); k may be negative. */
export function addMonths(month: string, k: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + k;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${String(yy).padStart(4, '0')}-${String(mm + 1).padStart(2, '0')}`;
}

/** The last day of a month. */
export function monthEnd(month: string): string {
  return addDays(`${addMonths(month, 1)}-01`, -1);
}

/** The months from `first` to `last` inclusive (empty when last < first). */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) out.push(m);
  return out;
}

/**
 * Counts per month of the given days, from the month of the first day up to `last` inclusive (days after
 * `last` are ignored). No days: no months.
 */
export function monthlyCounts(days: readonly string[], last: string): { month: string; count: number }[] {
  const counts = new Map<string, number>();
  let first: string | null = null;
  for (const d of days) {
    const m = monthOf(d);
    if (m > last) continue;
    counts.set(m, (counts.get(m) ?? 0) + 1);
    if (first === null || m < first) first = m;
  }
  if (first === null) return [];
  return monthRange(first, last).map((month) => ({ month, count: counts.get(month) ?? 0 }));
}

/**
 * Damped-trend Holt forecast of the next `h` values. Empty history: zeros. One or two values: their mean
 * (no trend can be told from so little). Never negative.
 */
function smooth(series: readonly number[], p: HoltParams): { level: number; trend: number; sse: number } {
  // Start: the level of the first value, the trend of the first three (robust against one odd month).
  let level = series[0];
  let trend = (series[2] - series[0]) / 2;
  let sse = 0;
  for (let t = 1; t < series.length; t++) {
    const prev = level;
    const e = series[t] - (prev + p.phi * trend);
    sse += e * e;
    level = p.alpha * series[t] + (1 - p.alpha) * (prev + p.phi * trend);
    trend = p.beta * (level - prev) + (1 - p.beta) * p.phi * trend;
  }
  return { level, trend, sse };
}

/** The parameters of the grid with the least squared one-month-ahead error; HOLT for a short history. */
export function fitHolt(series: readonly number[]): HoltParams {
  if (series.length < MIN_FIT) return HOLT;
  let best = HOLT;
  let bestSse = smooth(series, HOLT).sse;
  for (const p of GRID) {
    const { sse } = smooth(series, p);
    if (sse < bestSse - 1e-9) {
      best = p;
      bestSse = sse;
    }
  }
  return best;
}

/**
 * Damped-trend Holt forecast of the next `h` values, with parameters fitted on the series (`fitHolt`) unless
 * given. Empty history: zeros. One or two values: their mean (no trend can be told from so little). Never
 * negative.
 */
export function holtForecast(series: readonly number[], h: number, params?: HoltParams): number[] {
  const n = series.length;
  if (n === 0) return Array(h).fill(0);
  if (n < 3) {
    const mean = series.reduce((s, v) => s + v, 0) / n;
    return Array(h).fill(mean);
  }
  const p = params ?? fitHolt(series);
  const { level, trend } = smooth(series, p);
  const out: number[] = [];
  let damp = 0;
  for (let k = 1; k <= h; k++) {
    damp += p.phi ** k;
    out.push(Math.max(0, level + damp * trend));
  }
  return out;
}

export interface BacktestResult {
  /** Forecast origins tried (months of history after the first MIN_TRAIN). */
  origins: number;
  /** Pairs of forecast and actual compared (origins × horizons that lie inside the history). */
  pairs: number;
  /** Mean absolute error over all pairs, in persons per month; null without pairs. */
  mae: number | null;
  /** Mean absolute error of the next month only. */
  mae1: number | null;
  /** Mean absolute percentage error over the pairs whose actual is above zero (0..1). */
  mape: number | null;
  /** The same error of the naive forecast ("as last month"), as the yardstick. */
  naiveMae: number | null;
  /** actual − forecast, per horizon (index 0 = next month). */
  residuals: number[][];
}

/**
 * Rolling-origin back-test: from each origin t of the last `lastOrigins` months (and t ≥ MIN_TRAIN) the months
 * t…t+h−1 are forecast from the values before t and compared with the actual values.
 */
export function backtest(
  series: readonly number[],
  h: number,
  forecast: (train: readonly number[], h: number) => number[] = holtForecast,
  lastOrigins = BACKTEST_ORIGINS,
): BacktestResult {
  const residuals: number[][] = Array.from({ length: h }, () => []);
  let abs = 0;
  let naiveAbs = 0;
  let pct = 0;
  let pctN = 0;
  let pairs = 0;
  let origins = 0;
  for (let t = Math.max(MIN_TRAIN, series.length - lastOrigins); t < series.length; t++) {
    origins++;
    const steps = Math.min(h, series.length - t);
    const f = forecast(series.slice(0, t), steps);
    const naive = series[t - 1];
    for (let k = 0; k < steps; k++) {
      const actual = series[t + k];
      const e = actual - f[k];
      residuals[k].push(e);
      abs += Math.abs(e);
      naiveAbs += Math.abs(actual - naive);
      if (actual > 0) {
        pct += Math.abs(e) / actual;
        pctN++;
      }
      pairs++;
    }
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, v) => s + Math.abs(v), 0) / xs.length : null);
  return {
    origins,
    pairs,
    mae: pairs ? abs / pairs : null,
    mae1: mean(residuals[0] ?? []),
    mape: pctN ? pct / pctN : null,
    naiveMae: pairs ? naiveAbs / pairs : null,
    residuals,
  };
}

function quantile(values: readonly number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

/**
 * The 80 % interval around forecast `f` at horizon `k` (0 = next month): the 10th and 90th percentile of the
 * back-test's errors at that horizon when it has at least MIN_RESIDUALS; else ±1.28 × the root mean square
 * of the next-month errors × √(k+1); without any back-test error, none. The range always holds the forecast
 * itself, and never goes below zero.
 */
export function interval(
  f: number,
  k: number,
  bt: Pick<BacktestResult, 'residuals'>,
): { low: number; high: number } | null {
  const own = bt.residuals[k] ?? [];
  if (own.length >= MIN_RESIDUALS)
    // Errors of one sign only (a level shift in the back-test) must not move the range off the forecast.
    return {
      low: Math.max(0, f + Math.min(0, quantile(own, 0.1))),
      high: Math.max(0, f + Math.max(0, quantile(own, 0.9))),
    };
  const first = bt.residuals[0] ?? [];
  if (first.length < 2) return null;
  const rmse = Math.sqrt(first.reduce((s, e) => s + e * e, 0) / first.length);
  const w = 1.28 * rmse * Math.sqrt(k + 1);
  return { low: Math.max(0, f - w), high: Math.max(0, f + w) };
}

export interface Scenario {
  /** Arrivals times this factor (0.25 … 4); 1 = as the history says. */
  factor?: number;
  /** Expected new clients in the 12 forecast months (e.g. Herford's 450 or 1,200): sets the factor. */
  annualArrivals?: number;
}

export interface ForecastMonth {
  month: string;
  arrivals: number;
  arrivalsLow: number | null;
  arrivalsHigh: number | null;
  demand: number;
  demandLow: number | null;
  demandHigh: number | null;
  /** Seats of the courses (not cancelled) that start in the month. */
  seats: number;
  /** Persons still without a seat at the month's end: waitlist now + demand so far − seats so far (≥ 0). */
  shortfall: number;
}

export interface SeriesBacktest {
  origins: number;
  pairs: number;
  mae: number | null;
  mae1: number | null;
  mape: number | null;
  naiveMae: number | null;
}

export interface Forecast {
  /** First forecast month; the history ends the month before. */
  from: string;
  history: { month: string; arrivals: number; demand: number }[];
  months: ForecastMonth[];
  /** The factor applied to the forecast of arrivals and demand. */
  factor: number;
  /** Open cases on the waitlist, not in a course, on the last day of the history. */
  waitingNow: number;
  /** Course requests per arrival over the last 12 months of history (null without arrivals). */
  demandPerArrival: number | null;
  backtest: { arrivals: SeriesBacktest; demand: SeriesBacktest };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const summary = (b: BacktestResult): SeriesBacktest => ({
  origins: b.origins,
  pairs: b.pairs,
  mae: b.mae === null ? null : round1(b.mae),
  mae1: b.mae1 === null ? null : round1(b.mae1),
  mape: b.mape === null ? null : Math.round(b.mape * 1000) / 1000,
  naiveMae: b.naiveMae === null ? null : round1(b.naiveMae),
});

/** The day a person first asked for a course: the earliest waitlist entry or course start. */
export function courseRequestDays(facts: Pick<StatisticsFacts, 'waits' | 'enrolments'>): string[] {
  const first = new Map<string, string>();
  const note = (id: string, day: string) => {
    const had = first.get(id);
    if (had === undefined || day < had) first.set(id, day);
  };
  for (const w of facts.waits) note(w.personId, w.since);
  for (const e of facts.enrolments) if (e.status !== 'cancelled') note(e.personId, e.start);
  return [...first.values()];
}

/**
 * The forecast for the `horizon` months from `from` ('YYYY-MM'), from the facts dated before it, under a
 * scenario. The history starts with the month of the first intake.
 */
export function forecastFromFacts(
  facts: StatisticsFacts,
  from: string,
  scenario: Scenario = {},
  horizon = 12,
): Forecast {
  const last = addMonths(from, -1);
  const lastDay = monthEnd(last);
  const arrivalsHist = monthlyCounts(
    facts.persons.map((p) => p.intakeOn),
    last,
  );
  const requestsByMonth = new Map(
    monthlyCounts(courseRequestDays(facts), last).map((m) => [m.month, m.count] as const),
  );
  // One time axis: the arrivals' (a course request needs an intake first); requests before it are dropped.
  const months = arrivalsHist.map((m) => m.month);
  const arrivals = arrivalsHist.map((m) => m.count);
  const demand = months.map((m) => requestsByMonth.get(m) ?? 0);

  const fa = holtForecast(arrivals, horizon);
  const bta = backtest(arrivals, horizon);
  // Demand: the arrivals forecast times the course requests per intake of the last 12 months — it follows
  // the arrivals (and so the scenario) and cannot outgrow them. Back-tested the same way.
  const shareUpTo = (t: number): number | null => {
    const a = arrivals.slice(Math.max(0, t - SHARE_MONTHS), t).reduce((s, v) => s + v, 0);
    const d = demand.slice(Math.max(0, t - SHARE_MONTHS), t).reduce((s, v) => s + v, 0);
    return a > 0 ? Math.min(1, d / a) : null;
  };
  const demandForecast = (train: readonly number[], h: number) =>
    holtForecast(arrivals.slice(0, train.length), h).map((x) => x * (shareUpTo(train.length) ?? 0));
  const demandPerArrival = shareUpTo(arrivals.length);
  const fd = fa.map((x) => x * (demandPerArrival ?? 0));
  const btd = backtest(demand, horizon, demandForecast);

  const baseSum = fa.reduce((s, v) => s + v, 0);
  let factor = scenario.factor ?? 1;
  let flat: number | null = null;
  if (scenario.annualArrivals !== undefined) {
    const perYear = scenario.annualArrivals * (horizon / 12);
    if (baseSum > 0) factor = perYear / baseSum;
    else {
      flat = perYear / horizon;
      factor = 1;
    }
  }

  const seatsOf = new Map<string, number>();
  for (const c of facts.courses)
    if (c.status !== 'cancelled')
      seatsOf.set(monthOf(c.start), (seatsOf.get(monthOf(c.start)) ?? 0) + c.seats);

  const waitingNow = countWaiting(facts, lastDay);

  let shortfall = waitingNow;
  const out: ForecastMonth[] = [];
  for (let k = 0; k < horizon; k++) {
    const month = addMonths(from, k);
    const ia = interval(fa[k], k, bta);
    const id = interval(fd[k], k, btd);
    const a = flat ?? fa[k] * factor;
    const d = flat !== null ? flat * (demandPerArrival ?? 0) : fd[k] * factor;
    const scale = (x: number | undefined) => (x === undefined || flat !== null ? null : round1(x * factor));
    const seats = seatsOf.get(month) ?? 0;
    shortfall = Math.max(0, shortfall + d - seats);
    out.push({
      month,
      arrivals: round1(a),
      arrivalsLow: scale(ia?.low),
      arrivalsHigh: scale(ia?.high),
      demand: round1(d),
      demandLow: scale(id?.low),
      demandHigh: scale(id?.high),
      seats,
      shortfall: Math.round(shortfall),
    });
  }
  return {
    from,
    history: months.map((month, i) => ({ month, arrivals: arrivals[i], demand: demand[i] })),
    months: out,
    factor: Math.round(factor * 1000) / 1000,
    waitingNow,
    demandPerArrival: demandPerArrival === null ? null : Math.round(demandPerArrival * 1000) / 1000,
    backtest: { arrivals: summary(bta), demand: summary(btd) },
  };
}

/** Open cases on the waitlist on the day and not in a course (as the indicator `waiting_share` counts). */
export function countWaiting(facts: StatisticsFacts, day: string): number {
  const open = new Set(facts.persons.filter((p) => openOn(p, day)).map((p) => p.id));
  const inCourse = new Set(facts.enrolments.filter((e) => inCourseOn(e, day)).map((e) => e.personId));
  const waiting = new Set<string>();
  for (const w of facts.waits)
    if (open.has(w.personId) && !inCourse.has(w.personId) && w.since <= day && w.status !== 'withdrawn')
      waiting.add(w.personId);
  return waiting.size;
}
