// Language codes: ISO 639-1 where it exists, ISO 639-3 otherwise (prs Dari, ckb Sorani, kmr Kurmanji).
const names = new Intl.DisplayNames(['de'], { type: 'language', fallback: 'none' });

export function isLanguageCode(code: string): boolean {
  return /^[a-z]{2,3}$/.test(code) && names.of(code) !== undefined;
}

export const CEFR_LEVELS = ['A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];
/** Levels a course can lead to (A0 is no German yet, never a target). */
export const TARGET_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
/** Mother tongue is recorded as its own level: CEFR does not describe it. */
export const LANGUAGE_LEVELS = [...CEFR_LEVELS, 'muttersprache'] as const;

/**
 * The languages client-facing documents are offered in (DOMAIN.md §8): German, English, Arabic, Farsi and
 * Dari, Ukrainian, Russian, Turkish, Tigrinya, Kurdish (Sorani, Kurmanji), Pashto, Bulgarian, Romanian —
 * e.g. the language of a signed consent form.
 */
export const CLIENT_LANGUAGES = [
  'de',
  'en',
  'ar',
  'fa',
  'prs',
  'uk',
  'ru',
  'tr',
  'ti',
  'ckb',
  'kmr',
  'ps',
  'bg',
  'ro',
] as const;

/** RTL scripts among the client languages of DOMAIN.md §8. */
export const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'fa', 'prs', 'ps', 'ckb', 'ur', 'he']);
