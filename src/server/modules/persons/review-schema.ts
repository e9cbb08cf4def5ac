import { z } from 'zod';

/** Wire contract of the duplicate review queue (issue 12); the web imports these types. */

const side = z.object({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  nameOriginal: z.string().nullable(),
  nameVariants: z.array(z.string()),
  birthDate: z.string().nullable(),
  birthDatePrecision: z.string(),
  nationalities: z.array(z.string()),
  gender: z.string(),
  agency: z.string().nullable(),
  municipality: z.string().nullable(),
  registeredOn: z.string(),
  /** When the record was created (ISO instant): the older record is proposed to stay. */
  registeredAt: z.string(),
});
export type ReviewSide = z.infer<typeof side>;

export const reviewPair = z.object({
  id: z.string(),
  version: z.number(),
  score: z.number(),
  reasons: z.array(z.string()),
  a: side,
  b: side,
});
export type ReviewPair = z.infer<typeof reviewPair>;

export const reviewRun = z.object({
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  records: z.number(),
  compared: z.number(),
  proposed: z.number(),
});
export type ReviewRun = z.infer<typeof reviewRun>;

export const reviewQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const reviewList = z.object({
  pairs: z.array(reviewPair),
  /** Open pairs the reader may decide (both persons readable). */
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  lastRun: reviewRun.nullable(),
});
export type ReviewList = z.infer<typeof reviewList>;

export const reviewDecision = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('distinct'),
    version: z.number().int().positive(),
  }),
  z.object({
    decision: z.literal('merge'),
    version: z.number().int().positive(),
    /** The record that stays; the other one is merged into it. */
    survivorId: z.string().uuid('Bitte wählen Sie den Datensatz, der bleibt.'),
    survivorVersion: z.number().int().positive(),
    duplicateVersion: z.number().int().positive(),
  }),
]);
export type ReviewDecision = z.infer<typeof reviewDecision>;

export const reviewDecided = z.object({ id: z.string(), state: z.enum(['merged', 'distinct']) });
