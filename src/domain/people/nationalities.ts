import type { Rng } from './random';
import type { LanguageLevel, LanguageSkill, NamePool } from './types';

/** How one nationality looks among the clients of a German Integration Point. */
export interface NationalityProfile {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** Share of clients. */
  share: number;
  pool: NamePool['id'];
  maleShare: number;
  /** Share whose documents give only the birth year (recorded as 01.01.YYYY). */
  yearOnlyShare: number;
  /** Share with month and year only. */
  monthOnlyShare: number;
  /**
   * Share of second records (duplicates) that a desk writes with a year-only date (01.01.YYYY)
   * although the person's first record may have the full date. Default: duplicateYearOnlyShareOf.
   */
  duplicateYearOnlyShare?: number;
  /** Languages besides the pool language: code, probability, level (native or CEFR). */
  otherLanguages: { code: string; p: number; level: LanguageLevel }[];
}

/**
 * How often a second record of a person carries only the birth year (01.01.YYYY), by how often
 * people of the nationality arrive without a document that shows the full date:
 * - ~30 % (or the nationality's own higher yearOnlyShare, Afghanistan 35 %) for nationalities
 *   that often arrive without documents, or with documents that give only the year — Afghanistan,
 *   Syria, Iraq, Eritrea, Somalia, Iran: a second desk that sees the person without papers
 *   writes down the year the person states;
 * - 5 % for nationalities whose clients hold passports or ID cards with the full date — Ukraine
 *   (biometric passports, §24 registration), Turkey, Bulgaria (EU ID card) and every other:
 *   a year-only second record there is a desk error or a lost document, not the rule.
 * Earlier the generator used 30 % for every nationality, which made Ukrainian namesakes (a third
 * of the register) indistinguishable far more often than at a real desk. The benchmark reports
 * its figures under this rule; `uniformDuplicateYearOnly` in GenerateOptions restores the old one
 * for comparison.
 */
export const UNDOCUMENTED_DUPLICATE_YEAR_ONLY = 0.3;
export const DOCUMENTED_DUPLICATE_YEAR_ONLY = 0.05;
/** Nationalities that often arrive without documents (ISO 3166-1 alpha-2). */
export const OFTEN_UNDOCUMENTED = new Set(['AF', 'SY', 'IQ', 'ER', 'SO', 'IR']);

/** The duplicate year-only share of a nationality (see above); unknown nationalities count as documented. */
export function duplicateYearOnlyShareOf(code: string, yearOnlyShare = 0): number {
  return OFTEN_UNDOCUMENTED.has(code)
    ? Math.max(UNDOCUMENTED_DUPLICATE_YEAR_ONLY, yearOnlyShare)
    : DOCUMENTED_DUPLICATE_YEAR_ONLY;
}

/**
 * A realistic mix for an Integration Point in a west German county around 2024: Ukrainians
 * under §24, Syrians, Afghans, Iraqis, Turks (many Kurds), Iranians, Eritreans, Bulgarian EU
 * citizens in SGB II. Afghan and Eritrean documents often lack day and month of birth.
 */
export const NATIONALITY_MIX: NationalityProfile[] = [
  {
    code: 'UA',
    share: 0.3,
    pool: 'ukrainian',
    maleShare: 0.38,
    yearOnlyShare: 0,
    monthOnlyShare: 0,
    otherLanguages: [
      { code: 'ru', p: 0.6, level: 'native' },
      { code: 'en', p: 0.35, level: 'B1' },
    ],
  },
  {
    code: 'SY',
    share: 0.24,
    pool: 'arabic',
    maleShare: 0.6,
    yearOnlyShare: 0.12,
    monthOnlyShare: 0.02,
    otherLanguages: [
      { code: 'ku', p: 0.15, level: 'native' },
      { code: 'en', p: 0.3, level: 'A2' },
    ],
  },
  {
    code: 'AF',
    share: 0.13,
    pool: 'persian',
    maleShare: 0.64,
    yearOnlyShare: 0.35,
    monthOnlyShare: 0.02,
    otherLanguages: [
      { code: 'ps', p: 0.35, level: 'native' },
      { code: 'en', p: 0.15, level: 'A2' },
    ],
  },
  {
    code: 'IQ',
    share: 0.08,
    pool: 'arabic',
    maleShare: 0.58,
    yearOnlyShare: 0.15,
    monthOnlyShare: 0.02,
    otherLanguages: [
      { code: 'ku', p: 0.3, level: 'native' },
      { code: 'en', p: 0.25, level: 'A2' },
    ],
  },
  {
    code: 'TR',
    share: 0.08,
    pool: 'turkish',
    maleShare: 0.62,
    yearOnlyShare: 0.02,
    monthOnlyShare: 0,
    otherLanguages: [
      { code: 'ku', p: 0.3, level: 'native' },
      { code: 'en', p: 0.3, level: 'B1' },
    ],
  },
  {
    code: 'IR',
    share: 0.05,
    pool: 'persian',
    maleShare: 0.56,
    yearOnlyShare: 0.03,
    monthOnlyShare: 0,
    otherLanguages: [{ code: 'en', p: 0.5, level: 'B1' }],
  },
  {
    code: 'ER',
    share: 0.05,
    pool: 'tigrinya',
    maleShare: 0.62,
    yearOnlyShare: 0.2,
    monthOnlyShare: 0.02,
    otherLanguages: [
      { code: 'ar', p: 0.15, level: 'A2' },
      { code: 'en', p: 0.3, level: 'A2' },
    ],
  },
  {
    code: 'BG',
    share: 0.04,
    pool: 'bulgarian',
    maleShare: 0.52,
    yearOnlyShare: 0,
    monthOnlyShare: 0,
    otherLanguages: [
      { code: 'tr', p: 0.25, level: 'native' },
      { code: 'en', p: 0.2, level: 'A2' },
    ],
  },
];

const GERMAN_LEVELS: (LanguageLevel | null)[] = [null, 'A1', 'A2', 'B1', 'B2', 'C1'];
const GERMAN_WEIGHTS = [0.3, 0.25, 0.2, 0.15, 0.08, 0.02];

/** Mother tongue, other languages of the region, and German at a level typical for IP clients. */
export function languagesFor(profile: NationalityProfile, nativeLanguage: string, rng: Rng): LanguageSkill[] {
  const out: LanguageSkill[] = [{ code: nativeLanguage, level: 'native' }];
  for (const l of profile.otherLanguages) if (rng.chance(l.p)) out.push({ code: l.code, level: l.level });
  const german = rng.weighted(GERMAN_LEVELS, GERMAN_WEIGHTS);
  if (german) out.push({ code: 'de', level: german });
  return out;
}
