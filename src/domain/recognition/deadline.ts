import { addDays, sameDayMonthsLater } from '../reference/dates';

/**
 * Recognition of a foreign qualification (Anerkennung): the authority must decide within three months of
 * receiving the complete documents (§ 6 Abs. 3 Satz 1 BQFG for non-regulated, § 14 Abs. 3 Satz 1 BQFG
 * for regulated professions; the Länder laws for their professions say the same). In difficult cases the
 * period may be extended once, appropriately (§ 6 Abs. 3 Satz 3, § 14 Abs. 3 Satz 3 BQFG) — then the
 * authority names the new day. The period begins with an event (receipt), so it ends with the same
 * calendar day three months later, or the month's last day (§§ 187 Abs. 1, 188 Abs. 2, 3 BGB).
 */
export const DECISION_MONTHS = 3;

export const RECOGNITION_STATUSES = ['preparing', 'applied', 'complete', 'decided', 'withdrawn'] as const;
export const RECOGNITION_RESULTS = ['full', 'partial', 'none'] as const;

export interface RecognitionFacts {
  regulated: boolean;
  completeOn: string | null;
  /** The day the authority set when it extended the period once, if it did. */
  extendedUntil: string | null;
  decisionOn: string | null;
  status: (typeof RECOGNITION_STATUSES)[number];
}

/** The last day for the decision, or null when there is none to watch (no complete file, decided, withdrawn). */
export function decisionDueOn(r: RecognitionFacts): string | null {
  if (!r.completeOn || r.decisionOn || r.status === 'decided' || r.status === 'withdrawn') return null;
  return r.extendedUntil ?? sameDayMonthsLater(r.completeOn, DECISION_MONTHS);
}

export const legalBasisOf = (r: Pick<RecognitionFacts, 'regulated'>) =>
  r.regulated ? '§ 14 Abs. 3 BQFG' : '§ 6 Abs. 3 BQFG';

/** Overdue from the day after the last day. */
export const isOverdue = (r: RecognitionFacts, today: string): boolean => {
  const due = decisionDueOn(r);
  return due !== null && today > due;
};

/** The advisor asks the authority on the day after the last day if no decision has come. */
export const followUpOn = (due: string): string => addDays(due, 1);
