import { type CompiledLaw, freeMovement, inForce, safeListing } from './compile';
import { addMonths, type Day } from './dates';
import type { Facts } from './facts';
import type { Cite } from './outcome';

/**
 * Facts that cannot all be true. Comparisons with NaN (unknown dates) are false, so only
 * known dates are checked. A status dated after `asOf` did not exist on that day. The codes are
 * put into words by fact-labels.ts (explanations) and the web catalogues (status card); an expired
 * document is no contradiction but a state of its own (evaluate.ts).
 */
export function contradictions(f: Facts): string[] {
  const out: string[] = [];
  if (f.since > f.asOf) out.push('conflict.statusStartsLater');
  if (f.application > f.asOf) out.push('conflict.applicationLater');
  if (f.arrival > f.asOf) out.push('conflict.arrivalLater');
  if (f.entry > f.asOf) out.push('conflict.entryLater');
  if (f.entry > f.since) out.push('conflict.entryAfterStatus');
  if (f.entry > f.application) out.push('conflict.entryAfterApplication');
  if (f.entry > f.arrival) out.push('conflict.entryAfterArrival');
  if (f.stayStart > f.asOf) out.push('conflict.stayStartLater');
  if (f.until < f.since) out.push('conflict.untilBeforeSince');
  if (f.decisionDate > f.asOf) out.push('conflict.decisionLater');
  // §67 Abs. 1 Nr. 3 AsylG: a withdrawn application ends the Gestattung.
  if (f.kind === 'gestattung' && f.decision === 'withdrawn') out.push('conflict.withdrawnGestattung');
  if (f.kind === 'duldung' && f.decision === 'recognised') out.push('conflict.recognisedDuldung');
  if (f.paragraph === '60b' && f.identityUnclear === false) out.push('conflict.identity60b');
  const titled = f.kind === 'aufenthaltserlaubnis' || f.kind === 'niederlassungserlaubnis';
  // A residence title ends the obligation to live in a reception centre (§48 Nr. 2 AsylG). These
  // checks name the contradictory fact by its plain path, so the UI can label it.
  if (titled && f.inReceptionCentre === true) out.push('status.livesInReceptionCentre');
  // Asylum recognition (§25 Abs. 1) concludes the procedure; nothing can still be pending. With
  // §25 Abs. 2 a suit for the higher status may still run, so "pending" alone is no contradiction
  // there (with "lives in the reception centre" the check above applies).
  if (titled && f.decision === 'pending' && f.paragraph === '25(1)') out.push('status.asylumDecision');
  // Germans hold no residence status under the AufenthG or the AsylG (§1 Abs. 2 Nr. 1 AufenthG).
  if (f.nationality === 'DE' && f.kind !== undefined) out.push('nationality');
  return out;
}

interface LawContradiction {
  item: string;
  cite: Cite;
}

/** Contradictions that depend on dated law data: free movement, the §47 AsylG caps. */
export function lawContradictions(f: Facts, cl: CompiledLaw): LawContradiction[] {
  const out: LawContradiction[] = [];
  const asylum = f.kind === 'gestattung' || f.kind === 'duldung';
  const eu = inForce(cl, 'eu', f.asOf);
  if (asylum && eu && f.nationality !== undefined && freeMovement(cl, f.nationality, f.asOf)) {
    out.push({ item: 'nationality', cite: { rule: eu } });
  }
  if (asylum && f.inReceptionCentre === true) {
    const cap = receptionCap(f, cl);
    if (cap) out.push(cap);
  }
  return out;
}

/**
 * §47 Abs. 1 AsylG: the obligation to live in the reception centre ends after 6 months for
 * families with minor children and after 18 months for everyone else (safe-country nationals:
 * until the decision, §47 Abs. 1a). A stated obligation beyond the cap contradicts the law.
 * With the family status unknown only the 18-month cap is checked: the stated obligation is then
 * taken as the caseworker recorded it, nothing is inferred from it.
 */
function receptionCap(f: Facts, cl: CompiledLaw): LawContradiction | undefined {
  // The obligation runs from the Ankunftsnachweis or the application; a Gestattung dates from them too.
  const known = [f.arrival, f.application].filter((d) => !Number.isNaN(d));
  let start: Day = known.length > 0 ? Math.min(...known) : Number.NaN;
  if (Number.isNaN(start) && f.kind === 'gestattung') start = f.since;
  if (Number.isNaN(start)) return undefined;
  const family = inForce(cl, 'ae.cap_family', f.asOf);
  if (family && f.familyWithMinorChildren === true) {
    const end = addMonths(start, family.def.params?.months ?? 0);
    if (f.asOf >= end)
      return { item: 'status.livesInReceptionCentre', cite: { rule: family, vars: { end } } };
    return undefined;
  }
  const general = inForce(cl, 'ae.cap', f.asOf);
  if (!general || f.nationality === undefined || safeListing(cl, f.nationality, f.asOf)) return undefined;
  const end = addMonths(start, general.def.params?.months ?? 0);
  if (f.asOf < end) return undefined;
  return { item: 'status.livesInReceptionCentre', cite: { rule: general, vars: { end } } };
}
