import { z } from 'zod';
import { MEASURE_TYPES } from '../../../domain/measures/fit';
import { CEFR_LEVELS } from '../../../domain/reference/languages';
import { isoDate } from '../common-schema';

// The wire contract of the measures catalogue (Förderkompass).

// A real calendar day (2026-02-30 is refused on its field, never sent to the database).
const day = isoDate;
export const MEASURE_RECHTSKREISE = ['sgb2', 'sgb3_only', 'asylblg'] as const;
const RESIDENCE_KINDS = [
  'gestattung',
  'duldung',
  'aufenthaltserlaubnis',
  'niederlassungserlaubnis',
  'fiktionsbescheinigung',
  'eu_freizuegigkeit',
] as const;

const fields = {
  title: z.string().trim().min(1, 'Bitte einen Titel angeben').max(200, 'höchstens 200 Zeichen'),
  type: z.enum(MEASURE_TYPES, { message: 'Bitte die Art wählen' }),
  provider: z.string().trim().min(1, 'Bitte den Anbieter angeben').max(200, 'höchstens 200 Zeichen'),
  description: z.string().trim().max(4000, 'höchstens 4000 Zeichen').nullable(),
  location: z.string().trim().max(200).nullable(),
  places: z.number().int().min(0).max(10_000).nullable(),
  startDate: day.nullable(),
  endDate: day.nullable(),
  rechtskreise: z.array(z.enum(MEASURE_RECHTSKREISE)).max(3),
  residenceKinds: z.array(z.enum(RESIDENCE_KINDS)).max(6),
  minAge: z.number().int().min(0).max(99).nullable(),
  maxAge: z.number().int().min(0).max(99).nullable(),
  minLevel: z.enum(CEFR_LEVELS).nullable(),
  gender: z.enum(['f', 'm']).nullable(),
  needsWorkAccess: z.boolean(),
  contactName: z.string().trim().max(200).nullable(),
  contactEmail: z.string().trim().email('keine gültige E-Mail-Adresse').max(254).nullable(),
  contactPhone: z.string().trim().max(50).nullable(),
};

export const measureCreate = z
  .object(fields)
  .partial()
  .required({ title: true, type: true, provider: true })
  .refine((m) => !m.startDate || !m.endDate || m.endDate >= m.startDate, {
    path: ['endDate'],
    message: 'Das Ende liegt vor dem Beginn',
  });
export const measureUpdate = z
  .object({ ...fields, active: z.boolean() })
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();

export const measureOut = z.object({
  id: z.string().uuid(),
  ...fields,
  active: z.boolean(),
  version: z.number().int(),
});
export type MeasureOut = z.infer<typeof measureOut>;

export const measureQuery = z.object({
  q: z.string().trim().max(100).optional(),
  type: z.enum(MEASURE_TYPES).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});

const reason = z.object({ code: z.string(), text: z.string() });
export const fittingOut = z.array(
  z.object({
    measure: measureOut,
    fits: z.boolean(),
    met: z.array(reason),
    missing: z.array(reason),
    unknown: z.array(reason),
    /** The day the conditions were checked for (the start, or today for a running measure). */
    checkedOn: z.string(),
  }),
);
