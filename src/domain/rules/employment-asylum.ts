import { type CompiledLaw, type CompiledRule, inForce, inForceFor } from './compile';
import { permitWithConsent, type SafeCheck, safeCountryCheck, waitingBan } from './consent';
import { addMonths } from './dates';
import type { Facts } from './facts';
import {
  branch,
  type Cite,
  type EmploymentOutcome,
  employmentResult,
  employmentReview,
  type PermitMode,
} from './outcome';

/** Labour-market access with an Aufenthaltsgestattung or a Duldung (DOMAIN.md §3). */

function modeOf(rule: CompiledRule): PermitMode | null {
  const m = rule.def.params?.mode;
  return m === 'may' || m === 'should' || m === 'must' ? m : null;
}

function notCovered(cl: CompiledLaw, what: string): EmploymentOutcome {
  return employmentReview(cl, 'not_covered', [what]);
}

/** Runs `decide` for a safe-country check, deciding both ways when the nationality or date is unknown. */
function withSafeCheck(
  cl: CompiledLaw,
  check: SafeCheck,
  decide: (safe: Extract<SafeCheck, { kind: 'safe' }> | null) => EmploymentOutcome,
  fallbackRule: CompiledRule | undefined,
): EmploymentOutcome {
  if (check.kind === 'safe') return decide(check);
  if (check.kind === 'not_safe') return decide(null);
  if (!fallbackRule) return decide(null);
  return branch(cl, undefined, check.field, (safe) =>
    decide(safe ? { kind: 'safe', rule: fallbackRule, country: '?' } : null),
  );
}

export function gestattungEmployment(f: Facts, cl: CompiledLaw): EmploymentOutcome {
  const d = f.decision;
  if (d === undefined) return employmentReview(cl, 'missing', ['status.asylumDecision']);
  if (d === 'recognised') {
    const rule = inForce(cl, 'gestattung.recognised', f.asOf);
    return rule ? employmentResult('allowed', [{ rule }]) : notCovered(cl, 'gestattung.recognised');
  }
  const check = safeCountryCheck(f, cl, 'safe_country.gestattung', false);
  return withSafeCheck(
    cl,
    check,
    (safe) => {
      if (safe) return employmentResult('banned', [{ rule: safe.rule, vars: { country: safe.country } }]);
      return branch(cl, f.inReceptionCentre, 'status.livesInReceptionCentre', (ae) =>
        ae ? gestattungInCentre(f, cl) : gestattungOutside(f, cl),
      );
    },
    inForce(cl, 'safe_country.gestattung', f.asOf),
  );
}

function gestattungOutside(f: Facts, cl: CompiledLaw): EmploymentOutcome {
  const rule = inForce(cl, 'gestattung.wait', f.asOf);
  if (!rule) return notCovered(cl, 'gestattung.wait');
  if (Number.isNaN(f.stayStart)) return employmentReview(cl, 'missing', ['status.since']);
  const end = addMonths(f.stayStart, rule.def.params?.months ?? 0);
  const waits = [{ rule, end }];
  const cites: Cite[] = [{ rule, vars: { end } }];
  if (f.asOf < end) return waitingBan(cites, end, waits);
  return permitWithConsent(f, cl, cites, modeOf(rule), waits);
}

function gestattungInCentre(f: Facts, cl: CompiledLaw): EmploymentOutcome {
  const rule = inForce(cl, 'gestattung.ae', f.asOf);
  if (!rule) return notCovered(cl, 'gestattung.ae');
  const months = rule.def.params?.months;
  // A flat ban for the whole stay in the centre is no waiting period: no permit date.
  if (months === null || months === undefined) return employmentResult('banned', [{ rule }]);
  const rejected = inForce(cl, 'gestattung.ae_rejected', f.asOf);
  if (
    rejected &&
    (f.decision === 'rejected_manifestly_unfounded' || f.decision === 'rejected_inadmissible')
  ) {
    return branch(cl, f.suspensiveRestored, 'status.suspensiveEffectRestored', (restored) =>
      restored ? centreWait(f, cl, rule, months) : employmentResult('banned', [{ rule: rejected }]),
    );
  }
  return centreWait(f, cl, rule, months);
}

function centreWait(f: Facts, cl: CompiledLaw, rule: CompiledRule, months: number): EmploymentOutcome {
  if (Number.isNaN(f.application)) return employmentReview(cl, 'missing', ['status.asylumApplicationDate']);
  const dublinMonths = rule.def.params?.dublinMonths;
  const run = (m: number): EmploymentOutcome => {
    const end = addMonths(f.application, m);
    const waits = [{ rule, end }];
    const cites: Cite[] = [{ rule, vars: { end } }];
    if (f.asOf < end) return waitingBan(cites, end, waits);
    return permitWithConsent(f, cl, cites, modeOf(rule), waits);
  };
  if (dublinMonths === undefined) return run(months);
  return branch(cl, f.dublin, 'status.dublinCase', (dublin) => run(dublin ? dublinMonths : months));
}

/** Duldung paragraphs the engine knows; anything else is outside the rule data. */
function isKnownDuldungParagraph(p: string | undefined): boolean {
  return p === undefined || p.startsWith('60a') || p === '60b' || p === '60c' || p === '60d';
}

export function duldungEmployment(f: Facts, cl: CompiledLaw): EmploymentOutcome {
  const p = f.paragraph;
  if (!isKnownDuldungParagraph(p)) return notCovered(cl, `status.paragraph=${p}`);
  if (p === '60b' || f.identityUnclear === true) {
    const rule = inForce(cl, 'duldung.identity', f.asOf);
    if (rule) return employmentResult('banned', [{ rule }]);
    // Before §60b existed an unclear identity counts only through the own-fault ban below.
    if (p === '60b') return notCovered(cl, 'status.paragraph=60b');
  }
  if (f.benefitEntry === true) {
    const rule = inForce(cl, 'duldung.benefit_entry', f.asOf);
    if (rule) return employmentResult('banned', [{ rule }]);
  }
  const ownFault = inForce(cl, 'duldung.own_fault', f.asOf);
  if (f.ownFault === true && ownFault) return employmentResult('banned', [{ rule: ownFault }]);

  const safeApplies =
    f.decision === 'rejected' ||
    f.decision === 'rejected_manifestly_unfounded' ||
    f.decision === 'rejected_inadmissible' ||
    f.decision === 'withdrawn' ||
    f.decision === 'none';
  let check: SafeCheck = { kind: 'not_safe' };
  if (safeApplies) check = safeCountryCheck(f, cl, 'safe_country.duldung', true);
  else if (f.decision === undefined) {
    // Without the asylum history the safe-country ban can only be excluded for non-listed nationals.
    const probe = safeCountryCheck(f, cl, 'safe_country.duldung', true);
    if (probe.kind !== 'not_safe') check = { kind: 'unknown', field: 'status.asylumDecision' };
  }
  return withSafeCheck(
    cl,
    check,
    (safe) => {
      if (safe) return employmentResult('banned', [{ rule: safe.rule, vars: { country: safe.country } }]);
      if (!ownFault) return duldungAccess(f, cl);
      return branch(cl, f.ownFault, 'status.ownFaultObstacle', (own) =>
        own ? employmentResult('banned', [{ rule: ownFault }]) : duldungAccess(f, cl),
      );
    },
    inForce(cl, 'safe_country.duldung', f.asOf),
  );
}

function duldungAccess(f: Facts, cl: CompiledLaw): EmploymentOutcome {
  const extra: Cite[] = [];
  if (f.paragraph === '60c' || f.paragraph === '60d') {
    const special = inForceFor(cl, 'duldung.special', f.asOf, f.paragraph)[0];
    if (!special) return notCovered(cl, `status.paragraph=${f.paragraph}`);
    extra.push({ rule: special });
  }
  const permit = inForce(cl, 'duldung.permit', f.asOf);
  const wait = inForce(cl, 'duldung.wait', f.asOf);
  if (!permit || !wait) return notCovered(cl, 'duldung.permit');
  if (Number.isNaN(f.stayStart)) return employmentReview(cl, 'missing', ['status.since']);
  const waitEnd = addMonths(f.stayStart, wait.def.params?.months ?? 0);
  return branch(cl, f.inReceptionCentre, 'status.livesInReceptionCentre', (ae) => {
    let end = waitEnd;
    const cites: Cite[] = [...extra, { rule: permit }, { rule: wait, vars: { end: waitEnd } }];
    const waits = [{ rule: wait, end: waitEnd }];
    if (ae) {
      const centre = inForce(cl, 'duldung.ae', f.asOf);
      if (!centre) return notCovered(cl, 'duldung.ae');
      const months = centre.def.params?.months;
      if (months === null || months === undefined)
        return employmentResult('banned', [...extra, { rule: centre }]);
      if (Number.isNaN(f.since)) return employmentReview(cl, 'missing', ['status.since']);
      const centreEnd = addMonths(f.since, months);
      if (centreEnd > end) end = centreEnd;
      cites.push({ rule: centre, vars: { end: centreEnd } });
      waits.push({ rule: centre, end: centreEnd });
    }
    if (f.asOf < end) return waitingBan(cites, end, waits);
    return permitWithConsent(f, cl, cites, modeOf(permit), waits);
  });
}
