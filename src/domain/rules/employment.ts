import { type CompiledLaw, inForce, inForceFor } from './compile';
import { permitWithConsent } from './consent';
import { duldungEmployment, gestattungEmployment } from './employment-asylum';
import type { Facts } from './facts';
import {
  type Cite,
  type EmploymentOutcome,
  employmentResult,
  employmentReview,
  openQuestion,
} from './outcome';

/** Labour-market access (CONTRACTS §2 `employment`, `permitFrom`, `baConsent`), dispatched by status kind. */
export function decideEmployment(f: Facts, cl: CompiledLaw): EmploymentOutcome {
  switch (f.kind) {
    case undefined:
      return employmentReview(cl, 'missing', ['status.kind']);
    case 'gestattung':
      return gestattungEmployment(f, cl);
    case 'duldung':
      return duldungEmployment(f, cl);
    case 'aufenthaltserlaubnis':
      return titleEmployment(f, cl, []);
    case 'fiktionsbescheinigung': {
      const rule = inForce(cl, 'fiktion', f.asOf);
      if (!rule) return employmentReview(cl, 'not_covered', ['fiktion']);
      // §81(4): the previous title continues; without its paragraph nothing can be said.
      if (f.paragraph === undefined) return employmentReview(cl, 'missing', ['status.paragraph']);
      return titleEmployment(f, cl, [{ rule, vars: { paragraph: f.paragraph } }]);
    }
    case 'niederlassungserlaubnis':
      return simple(f, cl, 'settlement', 'allowed');
    case 'eu_freizuegigkeit':
      return simple(f, cl, 'eu', 'allowed');
    case 'none':
      return simple(f, cl, 'no_status', 'banned');
  }
}

function simple(
  f: Facts,
  cl: CompiledLaw,
  familyName: string,
  employment: 'allowed' | 'banned',
): EmploymentOutcome {
  const rule = inForce(cl, familyName, f.asOf);
  return rule ? employmentResult(employment, [{ rule }]) : employmentReview(cl, 'not_covered', [familyName]);
}

function titleEmployment(f: Facts, cl: CompiledLaw, prefix: Cite[]): EmploymentOutcome {
  const p = f.paragraph;
  if (p === undefined) return employmentReview(cl, 'missing', ['status.paragraph']);
  const rule = inForceFor(cl, 'title.employment', f.asOf, p)[0];
  // Also covers titles outside their validity, e.g. §24 before 04.03.2022 or after the protection ends.
  if (!rule) return employmentReview(cl, 'not_covered', [`status.paragraph=${p}`]);
  const cites: Cite[] = [...prefix, { rule, vars: { paragraph: p } }];
  if (rule.def.params?.effect === 'allowed') return employmentResult('allowed', cites);
  // The title's employment clause is not verified: its rule names the open question.
  if (rule.def.params?.effect === 'review') {
    const open = openQuestion(rule, 'status.paragraph', { paragraph: p });
    return { ...open, cites: [...prefix, ...open.cites] };
  }
  const annotation = inForce(cl, 'title.annotation', f.asOf);
  if (f.employmentPermitted === true && annotation) {
    return employmentResult('allowed', [...cites, { rule: annotation }]);
  }
  if (rule.def.params?.consent === false) {
    const noConsent = inForce(cl, 'consent.title', f.asOf);
    return employmentResult('permit_required', noConsent ? [...cites, { rule: noConsent }] : cites, {
      baConsent: false,
      mode: 'may',
    });
  }
  return permitWithConsent(f, cl, cites, 'may', []);
}
