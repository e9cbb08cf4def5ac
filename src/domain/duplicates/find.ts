import { forEachCandidate } from './blocking';
import {
  birthM,
  type CompareContext,
  compareRecords,
  DEFAULT_MODEL,
  decode,
  encode,
  estimateModel,
  FIELDS,
  type Field,
  fullNameKey,
  LEVELS,
  type Model,
  pairEvidence,
  trainM,
  uFromCounts,
} from './fellegi-sunter';
import { type PreparedPerson, preparePerson } from './prepare';
import { createSampler } from './sample';
import type { DuplicatePair, PersonRecord } from './types';

export interface FindOptions {
  /** Minimum score of a reported pair, 0..1. */
  threshold?: number;
  /** Called with every compared pair (indexes into records): for measuring blocking recall. */
  onCompared?: (i: number, j: number) => void;
  /** Measured figures of the run (candidate pairs, the estimated model), for benchmarks and the CLI. */
  stats?: FindStats;
}

export interface FindStats {
  records: number;
  candidates: number;
  model?: Model;
  /** Seconds spent blocking and comparing, estimating the model, scoring. */
  seconds?: { compare: number; estimate: number; score: number };
}

/**
 * Default minimum score of findDuplicates: the estimated probability that the two records are one
 * person. 0.5 is the plain decision rule of the model ("more likely the same than not"); the
 * benchmark (`npm run bench -- duplicates`) reports precision and recall at it.
 */
export const DEFAULT_THRESHOLD = 0.5;

/**
 * Fewest duplicates a register is assumed to hold, as a share of its records: registers built from
 * lists always hold some, and an estimate from a register with almost none would make every pair
 * improbable.
 */
const MIN_DUPLICATE_SHARE = 0.01;

/** Pairs below this probability cannot compete for a record (see shareAmongCompetitors). */
const COMPETITION_FLOOR = 0.05;

/** Below this size the register is too small to estimate the model from: the defaults apply. */
const MIN_REGISTER = 500;

/** Random pairs drawn to estimate u (how often two different people agree by chance). */
const U_SAMPLE = 50_000;

/**
 * Finds pairs of records that are likely the same person, best first.
 *
 * 1. Blocking (forEachCandidate) selects the pairs worth comparing. 2. Each pair is compared field
 * by field into agreement levels. 3. The Fellegi–Sunter model is estimated from this register:
 * u from random pairs of the same birth year, m and the share of duplicates by expectation
 * maximisation over the compared pairs. 4. Each pair's probability adds a term-frequency
 * adjustment for its name (agreeing on a rare full name says more than on a common one).
 */
export function findDuplicates(records: PersonRecord[], options: FindOptions = {}): DuplicatePair[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const people = records.map(preparePerson);
  const n = people.length;
  const left: number[] = [];
  const right: number[] = [];
  const codes: number[] = [];
  const patterns = new Map<number, number>();
  const started = performance.now();
  const cache: CompareContext = { cache: new Map(), established: establishedNames(people) };
  forEachCandidate(people, (i, j) => {
    options.onCompared?.(i, j);
    const code = encode(compareRecords(people[i], people[j], cache).levels);
    left.push(i);
    right.push(j);
    codes.push(code);
    patterns.set(code, (patterns.get(code) ?? 0) + 1);
  });
  const compared = performance.now();
  let model = DEFAULT_MODEL;
  if (n >= MIN_REGISTER) {
    const m = trainM(patterns, DEFAULT_MODEL, birthM(people));
    // With m and u known, expectation maximisation only has to find the share of duplicates.
    model = estimateModel(patterns, estimateU(people, cache), { ...DEFAULT_MODEL, m }, m);
  }
  // The model's λ is the share of duplicates among the compared pairs, but u counts random pairs of
  // the same year: a pair's probability needs the prior of a random same-year pair (Splink's
  // probability that two random records match), else every blocked pair looks suspicious.
  const estimated = performance.now();
  const expected = Math.max(model.lambda * left.length, MIN_DUPLICATE_SHARE * n);
  const prior = expected / Math.max(expected + 1, sameYearPairs(people) - expected);
  const scored: Model = { ...model, lambda: prior };
  const nameKeys = people.map(fullNameKey);
  const yearKeys = people.map((p, i) => `${nameKeys[i]}@${p.birth?.year ?? '-'}`);
  const natKeys = people.map((p, i) => `${yearKeys[i]}@${p.nationality ?? '-'}`);
  const nameCounts = countBy(nameKeys);
  const nameYearCounts = countBy(yearKeys);
  const nameYearNatCounts = countBy(natKeys);
  const likely: { i: number; j: number; odds: number }[] = [];
  for (let k = 0; k < left.length; k++) {
    const [i, j] = [left[k], right[k]];
    const [fi, fj] = [nameCounts.get(nameKeys[i]) ?? 1, nameCounts.get(nameKeys[j]) ?? 1];
    // An agreeing name is as telling as it is rare. With a letter error, the chance that a stranger
    // carries it is that of the rarer spelling: a slip of the pen ("Mhammed Kovalenko") is a name
    // nobody else has, even where the spelling it came from is common.
    const frequency = (decode(codes[k]).name >= 2 ? Math.min(fi, fj) : Math.max(fi, fj)) / n;
    // "Such people": the same name and year — and nationality, when both records have the same one.
    const [keys, counts] =
      people[i].nationality && people[i].nationality === people[j].nationality
        ? [natKeys, nameYearNatCounts]
        : [yearKeys, nameYearCounts];
    const sameYear = Math.max(counts.get(keys[i]) ?? 2, counts.get(keys[j]) ?? 2);
    const p = pairEvidence(scored, codes[k], frequency, sameYear).probability;
    if (p >= COMPETITION_FLOOR) likely.push({ i, j, odds: p / (1 - p) });
  }
  shareAmongCompetitors(people, likely);
  const pairs: DuplicatePair[] = [];
  for (const { i, j, odds } of likely) {
    const probability = odds / (1 + odds);
    if (probability < threshold) continue;
    const { reasons } = compareRecords(people[i], people[j], cache);
    pairs.push({ a: people[i].id, b: people[j].id, score: Math.round(probability * 1000) / 1000, reasons });
  }
  if (options.stats)
    Object.assign(options.stats, {
      records: n,
      candidates: left.length,
      model,
      seconds: {
        compare: (compared - started) / 1000,
        estimate: (estimated - compared) / 1000,
        score: (performance.now() - estimated) / 1000,
      },
    });
  pairs.sort(
    (p, q) => q.score - p.score || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0),
  );
  return pairs;
}

/** u per field and level from random pairs born in the same year (the blocks compare only those). */
function estimateU(people: readonly PreparedPerson[], cache: CompareContext): Record<Field, number[]> {
  const counts = Object.fromEntries(FIELDS.map((f) => [f, LEVELS[f].map(() => 0)])) as Record<
    Field,
    number[]
  >;
  const sample = createSampler(people);
  for (let s = 0; s < U_SAMPLE; s++) {
    const pair = sample();
    if (!pair) break;
    const { levels } = compareRecords(people[pair[0]], people[pair[1]], cache);
    for (const f of FIELDS) counts[f][levels[f]]++;
  }
  return uFromCounts(counts, DEFAULT_MODEL.u);
}

/** How many records carry each written name token (once per record): see nearNames. */
export function establishedNames(people: readonly PreparedPerson[]): Map<string, number> {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  for (const p of people) {
    seen.clear();
    for (const n of p.names) for (const t of n.tokens) seen.add(t.text);
    for (const t of seen) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return counts;
}

/** How often each key occurs (full names; full names with the birth year). */
function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

/** Pairs of records born in the same year (undated records pair with everyone). */
function sameYearPairs(people: readonly PreparedPerson[]): number {
  const byYear = new Map<number, number>();
  let undated = 0;
  for (const p of people) {
    if (!p.birth) undated++;
    else byYear.set(p.birth.year, (byYear.get(p.birth.year) ?? 0) + 1);
  }
  let pairs = (undated * (undated - 1)) / 2 + undated * (people.length - undated);
  for (const c of byYear.values()) pairs += (c * (c - 1)) / 2;
  return pairs;
}

export const preciseDay = (p: PreparedPerson): boolean =>
  p.birth !== null && p.birth.precision === 'day' && !(p.birth.month === 1 && p.birth.day === 1);

/** Two full dates that cannot belong to one person (not equal, not day and month swapped). */
export function distinctDays(x: PreparedPerson, y: PreparedPerson): boolean {
  if (!x.birth || !y.birth) return false;
  const same = x.birth.month === y.birth.month && x.birth.day === y.birth.day;
  const swapped = x.birth.month === y.birth.day && x.birth.day === y.birth.month;
  return !same && !swapped;
}

/**
 * A record known only by its birth year that matches several people whose full dates show they are
 * different people is the duplicate of one of them at most: each such pair's probability becomes its
 * share, odds / (1 + the sum of the competitors' odds). A partner whose nationality also agrees keeps
 * most of it; two equal partners both fall below one half, and a clerk sees a doubtful candidate
 * instead of a confident wrong merge.
 */
function shareAmongCompetitors(
  people: readonly PreparedPerson[],
  likely: { i: number; j: number; odds: number }[],
): void {
  const partners = new Map<number, number[]>();
  const add = (x: number, k: number) => {
    const list = partners.get(x);
    if (list) list.push(k);
    else partners.set(x, [k]);
  };
  likely.forEach(({ i, j }, k) => {
    if (!preciseDay(people[i]) && preciseDay(people[j])) add(i, k);
    if (!preciseDay(people[j]) && preciseDay(people[i])) add(j, k);
  });
  const shared = likely.map((p) => p.odds);
  for (const [x, ks] of partners) {
    if (ks.length < 2) continue;
    const other = (k: number) => people[likely[k].i === x ? likely[k].j : likely[k].i];
    // Competitors: partners whose dates tell them apart from at least one other partner.
    const competing = ks.filter((k) => ks.some((l) => l !== k && distinctDays(other(k), other(l))));
    if (competing.length < 2) continue;
    const total = competing.reduce((t, k) => t + likely[k].odds, 0);
    for (const k of competing) {
      const share = likely[k].odds / (1 + total);
      shared[k] = Math.min(shared[k], share / (1 - share));
    }
  }
  likely.forEach((pair, k) => {
    pair.odds = shared[k];
  });
}
