import { z } from 'zod';
import { forecastOut, isoMonth } from './forecast-schema';
import { indicatorOut } from './schema';

/** GET /api/statistics/report and report.pdf: the month of the steering group's report. */
export const reportQuery = z.object({ month: isoMonth });
export type ReportQuery = z.infer<typeof reportQuery>;

const groupRow = z.object({
  key: z.string(),
  label: z.string(),
  caseload: z.number().nullable(),
  inWorkShare: z.number().nullable(),
  inCourseShare: z.number().nullable(),
  waitingShare: z.number().nullable(),
  b2Share: z.number().nullable(),
  suppressed: z.boolean(),
});

/**
 * The monthly report: the indicators at the month's end and the end of the month before, twelve month ends
 * of trend, the forecast from the next month, and one table per filter group. Everything a reader outside the
 * own agency may see: cells of 1–4 persons are null, within a group complementary to the others.
 */
export const reportOut = z.object({
  month: z.string(),
  asOf: z.string(),
  previousAsOf: z.string(),
  region: z.string(),
  indicators: z.array(
    indicatorOut.extend({ previous: z.number().nullable(), previousSuppressed: z.boolean() }),
  ),
  trend: z.array(
    z.object({
      asOf: z.string(),
      caseload: z.number().nullable(),
      inWorkShare: z.number().nullable(),
      inCourseShare: z.number().nullable(),
      waitingShare: z.number().nullable(),
    }),
  ),
  forecast: forecastOut,
  groups: z.array(z.object({ key: z.string(), label: z.string(), rows: z.array(groupRow) })),
});
export type ReportOut = z.infer<typeof reportOut>;
export type ReportGroupRow = z.infer<typeof groupRow>;
