import { tokenMatch } from './name-similarity';
import type { PreparedName, PreparedToken } from './prepare';

/**
 * How two name tokens agree, for the Fellegi–Sunter name levels: 3 the same spelling, 2 a known
 * variant (same phonetic form, or the same consonant skeleton across scripts), 1 one letter error
 * (Damerau–Levenshtein 1: a typo, a missing or extra letter, two neighbours exchanged), 0 different.
 */
export type TokenLevel = 0 | 1 | 2 | 3;

/** Optimal string alignment distance, stopping early above 1 (only 0, 1 and "more" matter). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    // Substitution, or a transposition of neighbours.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // Insertion / deletion.
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Similarity (tokenMatch) from which two tokens with one consonant skeleton are variants: Yusuf /
 * Yousef (0.855), Fatemeh / Fatima (0.876) are; Olena / Uliana (0.853), Mahmoud / Mohammed (0.77),
 * Hussein / Hassan (0.73) are other names.
 */
const VARIANT_SIMILARITY = 0.855;

/**
 * How many records of the register carry each name token (its written form): a name held by several
 * records is a name of its own; a slip of the pen makes a spelling few others have (see nearNames).
 */
export type Established = ReadonlyMap<string, number>;

export function tokenLevel(a: PreparedToken, b: PreparedToken, crossScript: boolean): TokenLevel {
  if (a.text === b.text) return 3;
  if (a.canon === b.canon) return 2;
  if (a.skeletons.some((s) => b.skeletons.includes(s))) {
    if (crossScript || tokenMatch(a, b, false).sim >= VARIANT_SIMILARITY) return 2;
    // One skeleton, vowels of one class in the same places (Laila / Layla): at least a letter's error.
    if (vowelVariant(a.text, b.text)) return 1;
  }
  // Very short tokens are too easily one letter apart (Ali / Adi); only a lost letter counts there
  // (Ali / Ai).
  if (Math.min(a.text.length, b.text.length) < 3)
    return Math.min(a.text.length, b.text.length) === 2 &&
      Math.abs(a.text.length - b.text.length) === 1 &&
      withinOneEdit(a.text, b.text)
      ? 1
      : 0;
  // On the written letters: one edit of the folded phonetic form may hide two real differences, and
  // names sharing an affix (Gebremedhin / Gebremariam, Linoglu / Layloglu) differ in their stems.
  if (withinOneEdit(a.text, b.text)) return 1;
  // A typo in a folded syllable (Abdrlhelen / Abdelhelen): one edit on the letters as written.
  if ((a.written !== a.text || b.written !== b.text) && withinOneEdit(a.written, b.written)) return 1;
  return slip(a, b) ? 1 : 0;
}

/** Fewest records holding a spelling for it to count as a name of its own. */
const ESTABLISHED_MIN = 3;
/**
 * The rarer of two spellings must be held by at least this share of the commoner's records to be
 * a name of its own: "Mhammed" written by 3 of 5,000 Mohammeds is a slip; "Bakr" beside "Bakri" is not.
 */
const ESTABLISHED_RATIO = 0.02;

/** Vowels by the sound classes transliterations confuse: a; e, i, y; o, u. */
const VOWEL_CLASS: Record<string, string> = { a: 'a', e: 'i', i: 'i', y: 'i', o: 'u', u: 'u' };

/** A spelling's shape: consonants as written (doubles folded), each run of vowels as its classes. */
function vowelShape(w: string): string {
  return w
    .replace(/(.)\1+/g, '$1')
    .replace(/[aeiouy]+/g, (run) => `<${[...new Set([...run].map((c) => VOWEL_CLASS[c]))].sort().join('')}>`);
}

/**
 * Spellings that differ only in vowels of one sound class, in the same places (Laila / Layla,
 * Ebrahim / Ibrahim, Haile / Hayle, Saleh / Salih): transliterations of one name. Another vowel
 * (Hassan / Hussein, Omar / Emer), an added syllable (Bakr / Bakri, Mahmoud / Mohammed) or another
 * consonant (Mehmet / Mehmed) makes another name.
 */
export function vowelVariant(a: string, b: string): boolean {
  return a !== b && vowelShape(a) === vowelShape(b);
}

/**
 * Two tokens that agree only up to an error or other vowels, both names of their own in the register
 * (Bakr / Bakri, Mahmoud / Mehmet, Youssef / Yousefi): more likely two names than one name and a slip.
 */
function nearNames(a: PreparedToken, b: PreparedToken, established: Established | undefined): boolean {
  if (established === undefined || a.canon === b.canon || vowelVariant(a.text, b.text)) return false;
  const ca = established.get(a.text) ?? 0;
  const cb = established.get(b.text) ?? 0;
  return Math.min(ca, cb) >= ESTABLISHED_MIN && Math.min(ca, cb) >= ESTABLISHED_RATIO * Math.max(ca, cb);
}

/**
 * A slip of the pen that takes two edits on the letters but keeps the name's start and all but one
 * consonant: Haddad / Haadd (a transposition and a lost letter), Abdelali / Abdleali (a transposition
 * the spelling rules turn into more). Two edits alone would join Helen and Hassan, Saleh and Selam.
 */
function slip(a: PreparedToken, b: PreparedToken): boolean {
  if (Math.min(a.text.length, b.text.length) < 5 || a.text.slice(0, 2) !== b.text.slice(0, 2)) return false;
  if (
    !a.skeletons.some((x) =>
      b.skeletons.some((y) => Math.min(x.length, y.length) >= 2 && withinOneEdit(x, y)),
    )
  )
    return false;
  return osa(a.text, b.text) <= 2;
}

/** Optimal string alignment distance (Damerau–Levenshtein without moved substrings). */
export function osa(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...new Array<number>(n).fill(0)]);
  for (let j = 0; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[m][n];
}

export interface TokenAlignment {
  /** Agreement of the aligned pairs, best first. */
  levels: TokenLevel[];
  /** Tokens of the shorter name left without a partner (or only a different one). */
  unmatched: number;
  /** Tokens only the longer name has. */
  extra: number;
  /** The aligned token positions [in a, in b]. */
  pairs: [number, number][];
  /** Per aligned pair: below "same spelling", and both tokens are established names. */
  near: boolean[];
}

/**
 * Aligns the tokens of two names regardless of order: greedily the best pairs first, each token
 * used once. The shorter name must be covered: its unmatched tokens count against a match.
 */
export function alignTokens(a: PreparedName, b: PreparedName, established?: Established): TokenAlignment {
  const crossScript = a.script !== b.script;
  const cells: [number, number, TokenLevel][] = [];
  for (let i = 0; i < a.tokens.length; i++)
    for (let j = 0; j < b.tokens.length; j++) {
      const l = tokenLevel(a.tokens[i], b.tokens[j], crossScript);
      if (l > 0) cells.push([i, j, l]);
    }
  cells.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const levels: TokenLevel[] = [];
  const pairs: [number, number][] = [];
  const near: boolean[] = [];
  for (const [i, j, l] of cells) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    levels.push(l);
    pairs.push([i, j]);
    near.push(l < 3 && nearNames(a.tokens[i], b.tokens[j], established));
  }
  const shorter = Math.min(a.tokens.length, b.tokens.length);
  const longer = Math.max(a.tokens.length, b.tokens.length);
  return { levels, unmatched: shorter - levels.length, extra: longer - shorter, pairs, near };
}

/** Name levels (fellegi-sunter.ts LEVELS.name): near names, partly matching, different. */
export const NAME_NEAR = 4;
export const NAME_PARTIAL = 5;
export const NAME_DIFFERENT = 6;

/**
 * Name agreement level of two records (best over their spellings), best first:
 * 0 exact, 1 variant, 2 one letter error, 3 one error in each of two tokens, 4 near names (a token
 * differs from an established name of the register only by a letter or its vowels, 5 a token missing
 * or partly matching, 6 different. Only names of the same script, or Latin against an original
 * script, are compared. Without `established` (a single pair at the desk) no token counts as near.
 */
export function nameLevelOf(
  as: readonly PreparedName[],
  bs: readonly PreparedName[],
  established?: Established,
): number {
  let best = NAME_DIFFERENT;
  for (const a of as) {
    for (const b of bs) {
      const al = alignTokens(a, b, established);
      if (al.levels.length < Math.min(2, a.tokens.length, b.tokens.length)) continue;
      let level: number;
      const near = al.near.filter(Boolean).length;
      const typos = al.levels.filter((l, k) => l === 1 && !al.near[k]).length;
      if (al.unmatched > 0 || (al.extra > 0 && !keepsEnds(al, a.tokens.length, b.tokens.length)))
        level = NAME_PARTIAL;
      else if (near > 0) level = near + typos > 1 ? NAME_PARTIAL : NAME_NEAR;
      else if (typos >= 2) level = 3;
      else if (typos === 1) level = 2;
      else if (al.levels.every((l) => l === 3)) level = al.extra > 0 ? 1 : 0;
      else level = 1;
      if (level < best) best = level;
    }
  }
  return best;
}

/**
 * A name with more tokens than the other (a father's name, a second given name) is the same name
 * only if the given names and the family names still face each other — first with first and last
 * with last, or crosswise when the order was swapped: Mohammed Ahmad Al-Hassan / Mohammed Al-Hassan,
 * but not Bilal Tarek Rami Kamal / Tarek Kamal (Tarek is the father there).
 */
function keepsEnds(al: TokenAlignment, na: number, nb: number): boolean {
  const has = (i: number, j: number) => al.pairs.some(([x, y]) => x === i && y === j);
  const straight = has(0, 0) && has(na - 1, nb - 1);
  const crossed = has(0, nb - 1) && has(na - 1, 0);
  return straight || crossed;
}
