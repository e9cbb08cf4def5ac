import { z } from 'zod';
import { isCountryCode, isNationalityCode } from '../../domain/reference/countries';
import { isIsoDate, todayInGermany } from '../../domain/reference/dates';
import { isLanguageCode, LANGUAGE_LEVELS } from '../../domain/reference/languages';
import { CONTROL_CHAR_MESSAGE, findControlChar } from '../../domain/validation/control-chars';

export const isoDate = z.string().refine(isIsoDate, 'kein gültiges Datum (JJJJ-MM-TT)');
export const pastDate = isoDate.refine((d) => d <= todayInGermany(), 'Datum liegt in der Zukunft');
/** Plausible for a living client: not in the future, not before 1900 (a typed 1850 is a typing error). */
export const birthDay = pastDate.refine(
  (d) => d >= '1900-01-01',
  'Geburtsdatum vor 1900 ist nicht plausibel',
);
/** An entry into Germany: not in the future, not before 1950 (earlier arrivals are no clients of an IP). */
export const entryDay = pastDate.refine(
  (d) => d >= '1950-01-01',
  'Einreisedatum vor 1950 ist nicht plausibel',
);
export const countryCode = z
  .string()
  .transform((s) => s.toUpperCase())
  .refine(isCountryCode, 'unbekannter Ländercode (ISO 3166-1 alpha-2)');
export const nationalityCode = z
  .string()
  .transform((s) => s.toUpperCase())
  .refine(
    isNationalityCode,
    'unbekannte Staatsangehörigkeit (Ländercode, XXA staatenlos oder XXX ungeklärt)',
  );
export const languageCode = z.string().refine(isLanguageCode, 'unbekannter Sprachcode (ISO 639)');
export const languageSkill = z.object({ code: languageCode, level: z.enum(LANGUAGE_LEVELS) });
export const uuid = z.string().uuid('keine gültige ID');
export const idParams = z.object({ id: uuid });

/** Formats of an uploaded or exported table. */
export const TABLE_FORMATS = ['csv', 'xlsx'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export const paging = {
  limit: z.coerce.number().int().min(1).max(200).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

/** Text without control characters (NUL, …); every request is also checked in http/control-chars.ts. */
export const plainText = z.string().refine((s) => findControlChar(s) < 0, CONTROL_CHAR_MESSAGE);
