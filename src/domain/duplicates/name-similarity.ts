import { jaroWinkler } from './jaro-winkler';
import type { PreparedName, PreparedToken } from './prepare';
import { REASONS } from './reasons';
import { vowelAgreement } from './vowels';

/** How two tokens relate: 3 = same spelling, 2 = known variant, 1 = similar (typo-like), 0 = different. */
export type TokenRelation = 0 | 1 | 2 | 3;

interface TokenMatch {
  sim: number;
  relation: TokenRelation;
}

const NO_MATCH: TokenMatch = { sim: 0, relation: 0 };

function shareSkeleton(a: PreparedToken, b: PreparedToken): boolean {
  for (const s of a.skeletons) if (b.skeletons.includes(s)) return true;
  return false;
}

/**
 * Similarity of two tokens. Across scripts the vowels are unknown, so an equal consonant
 * skeleton is the strongest possible evidence; within Latin, the vowel classes still separate
 * look-alikes such as Hassan / Hussein.
 */
export function tokenMatch(
  a: PreparedToken,
  b: PreparedToken,
  crossScript: boolean,
  original = false,
): TokenMatch {
  if (a.text === b.text) return { sim: 1, relation: 3 };
  // Memoised: a register holds a few thousand distinct tokens, compared again and again.
  const mode = crossScript ? 'x' : original ? 'o' : 'l';
  const key = a.text < b.text ? `${a.text}|${b.text}|${mode}` : `${b.text}|${a.text}|${mode}`;
  const hit = matchCache.get(key);
  if (hit) return hit;
  const m = computeTokenMatch(a, b, crossScript, original);
  if (matchCache.size >= MATCH_CACHE_LIMIT) matchCache.clear();
  matchCache.set(key, m);
  return m;
}

const matchCache = new Map<string, TokenMatch>();
const MATCH_CACHE_LIMIT = 500_000;

/**
 * How much a full vowel disagreement lowers the similarity of two tokens with the same skeleton:
 * in Latin, where desks vary vowels, and in the same original script, where the vowels written
 * (all of them in Cyrillic, the long ones in Arabic) do not vary between desks.
 */
const VOWEL_PENALTY = 0.3;
const VOWEL_PENALTY_ORIGINAL = 0.6;

function computeTokenMatch(
  a: PreparedToken,
  b: PreparedToken,
  crossScript: boolean,
  original: boolean,
): TokenMatch {
  if (a.canon === b.canon) return { sim: 0.98, relation: 2 };
  if (shareSkeleton(a, b)) {
    if (crossScript) return { sim: 0.96, relation: 2 };
    const jw = Math.max(jaroWinkler(a.canon, b.canon), jaroWinkler(b.canon, a.canon));
    // Same skeleton, different vowels: Olena / Uliana, Mahmoud / Mohammed are other names. Within
    // one script the vowels are comparable (Latin writes them all, Arabic its long vowels).
    const vowels = vowelAgreement(a.text, b.text, original);
    const penalty = original ? VOWEL_PENALTY_ORIGINAL : VOWEL_PENALTY;
    return { sim: 0.8 + 0.16 * jw - penalty * (1 - vowels), relation: 2 };
  }
  const jw = Math.max(jaroWinkler(a.canon, b.canon), jaroWinkler(b.canon, a.canon));
  const minLen = Math.min(a.canon.length, b.canon.length);
  // Short tokens are too easily similar (Ali / Adi): accept typo-likeness only on longer ones.
  if (jw >= 0.88 && minLen >= 4) return { sim: 0.55 + 1.5 * (jw - 0.88), relation: 1 };
  return NO_MATCH;
}

export type TokenPlace = 'first' | 'last' | 'swapped' | 'other';

function placeOf(i: number, j: number, na: number, nb: number): TokenPlace {
  const firstA = i === 0;
  const firstB = j === 0;
  const lastA = i === na - 1;
  const lastB = j === nb - 1;
  if (firstA && firstB) return 'first';
  if (lastA && lastB) return 'last';
  if ((firstA && lastB) || (lastA && firstB)) return 'swapped';
  return 'other';
}

export interface NameComparison {
  score: number;
  reasons: string[];
  /**
   * Aligned token pairs (a's token, b's token, similarity, where they stand), in a's order. Where:
   * "first" = both first tokens (the given names), "last" = both last (the family names),
   * "swapped" = first on one side and last on the other, "other" = anything else.
   */
  matched: [PreparedToken, PreparedToken, number, TokenPlace][];
  /** Tokens only one name has (a missing middle name): weak evidence against. */
  extras: number;
  /** Tokens on both sides that match nothing (two different middle names): strong evidence against. */
  conflicts: number;
}

const NONE: NameComparison = { score: 0, reasons: [], matched: [], extras: 0, conflicts: 0 };

/**
 * Aligns the tokens of two names regardless of order (greedy on the best token pairs) and scores
 * how well the shorter name is covered. Tokens that only one name has (a missing second given
 * name) cost a little; tokens on both sides that match nothing (two different family names)
 * cost a lot.
 */
export function compareNames(a: PreparedName, b: PreparedName): NameComparison {
  const crossScript = a.script !== b.script;
  const original = !crossScript && a.script !== 'Latn';
  const na = a.tokens.length;
  const nb = b.tokens.length;
  if (na === 0 || nb === 0) return NONE;
  const cells: { i: number; j: number; m: TokenMatch }[] = [];
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < nb; j++) {
      const m = tokenMatch(a.tokens[i], b.tokens[j], crossScript, original);
      if (m.relation > 0) cells.push({ i, j, m });
    }
  }
  cells.sort((x, y) => y.m.sim - x.m.sim || x.i - y.i || x.j - y.j);
  const usedA = new Uint8Array(na);
  const usedB = new Uint8Array(nb);
  let sum = 0;
  let matched = 0;
  let worst: TokenRelation = 3;
  const order: [number, number, number][] = [];
  for (const c of cells) {
    if (usedA[c.i] || usedB[c.j]) continue;
    usedA[c.i] = 1;
    usedB[c.j] = 1;
    sum += c.m.sim;
    matched++;
    if (c.m.relation < worst) worst = c.m.relation;
    order.push([c.i, c.j, c.m.sim]);
  }
  if (matched === 0) return NONE;
  const shorter = Math.min(na, nb);
  const unmatchedA = na - matched;
  const unmatchedB = nb - matched;
  const conflicts = Math.min(unmatchedA, unmatchedB);
  const extras = Math.max(unmatchedA, unmatchedB) - conflicts;
  let score = sum / shorter - 0.35 * conflicts - 0.04 * extras;
  // A single shared token (only "Mohammed") identifies nobody.
  if (matched < 2) score = Math.min(score, 0.55);
  order.sort((x, y) => x[0] - y[0]);
  let swapped = false;
  for (let k = 1; k < order.length; k++) if (order[k][1] < order[k - 1][1]) swapped = true;
  if (swapped) score -= 0.02;

  const reasons: string[] = [];
  if (worst === 3) reasons.push(REASONS.name);
  else if (worst === 2) reasons.push(REASONS.nameVariant);
  else reasons.push(REASONS.nameFuzzy);
  if (swapped) reasons.push(REASONS.nameOrder);
  if (extras > 0 || conflicts > 0) reasons.push(REASONS.namePartial);
  if (crossScript) reasons.push(REASONS.script);
  return {
    score: Math.max(0, Math.min(1, score)),
    reasons,
    matched: order.map(([i, j, sim]) => [a.tokens[i], b.tokens[j], sim, placeOf(i, j, na, nb)]),
    extras,
    conflicts,
  };
}
