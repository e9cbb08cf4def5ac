import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { todayInGermany } from '../../../domain/reference/dates';
import type { StatisticsFacts } from '../../../domain/statistics';
import { forecastFromFacts, monthOf } from '../../../domain/statistics/forecast';
import { regionFacts } from './facts-cache';
import { presentForecast } from './forecast-presenter';
import type { ForecastOut, ForecastQuery } from './forecast-schema';

/** The forecast from already loaded facts (the monthly report loads them once for everything). */
export function forecastOf(
  facts: StatisticsFacts,
  query: ForecastQuery,
  opts: { suppress: boolean },
): ForecastOut {
  const from = query.from ?? monthOf(todayInGermany());
  const scenario = { factor: query.factor, annualArrivals: query.annualArrivals };
  return presentForecast(forecastFromFacts(facts, from, scenario), scenario, opts.suppress);
}

/**
 * Arrivals and course demand of a region for the 12 months from `from` (default: this month), from the
 * facts before it, under a scenario, against the seats of the catalogue's courses.
 */
export async function regionForecast(
  db: Kysely<DB>,
  tenantId: string,
  query: ForecastQuery,
  opts: { suppress: boolean },
): Promise<ForecastOut> {
  return forecastOf((await regionFacts(db, tenantId)).facts, query, opts);
}
