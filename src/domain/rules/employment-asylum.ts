import { type CompiledLaw, type CompiledRule, inForce, inForceFor, safeListing } from './compile';
import { permitWithConsent, type SafeCheck, safeCountryCheck, waitingBan } from './consent';
import { addMonths, type Day } from './dates';
import type { Facts } from './facts';
import {
  branch,
  type Cite,
  type EmploymentOutcome,
  employmentResult,
  employmentReview,
  openQuestion,
  type PermitMode,
} from './outcome';
import { duldungSafeCheck } from './safe-country';

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
  if (check.kind === 'not_safe') {
    const out = decide(null);
    // A transition or exception lifted the ban: it belongs to the reasons of the answer.
    return check.exempt && out.employment !== 'review'
      ? { ...out, cites: [check.exempt, ...out.cites] }
      : out;
  }
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
      return geasGate(f, cl, () =>
        branch(cl, f.inReceptionCentre, 'status.livesInReceptionCentre', (ae) =>
          ae ? gestattungInCentre(f, cl) : gestattungOutside(f, cl),
        ),
      );
    },
    inForce(cl, 'safe_country.gestattung', f.asOf),
  );
}

/**
 * From 12.06.2026 (GEAS): Dublin cases get no permit; for a rejected application with a pending
 * suit the promulgated text is open, so the answer is review.
 */
function geasGate(f: Facts, cl: CompiledLaw, rest: () => EmploymentOutcome): EmploymentOutcome {
  const open = inForce(cl, 'gestattung.geas_open', f.asOf);
  if (
    open &&
    (f.decision === 'rejected' ||
      f.decision === 'rejected_manifestly_unfounded' ||
      f.decision === 'rejected_inadmissible')
  ) {
    return openQuestion(open, 'status.asylumDecision');
  }
  const dublin = inForce(cl, 'gestattung.geas_dublin', f.asOf);
  if (!dublin) return rest();
  return branch(cl, f.dublin, 'status.dublinCase', (d) =>
    d ? employmentResult('banned', [{ rule: dublin }]) : rest(),
  );
}

/** The earliest day the gestattet stay or the asylum application counts from (Ankunftsnachweis, §55 Abs. 1 AsylG). */
function applicationStart(f: Facts): Day {
  if (Number.isNaN(f.arrival)) return f.application;
  if (Number.isNaN(f.application)) return f.arrival;
  return Math.min(f.arrival, f.application);
}

/**
 * Runs a waiting-period decision from `start`. Without the Ankunftsnachweis, the stay may have
 * been gestattet since any day between entry and `start`: if the answer differs between the two
 * ends, the date must be asked for (review), never guessed.
 */
function fromStart(
  f: Facts,
  cl: CompiledLaw,
  start: Day,
  run: (start: Day) => EmploymentOutcome,
): EmploymentOutcome {
  const out = run(start);
  if (!Number.isNaN(f.arrival) || f.stayExplicit || Number.isNaN(f.entry) || !(f.entry < start)) return out;
  const early = run(f.entry);
  const same =
    early.employment === out.employment &&
    early.baConsent === out.baConsent &&
    (early.permitFrom === out.permitFrom || (Number.isNaN(early.permitFrom) && Number.isNaN(out.permitFrom)));
  if (same) return out;
  return employmentReview(cl, 'missing', ['status.arrivalCertificateDate']);
}

function gestattungOutside(f: Facts, cl: CompiledLaw): EmploymentOutcome {
  const rule = inForce(cl, 'gestattung.wait', f.asOf);
  if (!rule) return notCovered(cl, 'gestattung.wait');
  if (Number.isNaN(f.stayStart)) return employmentReview(cl, 'missing', ['status.since']);
  return fromStart(f, cl, f.stayStart, (start) => {
    const end = addMonths(start, rule.def.params?.months ?? 0);
    const waits = [{ rule, end }];
    const cites: Cite[] = [{ rule, vars: { end } }];
    if (f.asOf < end) return waitingBan(cites, end, waits);
    return outsideEntitlement(f, cl, (extra, mode) =>
      permitWithConsent(f, cl, [...cites, ...extra], mode ?? modeOf(rule), waits),
    );
  });
}

/**
 * §61 Abs. 2 S. 5 AsylG (since 27.02.2024): "Absatz 1 Satz 2 bleibt unberührt" — six months after
 * the application the permit "ist zu erlauben" outside the reception centre too, on the
 * conditions of §61 Abs. 1 S. 2 (undecided, not a safe country, not rejected as manifestly
 * unfounded or inadmissible unless the court restored the suspensive effect).
 */
function outsideEntitlement(
  f: Facts,
  cl: CompiledLaw,
  decide: (extra: Cite[], mode: PermitMode | null | undefined) => EmploymentOutcome,
): EmploymentOutcome {
  const must = inForce(cl, 'gestattung.wait_must', f.asOf);
  if (!must) return decide([], undefined);
  const start = applicationStart(f);
  // Without the application date the discretion level is unknown; the answer itself is not affected.
  if (Number.isNaN(start)) return decide([], null);
  const end = addMonths(start, must.def.params?.months ?? 0);
  if (f.asOf < end) return decide([], undefined);
  if (f.nationality !== undefined && safeListing(cl, f.nationality, f.asOf)) return decide([], undefined);
  const entitled = (): EmploymentOutcome => decide([{ rule: must, vars: { end } }], modeOf(must));
  if (f.decision === 'rejected_manifestly_unfounded' || f.decision === 'rejected_inadmissible') {
    return branch(cl, f.suspensiveRestored, 'status.suspensiveEffectRestored', (restored) =>
      restored ? entitled() : decide([], undefined),
    );
  }
  return entitled();
}

function gestattungInCentre(f: Facts, cl: CompiledLaw): EmploymentOutcome {
  const rule = inForce(cl, 'gestattung.ae', f.asOf);
  if (!rule) return notCovered(cl, 'gestattung.ae');
  const months = rule.def.params?.months;
  // A flat ban for the whole stay in the centre is no waiting period: no permit date.
  if (months === null || months === undefined) return employmentResult('banned', [{ rule }]);
  // §61 Abs. 1 S. 2 Nr. 3: inside the centre every national of a listed state is excluded, even one
  // who applied before the cut-off (§87d exempts only §61 Abs. 2 S. 4).
  const centreSafe = inForce(cl, 'safe_country.centre', f.asOf);
  if (centreSafe && f.nationality !== undefined && safeListing(cl, f.nationality, f.asOf)) {
    return employmentResult('banned', [{ rule: centreSafe, vars: { country: f.nationality } }]);
  }
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
  const start = applicationStart(f);
  if (Number.isNaN(start)) return employmentReview(cl, 'missing', ['status.asylumApplicationDate']);
  const dublinMonths = rule.def.params?.dublinMonths;
  const run = (m: number): EmploymentOutcome =>
    fromStart(f, cl, start, (from) => {
      const end = addMonths(from, m);
      const waits = [{ rule, end }];
      const cites: Cite[] = [{ rule, vars: { end } }];
      if (f.asOf < end) return waitingBan(cites, end, waits);
      return permitWithConsent(f, cl, cites, modeOf(rule), waits);
    });
  // Older datasets gave Dublin cases a longer period; since GEAS they are excluded (geasGate).
  if (dublinMonths === undefined || rule.def.params?.dublinExcluded) return run(months);
  return branch(cl, f.dublin, 'status.dublinCase', (dublin) => run(dublin ? dublinMonths : months));
}

/** Duldung paragraphs the engine knows; anything else is outside the rule data. */
function isKnownDuldungParagraph(p: string | undefined): boolean {
  return p === undefined || p.startsWith('60a') || p === '60b' || p === '60c' || p === '60d';
}

export function duldungEmployment(f: Facts, cl: CompiledLaw): EmploymentOutcome {
  const p = f.paragraph;
  if (!isKnownDuldungParagraph(p)) return notCovered(cl, `status.paragraph=${p}`);
  // §60b Abs. 5 S. 2 attaches to the Duldung issued under §60b, not to an unclear identity as such:
  // with a plain Duldung that is at most own fault (§60a Abs. 6 S. 1 Nr. 2), which the ABH establishes.
  if (p === '60b') {
    const rule = inForce(cl, 'duldung.identity', f.asOf);
    if (rule) return employmentResult('banned', [{ rule }]);
    return notCovered(cl, 'status.paragraph=60b');
  }
  if (f.benefitEntry === true) {
    const rule = inForce(cl, 'duldung.benefit_entry', f.asOf);
    if (rule) return employmentResult('banned', [{ rule }]);
  }
  const ownFault = inForce(cl, 'duldung.own_fault', f.asOf);
  if (f.ownFault === true && ownFault) return employmentResult('banned', [{ rule: ownFault }]);

  const check: SafeCheck = duldungSafeCheck(f, cl);
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
