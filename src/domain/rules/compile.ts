import { type Day, parseDay } from './dates';
import { DEFAULT_LAW } from './law-default';
import { type LawData, lawDataSchema, type RuleDef } from './law-schema';

/**
 * LawData turned into lookup structures with day numbers, once per dataset: the evaluator then
 * only compares integers. Cached per LawData object (datasets are treated as immutable).
 */

export interface CompiledRule {
  def: RuleDef;
  from: Day;
  /** Last day in force; +Infinity when open-ended. */
  to: Day;
  /** Pre-parsed params.after, NaN when absent. */
  after: Day;
  /** Explanation templates split into [text, placeholder, text, …] so rendering needs no regex. */
  de: string[];
  en: string[];
}

interface DatedCountry {
  from: Day;
  to: Day;
  applicationAfter: Day;
  /** §104 Abs. 18 AufenthG reference day, NaN when the country has none. */
  toleratedOn: Day;
  /** false = listing not verified for this period. */
  certain: boolean;
  basis: string;
}

export interface CompiledLaw {
  law: LawData;
  coverageFrom: Day;
  byId: Map<string, CompiledRule>;
  /** Rules of a family, in data order. */
  families: Map<string, CompiledRule[]>;
  safe: Map<string, DatedCountry[]>;
  prospects: Map<string, DatedCountry[]>;
  freeMovement: Map<string, DatedCountry[]>;
}

export class LawDataError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`invalid law data: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
}

export type LawParseResult =
  | { ok: true; law: LawData }
  | { ok: false; errors: { path: string; message: string }[] };

/** Validates an (edited) dataset, e.g. one loaded from the database. Never throws. */
export function parseLawData(input: unknown): LawParseResult {
  const r = lawDataSchema.safeParse(input);
  if (r.success) return { ok: true, law: r.data };
  return {
    ok: false,
    errors: r.error.issues.map((i) => ({ path: ['$', ...i.path.map(String)].join('.'), message: i.message })),
  };
}

// split() with a capturing group keeps the placeholder names at the odd indices.
const PLACEHOLDER = /\{(\w+)\}/;

function upTo(s: string | null): Day {
  return s === null ? Number.POSITIVE_INFINITY : parseDay(s);
}

function compile(law: LawData): CompiledLaw {
  const byId = new Map<string, CompiledRule>();
  const families = new Map<string, CompiledRule[]>();
  for (const def of law.rules) {
    const rule: CompiledRule = {
      def,
      from: parseDay(def.validFrom),
      to: upTo(def.validTo),
      after: parseDay(def.params?.after),
      de: def.explanation.de.split(PLACEHOLDER),
      en: def.explanation.en.split(PLACEHOLDER),
    };
    byId.set(def.id, rule);
    const list = families.get(def.family);
    if (list) list.push(rule);
    else families.set(def.family, [rule]);
  }
  const safe = new Map<string, DatedCountry[]>();
  for (const c of law.safeCountries) {
    const entry = {
      from: parseDay(c.listedFrom),
      to: upTo(c.listedTo),
      applicationAfter: parseDay(c.applicationAfter),
      toleratedOn: parseDay(c.toleratedOn),
      certain: true,
      basis: c.basis,
    };
    safe.set(c.country, [...(safe.get(c.country) ?? []), entry]);
  }
  const dated = (list: LawData['goodProspectCountries'] | undefined) => {
    const out = new Map<string, DatedCountry[]>();
    for (const c of list ?? []) {
      const entry = {
        from: parseDay(c.from),
        to: upTo(c.to),
        applicationAfter: Number.NaN,
        toleratedOn: Number.NaN,
        certain: c.certain !== false,
        basis: '',
      };
      out.set(c.country, [...(out.get(c.country) ?? []), entry]);
    }
    return out;
  };
  return {
    law,
    coverageFrom: parseDay(law.coverageFrom),
    byId,
    families,
    safe,
    prospects: dated(law.goodProspectCountries),
    // Datasets stored before the list existed lack it: then no free-movement contradiction is detected.
    freeMovement: dated(law.freeMovementCountries),
  };
}

const cache = new WeakMap<LawData, CompiledLaw>();

/** Validates and compiles a dataset (cached). Throws LawDataError for an invalid dataset. */
export function compileLaw(law: LawData = DEFAULT_LAW): CompiledLaw {
  const hit = cache.get(law);
  if (hit) return hit;
  const parsed = parseLawData(law);
  if (!parsed.ok) throw new LawDataError(parsed.errors);
  // Compile the caller's object (not the parsed copy) so identity-based caching keeps working.
  const compiled = compile(law);
  cache.set(law, compiled);
  return compiled;
}

const EMPTY: CompiledRule[] = [];

export function family(cl: CompiledLaw, name: string): CompiledRule[] {
  return cl.families.get(name) ?? EMPTY;
}

/** The first rule of a family in force on `day`. */
export function inForce(cl: CompiledLaw, name: string, day: Day): CompiledRule | undefined {
  const list = cl.families.get(name);
  if (list === undefined) return undefined;
  for (let i = 0; i < list.length; i++) {
    const r = list[i];
    if (r.from <= day && day <= r.to) return r;
  }
  return undefined;
}

/** Rules of a family in force on `day` that cover `paragraph` (params.paragraphs), in data order. */
export function inForceFor(cl: CompiledLaw, name: string, day: Day, paragraph: string): CompiledRule[] {
  const list = cl.families.get(name);
  if (list === undefined) return EMPTY;
  let out: CompiledRule[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const r = list[i];
    if (r.from <= day && day <= r.to && r.def.params?.paragraphs?.includes(paragraph)) {
      if (out === undefined) out = [];
      out.push(r);
    }
  }
  return out ?? EMPTY;
}

/** Whether any version of the family ever covers the paragraph (to tell "unknown paragraph" from "not in force that day"). */
export function everCovers(cl: CompiledLaw, name: string, paragraph: string): boolean {
  return family(cl, name).some((r) => r.def.params?.paragraphs?.includes(paragraph));
}

function datedHit(list: DatedCountry[] | undefined, day: Day): DatedCountry | undefined {
  if (list === undefined) return undefined;
  for (const c of list) if (c.from <= day && day <= c.to) return c;
  return undefined;
}

/** The safe-country listing of a nationality on `day`, if any. */
export function safeListing(cl: CompiledLaw, country: string, day: Day): DatedCountry | undefined {
  return datedHit(cl.safe.get(country), day);
}

/** Whether a nationality was on the BAMF "gute Bleibeperspektive" list on `day`; "unsure" where the list is not verified. */
export function goodProspects(cl: CompiledLaw, country: string, day: Day): 'yes' | 'no' | 'unsure' {
  const hit = datedHit(cl.prospects.get(country), day);
  if (hit === undefined) return 'no';
  return hit.certain ? 'yes' : 'unsure';
}

/** Whether a nationality enjoys free movement (EU/EEA/Switzerland) on `day`. */
export function freeMovement(cl: CompiledLaw, country: string, day: Day): boolean {
  return datedHit(cl.freeMovement.get(country), day) !== undefined;
}
