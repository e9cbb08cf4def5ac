import { birthEvidence } from './birth-evidence';
import type { NameComparison } from './name-similarity';
import type { PreparedPerson } from './prepare';
import { REASONS } from './reasons';
import { pairNames } from './score';
import { type Established, NAME_DIFFERENT, nameLevelOf } from './token-levels';

/**
 * Fellegi–Sunter comparison of two records: each field is compared into a few agreement levels;
 * every level carries m (how often a true duplicate shows it) and u (how often two different people
 * do), and the evidence of a pair is the sum of log(m/u) over its fields. The m and u values are
 * estimated from the register itself (estimateModel), as Splink does; DEFAULT_MODEL holds values
 * estimated on the benchmark register, for the intake check that sees one pair at a time.
 */
export const FIELDS = ['name', 'birth', 'nationality', 'gender'] as const;
export type Field = (typeof FIELDS)[number];

/** Agreement levels per field, best first. The last level of name is "different". */
export const LEVELS: Record<Field, readonly string[]> = {
  name: ['exact', 'variant', 'one_error', 'two_errors', 'near', 'partial', 'different'],
  birth: ['date', 'swapped', 'month', 'year_only', 'other_date', 'other_year', 'missing'],
  nationality: ['same', 'different', 'missing'],
  gender: ['same', 'different', 'missing'],
};

export type Levels = Record<Field, number>;

export interface Comparison {
  levels: Levels;
  names: NameComparison | null;
  reasons: string[];
}

/**
 * The name level: the token alignment's level (nameLevelOf), but never better than the existing
 * name comparison allows — it knows where an original spelling contradicts a Latin look-alike
 * (Уляна / Олена) and where vowels separate names with one skeleton (Mahmoud / Mohammed).
 */
function nameParts(
  a: PreparedPerson,
  b: PreparedPerson,
  established?: Established,
): { level: number; names: NameComparison | null } {
  const level = nameLevelOf(a.names, b.names, established);
  // Names that differ are never reported: the detailed comparison (and its reasons) is not needed.
  if (level >= NAME_DIFFERENT) return { level, names: null };
  const names = pairNames(a, b);
  const original = (p: PreparedPerson) => p.names.some((n) => n.script !== 'Latn');
  if (names && names.score < 0.5 && original(a) && original(b)) return { level: NAME_DIFFERENT, names };
  return { level, names };
}

function birthLevel(a: PreparedPerson, b: PreparedPerson, reason: string | null): number {
  if (!a.birth || !b.birth) return 6;
  if (a.birth.year !== b.birth.year) return 5;
  switch (reason) {
    case REASONS.birthDate:
      return 0;
    case REASONS.birthDateSwapped:
      return 1;
    case REASONS.birthMonth:
      return 2;
    case REASONS.birthYear:
      return 3;
    default:
      return 4;
  }
}

/**
 * What a comparison may know of the register: name comparisons already made (by the pair of name
 * signatures: names repeat across a register) and the register's established names.
 */
export interface CompareContext {
  cache?: Map<string, { level: number; names: NameComparison | null }>;
  established?: Established;
}

const signatures = new WeakMap<PreparedPerson, string>();
function signature(p: PreparedPerson): string {
  let s = signatures.get(p);
  if (s === undefined) {
    s = p.names.map((n) => `${n.script}:${n.tokens.map((t) => t.text).join(' ')}`).join('|');
    signatures.set(p, s);
  }
  return s;
}

function compareNameParts(a: PreparedPerson, b: PreparedPerson, ctx: CompareContext) {
  const { cache, established } = ctx;
  if (!cache) return nameParts(a, b, established);
  const sa = signature(a);
  const sb = signature(b);
  const key = sa < sb ? `${sa}#${sb}` : `${sb}#${sa}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = nameParts(a, b, established);
    cache.set(key, hit);
  }
  return hit;
}

/** Compares two prepared records into agreement levels, with the reasons shown to people. */
export function compareRecords(a: PreparedPerson, b: PreparedPerson, ctx: CompareContext = {}): Comparison {
  const { level, names } = compareNameParts(a, b, ctx);
  const reasons = names ? [...names.reasons] : [];
  const birth = birthEvidence(a.birth, b.birth);
  if (birth.reason) reasons.push(birth.reason);
  let nationality = 2;
  if (a.nationality && b.nationality) {
    nationality = a.nationality === b.nationality ? 0 : 1;
    reasons.push(nationality === 0 ? REASONS.nationality : REASONS.nationalityMismatch);
  }
  let gender = 2;
  if (a.gender && b.gender && a.gender !== 'x' && b.gender !== 'x') {
    gender = a.gender === b.gender ? 0 : 1;
    reasons.push(gender === 0 ? REASONS.gender : REASONS.genderMismatch);
  }
  return {
    levels: { name: level, birth: birthLevel(a, b, birth.reason), nationality, gender },
    names,
    reasons,
  };
}

export interface Model {
  /** Prior share of duplicates among the compared pairs. */
  lambda: number;
  m: Record<Field, number[]>;
  u: Record<Field, number[]>;
}

/** Log-odds contribution of each field's level: log(m / u). */
export function fieldWeights(model: Model, levels: Levels): Record<Field, number> {
  const out = {} as Record<Field, number>;
  for (const f of FIELDS) out[f] = Math.log(model.m[f][levels[f]] / model.u[f][levels[f]]);
  return out;
}

export const encode = (l: Levels): number => ((l.name * 8 + l.birth) * 4 + l.nationality) * 4 + l.gender;
export const decode = (k: number): Levels => ({
  gender: k % 4,
  nationality: Math.floor(k / 4) % 4,
  birth: Math.floor(k / 16) % 8,
  name: Math.floor(k / 128),
});

const FLOOR = 1e-6;

function normalise(xs: number[]): number[] {
  const t = xs.reduce((s, x) => s + x + FLOOR, 0);
  return xs.map((x) => (x + FLOOR) / t);
}

/** How often a desk records a duplicate's full date wrongly: day and month swapped, another date. */
const DATE_SWAP_RATE = 0.05;
const DATE_OTHER_RATE = 0.01;

/**
 * m of the birth date, from the register's own shares of year-only, month-only and missing dates:
 * a duplicate pair agrees on the full date unless one side lacks it or the desk erred. Estimating it
 * by EM instead would take the many true namesakes (same name and year, other date) for duplicates —
 * the birth date is what tells them apart, so its m must not be learnt from them.
 */
export function birthM(people: readonly PreparedPerson[]): number[] {
  let year = 0;
  let month = 0;
  let missing = 0;
  for (const p of people) {
    if (!p.birth) missing++;
    else if (p.birth.precision === 'year' || (p.birth.month === 1 && p.birth.day === 1)) year++;
    else if (p.birth.precision === 'month') month++;
  }
  const n = Math.max(1, people.length);
  const [qy, qm, qx] = [year / n, month / n, missing / n];
  const pMissing = 1 - (1 - qx) ** 2;
  const pYear = (1 - pMissing) * (1 - (1 - qy) ** 2);
  const pMonth = (1 - pMissing - pYear) * (1 - (1 - qm / (1 - qy || 1)) ** 2);
  const full = Math.max(0, 1 - pMissing - pYear - pMonth);
  return normalise([
    full * (1 - DATE_SWAP_RATE - DATE_OTHER_RATE),
    full * DATE_SWAP_RATE,
    pMonth,
    pYear,
    full * DATE_OTHER_RATE,
    0.002,
    pMissing,
  ]);
}

/** Weight of the starting values against the counted pairs when training m (pseudo-counts). */
const PSEUDO = 20;

function distribution(
  entries: readonly (readonly [Levels, number])[],
  field: Field,
  where: (l: Levels) => boolean,
  start: number[],
): number[] {
  const acc = start.map((p) => p * PSEUDO);
  for (const [levels, count] of entries) if (where(levels)) acc[levels[field]] += count;
  return normalise(acc);
}

/**
 * m from the register itself, each field trained on the pairs that the other fields already show
 * to be duplicates (Splink trains each comparison under a blocking rule on the others): name on the
 * pairs with the same full birth date and nationality; nationality and gender on the pairs with the
 * same name and full date. Plain EM over all compared pairs would learn from the many similar-named
 * different people the blocking brings together and call them duplicates.
 */
export function trainM(patterns: ReadonlyMap<number, number>, start: Model, birth: number[]): Model['m'] {
  const entries = [...patterns].map(([k, c]) => [decode(k), c] as const);
  // Among pairs with the same full date, names that differ entirely are strangers born on one day
  // (common in a large register), not duplicates: m of "different" stays at its starting value.
  const similar = distribution(
    entries,
    'name',
    (l) => l.birth === 0 && l.nationality === 0 && l.name < NAME_DIFFERENT,
    start.m.name,
  );
  const different = start.m.name[NAME_DIFFERENT];
  const name = similar.map((p, l) =>
    l === NAME_DIFFERENT ? different : (p * (1 - different)) / (1 - similar[NAME_DIFFERENT]),
  );
  return {
    name,
    birth,
    nationality: distribution(
      entries,
      'nationality',
      (l) => l.name === 0 && l.birth === 0,
      start.m.nationality,
    ),
    gender: distribution(entries, 'gender', (l) => l.name === 0 && l.birth === 0, start.m.gender),
  };
}

/**
 * Expectation maximisation of m and λ over the compared pairs' agreement patterns (u stays as
 * estimated from random pairs, which are almost all non-duplicates — Splink's practice).
 */
export function estimateModel(
  patterns: ReadonlyMap<number, number>,
  u: Record<Field, number[]>,
  start: Model,
  fixed: Partial<Record<Field, number[]>> = {},
  iterations = 40,
): Model {
  let model: Model = { ...start, m: { ...start.m, ...fixed }, u };
  const entries = [...patterns].map(([k, c]) => [decode(k), c] as const);
  for (let it = 0; it < iterations; it++) {
    const mAcc = Object.fromEntries(FIELDS.map((f) => [f, LEVELS[f].map(() => 0)])) as Record<
      Field,
      number[]
    >;
    let matches = 0;
    let total = 0;
    for (const [levels, count] of entries) {
      let pm = model.lambda;
      let pu = 1 - model.lambda;
      for (const f of FIELDS) {
        pm *= model.m[f][levels[f]];
        pu *= model.u[f][levels[f]];
      }
      const post = pm / (pm + pu);
      for (const f of FIELDS) mAcc[f][levels[f]] += count * post;
      matches += count * post;
      total += count;
    }
    model = {
      lambda: Math.min(0.5, Math.max(1e-6, matches / total)),
      m: Object.fromEntries(FIELDS.map((f) => [f, fixed[f] ?? normalise(mAcc[f])])) as Record<
        Field,
        number[]
      >,
      u,
    };
  }
  return model;
}

/**
 * Weight of the default u in pseudo-pairs: a level no random pair happened to show (two errors in
 * two names is rare among strangers) keeps a small, not a vanishing, chance — else one unseen level
 * would decide every pair alone.
 */
const U_PRIOR_PAIRS = 2_000;

/** u from level counts of random pairs, smoothed towards the default u. */
export function uFromCounts(counts: Record<Field, number[]>, prior: Model['u']): Record<Field, number[]> {
  return Object.fromEntries(
    FIELDS.map((f) => [f, normalise(counts[f].map((c, l) => c + U_PRIOR_PAIRS * prior[f][l]))]),
  ) as Record<Field, number[]>;
}

/** The canonical full name of a record's first name, tokens sorted: the key of the name frequency. */
export function fullNameKey(p: PreparedPerson): string {
  const first = p.names[0];
  if (!first) return '';
  return first.tokens
    .map((t) => t.canon)
    .sort()
    .join(' ');
}

/** Bound of the term-frequency adjustment, in log-odds: a name's rarity moves a pair, never decides it. */
const TF_BOUND = 3;

/**
 * The probability that a compared pair is one person, with its log-odds parts. `frequency` is the
 * share of the register carrying the pair's full name (the more common of the two): for an exact or
 * variant name agreement it replaces the average chance agreement u (Splink's term-frequency
 * adjustment), so that "Amina Demir, 1982" counts for more when the register holds few Amina Demirs.
 */
export function pairEvidence(
  model: Model,
  code: number,
  frequency?: number,
  sameNameAndYear?: number,
): { probability: number; weights: Record<Field, number>; prior: number; tf: number; register: number } {
  const levels = decode(code);
  const weights = fieldWeights(model, levels);
  let tf = 0;
  // Splink's term-frequency adjustment, on the fuzzy levels as well: how much more (or less) often
  // than an average name this one is shared by chance — a stranger one typo away from a rare name
  // is as rare as the name.
  if (frequency !== undefined && levels.name <= 3) {
    tf = Math.max(-TF_BOUND, Math.min(TF_BOUND, Math.log(model.u.name[0] / Math.max(frequency, 1e-9))));
  }
  const register = sameNameAndYear === undefined ? 0 : registerEvidence(levels, sameNameAndYear);
  // The only two of their name in their year: the name's commonness elsewhere says nothing more.
  if (register > 0) tf = Math.max(tf, 0);
  const prior = Math.log(model.lambda / (1 - model.lambda));
  let logit = prior + tf + register;
  for (const f of FIELDS) logit += weights[f];
  return { probability: 1 / (1 + Math.exp(-logit)), weights, prior, tf, register };
}

/** Log-odds for a pair that is the only one of its name in its birth year (see registerEvidence). */
const ONLY_PAIR = Math.log(30);

/**
 * What the register says beyond the pair: when the two records are the only ones with their name
 * in their birth year, nobody else could be meant — an identical name with the same year is then
 * strong evidence even for a common name.
 */
export function registerEvidence(levels: Levels, sameNameAndYear: number): number {
  if (levels.name > 1 || levels.birth > 3) return 0;
  // Several: the share a year-only record owes each of them is settled among the pairs found
  // (findDuplicates: shareAmongCompetitors), where their other fields are known too.
  return sameNameAndYear <= 2 ? ONLY_PAIR : 0;
}

/**
 * Starting values, close to what the estimation finds on the benchmark register; the intake check,
 * which sees one pair at a time, scores with them.
 */
export const DEFAULT_MODEL: Model = {
  lambda: 0.02,
  m: {
    name: [0.34, 0.19, 0.26, 0.07, 0.09, 0.04, 0.01],
    birth: [0.5, 0.03, 0.02, 0.3, 0.1, 0.01, 0.04],
    nationality: [0.9, 0.05, 0.05],
    gender: [0.97, 0.01, 0.02],
  },
  u: {
    name: [0.0003, 0.0002, 0.0003, 0.0004, 0.001, 0.0015, 0.9963],
    birth: [0.002, 0.002, 0.01, 0.3, 0.6, 0.05, 0.036],
    nationality: [0.2, 0.75, 0.05],
    gender: [0.5, 0.48, 0.02],
  },
};
