import { nameFamily } from './name-families';
import { type Script, toLatin } from './normalise';
import { phonetics } from './phonetic';
import { structuralTokens } from './tokens';
import type { BirthDatePrecision, Gender, PersonRecord } from './types';

export interface PreparedToken {
  /** Normalised Latin spelling (after article and compound handling). */
  text: string;
  canon: string;
  /** Consonant skeletons, including those of the alternative reading (glued article). */
  skeletons: string[];
  /** The letters as written (Latin, lower case), before articles and compounds were folded. */
  written: string;
}

export interface PreparedName {
  tokens: PreparedToken[];
  script: Script;
}

export interface PreparedBirth {
  year: number;
  month: number;
  day: number;
  precision: BirthDatePrecision;
}

/** Everything the scorer needs, computed once per record (blocking and intake reuse it). */
export interface PreparedPerson {
  id: string;
  names: PreparedName[];
  birth: PreparedBirth | null;
  nationality: string | null;
  gender: Gender | null;
}

function prepareToken(text: string, alt: string | undefined, written: string): PreparedToken {
  const p = phonetics(text);
  // Spellings of one name family share one canonical form (name-families.ts: Fatma = Fatima).
  const family = nameFamily(text);
  const canon = family === undefined ? p.canon : phonetics(family).canon;
  if (alt === undefined) return { text, canon, skeletons: p.skeletons, written };
  const q = phonetics(alt);
  return { text, canon, skeletons: [...new Set([...p.skeletons, ...q.skeletons])], written };
}

export function prepareName(name: string): PreparedName {
  const latin = toLatin(name);
  const tokens = structuralTokens(latin.text).map((t) => prepareToken(t.text, t.alt, t.written));
  return { tokens: tokens.filter((t) => t.skeletons.some((s) => s.length > 0)), script: latin.script };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function prepareBirth(
  date: string | null | undefined,
  precision: BirthDatePrecision | null | undefined,
): PreparedBirth | null {
  if (!date) return null;
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), precision: precision ?? 'day' };
}

export function preparePerson(r: PersonRecord): PreparedPerson {
  const names: PreparedName[] = [];
  const seen = new Set<string>();
  for (const n of r.names) {
    const p = prepareName(n);
    const sig = p.tokens.map((t) => t.text).join(' ');
    if (p.tokens.length === 0 || seen.has(sig)) continue;
    seen.add(sig);
    names.push(p);
  }
  return {
    id: r.id,
    names,
    birth: prepareBirth(r.birthDate, r.birthDatePrecision),
    nationality: r.nationality ? r.nationality.toUpperCase() : null,
    gender: r.gender ?? null,
  };
}
