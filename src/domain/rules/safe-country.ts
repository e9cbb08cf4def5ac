import { type CompiledLaw, inForce, safeListing } from './compile';
import type { SafeCheck } from './consent';
import { addYears } from './dates';
import type { Facts } from './facts';
import { SAFE_DULDUNG_CASES } from './law-schema';

/**
 * The safe-country ban for a Duldung (§60a Abs. 6 S. 1 Nr. 3 AufenthG). Which asylum histories it
 * covers is dated rule data (`params.covers`: only "rejected" from 24.10.2015, also "withdrawn"
 * and "no application" from 21.08.2019); the exceptions of 2019 (withdrawal after BAMF advice,
 * unaccompanied minors) and the transition of §104 Abs. 18 are checked here. Unknown facts that
 * matter come back as `unknown`, never as a guess.
 */
export function duldungSafeCheck(f: Facts, cl: CompiledLaw): SafeCheck {
  const rule = inForce(cl, 'safe_country.duldung', f.asOf);
  if (!rule) return { kind: 'not_safe' };
  if (f.nationality === undefined) return { kind: 'unknown', field: 'nationality' };
  const listing = safeListing(cl, f.nationality, f.asOf);
  if (!listing) return { kind: 'not_safe' };
  const country = f.nationality;
  // Datasets stored before `covers` existed meant all three histories (the old reading).
  const covers = rule.def.params?.covers ?? SAFE_DULDUNG_CASES;
  const safe: SafeCheck = { kind: 'safe', rule, country };
  const appliedAfterCutOff = (): SafeCheck => {
    if (Number.isNaN(f.application)) return { kind: 'unknown', field: 'status.asylumApplicationDate' };
    return f.application > listing.applicationAfter ? safe : { kind: 'not_safe' };
  };
  const exception = inForce(cl, 'safe_country.duldung_exception', f.asOf);
  // §60a Abs. 6 S. 3: not for unaccompanied minors (withdrawal or non-application in the child's interest).
  const minorCheck = (): SafeCheck => {
    if (!exception) return safe;
    if (f.unaccompaniedMinor === true) return { kind: 'not_safe', exempt: { rule: exception } };
    if (f.unaccompaniedMinor === false) return safe;
    const adult = !Number.isNaN(f.birth) && f.asOf >= addYears(f.birth, 18);
    return adult ? safe : { kind: 'unknown', field: 'status.unaccompaniedMinor' };
  };
  switch (f.decision) {
    case undefined:
      return { kind: 'unknown', field: 'status.asylumDecision' };
    case 'rejected':
    case 'rejected_manifestly_unfounded':
    case 'rejected_inadmissible':
      return covers.includes('rejected') ? appliedAfterCutOff() : { kind: 'not_safe' };
    case 'withdrawn': {
      if (!covers.includes('withdrawn')) return { kind: 'not_safe' };
      const after = appliedAfterCutOff();
      if (after.kind !== 'safe') return after;
      if (exception && f.withdrawnAfterAdvice === true)
        return { kind: 'not_safe', exempt: { rule: exception } };
      if (exception && f.withdrawnAfterAdvice === undefined)
        return { kind: 'unknown', field: 'status.withdrawnAfterBamfAdvice' };
      return minorCheck();
    }
    case 'none': {
      if (!covers.includes('none')) return { kind: 'not_safe' };
      const transition = inForce(cl, 'safe_country.tolerated_exempt', f.asOf);
      if (transition && !Number.isNaN(listing.toleratedOn)) {
        // §104 Abs. 18: tolerated on the reference day without an application.
        if (Number.isNaN(f.since)) return { kind: 'unknown', field: 'status.since' };
        if (f.since <= listing.toleratedOn)
          return { kind: 'not_safe', exempt: { rule: transition, vars: { country } } };
      }
      return minorCheck();
    }
    default:
      // Pending (e.g. a follow-up application) or recognised: the ban needs a concluded procedure.
      return { kind: 'not_safe' };
  }
}
