import type { CompiledLaw, CompiledRule } from './compile';
import type { Day } from './dates';

/** The fields of a decision a law change can alter (impact of a law change, web's comparison). */
export const OUTCOME_FIELDS = ['employment', 'permitFrom', 'baConsent', 'benefits', 'agency'] as const;
export type OutcomeField = (typeof OUTCOME_FIELDS)[number];

/** Internal results of the partial decisions, before they are turned into the contract shape. */

export type Employment = 'allowed' | 'permit_required' | 'banned' | 'review';
export type Benefits = 'asylblg' | 'sgb2' | 'sgb3_only' | 'none' | 'review';
export type Agency = 'AA' | 'JC' | 'review';
export type PermitMode = 'may' | 'should' | 'must';
export type PriorityCheck = 'required' | 'district_dependent' | 'not_required';
export type ReviewKind = 'missing' | 'contradiction' | 'not_covered' | 'expired';

/** Values filled into a rule's explanation template. */
export interface Vars {
  end?: Day;
  date?: Day;
  missing?: string;
  paragraph?: string;
  country?: string;
}

/** A rule that decided, with the values its explanation needs. */
export interface Cite {
  rule: CompiledRule;
  vars?: Vars;
}

/** A waiting period the law sets for this person (for deadlines and the monotonicity property). */
export interface Wait {
  rule: CompiledRule;
  end: Day;
}

export interface EmploymentOutcome {
  employment: Employment;
  /** NaN = null. */
  permitFrom: Day;
  baConsent: boolean | null;
  cites: Cite[];
  /** Facts missing or contradictory (review), as JSON paths relative to the situation. */
  missing: string[];
  review: ReviewKind | null;
  mode: PermitMode | null;
  priority: PriorityCheck | null;
  waits: Wait[];
  /** Day from which no BA consent is needed (§32(2) Nr.5 BeschV), NaN when not applicable. */
  consentFreeFrom: Day;
  /** Unknown facts that turned out not to change the result. */
  irrelevant: string[];
}

export interface BenefitsOutcome {
  benefits: Benefits;
  cites: Cite[];
  missing: string[];
  review: ReviewKind | null;
  /** Last day of AsylbLG after a recognition (§1(3) AsylbLG), NaN when not applicable. */
  asylblgUntil: Day;
}

const REVIEW_RULE: Record<ReviewKind, string> = {
  missing: 'review.missing_facts',
  contradiction: 'review.contradiction',
  not_covered: 'review.not_covered',
  expired: 'review.document_expired',
};

export function reviewCite(cl: CompiledLaw, kind: ReviewKind, items: string[]): Cite[] {
  const rule = cl.byId.get(REVIEW_RULE[kind]);
  return rule ? [{ rule, vars: { missing: items.join(', ') } }] : [];
}

export function employmentReview(cl: CompiledLaw, kind: ReviewKind, items: string[]): EmploymentOutcome {
  return {
    employment: 'review',
    permitFrom: Number.NaN,
    baConsent: null,
    cites: reviewCite(cl, kind, items),
    missing: items,
    review: kind,
    mode: null,
    priority: null,
    waits: [],
    consentFreeFrom: Number.NaN,
    irrelevant: [],
  };
}

/**
 * Review because the rule data themselves leave the question open (a text not verified): the
 * rule is cited so its explanation names the open question, and `item` names what to check.
 */
export function openQuestion(rule: CompiledRule, item: string, vars?: Vars): EmploymentOutcome {
  return {
    ...employmentReviewBase(item),
    cites: [{ rule, vars }],
  };
}

function employmentReviewBase(item: string): EmploymentOutcome {
  return {
    employment: 'review',
    permitFrom: Number.NaN,
    baConsent: null,
    cites: [],
    missing: [item],
    review: 'not_covered',
    mode: null,
    priority: null,
    waits: [],
    consentFreeFrom: Number.NaN,
    irrelevant: [],
  };
}

export function employmentResult(
  employment: Exclude<Employment, 'review'>,
  cites: Cite[],
  extra: Partial<
    Pick<EmploymentOutcome, 'permitFrom' | 'baConsent' | 'mode' | 'priority' | 'waits' | 'consentFreeFrom'>
  > = {},
): EmploymentOutcome {
  return {
    employment,
    permitFrom: extra.permitFrom ?? Number.NaN,
    baConsent: extra.baConsent ?? null,
    cites,
    missing: [],
    review: null,
    mode: extra.mode ?? null,
    priority: extra.priority ?? null,
    waits: extra.waits ?? [],
    consentFreeFrom: extra.consentFreeFrom ?? Number.NaN,
    irrelevant: [],
  };
}

export function benefitsReview(cl: CompiledLaw, kind: ReviewKind, items: string[]): BenefitsOutcome {
  return {
    benefits: 'review',
    cites: reviewCite(cl, kind, items),
    missing: items,
    review: kind,
    asylblgUntil: Number.NaN,
  };
}

export function benefitsResult(
  benefits: Exclude<Benefits, 'review'>,
  cites: Cite[],
  asylblgUntil = Number.NaN,
): BenefitsOutcome {
  return { benefits, cites, missing: [], review: null, asylblgUntil };
}

function sameDay(a: Day, b: Day): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/**
 * Decides with an unknown yes/no fact without guessing: if the fact is known, use it; if not,
 * decide both ways — when both answers agree the fact does not matter (only the rules that
 * decided in both cases are cited), otherwise the answer is "review" naming the fact.
 */
export function branch(
  cl: CompiledLaw,
  value: boolean | undefined,
  field: string,
  run: (v: boolean) => EmploymentOutcome,
): EmploymentOutcome {
  if (value !== undefined) return run(value);
  const a = run(true);
  const b = run(false);
  if (
    a.employment !== 'review' &&
    a.employment === b.employment &&
    a.baConsent === b.baConsent &&
    sameDay(a.permitFrom, b.permitFrom)
  ) {
    // Cite every rule that decided in either case: the deciding rule must stay in `rules` even when
    // the unknown fact does not change the result (citing only the shared ones left e.g. just
    // consent.training).
    const union = [...a.cites, ...b.cites.filter((d) => !a.cites.some((c) => c.rule === d.rule))];
    return {
      ...a,
      cites: union,
      mode: a.mode === b.mode ? a.mode : null,
      priority: a.priority === b.priority ? a.priority : null,
      waits: a.waits.filter((w) => b.waits.some((x) => x.rule === w.rule && x.end === w.end)),
      irrelevant: [...new Set([field, ...a.irrelevant, ...b.irrelevant])],
    };
  }
  const missing = [...new Set([field, ...a.missing, ...b.missing])];
  return employmentReview(cl, 'missing', missing);
}
