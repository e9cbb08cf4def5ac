import type { FamilyEntry, NameEntry } from '../types';

/** Compact constructor for pool tables: latin, original script, other Latin spellings. */
export function n(latin: string, original: string, ...variants: string[]): NameEntry {
  return { latin, original, variants };
}

/** Family name that is the same for men and women. */
export function same(latin: string, original: string, ...variants: string[]): FamilyEntry {
  const e = n(latin, original, ...variants);
  return { m: e, f: e };
}

/** Family name with masculine and feminine forms (Ivanov / Ivanova). */
export function gendered(m: NameEntry, f: NameEntry): FamilyEntry {
  return { m, f };
}

/**
 * Parses a compact name table: one name per line, fields separated by "|": Latin, original script,
 * then other Latin spellings. Blank lines are ignored. Used for the long tail of the pools.
 */
export function table(text: string): NameEntry[] {
  const out: NameEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.split('|').map((f) => f.trim());
    if (fields.length < 2 || !fields[0]) continue;
    out.push(n(fields[0], fields[1], ...fields.slice(2).filter(Boolean)));
  }
  return out;
}

/** Appends entries whose Latin form is not yet in the list (curated entries keep their rank). */
export function extend(list: NameEntry[], more: NameEntry[]): NameEntry[] {
  const seen = new Set(list.map((e) => e.latin.toLowerCase()));
  const out = [...list];
  for (const e of more) {
    const k = e.latin.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(e);
  }
  return out;
}
