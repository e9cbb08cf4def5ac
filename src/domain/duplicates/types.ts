/** How exact a recorded date of birth is. "year" records usually carry the 01.01.YYYY convention. */
export type BirthDatePrecision = 'day' | 'month' | 'year';

/** m, f, or x (diverse / unknown to the desk). */
export type Gender = 'm' | 'f' | 'x';

/**
 * A person as the matcher sees it (CONTRACTS §5). `names` holds every spelling known for the
 * person — Latin transliterations and the name in original script — each as one full name.
 * Absent fields are unknown and count neither for nor against a match.
 */
export interface PersonRecord {
  id: string;
  names: string[];
  /** ISO date YYYY-MM-DD; with precision "year" only the year is meaningful. */
  birthDate?: string | null;
  birthDatePrecision?: BirthDatePrecision | null;
  /** ISO 3166-1 alpha-2. */
  nationality?: string | null;
  gender?: Gender | null;
}

/** Result of comparing two records. */
export interface PairScore {
  /** 0..1, higher = more likely the same person. */
  score: number;
  /** Short evidence codes, see reasons.ts. */
  reasons: string[];
}

export interface DuplicatePair extends PairScore {
  a: string;
  b: string;
}
