import { z } from 'zod';
import { RECOGNITION_RESULTS, RECOGNITION_STATUSES } from '../../../domain/recognition/deadline';
import { isoDate } from '../common-schema';

// A real calendar day (2026-02-30 is refused on its field, never sent to the database).
const day = isoDate;

const fields = {
  qualification: z.string().trim().min(1, 'Bitte den ausländischen Abschluss angeben').max(300),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Ländercode wie SY')
    .nullable(),
  referenceOccupation: z.string().trim().min(1, 'Bitte den deutschen Referenzberuf angeben').max(300),
  escoUri: z.string().url('keine gültige ESCO-Adresse').max(300).nullable(),
  regulated: z.boolean(),
  authority: z.string().trim().max(300).nullable(),
  status: z.enum(RECOGNITION_STATUSES),
  appliedOn: day.nullable(),
  completeOn: day.nullable(),
  extendedUntil: day.nullable(),
  decisionOn: day.nullable(),
  result: z.enum(RECOGNITION_RESULTS).nullable(),
  adaptationMeasure: z.string().trim().max(1000).nullable(),
};

export const recognitionCreate = z
  .object(fields)
  .partial()
  .required({ qualification: true, referenceOccupation: true });
export const recognitionUpdate = z
  .object(fields)
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();

export const recognitionOut = z.object({
  id: z.string().uuid(),
  ...fields,
  /** The last day for the authority's decision, when one is awaited. */
  decisionDueOn: z.string().nullable(),
  overdue: z.boolean(),
  legalBasis: z.string(),
  version: z.number().int(),
});
export type RecognitionOut = z.infer<typeof recognitionOut>;
