import { agencyFor, decideBenefits } from './benefits';
import { type CompiledLaw, compileLaw } from './compile';
import { contradictions, lawContradictions } from './contradictions';
import { formatDay } from './dates';
import type { Decision } from './decision';
import { decideEmployment } from './employment';
import { explain } from './explain';
import { type Facts, toFacts } from './facts';
import type { LawData } from './law-schema';
import {
  type BenefitsOutcome,
  benefitsReview,
  type Cite,
  type EmploymentOutcome,
  employmentReview,
  type ReviewKind,
} from './outcome';
import type { Situation } from './situation-schema';

/** The partial results behind one decision; the extended evaluation reads them too. */
export interface Evaluation {
  facts: Facts;
  law: CompiledLaw;
  employment: EmploymentOutcome;
  benefits: BenefitsOutcome;
}

function wholeReview(
  f: Facts,
  cl: CompiledLaw,
  kind: ReviewKind,
  items: string[],
  extra: Cite[] = [],
): Evaluation {
  const employment = employmentReview(cl, kind, items);
  return {
    facts: f,
    law: cl,
    // Rules that make the facts contradictory (e.g. the §47 cap) are cited with the review.
    employment: { ...employment, cites: [...employment.cites, ...extra] },
    benefits: benefitsReview(cl, kind, items),
  };
}

/** Runs all partial decisions for one (valid) situation. */
export function evaluateFacts(f: Facts, cl: CompiledLaw): Evaluation {
  if (Number.isNaN(f.asOf)) return wholeReview(f, cl, 'missing', ['asOf']);
  if (f.asOf < cl.coverageFrom) {
    return wholeReview(f, cl, 'not_covered', ['coverage.beforeStart']);
  }
  if (f.kind === undefined) return wholeReview(f, cl, 'missing', ['status.kind']);
  const contra = contradictions(f);
  const byLaw = lawContradictions(f, cl);
  for (const c of byLaw) if (!contra.includes(c.item)) contra.push(c.item);
  if (contra.length > 0) {
    return wholeReview(
      f,
      cl,
      'contradiction',
      contra,
      byLaw.map((c) => c.cite),
    );
  }
  // Not a contradiction but a state of its own: the holder may still be lawfully here (§ 81 Abs. 4
  // AufenthG, extension applied for in time) — the caseworker checks the Fiktionsbescheinigung.
  if (f.until < f.asOf) return wholeReview(f, cl, 'expired', ['status.until']);
  return { facts: f, law: cl, employment: decideEmployment(f, cl), benefits: decideBenefits(f, cl) };
}

export function toDecision(e: Evaluation): Decision {
  const emp = e.employment;
  const ben = e.benefits;
  const cites: Cite[] = emp.cites.concat(ben.cites);
  const rules: string[] = [];
  for (const c of cites) if (!rules.includes(c.rule.def.id)) rules.push(c.rule.def.id);
  return {
    id: e.facts.id,
    employment: emp.employment,
    permitFrom: Number.isNaN(emp.permitFrom) ? null : formatDay(emp.permitFrom),
    baConsent: emp.baConsent,
    benefits: ben.benefits,
    agency: agencyFor(ben.benefits),
    rules,
    explanation: { de: explain(cites, emp.irrelevant, 'de'), en: explain(cites, emp.irrelevant, 'en') },
  };
}

/**
 * CONTRACTS §2: the decision for one validated situation under the given law data (default:
 * the shipped dataset). Pure: the same input always gives the same answer.
 */
export function evaluate(situation: Situation, lawData?: LawData): Decision {
  return toDecision(evaluateFacts(toFacts(situation), compileLaw(lawData)));
}
