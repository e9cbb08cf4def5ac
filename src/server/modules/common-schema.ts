import { z } from 'zod';
import { isCountryCode } from '../../domain/reference/countries';
import { isIsoDate, todayInGermany } from '../../domain/reference/dates';
import { isLanguageCode, LANGUAGE_LEVELS } from '../../domain/reference/languages';
import { CONTROL_CHAR_MESSAGE, findControlChar } from '../http/control-chars';

export const isoDate = z.string().refine(isIsoDate, 'kein gültiges Datum (JJJJ-MM-TT)');
export const pastDate = isoDate.refine((d) => d <= todayInGermany(), 'Datum liegt in der Zukunft');
export const countryCode = z
  .string()
  .transform((s) => s.toUpperCase())
  .refine(isCountryCode, 'unbekannter Ländercode (ISO 3166-1 alpha-2)');
export const languageCode = z.string().refine(isLanguageCode, 'unbekannter Sprachcode (ISO 639)');
export const languageSkill = z.object({ code: languageCode, level: z.enum(LANGUAGE_LEVELS) });
export const uuid = z.string().uuid('keine gültige ID');
export const idParams = z.object({ id: uuid });

export const paging = {
  limit: z.coerce.number().int().min(1).max(200).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

/** Text without control characters (NUL, …); every request is also checked in http/control-chars.ts. */
export const plainText = z.string().refine((s) => findControlChar(s) < 0, CONTROL_CHAR_MESSAGE);
