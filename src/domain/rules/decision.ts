import type { Agency, Benefits, Employment } from './outcome';

/** The answer of CONTRACTS.md §2 — exactly these fields, in this order. */
export interface Decision {
  id: string;
  employment: Employment;
  /** Earliest day (YYYY-MM-DD) a permit can be granted when banned only by a waiting period. */
  permitFrom: string | null;
  /** Whether a permit needs the Bundesagentur's consent; null when no permit is in question. */
  baConsent: boolean | null;
  benefits: Benefits;
  agency: Agency;
  /** Ids of the rules that decided (see `describeRule`). */
  rules: string[];
  explanation: { de: string; en: string };
}

export type { Agency, Benefits, Employment } from './outcome';
