import { EVERYDAY_TITLES } from './everyday';
import { fold, queryForms, trigrams } from './normalize';

export const OCCUPATION_LANGUAGES = ['de', 'en', 'ar', 'uk'] as const;
export type OccupationLanguage = (typeof OCCUPATION_LANGUAGES)[number];

export interface OccupationData {
  prefix: string;
  occupations: { id: string; isco: string; labels: Partial<Record<OccupationLanguage, string[]>> }[];
}

export interface OccupationHit {
  uri: string;
  isco: string;
  label: string;
  score: number;
}

interface Label {
  occupation: number;
  lang: OccupationLanguage;
  folded: string;
  /** Folded without spaces (compared by edit distance) and with a space on each side (whole words). */
  compact: string;
  padded: string;
  grams: number;
  preferred: boolean;
}

export interface OccupationIndex {
  data: OccupationData;
  labels: Label[];
  /** trigram → label indices */
  postings: Map<string, number[]>;
  /** folded label → label indices (exact matches) */
  exact: Map<string, number[]>;
  /** Shared-trigram counts per label, reused by every query (reset after each). */
  counts: Uint16Array;
}

/** Builds the search index once (about 60,000 labels in four languages). */
export function buildOccupationIndex(data: OccupationData): OccupationIndex {
  const labels: Label[] = [];
  const postings = new Map<string, number[]>();
  const exact = new Map<string, number[]>();
  data.occupations.forEach((o, occupation) => {
    for (const lang of OCCUPATION_LANGUAGES) {
      (o.labels[lang] ?? []).forEach((text, i) => {
        const folded = fold(text);
        if (!folded) return;
        const grams = trigrams(folded);
        const id = labels.length;
        labels.push({
          occupation,
          lang,
          folded,
          compact: folded.replace(/ /g, ''),
          padded: ` ${folded} `,
          grams: grams.length,
          preferred: i === 0,
        });
        for (const g of grams) {
          const list = postings.get(g);
          if (list) list.push(id);
          else postings.set(g, [id]);
        }
        const key = folded.replace(/ /g, '');
        const same = exact.get(key);
        if (same) same.push(id);
        else exact.set(key, [id]);
      });
    }
  });
  return { data, labels, postings, exact, counts: new Uint16Array(labels.length) };
}

/**
 * The best occupations for a free-text job title, best first. Letter trigrams of the whole title (without
 * spaces) against every label: a typo costs a few trigrams, a compound matches its spaced form. The score
 * mixes how similar the two are (Dice) with how much of the query the label contains, so "Kfz-Mechatroniker"
 * finds "Kraftfahrzeugmechatroniker Schwerpunkt Personenkraftwagentechnik". Labels in the asked language
 * count fully, others a little less (a German title typed with --lang en still finds its occupation).
 */
export function searchOccupations(
  index: OccupationIndex,
  text: string,
  opts: { lang?: string; limit?: number } = {},
): OccupationHit[] {
  const lang = (OCCUPATION_LANGUAGES as readonly string[]).includes(opts.lang ?? '')
    ? (opts.lang as OccupationLanguage)
    : 'de';
  const limit = Math.max(1, Math.min(opts.limit ?? 10, 100));
  const forms = queryForms(text);
  for (const f of [...forms]) {
    const everyday = EVERYDAY_TITLES[f.replace(/ /g, '')];
    if (everyday) forms.push(fold(everyday));
  }
  const best = new Map<number, { score: number; label: number }>();
  const consider = (labelId: number, score: number, exact = false) => {
    const l = index.labels[labelId];
    const weighted = score * (l.lang === lang ? 1 : 0.85) * (exact || l.preferred ? 1 : 0.98);
    const prev = best.get(l.occupation);
    if (!prev || weighted > prev.score) best.set(l.occupation, { score: weighted, label: labelId });
  };
  for (const form of forms) {
    const compact = form.replace(/ /g, '');
    for (const id of index.exact.get(compact) ?? []) consider(id, 1, true);
    const grams = trigrams(form);
    if (grams.length === 0) continue;
    const words = form.split(' ');
    // Count shared trigrams in a typed array (the postings of common trigrams run into the thousands).
    const counts = index.counts;
    const touched: number[] = [];
    for (const g of grams)
      for (const id of index.postings.get(g) ?? []) if (counts[id]++ === 0) touched.push(id);
    // A label sharing less than a third of the query's trigrams cannot rank (its score stays below 0.3).
    const least = Math.max(2, Math.ceil(grams.length / 3));
    for (const id of touched) {
      const n = counts[id];
      counts[id] = 0;
      if (n < least) continue;
      const l = index.labels[id];
      const dice = (2 * n) / (grams.length + l.grams);
      const contained = n / grams.length;
      let score = 0.55 * dice + 0.45 * contained * contained;
      // Every word of the query a whole word of the label ("nurse" in "nurse responsible for general care").
      if (words.every((w) => l.padded.includes(` ${w} `))) score += 0.1;
      // A swapped or dropped letter in a short title breaks most of its trigrams: edit distance decides.
      if (compact.length <= 16 && Math.abs(l.compact.length - compact.length) <= 2) {
        const sim = 1 - editDistance(compact, l.compact) / Math.max(compact.length, l.compact.length);
        if (sim >= 0.75) score = Math.max(score, 0.95 * sim);
      }
      // Exact matches score 1; the best fuzzy one stays below.
      consider(id, Math.min(0.97, score));
    }
  }
  return [...best.entries()]
    .sort((a, b) => b[1].score - a[1].score || a[0] - b[0])
    .slice(0, limit)
    .map(([occupation, { score }]) => {
      const o = index.data.occupations[occupation];
      const label = o.labels[lang]?.[0] ?? o.labels.de?.[0] ?? o.labels.en?.[0] ?? '';
      return {
        uri: `${index.data.prefix}${o.id}`,
        isco: o.isco,
        label,
        score: Math.round(score * 1000) / 1000,
      };
    });
}

/** Damerau–Levenshtein distance (optimal string alignment): a swapped pair of letters is one edit. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = new Array<number>(n + 1);
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n];
}
