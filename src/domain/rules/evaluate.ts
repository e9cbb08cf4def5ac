import { agencyFor, decideBenefits } from './benefits';
import { type CompiledLaw, compileLaw } from './compile';
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

/**
 * Facts that cannot all be true. Comparisons with NaN (unknown dates) are false, so only
 * known dates are checked. A status dated after `asOf` did not exist on that day.
 */
export function contradictions(f: Facts): string[] {
  const out: string[] = [];
  if (f.since > f.asOf) out.push('status.since is after asOf');
  if (f.application > f.asOf) out.push('status.asylumApplicationDate is after asOf');
  if (f.entry > f.asOf) out.push('entryDate is after asOf');
  if (f.entry > f.since) out.push('entryDate is after status.since');
  if (f.entry > f.application) out.push('entryDate is after status.asylumApplicationDate');
  if (f.stayStart > f.asOf) out.push('permittedStaySince is after asOf');
  if (f.until < f.since) out.push('status.until is before status.since');
  if (f.until < f.asOf) out.push('status.until is before asOf (document expired)');
  if (f.decisionDate > f.asOf) out.push('status.decisionDate is after asOf');
  if (f.kind === 'gestattung' && f.decision === 'withdrawn') {
    out.push('status.asylumDecision=withdrawn ends the Gestattung (§67 Abs. 1 Nr. 3 AsylG)');
  }
  if (f.kind === 'duldung' && f.decision === 'recognised')
    out.push('status.asylumDecision=recognised with a Duldung');
  if (f.paragraph === '60b' && f.identityUnclear === false)
    out.push('status.paragraph=60b with identityUnclear=false');
  return out;
}

function wholeReview(f: Facts, cl: CompiledLaw, kind: ReviewKind, items: string[]): Evaluation {
  return {
    facts: f,
    law: cl,
    employment: employmentReview(cl, kind, items),
    benefits: benefitsReview(cl, kind, items),
  };
}

/** Runs all partial decisions for one (valid) situation. */
export function evaluateFacts(f: Facts, cl: CompiledLaw): Evaluation {
  if (Number.isNaN(f.asOf)) return wholeReview(f, cl, 'missing', ['asOf']);
  if (f.asOf < cl.coverageFrom) {
    return wholeReview(f, cl, 'not_covered', [
      `asOf before ${formatDay(cl.coverageFrom)} (start of the rule data)`,
    ]);
  }
  if (f.kind === undefined) return wholeReview(f, cl, 'missing', ['status.kind']);
  const contra = contradictions(f);
  if (contra.length > 0) return wholeReview(f, cl, 'contradiction', contra);
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
