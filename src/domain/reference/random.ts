/**
 * The one seeded random source (mulberry32): tiny, fast, and the same sequence on every machine and
 * Node version — demo data, generated registers, allocation instances and benchmarks must be
 * reproducible from their seed. Wrappers (people/random.ts, allocation/prng.ts, demo/random.ts) add
 * helpers on top; none re-implements the generator.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
