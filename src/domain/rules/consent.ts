import { type CompiledLaw, type CompiledRule, inForce, safeListing } from './compile';
import { addMonths, addYears, type Day } from './dates';
import type { Facts } from './facts';
import { type Cite, type EmploymentOutcome, employmentResult, type PermitMode, type Wait } from './outcome';

/**
 * A permit is possible on asOf: decide whether the Bundesagentur must consent (§32(2) Nr.5 BeschV:
 * not after four years of stay) and whether a priority check applies (dated, abolished 2019).
 */
export function permitWithConsent(
  f: Facts,
  cl: CompiledLaw,
  cites: Cite[],
  mode: PermitMode | null,
  waits: Wait[],
): EmploymentOutcome {
  const free = inForce(cl, 'consent.free', f.asOf);
  const freeFrom = free ? addYears(f.stayStart, free.def.params?.years ?? 0) : Number.NaN;
  if (free && f.asOf >= freeFrom) {
    return employmentResult('permit_required', [...cites, { rule: free, vars: { end: freeFrom } }], {
      baConsent: false,
      mode,
      waits,
      consentFreeFrom: freeFrom,
      priority: 'not_required',
    });
  }
  const out: Cite[] = [...cites];
  const training = inForce(cl, 'consent.training', f.asOf);
  if (training) out.push({ rule: training });
  let priority: EmploymentOutcome['priority'] = 'not_required';
  const check = inForce(cl, 'priority', f.asOf);
  const checkMode = check?.def.params?.mode;
  if (check && (checkMode === 'first_months' || checkMode === 'district_dependent')) {
    const end = addMonths(f.stayStart, check.def.params?.months ?? 0);
    if (f.asOf < end) {
      priority = checkMode === 'first_months' ? 'required' : 'district_dependent';
      out.push({ rule: check, vars: { end } });
    }
  }
  return employmentResult('permit_required', out, {
    baConsent: true,
    mode,
    waits,
    consentFreeFrom: freeFrom,
    priority,
  });
}

/** Waiting period not over on asOf: banned, with the earliest permit day. */
export function waitingBan(cites: Cite[], end: Day, waits: Wait[]): EmploymentOutcome {
  return employmentResult('banned', cites, { permitFrom: end, waits });
}

export type SafeCheck =
  | { kind: 'safe'; rule: CompiledRule; country: string }
  /** `exempt`: a transition or exception rule that lifted the ban (cited in the answer). */
  | { kind: 'not_safe'; exempt?: Cite }
  | { kind: 'unknown'; field: string };

/**
 * Is the person banned as a national of a safe country of origin? Needs the ban rule in force,
 * the country listed on asOf, and an application after the country's cut-off date.
 * `noApplicationCounts`: for a Duldung, having filed no application also triggers the ban.
 */
export function safeCountryCheck(
  f: Facts,
  cl: CompiledLaw,
  familyName: string,
  noApplicationCounts: boolean,
): SafeCheck {
  const rule = inForce(cl, familyName, f.asOf);
  if (!rule) return { kind: 'not_safe' };
  if (f.nationality === undefined) return { kind: 'unknown', field: 'nationality' };
  const listing = safeListing(cl, f.nationality, f.asOf);
  if (!listing) return { kind: 'not_safe' };
  if (noApplicationCounts && f.decision === 'none') return { kind: 'safe', rule, country: f.nationality };
  if (Number.isNaN(f.application)) return { kind: 'unknown', field: 'status.asylumApplicationDate' };
  return f.application > listing.applicationAfter
    ? { kind: 'safe', rule, country: f.nationality }
    : { kind: 'not_safe' };
}
