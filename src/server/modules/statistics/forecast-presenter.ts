import type { Forecast } from '../../../domain/statistics/forecast';
import { MIN_CELL } from '../../../domain/statistics/indicators';
import type { ForecastOut } from './forecast-schema';

/** A count of persons as shown outside the own agency: 1–4 persons are not shown (null). */
const cell = (n: number, suppress: boolean): number | null => (suppress && n > 0 && n < MIN_CELL ? null : n);
const round = (x: number) => Math.round(x);

/**
 * The forecast as the wire contract: the history's monthly counts and the waitlist are counts of persons,
 * so small cells are hidden; forecast values are model values (smoothed over the whole history) and shown.
 */
export function presentForecast(
  f: Forecast,
  scenario: { annualArrivals?: number },
  suppress: boolean,
): ForecastOut {
  return {
    from: f.from,
    scenario: { factor: f.factor, annualArrivals: scenario.annualArrivals ?? null },
    history: f.history.map((h) => ({
      month: h.month,
      arrivals: cell(h.arrivals, suppress),
      demand: cell(h.demand, suppress),
    })),
    months: f.months,
    totals: {
      arrivals: round(f.months.reduce((s, m) => s + m.arrivals, 0)),
      demand: round(f.months.reduce((s, m) => s + m.demand, 0)),
      seats: f.months.reduce((s, m) => s + m.seats, 0),
    },
    waitingNow: cell(f.waitingNow, suppress),
    demandPerArrival: f.demandPerArrival,
    backtest: f.backtest,
  };
}
