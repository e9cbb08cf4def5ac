/**
 * Splits a Latin-form name into tokens and undoes the structural differences between
 * spellings of Arabic, Persian and Tigrinya names:
 * - articles: "Al-Hassan", "El Hassan", "al hassan" → hassan (glued "Alhassan" keeps both readings);
 * - Abd compounds: "Abd al-Rahman", "Abdul Rahman", "Abdel Rahman", "Abdurrahman" → abdrahman;
 * - -ullah, -zada, -zai compounds: "Najib Ullah" = "Najibullah", "Karim Zada" = "Karimzada";
 * - compounds: "Gebre Mariam" = "Gebremariam", "Abu Zeid" = "Abuzaid";
 * - connectors (bin, ibn, bint) carry no identity.
 */

const ARTICLES = new Set([
  'al',
  'el',
  'ul',
  'il',
  'ar',
  'as',
  'ash',
  'at',
  'ad',
  'az',
  'an',
  'ed',
  'er',
  'es',
  'et',
  'ez',
]);
const CONNECTORS = new Set(['bin', 'ibn', 'bint', 'binti', 'ben']);
const ABD_HEADS = new Set(['abd', 'abdul', 'abdel', 'abdal', 'abdol', 'abdil', 'abdur', 'abdula']);
const ULLAH = new Set(['ulah', 'ula', 'alah', 'olah']);
/** Persian/Pashto surname suffixes sometimes written apart: "Karim Zada" = "Karimzada". */
const SUFFIXES = new Set(['zada', 'zadah', 'zade', 'zadeh', 'zai', 'zay']);
// The lists hold head forms (see headForm): Abdoul, Abbu, Ullah are found through their folding.
/** First parts of compounds written together or apart: Tigrinya Gebre Mariam, Arabic Abu Zeid. */
const COMPOUND_HEADS = new Set(['gebre', 'ghebre', 'gebra', 'wolde', 'welde', 'habte', 'gebru', 'abu']);

/**
 * Removes the article-like linking syllable after "abd": ul/el/al/ol/il (also written with a vowel
 * pair: Abdoulhamid, Abdoolrahman), assimilated ur-r, us-s, or a lone vowel.
 */
function stripLinkingSyllable(rest: string): string {
  const m = /^(?:ou|oo|[aeiou])l(?=.)/.exec(rest);
  if (m) return rest.slice(m[0].length);
  // Sun-letter assimilation: Abdurrahman, Abdussalam, Abderrahim.
  const a = /^(?:ou|oo|[aeiou])([rsdtzn])\1/.exec(rest);
  if (a) return rest.slice(a[0].length - 1);
  const v = /^(?:ou|oo|[aeiou])(?=[^aeiou])/.exec(rest);
  if (v) return rest.slice(v[0].length);
  return rest;
}

/**
 * The form in which a word is compared with the closed lists of heads and suffixes: doubled
 * letters and the French/English vowel pairs folded (Abbu = Abou = Abu, Abdoul = Abdul,
 * Ullah = Oullah, Zadeh = Zaddeh).
 */
function headForm(w: string): string {
  return w
    .replace(/([a-z])\1+/g, '$1')
    .replace(/ou|oo/g, 'u')
    .replace(/ee/g, 'i');
}

/** One token with the alternative reading it may have (glued article). */
export interface RawToken {
  text: string;
  /** "Alhassan" is read as alhassan and as hassan. */
  alt?: string;
  /**
   * The word(s) as written, before the folding of articles and compounds: a typo in the linking
   * syllable ("Abdrlhelen" for "Abdelhelen") defeats the folding, but not a comparison of the letters.
   */
  written: string;
}

export function structuralTokens(latin: string): RawToken[] {
  const words = latin.split(' ').filter(Boolean);
  const out: RawToken[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const isLast = i === words.length - 1;
    if (!isLast && (ARTICLES.has(w) || CONNECTORS.has(w))) continue;
    const h = headForm(w);
    if (!isLast && ABD_HEADS.has(h)) {
      let j = i + 1;
      while (j < words.length - 1 && ARTICLES.has(words[j])) j++;
      const next = words[j];
      out.push({
        text: `abd${ARTICLES.has(next) ? next : stripLeadingArticle(next)}`,
        written: words.slice(i, j + 1).join(''),
      });
      i = j;
      continue;
    }
    if (!isLast && COMPOUND_HEADS.has(h)) {
      out.push({ text: h + words[i + 1], written: w + words[i + 1] });
      i++;
      continue;
    }
    if (ULLAH.has(h) && out.length > 0) {
      const last = out[out.length - 1];
      out[out.length - 1] = { text: `${last.text}ullah`, written: last.written + w };
      continue;
    }
    if (SUFFIXES.has(h) && out.length > 0) {
      const last = out[out.length - 1];
      out[out.length - 1] = { text: last.text + w, written: last.written + w };
      continue;
    }
    if (w.length > 4 && w.startsWith('abd') && !ABD_HEADS.has(h)) {
      out.push({ text: `abd${stripLinkingSyllable(w.slice(3))}`, written: w });
      continue;
    }
    if (/^[ae]l/.test(w) && w.length >= 5) {
      out.push({ text: w, alt: w.slice(2), written: w });
      continue;
    }
    out.push({ text: w, written: w });
  }
  return out;
}

function stripLeadingArticle(w: string): string {
  return /^[aeiou]l./.test(w) && w.length > 3 ? w.slice(2) : w;
}
