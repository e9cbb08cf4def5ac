import { mulberry32 } from '../reference/random';
import type { PreparedPerson } from './prepare';

/**
 * Draws random pairs of different records born in the same year (any year for undated records),
 * reproducibly (a fixed-seed generator): the same register gives the same estimate on every run.
 */
export function createSampler(people: readonly PreparedPerson[]): () => [number, number] | null {
  const byYear = new Map<number, number[]>();
  for (let i = 0; i < people.length; i++) {
    const y = people[i].birth?.year ?? -1;
    const g = byYear.get(y);
    if (g) g.push(i);
    else byYear.set(y, [i]);
  }
  const groups = [...byYear.values()].filter((g) => g.length >= 2);
  const weights: number[] = [];
  let total = 0;
  for (const g of groups) {
    total += g.length * (g.length - 1);
    weights.push(total);
  }
  const next = mulberry32(0x9e3779b9);
  return () => {
    if (groups.length === 0) return null;
    const r = next() * total;
    let lo = 0;
    let hi = weights.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (weights[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    const g = groups[lo];
    const a = Math.floor(next() * g.length);
    let b = Math.floor(next() * (g.length - 1));
    if (b >= a) b++;
    return [g[a], g[b]];
  };
}
