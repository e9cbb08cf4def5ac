import type { Rng } from './random';
import type { NameEntry } from './types';

/**
 * Spelling changes a second desk typically makes when it writes down a name again. Each rule
 * is one regular pattern of transliteration drift; applying it may leave the name unchanged when
 * the pattern does not occur.
 */
const RULES: [RegExp, string][] = [
  [/ou/, 'u'],
  [/(?<![ao])u/, 'ou'],
  [/ee/, 'i'],
  [/(?<=[^aeiou])i(?=[^aeiou])/, 'ee'],
  [/ei/, 'ai'],
  [/ai/, 'ei'],
  [/([bdfklmnprstz])\1/, '$1'],
  [/(?<=[aeiou])([bdlmnrs])(?=[aeiou])/, '$1$1'],
  [/kh/, 'h'],
  [/^y/, 'j'],
  [/w/, 'v'],
  [/v/, 'w'],
  [/ii$/, 'iy'],
  [/iy$/, 'ii'],
  [/sh/, 'sch'],
  [/x/, 'ks'],
];

function capitaliseWords(s: string): string {
  return s.replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/** Applies one randomly chosen drift rule that changes the name, if any does. */
export function driftSpelling(name: string, rng: Rng): string {
  const lower = name.toLowerCase();
  const start = rng.int(0, RULES.length - 1);
  for (let k = 0; k < RULES.length; k++) {
    const [re, rep] = RULES[(start + k) % RULES.length];
    const changed = lower.replace(re, rep);
    if (changed !== lower) return capitaliseWords(changed);
  }
  return name;
}

/** A known alternative spelling of the entry, else a drifted one. */
export function spellingVariant(entry: NameEntry, rng: Rng): string {
  if (entry.variants.length > 0 && rng.chance(0.75)) return rng.pick(entry.variants);
  return driftSpelling(entry.latin, rng);
}

// Only a written article (Al-Hassan, El Sayed): Ali, Alina, Alizai or Elyas start with "al"/"el"
// but have none, and no desk writes Ali as "El-i".
const ARTICLE = /^(al|el)[- ]/i;
const ARTICLE_FORMS = ['Al-', 'El-', 'Al ', 'El ', 'Al', ''];

/** Al-Hassan → El-Hassan / Al Hassan / Alhassan / Hassan. */
export function articleVariant(family: string, rng: Rng): string {
  if (!ARTICLE.test(family)) return family;
  const stem = family.replace(ARTICLE, '');
  const form = rng.pick(ARTICLE_FORMS);
  const joined = form + (form.endsWith('l') ? stem.toLowerCase() : stem);
  return joined;
}

/** A keyboard slip: one letter dropped or two neighbours swapped (never the first letter). */
export function typo(name: string, rng: Rng): string {
  if (name.length < 5) return name;
  const i = rng.int(1, name.length - 2);
  if (rng.chance(0.5)) return name.slice(0, i) + name.slice(i + 1);
  return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
}
