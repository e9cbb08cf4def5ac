import { mulberry32 } from '../reference/random';
import type { OccupationData, OccupationLanguage } from './search';

/**
 * A seeded set of noisy job titles drawn from the index itself (issue 14: "at least 200 noisy queries"):
 * a single-gender label of a random occupation in de (half), en, ar or uk, with one kind of noise a person
 * adds — a typo, two letters swapped, a letter dropped, umlauts written out, a hyphen for a space (or the
 * other way), ALL CAPS or all lower case, the feminine form. Judged by the ISCO unit group, as the issue asks.
 */
export function noisyQueries(
  data: OccupationData,
  n: number,
  seed = 14,
): [OccupationLanguage, string, string][] {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const out: [OccupationLanguage, string, string][] = [];
  const letters = 'abcdefghijklmnoprstuvwz';
  const noises: ((s: string, lang: OccupationLanguage) => string)[] = [
    (s) => {
      const i = 1 + Math.floor(r() * (s.length - 2));
      return /\p{L}/u.test(s[i]) && /[a-z]/.test(s[i])
        ? s.slice(0, i) + pick([...letters]) + s.slice(i + 1)
        : s;
    },
    (s) => {
      const i = 1 + Math.floor(r() * (s.length - 3));
      return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
    },
    (s) => {
      const i = 1 + Math.floor(r() * (s.length - 2));
      return s.slice(0, i) + s.slice(i + 1);
    },
    (s) => s.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss'),
    (s) => (s.includes('-') ? s.replace(/-/g, ' ') : s.replace(/ /g, '-')),
    (s) => (r() < 0.5 ? s.toUpperCase() : s.toLowerCase()),
    (s, lang) => (lang === 'de' && /er$/.test(s) ? `${s}in` : s),
  ];
  const langs: OccupationLanguage[] = ['de', 'de', 'de', 'de', 'en', 'en', 'ar', 'uk'];
  while (out.length < n) {
    const o = pick(data.occupations);
    const lang = pick(langs);
    // Single forms only (the joined "Bäcker/Bäckerin" is not what anybody types), short enough to type.
    const forms = (o.labels[lang] ?? []).filter((l) => !l.includes('/') && l.length >= 5 && l.length <= 40);
    if (!o.isco || forms.length === 0) continue;
    const label = pick(forms);
    out.push([lang, pick(noises)(label, lang), o.isco]);
  }
  return out;
}
