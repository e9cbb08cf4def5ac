import { type CompiledLaw, inForce, inForceFor } from './compile';
import { addMonths, addYears, type Day, endOfMonth } from './dates';
import type { Facts } from './facts';
import { type Agency, type Benefits, type BenefitsOutcome, benefitsResult, benefitsReview } from './outcome';

/** Rechtskreis (DOMAIN.md §4): which benefit system applies and therefore who advises. */
export function decideBenefits(f: Facts, cl: CompiledLaw): BenefitsOutcome {
  switch (f.kind) {
    case undefined:
      return benefitsReview(cl, 'missing', ['status.kind']);
    case 'gestattung':
      return gestattungBenefits(f, cl);
    case 'duldung':
      return simple(f, cl, 'benefits.asylblg', 'asylblg.duldung', 'asylblg');
    case 'none':
      // AsylbLG §1(1) Nr.5 needs an enforceable obligation to leave — a fact the situation does not carry.
      return benefitsReview(cl, 'not_covered', ['status.kind=none (§1 Abs. 1 Nr. 5 AsylbLG prüfen)']);
    case 'aufenthaltserlaubnis':
    case 'fiktionsbescheinigung':
      return titleBenefits(f, cl);
    case 'niederlassungserlaubnis':
      return employable(f, cl, simple(f, cl, 'benefits.settlement', undefined, 'sgb2'));
    case 'eu_freizuegigkeit':
      return employable(f, cl, euBenefits(f, cl));
  }
}

export function agencyFor(b: Benefits): Agency {
  if (b === 'sgb2') return 'JC';
  if (b === 'asylblg' || b === 'sgb3_only') return 'AA';
  return 'review';
}

function simple(
  f: Facts,
  cl: CompiledLaw,
  familyName: string,
  id: string | undefined,
  benefits: 'asylblg' | 'sgb2',
): BenefitsOutcome {
  const rule = id ? cl.byId.get(id) : inForce(cl, familyName, f.asOf);
  if (!rule || rule.from > f.asOf || f.asOf > rule.to) return benefitsReview(cl, 'not_covered', [familyName]);
  return benefitsResult(benefits, [{ rule }]);
}

/** SGB II needs the ability to work (§8 SGB II); unknown is presumed able (§44a SGB II), false → SGB XII. */
function employable(f: Facts, cl: CompiledLaw, out: BenefitsOutcome): BenefitsOutcome {
  if (out.benefits !== 'sgb2' || f.ableToWork !== false) return out;
  const rule = inForce(cl, 'benefits.unable_to_work', f.asOf);
  return rule ? benefitsResult('none', [...out.cites, { rule }]) : out;
}

function gestattungBenefits(f: Facts, cl: CompiledLaw): BenefitsOutcome {
  if (f.decision === undefined) return benefitsReview(cl, 'missing', ['status.asylumDecision']);
  if (f.decision !== 'recognised') return simple(f, cl, 'benefits.asylblg', 'asylblg.gestattung', 'asylblg');
  const rule = inForce(cl, 'benefits.recognition', f.asOf);
  if (!rule) return benefitsReview(cl, 'not_covered', ['benefits.recognition']);
  if (Number.isNaN(f.decisionDate)) return benefitsReview(cl, 'missing', ['status.decisionDate']);
  const end = endOfMonth(f.decisionDate);
  const cite = { rule, vars: { date: f.decisionDate, end } };
  if (f.asOf <= end) return benefitsResult('asylblg', [cite], end);
  return employable(f, cl, benefitsResult('sgb2', [cite], end));
}

function titleBenefits(f: Facts, cl: CompiledLaw): BenefitsOutcome {
  const p = f.paragraph;
  if (p === undefined) return benefitsReview(cl, 'missing', ['status.paragraph']);
  for (const rule of inForceFor(cl, 'benefits.title', f.asOf, p)) {
    const params = rule.def.params;
    if (params?.enabled === false) continue;
    const cite = { rule, vars: { paragraph: p } };
    switch (params?.effect) {
      case 'asylblg':
        return benefitsResult('asylblg', [cite]);
      case 'sgb2':
        return employable(f, cl, benefitsResult('sgb2', [cite]));
      case 'asylblg_if_war':
        if (f.becauseOfWar === undefined) return benefitsReview(cl, 'missing', ['status.becauseOfWar']);
        return f.becauseOfWar
          ? benefitsResult('asylblg', [cite])
          : employable(f, cl, benefitsResult('sgb2', [cite]));
      case 'sgb2_if_registered':
        if (f.registered === undefined) return benefitsReview(cl, 'missing', ['status.registered']);
        return f.registered
          ? employable(f, cl, benefitsResult('sgb2', [cite]))
          : benefitsResult('asylblg', [cite]);
      case 'asylblg_months': {
        const months = params.months ?? 0;
        const decided: Day = f.suspensionDate;
        if (Number.isNaN(decided)) {
          // The suspension decision precedes the title: once the title is that old, so is the decision.
          if (!Number.isNaN(f.since) && addMonths(f.since, months) <= f.asOf) {
            return employable(
              f,
              cl,
              benefitsResult('sgb2', [{ rule, vars: { paragraph: p, end: addMonths(f.since, months) } }]),
            );
          }
          return benefitsReview(cl, 'missing', ['status.suspensionDecisionDate']);
        }
        const end = addMonths(decided, months);
        const c = { rule, vars: { paragraph: p, end } };
        return f.asOf < end
          ? benefitsResult('asylblg', [c], end - 1)
          : employable(f, cl, benefitsResult('sgb2', [c], end - 1));
      }
      case 'review_if_first_title_after':
        if (Number.isNaN(f.since)) return benefitsReview(cl, 'missing', ['status.since']);
        if (f.since > rule.after) {
          // Whether the planned law is in force is not confirmed: its rule names the open question.
          const open = benefitsReview(cl, 'not_covered', ['status.paragraph']);
          return { ...open, cites: [cite] };
        }
        continue;
      case 'asylblg_if_first_title_after':
        if (Number.isNaN(f.since)) return benefitsReview(cl, 'missing', ['status.since']);
        if (f.since > rule.after) return benefitsResult('asylblg', [cite]);
        continue;
      default:
        continue;
    }
  }
  return benefitsReview(cl, 'not_covered', [`status.paragraph=${p}`]);
}

function euBenefits(f: Facts, cl: CompiledLaw): BenefitsOutcome {
  const worker = inForce(cl, 'benefits.eu_worker', f.asOf);
  if (f.employed === true && worker) return benefitsResult('sgb2', [{ rule: worker }]);
  const residence = inForce(cl, 'benefits.eu_residence', f.asOf);
  const start = Number.isNaN(f.since) ? f.entry : f.since;
  if (residence && !Number.isNaN(start)) {
    const end = addYears(start, residence.def.params?.years ?? 0);
    if (end <= f.asOf) return benefitsResult('sgb2', [{ rule: residence, vars: { end } }]);
  }
  const jobseeker = inForce(cl, 'benefits.eu_jobseeker', f.asOf);
  if (f.employed === false && jobseeker) return benefitsResult('sgb3_only', [{ rule: jobseeker }]);
  return benefitsReview(cl, 'missing', ['employed']);
}
