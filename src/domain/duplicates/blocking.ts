import { keysOfPrepared, yearBlockKeysByToken } from './keys';
import type { PreparedPerson } from './prepare';

/**
 * A year block larger than this is skipped: its records still meet through their other tokens' keys.
 * Only a deletion key of a very common short skeleton in a crowded year reaches it.
 */
const MAX_BLOCK = 3_000;

/**
 * Every candidate pair (i < j) of a register, each once.
 *
 * Pass 1, records with a birth year: a record meets the records that share error-tolerant token
 * keys in the same year (yearBlockKeysByToken) for at least two of its name tokens (all, for a
 * one-token name). One letter error per token, swapped tokens, caps, another script or a year-only
 * date keep a true pair together; a namesake sharing only the family name does not come along.
 * Pass 2, records without a birth date: they meet every record sharing a name-pair key (nameKeys).
 */
export function forEachCandidate(
  people: readonly PreparedPerson[],
  visit: (i: number, j: number) => void,
): void {
  const n = people.length;
  const yearKeysOf = people.map(yearBlockKeysByToken);
  const yearBlocks = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    for (const [k] of yearKeysOf[i]) {
      const list = yearBlocks.get(k);
      if (list) list.push(i);
      else yearBlocks.set(k, [i]);
    }
  }
  const tokensOf = people.map((p) => p.names.reduce((t, name) => Math.max(t, name.tokens.length), 0));
  const masks = new Uint32Array(n);
  const touched: number[] = [];
  for (let i = 0; i < n; i++) {
    touched.length = 0;
    for (const [k, bits] of yearKeysOf[i]) {
      const members = yearBlocks.get(k) as number[];
      if (members.length > MAX_BLOCK) continue;
      // Members are in ascending order: walk down from the end while they come after i.
      for (let t = members.length - 1; t >= 0; t--) {
        const j = members[t];
        if (j <= i) break;
        if (masks[j] === 0) touched.push(j);
        masks[j] |= bits;
      }
    }
    for (const j of touched) {
      if (popcount(masks[j]) >= Math.min(2, tokensOf[i], tokensOf[j])) visit(i, j);
      masks[j] = 0;
    }
  }
  const undated = people.some((p) => !p.birth);
  if (!undated) return;
  const keysOf = people.map(keysOfPrepared);
  const blocks = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    for (const k of keysOf[i]) {
      const list = blocks.get(k);
      if (list) list.push(i);
      else blocks.set(k, [i]);
    }
  }
  const mine = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (people[i].birth) continue;
    mine.clear();
    for (const k of keysOf[i]) for (const j of blocks.get(k) ?? []) if (j !== i) mine.add(j);
    for (const j of mine) if (people[j].birth || j > i) visit(Math.min(i, j), Math.max(i, j));
  }
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
