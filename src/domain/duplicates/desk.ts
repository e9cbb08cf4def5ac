import { compareRecords, DEFAULT_MODEL, encode, type Model, pairEvidence } from './fellegi-sunter';
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
