import { addDays, daysBetween } from '../../domain/reference/dates';
import { mulberry32 } from '../../domain/reference/random';
/** The demo's random source: the project's one seeded generator, so demo data is reproducible. */
export const rng = (seed: number): (() => number) => mulberry32(seed);

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

export function weighted<T>(r: () => number, xs: readonly (readonly [T, number])[]): T {
  const total = xs.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of xs) {
    x -= w;
    if (x < 0) return v;
  }
  return xs[xs.length - 1][0];
}

export { addDays };
export const randomDay = (r: () => number, from: string, to: string): string =>
  addDays(from, Math.floor(r() * (daysBetween(from, to) + 1)));
