import { z } from 'zod';
import { INDICATOR_IDS, TARGET_DIRECTIONS } from '../../../domain/statistics/targets';
import { isoDate, TABLE_FORMATS } from '../common-schema';
import { indicatorOut, statisticsQuery } from './schema';

// The wire contract of the steering dashboard (issue 15): targets, the dashboard per role, the drill-down and
// the exports. The web imports these types.

const indicatorId = z.enum(INDICATOR_IDS, { error: 'Bitte eine der veröffentlichten Kennzahlen wählen' });
const targetFields = {
  indicatorId,
  label: z.string().trim().min(1, 'Bitte eine Bezeichnung angeben').max(200, 'höchstens 200 Zeichen'),
  targetValue: z
    .number({ error: 'Bitte einen Zielwert als Zahl angeben' })
    .min(0, 'nicht negativ')
    .max(1_000_000),
  direction: z.enum(TARGET_DIRECTIONS, { error: 'Richtung: mindestens oder höchstens' }),
  deadline: isoDate,
  baselineOn: isoDate.nullable(),
};

export const targetCreate = z.object(targetFields).partial({ direction: true, baselineOn: true }).strict();
export type TargetCreate = z.infer<typeof targetCreate>;
export const targetUpdate = z
  .object(targetFields)
  .partial()
  .extend({ version: z.number({ error: 'Versionsnummer fehlt' }).int().min(1) })
  .strict();
export type TargetUpdate = z.infer<typeof targetUpdate>;
export const targetDeleteQuery = z.object({ version: z.coerce.number().int().min(1) });

export const targetOut = z.object({
  id: z.string(),
  indicatorId: z.string(),
  label: z.string(),
  targetValue: z.number(),
  direction: z.enum(TARGET_DIRECTIONS),
  deadline: z.string(),
  baselineOn: z.string().nullable(),
  version: z.number().int(),
});
export type TargetOut = z.infer<typeof targetOut>;

const point = z.object({ on: z.string(), value: z.number().nullable() });
export const targetProgressOut = targetOut.extend({
  unit: z.enum(['count', 'share', 'days']),
  current: z.number().nullable(),
  distance: z.number().nullable(),
  daysLeft: z.number().int(),
  slopePer30Days: z.number().nullable(),
  projected: z.number().nullable(),
  verdict: z.enum(['reached', 'missed', 'on_track', 'off_track', 'unknown']),
  points: z.array(point),
});
export type TargetProgressOut = z.infer<typeof targetProgressOut>;

export const dashboardQuery = statisticsQuery;
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const cellOut = z.object({
  id: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  suppressed: z.boolean(),
});
export const dashboardOut = z.object({
  asOf: z.string(),
  filters: z.record(z.string(), z.string()),
  /** caseload: the reader's own cases; ip: the whole Integration Point; county: small cells hidden. */
  view: z.enum(['caseload', 'ip', 'county']),
  smallCellsHidden: z.boolean(),
  mayDrillDown: z.boolean(),
  mayManageTargets: z.boolean(),
  indicators: z.array(indicatorOut),
  /** Month ends of the last year and the day itself. */
  trend: z.array(
    z.object({ on: z.string(), caseload: z.number().nullable(), inWorkShare: z.number().nullable() }),
  ),
  funnel: z.array(cellOut),
  map: z.object({
    rows: z.number().int(),
    cols: z.number().int(),
    tiles: z.array(
      z.object({
        municipalityId: z.string(),
        name: z.string(),
        row: z.number().int(),
        col: z.number().int(),
        caseload: z.number().nullable(),
        inWorkShare: z.number().nullable(),
        suppressed: z.boolean(),
      }),
    ),
  }),
  targets: z.array(targetProgressOut),
});
export type DashboardOut = z.infer<typeof dashboardOut>;

export const DRILLDOWN_IDS = [
  'caseload',
  'new_intakes_90d',
  'exits_90d',
  'in_work_share',
  'hires_90d',
  'days_to_job_median',
  'days_to_job_p25',
  'days_to_job_p75',
  'days_intake_to_first_offer_median',
  'days_intake_to_first_offer_p25',
  'days_intake_to_first_offer_p75',
  'in_training_share',
  'open_permit_requests',
  'in_course_share',
  'waiting_share',
  'in_measure_share',
  'level_unknown_share',
  'level_a0_a1_share',
  'level_a2_b1_share',
  'b2_share',
  'days_intake_to_first_course_median',
  'days_intake_to_first_course_p25',
  'days_intake_to_first_course_p75',
  'funnel_intake',
  'funnel_course',
  'funnel_b1',
  'funnel_work',
] as const;
export const drilldownQuery = statisticsQuery.extend({
  indicator: z.enum(DRILLDOWN_IDS, { error: 'Zu dieser Zahl gibt es keine Liste von Personen' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type DrilldownQuery = z.infer<typeof drilldownQuery>;
export const drilldownOut = z.object({
  indicator: z.string(),
  asOf: z.string(),
  total: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      municipality: z.string().nullable(),
      intakeOn: z.string(),
    }),
  ),
});
export type DrilldownOut = z.infer<typeof drilldownOut>;

export const exportQuery = statisticsQuery.extend({
  format: z.enum(TABLE_FORMATS, { error: 'Format: csv oder xlsx' }).default('xlsx'),
  table: z
    .enum(['indicators', 'targets', 'funnel', 'map', 'trend'], { error: 'unbekannte Tabelle' })
    .default('indicators'),
});
export type ExportQuery = z.infer<typeof exportQuery>;
