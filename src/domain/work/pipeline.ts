import { addDays, sameDayMonthsLater } from '../reference/dates';
import type { PlacementStatus } from './vocab';

/**
 * The placement pipeline (issue 14): proposed → contacted → interview → trial work / Praktikum →
 * hired | declined. Steps may be skipped forward (an employer invites straight away); hired and declined
 * are final — a new attempt is a new proposal.
 */
const NEXT: Record<PlacementStatus, readonly PlacementStatus[]> = {
  proposed: ['contacted', 'interview', 'trial', 'hired', 'declined'],
  contacted: ['interview', 'trial', 'hired', 'declined'],
  interview: ['trial', 'hired', 'declined'],
  trial: ['hired', 'declined'],
  hired: [],
  declined: [],
};

export const canMove = (from: PlacementStatus, to: PlacementStatus): boolean => NEXT[from].includes(to);
export const nextSteps = (from: PlacementStatus): readonly PlacementStatus[] => NEXT[from];
export const isOpen = (s: PlacementStatus): boolean => s !== 'hired' && s !== 'declined';

export interface AftercareStep {
  key: 'aftercare_2w' | 'aftercare_3m' | 'aftercare_6m';
  dueOn: string;
  title: string;
}

/**
 * After-care after a hire (Nachbetreuung): contact client and employer two weeks, three months and six
 * months after the start — the times when new employments most often break off (end of the first
 * weeks, the usual six-month probation).
 */
export function aftercareSteps(startOn: string): AftercareStep[] {
  return [
    { key: 'aftercare_2w', dueOn: addDays(startOn, 14), title: 'Nachbetreuung nach zwei Wochen' },
    { key: 'aftercare_3m', dueOn: sameDayMonthsLater(startOn, 3), title: 'Nachbetreuung nach drei Monaten' },
    {
      key: 'aftercare_6m',
      dueOn: sameDayMonthsLater(startOn, 6),
      title: 'Nachbetreuung nach sechs Monaten (Ende der Probezeit)',
    },
  ];
}

/** EQ lasts 4 to 12 months (§ 54a Abs. 2 SGB III). */
export function eqDurationProblem(startOn: string, endOn: string | null): string | null {
  if (!endOn) return 'Eine Einstiegsqualifizierung braucht ein Enddatum (4 bis 12 Monate, § 54a SGB III).';
  if (endOn < sameDayMonthsLater(startOn, 4) || endOn > sameDayMonthsLater(startOn, 12))
    return 'Eine Einstiegsqualifizierung dauert 4 bis 12 Monate (§ 54a Abs. 2 SGB III).';
  return null;
}
