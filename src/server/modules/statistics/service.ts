import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { computeIndicators } from '../../../domain/statistics';
import { regionFacts } from './facts-cache';
import type { StatisticsOut, StatisticsQuery } from './schema';

/**
 * The indicators of a region as of a day. `suppress`: the reader sees numbers beyond the own agency (the
 * coordination of the county, the steering group, the CLI and other systems) — small cells are hidden.
 */
export async function regionIndicators(
  db: Kysely<DB>,
  tenantId: string,
  query: StatisticsQuery,
  opts: { suppress: boolean },
): Promise<StatisticsOut> {
  const { asOf, ...filters } = query;
  const { facts } = await regionFacts(db, tenantId);
  const shown = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
  return { asOf, filters: shown, indicators: computeIndicators(facts, asOf, filters, opts) };
}
