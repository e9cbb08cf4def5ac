import { z } from 'zod';
import { CEFR } from '../../../../domain/language';

/** The wire contract of the catalogue and travel-time imports: previews and commits. */

export const rowErrorOut = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type RowErrorOut = z.infer<typeof rowErrorOut>;

/** Only the first errors are listed; the counts cover all of them. */
const errorDigest = {
  errors: z.array(rowErrorOut),
  errorCount: z.number().int(),
  rowsWithErrors: z.number().int(),
  errorsByColumn: z.array(z.object({ column: z.string(), count: z.number().int() })),
};

export const cataloguePreviewOut = z.object({
  rows: z.array(
    z.object({
      row: z.number().int(),
      action: z.enum(['create', 'update']),
      courseId: z.string().nullable(),
      ref: z.string(),
      providerId: z.string(),
      type: z.string(),
      entryLevels: z.array(z.enum(CEFR)),
      targetLevel: z.enum(CEFR).nullable(),
      hours: z.number(),
      schedule: z.string().nullable(),
      startDate: z.string(),
      endDate: z.string().nullable(),
      seats: z.number().int(),
      childcare: z.boolean(),
      womenOnly: z.boolean(),
      municipalityId: z.string(),
      placeId: z.string().nullable(),
      newVenue: z.object({ name: z.string(), address: z.string().nullable() }).nullable(),
    }),
  ),
  ...errorDigest,
  summary: z.object({
    rows: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    create: z.number().int(),
    update: z.number().int(),
    newPlaces: z.number().int(),
  }),
});
export type CataloguePreviewOut = z.infer<typeof cataloguePreviewOut>;

export const catalogueCommitOut = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  places: z.number().int(),
});

export const travelPreviewOut = z.object({
  entries: z.array(
    z.object({
      row: z.number().int(),
      from: z.string(),
      to: z.string(),
      fromId: z.string(),
      toId: z.string(),
      minutes: z.number(),
    }),
  ),
  ...errorDigest,
});
export type TravelPreviewOut = z.infer<typeof travelPreviewOut>;

export const travelCommitOut = z.object({ imported: z.number().int(), replaced: z.boolean() });
