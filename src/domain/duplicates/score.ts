import { birthEvidence } from './birth-evidence';
import { nationalityCount, type TokenCounts, tokenCount } from './frequency';
import { compareNames, type NameComparison } from './name-similarity';
import { type PreparedPerson, preparePerson } from './prepare';
import { REASONS } from './reasons';
import type { PairScore, PersonRecord } from './types';

/**
 * Scoring in the Fellegi–Sunter spirit: each field adds log-odds evidence for or against "same
 * person", and the sum is mapped to 0..1 with the logistic function. Names carry most weight;
 * birth date is weighted by its precision; nationality and gender mostly speak against a match
 * when they differ (a missing value says nothing).
 */
const PRIOR = -2.2;
const NAME_SLOPE = 14;
const NAME_PIVOT = 0.8;
/** Log-odds per agreeing name token beyond the first two (father's, grandfather's name). */
const FURTHER_TOKEN_WEIGHT = 0.8;

function better1(c: NameComparison, best: NameComparison | null): boolean {
  // Prefer the higher score; on a tie prefer same-script evidence so reasons stay simple.
  return (
    !best ||
    c.score > best.score ||
    (c.score === best.score && best.reasons.includes(REASONS.script) && !c.reasons.includes(REASONS.script))
  );
}

/**
 * How well the names of a and b agree. Within one script: the best agreement of any name of a with
 * any name of b in that script. When the records share a script, only shared scripts count — a
 * same-script comparison sees what a transliteration hides (the vowels of Mahmoud / Mohammed, the
 * long vowel of محمود / محمد), so a cross-script match must not outvote it — and when they share
 * the original script as well as Latin, the weaker of the two decides: two records whose Latin
 * spellings look alike but whose original spellings differ (Уляна / Олена) are two people, while
 * a duplicate with the same original spelling keeps its Latin evidence. Across scripts only when
 * the records have no script in common.
 */
export function nameEvidence(a: PreparedPerson, b: PreparedPerson): NameComparison | null {
  const bestByScript = new Map<string, NameComparison>();
  for (const na of a.names) {
    for (const nb of b.names) {
      if (na.script !== nb.script) continue;
      const c = compareNames(na, nb);
      if (better1(c, bestByScript.get(na.script) ?? null)) bestByScript.set(na.script, c);
    }
  }
  if (bestByScript.size > 0) {
    let best: NameComparison | null = null;
    for (const c of bestByScript.values()) if (better1(c, best)) best = c;
    // The original script decides where both records have it and it compares names of the same
    // shape (as many aligned tokens): a record known as "Ali" in Latin and by its full name in
    // Arabic keeps the full match.
    let decisive = best as NameComparison;
    for (const [script, c] of bestByScript)
      if (script !== 'Latn' && c.matched.length >= (best as NameComparison).matched.length) decisive = c;
    return decisive;
  }
  let best: NameComparison | null = null;
  for (const na of a.names) {
    for (const nb of b.names) {
      const c = compareNames(na, nb);
      if (better1(c, best)) best = c;
    }
  }
  return best;
}

/**
 * Context from the register the pair was found in (all optional; without it a pair is scored on
 * its own). `namesakes` is the number of records that share the pair's rarest common name key
 * (its block size, including the two). `tokenCounts` and `registerSize` give how often each name
 * token occurs (see countTokens). Together they estimate how many other records would agree this
 * well by chance — a shared "Mohammed Al-Hassan, born 1990" means little among 300 Mohammed
 * Al-Hassans and a lot among 3 (term-frequency adjustment of Fellegi–Sunter).
 */
export interface ScoreContext {
  namesakes?: number;
  tokenCounts?: TokenCounts;
  registerSize?: number;
}

/** Probability that a random namesake agrees on the birth date by chance, per kind of agreement. */
const CHANCE_AGREEMENT: Record<string, number> = {
  [REASONS.birthYear]: 1 / 40,
  [REASONS.birthMonth]: 1 / 480,
  [REASONS.birthDate]: 1 / 15_000,
  [REASONS.birthDateSwapped]: 1 / 15_000,
};

/**
 * Share of records that have a second record in the register: the prior that a namesake who
 * agrees is that person's duplicate rather than another person.
 */
const DUPLICATE_SHARE = 0.05;
/**
 * Name tokens are not independent: across the register a given name and a family name go
 * together through the nationality (Olena with Kovalenko, Zaid with Musa); within one
 * nationality far less so.
 */
const DEPENDENCE = 3;
const DEPENDENCE_WITHIN_NATIONALITY = 1.5;

/**
 * Expected number of other records whose names agree as well as these do, by chance: from the
 * token frequencies — within the pair's nationality when both records have the same one —
 * multiplied as if independent (damped by the dependence factor), bounded by the block size of
 * the rarest shared key when known. Null without context.
 */
function expectedNamesakes(
  names: NameComparison,
  nationality: string | null,
  context: ScoreContext,
): number | null {
  const { tokenCounts, registerSize, namesakes } = context;
  const fromBlock = namesakes === undefined ? null : Math.max(0, namesakes - 2);
  if (!tokenCounts || !registerSize || names.matched.length === 0) return fromBlock;
  const natSize = nationality ? nationalityCount(tokenCounts, nationality) : 0;
  const within = natSize > 0 ? nationality : null;
  const size = within ? natSize : registerSize;
  const dependence = within ? DEPENDENCE_WITHIN_NATIONALITY : DEPENDENCE;
  const shares = names.matched
    .map(
      ([ta, tb, , place]) =>
        Math.max(tokenCount(ta, tokenCounts, place, within), tokenCount(tb, tokenCounts, place, within)) /
        size,
    )
    .sort((x, y) => x - y);
  let expected = size * shares[0];
  for (let k = 1; k < shares.length; k++) expected *= Math.min(1, dependence * shares[k]);
  return fromBlock === null ? expected : Math.min(fromBlock, expected);
}

/**
 * Log-odds from the register: a record has a duplicate with probability DUPLICATE_SHARE, and
 * `expected` namesakes that agree on the name also agree on the birth date by chance. Lower
 * name quality (variants, a missing or conflicting token) lowers it as in the base score.
 */
function registerLogit(
  names: NameComparison,
  birthReason: string | null,
  nationality: string | null,
  context: ScoreContext,
): number | null {
  const expected = expectedNamesakes(names, nationality, context);
  if (expected === null) return null;
  const chance = birthReason === null ? 1 : CHANCE_AGREEMENT[birthReason];
  if (chance === undefined) return null;
  const chanceAgreements = Math.max(1e-9, expected * chance);
  return Math.log(DUPLICATE_SHARE / chanceAgreements) + NAME_SLOPE * (names.score - 1);
}

/** Order of two alignments of the same pair, so that scoring stays symmetric. */
function better(x: NameComparison, y: NameComparison): boolean {
  if (x.score !== y.score) return x.score > y.score;
  if (x.matched.length !== y.matched.length) return x.matched.length > y.matched.length;
  const sum = (c: NameComparison) => c.matched.reduce((t, m) => t + m[2], 0);
  return sum(x) > sum(y);
}

/** Scores two prepared persons. Symmetric: the name alignment is run both ways. */
/** The best alignment of the two records' names, the same whichever record comes first. */
export function pairNames(a: PreparedPerson, b: PreparedPerson): NameComparison | null {
  const n1 = nameEvidence(a, b);
  const n2 = nameEvidence(b, a);
  return n1 && n2 ? (better(n2, n1) ? n2 : n1) : (n1 ?? n2);
}

export function scorePrepared(a: PreparedPerson, b: PreparedPerson, context: ScoreContext = {}): PairScore {
  const names = pairNames(a, b);
  const reasons = names ? [...names.reasons] : [];
  let logit = PRIOR + NAME_SLOPE * ((names?.score ?? 0) - NAME_PIVOT);
  // Every further agreeing token (the father's, the grandfather's name) is further evidence.
  if (names && names.score > 0.6) {
    for (let k = 2; k < names.matched.length; k++) logit += FURTHER_TOKEN_WEIGHT * names.matched[k][2];
  }

  const birth = birthEvidence(a.birth, b.birth);
  logit += birth.weight;
  if (birth.reason) reasons.push(birth.reason);

  // Contrary evidence from nationality and gender; it counts in the register estimate as well.
  let contrary = 0;
  if (a.nationality && b.nationality) {
    if (a.nationality === b.nationality) {
      logit += 0.6;
      reasons.push(REASONS.nationality);
    } else {
      contrary -= 2;
      reasons.push(REASONS.nationalityMismatch);
    }
  }
  if (a.gender && b.gender && a.gender !== 'x' && b.gender !== 'x') {
    if (a.gender === b.gender) {
      logit += 0.3;
      reasons.push(REASONS.gender);
    } else {
      contrary -= 4;
      reasons.push(REASONS.genderMismatch);
    }
  }
  logit += contrary;
  // With a register as context the pair must also stand out from the chance agreements.
  const nationality = a.nationality && a.nationality === b.nationality ? a.nationality : null;
  const fromRegister = names ? registerLogit(names, birth.reason, nationality, context) : null;
  if (fromRegister !== null && fromRegister + contrary < logit) logit = fromRegister + contrary;
  const score = 1 / (1 + Math.exp(-logit));
  return { score: Math.round(score * 1000) / 1000, reasons };
}

/** Scores two person records (0..1) with short reason codes. Pure, no side effects. */
export function scorePair(a: PersonRecord, b: PersonRecord, context: ScoreContext = {}): PairScore {
  return scorePrepared(preparePerson(a), preparePerson(b), context);
}
