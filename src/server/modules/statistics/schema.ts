import { z } from 'zod';
import { AGE_GROUPS, STAT_RECHTSKREISE } from '../../../domain/statistics';
import { isoDate, nationalityCode, uuid } from '../common-schema';

/** Genders the statistics filter by ("u", unknown, is no group of its own). */
export const STAT_GENDERS = ['f', 'm', 'x'] as const;

/** CONTRACTS §7: the query of GET /api/statistics/indicators (and the CLI's options). */
export const statisticsQuery = z.object({
  asOf: isoDate,
  municipality: uuid.optional(),
  gender: z.enum(STAT_GENDERS, { error: 'Geschlecht: m, f oder x' }).optional(),
  nationality: nationalityCode.optional(),
  rechtskreis: z.enum(STAT_RECHTSKREISE, { error: 'Rechtskreis: asylblg, sgb2 oder sgb3_only' }).optional(),
  ageGroup: z.enum(AGE_GROUPS, { error: `Altersgruppe: ${AGE_GROUPS.join(', ')}` }).optional(),
});
export type StatisticsQuery = z.infer<typeof statisticsQuery>;

export const indicatorOut = z.object({
  id: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  suppressed: z.boolean(),
});
export const statisticsOut = z.object({
  asOf: z.string(),
  filters: z.record(z.string(), z.string()),
  indicators: z.array(indicatorOut),
});
export type StatisticsOut = z.infer<typeof statisticsOut>;
