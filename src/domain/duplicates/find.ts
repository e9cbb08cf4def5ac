import { countTokens } from './frequency';
import { keysOfPrepared } from './keys';
import { type PreparedPerson, preparePerson } from './prepare';
import { scorePrepared } from './score';
import type { DuplicatePair, PersonRecord } from './types';

export interface FindOptions {
  /** Minimum score of a reported pair, 0..1. */
  threshold?: number;
}

/**
 * Default minimum score of findDuplicates. Its scores carry the register context (a pair must
 * stand out from the namesakes that agree by chance), which pulls common-name pairs down, so the
 * cut lies lower than for a pair scored on its own. 0.55 meets precision ≥ 0.95 and recall ≥ 0.90
 * on both benchmark seeds (`npm run bench -- duplicates`).
 */
export const DEFAULT_THRESHOLD = 0.55;

/**
 * Finds pairs of records that are likely the same person, best first.
 *
 * Blocking keeps this far from quadratic: only records that share a name key (see nameKeys) and
 * the same birth year are compared; records without a birth date are compared with the whole
 * name block. Every injected variant in the benchmark keeps the birth year, and a different
 * year already scores far below any threshold.
 */
export function findDuplicates(records: PersonRecord[], options: FindOptions = {}): DuplicatePair[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const people = records.map(preparePerson);
  const keysOf = people.map(keysOfPrepared);
  const blocks = new Map<string, number[]>();
  for (let i = 0; i < people.length; i++) {
    for (const k of keysOf[i]) {
      const list = blocks.get(k);
      if (list) list.push(i);
      else blocks.set(k, [i]);
    }
  }
  const n = people.length;
  const tokenCounts = countTokens(people);
  // Block size of the rarest key two records share: how many namesakes compete for the match.
  const namesakes = (i: number, j: number): number => {
    let best = Number.POSITIVE_INFINITY;
    for (const k of keysOf[i]) {
      if (!keysOf[j].includes(k)) continue;
      const size = blocks.get(k)?.length ?? 0;
      if (size < best) best = size;
    }
    return Number.isFinite(best) ? best : 2;
  };
  const seen = new Set<number>();
  const pairs: DuplicatePair[] = [];
  const consider = (i: number, j: number) => {
    if (i === j) return;
    const lo = Math.min(i, j);
    const hi = Math.max(i, j);
    const id = lo * n + hi;
    if (seen.has(id)) return;
    seen.add(id);
    const s = scorePrepared(people[lo], people[hi], {
      namesakes: namesakes(lo, hi),
      tokenCounts,
      registerSize: n,
    });
    if (s.score >= threshold)
      pairs.push({ a: people[lo].id, b: people[hi].id, score: s.score, reasons: s.reasons });
  };
  for (const members of blocks.values()) {
    if (members.length < 2) continue;
    for (const [year, group] of byYear(members, people)) {
      const others = year === null ? members : group;
      for (let x = 0; x < group.length; x++) {
        const start = year === null ? 0 : x + 1;
        for (let y = start; y < others.length; y++) consider(group[x], others[y]);
      }
    }
  }
  pairs.sort(
    (p, q) => q.score - p.score || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0),
  );
  return pairs;
}

function byYear(members: number[], people: PreparedPerson[]): Map<number | null, number[]> {
  const groups = new Map<number | null, number[]>();
  for (const i of members) {
    const y = people[i].birth?.year ?? null;
    const g = groups.get(y);
    if (g) g.push(i);
    else groups.set(y, [i]);
  }
  return groups;
}
