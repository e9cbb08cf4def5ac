import { compileLaw } from './compile';
import { type CourseEntitlement, decideCourses } from './courses';
import { formatDay } from './dates';
import { type Deadline, decideDeadlines } from './deadlines';
import type { Decision } from './decision';
import { evaluateFacts, toDecision } from './evaluate';
import { toFacts } from './facts';
import type { LawData } from './law-schema';
import type { PermitMode, PriorityCheck } from './outcome';
import type { Situation } from './situation-schema';

/** The contract decision plus what a case view needs: discretion, courses, deadlines. */
export interface ExtendedDecision extends Decision {
  details: {
    /** How bound the Ausländerbehörde is: may (Ermessen), should (Regel), must (Anspruch). */
    permitMode: PermitMode | null;
    /** Priority check by the BA (dated; abolished 06.08.2019). */
    priorityCheck: PriorityCheck | null;
    /** Facts that must be known (or contradictions to resolve) when something is "review". */
    missing: string[];
    /** Unknown facts that turned out not to change the employment answer. */
    unknownButIrrelevant: string[];
    /** The law data version used. */
    lawVersion: string;
    asOf: string | null;
    /** Last day of validity of an expired document (its own review state, § 81 Abs. 4 AufenthG), else null. */
    documentExpiredOn: string | null;
  };
  courses: CourseEntitlement;
  deadlines: Deadline[];
}

export function evaluateExtended(situation: Situation, lawData?: LawData): ExtendedDecision {
  const cl = compileLaw(lawData);
  const e = evaluateFacts(toFacts(situation), cl);
  const courses = decideCourses(e.facts, cl, e.employment);
  const missing = [...new Set([...e.employment.missing, ...e.benefits.missing])];
  return {
    ...toDecision(e),
    details: {
      permitMode: e.employment.mode,
      priorityCheck: e.employment.priority,
      missing,
      unknownButIrrelevant: e.employment.irrelevant,
      lawVersion: cl.law.version,
      asOf: Number.isNaN(e.facts.asOf) ? null : formatDay(e.facts.asOf),
      documentExpiredOn: e.employment.review === 'expired' ? formatDay(e.facts.until) : null,
    },
    courses,
    deadlines: decideDeadlines(e, courses),
  };
}
