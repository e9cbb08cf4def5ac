import { z } from 'zod';
import { planContent } from '../../../domain/plan/plan';
import { PLAN_LANGUAGES } from '../../../domain/plan/print';
import { isoDate } from '../common-schema';

// The wire contract of the cooperation plan.

// A real calendar day (2026-02-30 is refused on its field, never sent to the database).
const day = isoDate;

export const planSave = planContent.extend({
  /** The version the editor started from (0 for a new plan): a later save by someone else is a 409. */
  baseVersion: z.number().int().min(0),
  agreedOn: day.nullable().optional(),
  /** Default: six months after the agreement (or after today). */
  reviewOn: day.nullable().optional(),
  note: z.string().trim().max(1000, 'höchstens 1000 Zeichen').nullable().optional(),
});

export const planOut = z.object({
  version: z.number().int(),
  agreedOn: z.string().nullable(),
  reviewOn: z.string().nullable(),
  note: z.string().nullable(),
  content: planContent,
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  versions: z.array(
    z.object({
      version: z.number().int(),
      createdAt: z.string(),
      createdBy: z.string().nullable(),
      agreedOn: z.string().nullable(),
    }),
  ),
});
export type PlanOut = z.infer<typeof planOut>;

export const compareOut = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(
    z.object({
      kind: z.enum([
        'goal_added',
        'goal_removed',
        'goal_changed',
        'step_added',
        'step_removed',
        'step_changed',
      ]),
      goal: z.string(),
      step: z.string().optional(),
      field: z.string().optional(),
      before: z.string().nullable().optional(),
      after: z.string().nullable().optional(),
    }),
  ),
});

export const printQuery = z.object({
  lang: z.enum(PLAN_LANGUAGES as [string, ...string[]]).optional(),
  version: z.coerce.number().int().min(1).optional(),
});
