import type { TokenPlace } from './name-similarity';
import type { PreparedPerson, PreparedToken } from './prepare';

/**
 * How many records of a register contain each name token, keyed by the token's canonical
 * form (Mohammed, Muhammad and Mohamad count as one name; the original script counts apart). Agreement on a rare token is strong evidence,
 * agreement on Mohammed weak: the scorer uses these counts as term frequencies.
 */
export type TokenCounts = ReadonlyMap<string, number>;

/**
 * Counts every canonical token once per record, over all of its names; also the first token
 * (given name) and the last (family name) on their own, and all of it again per nationality, since agreement on "given name Zaid and
 * family name Musa" is far rarer than on "Zaid and Musa somewhere in a four-part name".
 */
export function countTokens(people: readonly PreparedPerson[]): Map<string, number> {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  for (const p of people) {
    seen.clear();
    for (const n of p.names) {
      const t = n.tokens;
      for (const x of t) seen.add(x.canon);
      if (t.length > 1) {
        seen.add(`F:${t[0].canon}`);
        seen.add(`L:${t[t.length - 1].canon}`);
      }
    }
    // The same counts within the record's nationality: names go with the nationality.
    const nat = p.nationality;
    if (nat) for (const s of [...seen]) seen.add(`${nat}|${s}`);
    seen.add(nat ? `#${nat}` : '#');
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return counts;
}

/**
 * Records that contain the token (at least 1): anywhere, as first token (given name, "first"),
 * as last token (family name, "last"), or as either ("swapped").
 */
export function tokenCount(
  t: PreparedToken,
  counts: TokenCounts,
  place: TokenPlace = 'other',
  nationality: string | null = null,
): number {
  const p = nationality ? `${nationality}|` : '';
  let c: number;
  if (place === 'first') c = counts.get(`${p}F:${t.canon}`) ?? 0;
  else if (place === 'last') c = counts.get(`${p}L:${t.canon}`) ?? 0;
  else if (place === 'swapped')
    c = (counts.get(`${p}F:${t.canon}`) ?? 0) + (counts.get(`${p}L:${t.canon}`) ?? 0);
  else c = counts.get(`${p}${t.canon}`) ?? 0;
  return Math.max(1, c);
}

/** Records of one nationality in the counted register (0 if none or unknown). */
export function nationalityCount(counts: TokenCounts, nationality: string): number {
  return counts.get(`#${nationality}`) ?? 0;
}
