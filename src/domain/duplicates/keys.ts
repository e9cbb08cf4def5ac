import { type PreparedName, type PreparedPerson, prepareName } from './prepare';

/** Upper bound of keys per person, so an index row count stays predictable. */
const MAX_KEYS = 48;

/** Tokens per name that form pairs: a name with more parts than this is an input error or a hostile one. */
const MAX_PAIR_TOKENS = 8;

function keysOfName(name: PreparedName, into: Set<string>): void {
  const tokens = name.tokens.slice(0, MAX_PAIR_TOKENS);
  if (tokens.length === 1) {
    for (const s of tokens[0].skeletons) into.add(`1:${s}`);
    return;
  }
  for (let i = 0; i < tokens.length; i++) {
    for (let j = i + 1; j < tokens.length; j++) {
      for (const si of tokens[i].skeletons) {
        for (const sj of tokens[j].skeletons) into.add(si <= sj ? `${si}|${sj}` : `${sj}|${si}`);
      }
    }
  }
}

/**
 * The cap is applied to the sorted set of all keys, not while collecting: cutting off while
 * collecting made the keys depend on the order of the spellings (a property test found it).
 */
function capped(keys: Set<string>): string[] {
  return [...keys].sort().slice(0, MAX_KEYS);
}

/** Blocking keys of a prepared person (see nameKeys). */
export function keysOfPrepared(p: PreparedPerson): string[] {
  const keys = new Set<string>();
  for (const n of p.names) keysOfName(n, keys);
  return capped(keys);
}

/**
 * Blocking keys for a person's names: every unordered pair of phonetic token skeletons, e.g.
 * "Mohammed Al-Hassan" and "محمد الحسن" both give "hsn|mhmd". Two spellings of one person share
 * at least one key when two of their name tokens agree phonetically — whatever the order, the
 * article, a missing second given name or the script. Store them in an indexed column and look
 * candidates up with `WHERE key IN (...)`. Sorted and deduplicated; independent of name order.
 */
export function nameKeys(names: string[]): string[] {
  const keys = new Set<string>();
  for (const n of names) keysOfName(prepareName(n), keys);
  return capped(keys);
}

/** Skeletons shorter than this are not shortened further (one letter alone would match everyone). */
const MIN_DELETION_SOURCE = 2;

/**
 * Token keys that survive one error in the token: the consonant skeleton itself and every skeleton
 * with one letter deleted (symmetric deletion). Two skeletons one substitution, insertion, deletion or
 * neighbour transposition apart share at least one of these keys — Georgi "grg" / Geogri "ggr" share
 * "gr", Darwish "drvs" / Darish "drs" share "drs". Vowel typos leave the skeleton as it is.
 */
export function tokenBlockKeys(skeleton: string, into: Set<string>): void {
  if (skeleton.length === 0) return;
  into.add(skeleton);
  if (skeleton.length < MIN_DELETION_SOURCE) return;
  for (let i = 0; i < skeleton.length; i++) into.add(skeleton.slice(0, i) + skeleton.slice(i + 1));
}

/**
 * Blocking keys of a person for the batch run and the intake check: each name token's error-tolerant
 * keys joined with the birth year ("drs@1966"). A true pair shares one whenever one of its name tokens
 * survives with at most one error — whatever the order of the tokens, the case, the script, the other
 * token's errors or the precision of the date (a year-only date keeps the year). Records without a
 * birth year get no such keys; they are compared through the name-pair keys (nameKeys).
 */
export function yearBlockKeys(p: PreparedPerson): string[] {
  return yearBlockKeysByToken(p).map(([k]) => k);
}

/**
 * yearBlockKeys with the place of the token each key comes from, as a bit (place in its own name,
 * at most 31). The batch run uses it to ask how many of a record's tokens another
 * record matches: a duplicate matches two tokens (given and family name, each with at most one
 * error), a namesake of one name part only one — and one shared token never scores as a match.
 */
export function yearBlockKeysByToken(p: PreparedPerson): [string, number][] {
  const year = p.birth?.year;
  if (year === undefined) return [];
  const out = new Map<string, number>();
  const keys = new Set<string>();
  for (const n of p.names) {
    // The bit is the token's place in its own name: Mohammed and محمد in a record's Latin and
    // Arabic spellings are one token, not two.
    n.tokens.forEach((t, place) => {
      keys.clear();
      for (const s of t.skeletons) tokenBlockKeys(s, keys);
      const bit = 1 << Math.min(place, 30);
      for (const k of keys) {
        const key = `${k}@${year}`;
        out.set(key, (out.get(key) ?? 0) | bit);
      }
    });
  }
  return [...out].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/**
 * The keys the intake check looks a probe up with in the stored name keys: the name-pair keys
 * (nameKeys) and, per token, its skeleton and the skeleton with one letter deleted as a token key
 * ("t:grg", "t:gr"): a stored record whose one token carries a typo is still found through the other
 * token, and through the shortened skeleton when the stored spelling lost a letter.
 */
export function deskLookupKeys(p: PreparedPerson): string[] {
  const keys = new Set(keysOfPrepared(p));
  const tokens = new Set<string>();
  for (const n of p.names) for (const t of n.tokens) for (const s of t.skeletons) tokenBlockKeys(s, tokens);
  for (const k of tokens) keys.add(`t:${k}`);
  return [...keys].sort();
}
