import { type PreparedName, type PreparedPerson, prepareName } from './prepare';

/** Upper bound of keys per person, so an index row count stays predictable. */
const MAX_KEYS = 48;

function keysOfName(name: PreparedName, into: Set<string>): void {
  const tokens = name.tokens;
  if (tokens.length === 1) {
    for (const s of tokens[0].skeletons) into.add(`1:${s}`);
    return;
  }
  for (let i = 0; i < tokens.length; i++) {
    for (let j = i + 1; j < tokens.length; j++) {
      for (const si of tokens[i].skeletons) {
        for (const sj of tokens[j].skeletons) {
          if (into.size >= MAX_KEYS) return;
          into.add(si <= sj ? `${si}|${sj}` : `${sj}|${si}`);
        }
      }
    }
  }
}

/** Blocking keys of a prepared person (see nameKeys). */
export function keysOfPrepared(p: PreparedPerson): string[] {
  const keys = new Set<string>();
  for (const n of p.names) keysOfName(n, keys);
  return [...keys].sort();
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
  return [...keys].sort();
}
