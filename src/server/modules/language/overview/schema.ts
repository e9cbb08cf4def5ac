import { z } from 'zod';
import { CEFR } from '../../../../domain/language';
import { isoDate, uuid } from '../../common-schema';

/** How the progress of the language path is grouped. */
export const PROGRESS_GROUPS = ['cohort', 'municipality', 'nationality', 'gender'] as const;

/** The wire contract of the region's waitlist, the course planning and the level progress. */

export const waitlistQuery = z.object({
  status: z.enum(['waiting', 'offered', 'enrolled', 'withdrawn']).default('waiting'),
  courseType: z.string().trim().max(40).optional(),
  municipalityId: uuid.optional(),
  since: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type WaitlistQuery = z.infer<typeof waitlistQuery>;

export const planningQuery = z.object({ months: z.coerce.number().int().min(1).max(24).default(6) });
export type PlanningQuery = z.infer<typeof planningQuery>;

export const progressQuery = z.object({
  groupBy: z.enum(PROGRESS_GROUPS).default('cohort'),
  asOf: isoDate.optional(),
  months: z.coerce.number().int().min(1).max(36).default(12),
});
export type ProgressQuery = z.infer<typeof progressQuery>;

export const waitlistItemOut = z.object({
  id: z.string(),
  version: z.number().int(),
  personId: z.string(),
  name: z.string(),
  gender: z.enum(['m', 'f', 'x', 'u']),
  municipality: z.string().nullable(),
  level: z.enum(CEFR).nullable(),
  courseTypes: z.array(z.string()),
  since: z.string(),
  waitingDays: z.number().int(),
  needsChildcare: z.boolean(),
  needsWomenOnly: z.boolean(),
  status: z.enum(['waiting', 'offered', 'enrolled', 'withdrawn']),
});
export type WaitlistItemOut = z.infer<typeof waitlistItemOut>;

export const waitlistOut = z.object({ total: z.number().int(), items: z.array(waitlistItemOut) });

/** Per municipality × course type; the arrays hold one value per month of `months`. */
export const planningRowOut = z.object({
  municipalityId: z.string().nullable(),
  municipality: z.string(),
  courseType: z.string(),
  courseTypeLabel: z.string(),
  demand: z.number().int(),
  eligible: z.number().int(),
  longestWaitDays: z.number().int(),
  seats: z.array(z.number().int()),
  free: z.array(z.number().int()),
  backlog: z.array(z.number().int()),
  gap: z.number().int(),
});
export type PlanningRowOut = z.infer<typeof planningRowOut>;

export const planningOut = z.object({
  asOf: z.string(),
  /** YYYY-MM */
  months: z.array(z.string()),
  rows: z.array(planningRowOut),
  byCourseType: z.array(
    z.object({
      courseType: z.string(),
      label: z.string(),
      demand: z.number().int(),
      seats: z.number().int(),
      free: z.number().int(),
      gap: z.number().int(),
    }),
  ),
});
export type PlanningOut = z.infer<typeof planningOut>;

export const progressGroupOut = z.object({
  group: z.string(),
  persons: z.number().int(),
  assessed: z.number().int(),
  byLevel: z.record(z.enum(CEFR), z.number().int()),
  atLeastB1: z.number().int(),
  atLeastB2: z.number().int(),
  /** Share at B2 or above among the assessed persons (0–1). */
  shareB2: z.number(),
});
export type ProgressGroupOut = z.infer<typeof progressGroupOut>;

export const progressOut = z.object({
  asOf: z.string(),
  groupBy: z.enum(PROGRESS_GROUPS),
  goal: z.object({ level: z.string(), share: z.number() }),
  overall: progressGroupOut.nullable(),
  groups: z.array(progressGroupOut),
  trend: z.array(
    z.object({
      month: z.string(),
      assessed: z.number().int(),
      atLeastB2: z.number().int(),
      shareB2: z.number(),
    }),
  ),
});
export type ProgressOut = z.infer<typeof progressOut>;
