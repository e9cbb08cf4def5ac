/**
 * Reason codes returned with every score. They are short, stable strings so that the UI can
 * translate them and tests can assert them. Positive evidence first, then contrary evidence.
 */
export const REASONS = {
  /** Every name token of the shorter name equals a token of the other after normalisation. */
  name: 'name',
  /** Names agree only after folding known transliteration variants (Mohammed/Muhammad, Al-/El-, ou/u …). */
  nameVariant: 'name_variant',
  /** Names are similar but not equal even after folding (typo-like differences). */
  nameFuzzy: 'name_fuzzy',
  /** Given and family name appear in a different order. */
  nameOrder: 'name_order',
  /** One record has name tokens the other lacks (e.g. a missing second given name). */
  namePartial: 'name_partial',
  /** The names matched across scripts (e.g. محمد ↔ Mohammed) via transliteration. */
  script: 'script',
  /** Same full date of birth (both precise to the day). */
  birthDate: 'birthDate',
  /** Same date with day and month swapped (03.07. vs 07.03.). */
  birthDateSwapped: 'birthDate_swapped',
  /** Same year and month where one side is only precise to the month. */
  birthMonth: 'birthMonth',
  /** Same birth year where one side is only precise to the year (01.01.YYYY convention). */
  birthYear: 'birthYear',
  /** Same nationality. */
  nationality: 'nationality',
  /** Same gender. */
  gender: 'gender',
  /**
   * Not from scorePair: the intake check adds it when a pair looks the same on its own but the name is
   * so common in the register that this agreement proves little (the desk should compare documents).
   */
  commonName: 'common_name',
  /** Birth dates contradict each other. */
  birthDateMismatch: 'birthDate_mismatch',
  /** Nationalities differ (both known). */
  nationalityMismatch: 'nationality_mismatch',
  /** Genders differ (both m/f). */
  genderMismatch: 'gender_mismatch',
} as const;

export type ReasonCode = (typeof REASONS)[keyof typeof REASONS];
