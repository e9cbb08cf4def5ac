import { compareRecords, DEFAULT_MODEL, encode, type Model, pairEvidence } from './fellegi-sunter';
import { distinctDays, preciseDay } from './find';
import type { PreparedPerson } from './prepare';
import type { PairScore } from './types';

/**
 * Share of intake probes that are already in the register (people come back, desks re-register):
 * the prior of the intake check, spread over the people of the probe's birth year.
 */
const DESK_DUPLICATE_SHARE = 0.05;

export interface DeskContext {
  /** The model: the one the last batch run estimated for this register, else DEFAULT_MODEL. */
  model?: Model;
  /** Records of the register born in the probe's year (at least 1). */
  sameYear: number;
  /** Share of the register carrying the candidate's full name (term frequency), if known. */
  nameFrequency?: number;
  /** Records with the candidate's full name in its birth year, the probe included, if known. */
  sameNameAndYear?: number;
}

/**
 * The intake check's score of one stored candidate against the person being registered: the same
 * Fellegi–Sunter comparison and model as the batch run (findDuplicates), with the desk's prior —
 * the chance that the probe is already registered, shared among the people of its birth year.
 */
export function scoreCandidate(
  probe: PreparedPerson,
  candidate: PreparedPerson,
  ctx: DeskContext,
): PairScore {
  const model = ctx.model ?? DEFAULT_MODEL;
  const prior = DESK_DUPLICATE_SHARE / Math.max(1, ctx.sameYear);
  const c = compareRecords(probe, candidate);
  const e = pairEvidence(
    { ...model, lambda: prior },
    encode(c.levels),
    ctx.nameFrequency,
    ctx.sameNameAndYear,
  );
  return { score: Math.round(e.probability * 1000) / 1000, reasons: c.reasons };
}

/**
 * The batch run's competition at the desk (find.ts, shareAmongCompetitors): a probe known only by
 * its birth year that matches several people whose full dates show they are different people is at
 * most one of them — each candidate keeps its share, odds / (1 + the sum of the competitors' odds).
 * Returns the scores in the order given.
 */
export function shareAtDesk(
  probe: PreparedPerson,
  candidates: { person: PreparedPerson; score: number }[],
): number[] {
  const scores = candidates.map((c) => c.score);
  if (preciseDay(probe)) return scores;
  const competing = candidates
    .map((_c, k) => k)
    .filter(
      (k) =>
        scores[k] >= 0.05 &&
        preciseDay(candidates[k].person) &&
        candidates.some(
          (o, l) =>
            l !== k &&
            scores[l] >= 0.05 &&
            preciseDay(o.person) &&
            distinctDays(o.person, candidates[k].person),
        ),
    );
  if (competing.length < 2) return scores;
  const odds = (p: number) => Math.min(p, 0.999999) / (1 - Math.min(p, 0.999999));
  const total = competing.reduce((t, k) => t + odds(scores[k]), 0);
  for (const k of competing) {
    const share = odds(scores[k]) / (1 + total);
    scores[k] = Math.round(Math.min(scores[k], share) * 1000) / 1000;
  }
  return scores;
}
