/**
 * Phonetic folding of one name token, tuned to how Arabic, Persian, Ukrainian, Bulgarian,
 * Tigrinya and Turkish names are transliterated at German front desks.
 *
 * Two forms per token:
 * - `canon`: consonant classes plus three vowel classes (a/e → a, i → i, o/u → u). Spellings that
 *   differ only in the usual ways coincide: Mohammed = Muhammad = Mohamad → "muhamad".
 * - `skeletons`: consonant classes only, a leading vowel kept as "a". This is what survives
 *   vowel-less scripts (محمد → "mhmd") and vowel variation (Yusuf = Youssef = Yousef → "ysf").
 *
 * Letters whose sound depends on the source language yield several skeletons, in the spirit of
 * Beider–Morse approximate matching: "ch" is Kh in German (Chaled), Ч in English (Shevchenko),
 * Sh in French (Chadi); "th" is ث (Othman = Osman) or a plain t (Athanas); Turkish "c" is dʒ,
 * Slavic "c" is ts; a y between vowels may be a consonant or part of a diphthong.
 *
 * Vowel pairs and doubled letters fold before anything else: ou/oo → u, ee → i, aa → a (Mahmoud =
 * Mahmud, Nour = Noor = Nur, Saeed = Said); a w after a vowel reads as v or as u (Dawud = Daud).
 *
 * Consonant classes fold sounds that transliterations confuse: t/d, g/gh/h/kh (Oleg/Oleh,
 * Serhii/Sergei, Khaled/Haled), w/v (Walid/Valid, Pawlo/Pavlo), j/y/dj/dsch (Jusuf/Yusuf),
 * q/k, sh/sch/s and z/s (German desks write Şahin as Sahin or Schahin, Moroz as Moros),
 * x → ks (Olexandr/Oleksandr), ph → f.
 *
 * Input: lower-case Latin letters plus upper-case markers from the transliterators:
 * H (a certain h), Y (a certain consonant y), D (ض: d or z), Q (ق: k or gh), W (waw: v or u),
 * I (yeh: y or i).
 */

/** Ambiguous units → their readings; the first reading is the default used for `canon`. */
const AMBIGUOUS: Record<string, string[]> = {
  '1': ['h', 'C', 's', 'k'], // ch
  '2': ['s', 'd', 'dH'], // th
  '3': ['h', 'k'], // gh
  '4': ['z', 'd', 'dH'], // dh
  '8': ['h', 'k'], // kh (Arabic Kh, but Tigrinya and Turkish desks write Bereket = Berekhet, Serkan = Serkhan)
  '5': ['k', 's', 'C', 'Y'], // bare c
  '6': ['Y', 'i'], // y/j/i next to vowels
  '7': ['H', ''], // ğ between vowels (Doğan = Doan) or a final h after a vowel (Fatimah = Fatima)
  D: ['d', 'z'],
  Q: ['k', 'h'],
  W: ['v', 'u'],
  I: ['Y', 'i'],
};
const MAX_READINGS = 8;

/** Deterministic rewrites before the ambiguous units are marked, longest first. */
const REWRITES: [RegExp, string][] = [
  // A glued Abd compound (Abd + Hamid): the h belongs to the next name, it is no "dh".
  [/^abdh/, 'abdH'],
  [/(o|e)ff$/, '$1v'],
  [/tsch|tch|cz|ç/g, 'C'],
  [/dsch|dzh|dj/g, 'Y'],
  [/sch|sh|zh|ş/g, 's'],
  [/kh/g, '8'],
  [/ph/g, 'f'],
  [/ck/g, 'k'],
  [/ts|tz/g, 's'],
  [/x/g, 'ks'],
  [/q/g, 'k'],
  [/ch/g, '1'],
  [/th/g, '2'],
  [/gh/g, '3'],
  [/dh/g, '4'],
  [/c/g, '5'],
  [/ee/g, 'i'],
  [/oo|ou/g, 'u'],
  [/([aeiou])\1+/g, '$1'],
  // A w after a vowel is a consonant or the second half of a diphthong: Dawud = Daud = Dawood,
  // Pawlo = Pavlo, Nawroz = Nauroz (read both ways, like the waw of Arabic script).
  [/(?<=[aeiou])w/g, 'W'],
  // Word-final -iy/-ij/-yi/-ii is one vowel (Andriy, Andrij, Kowalskyj).
  [/[iy][ijy]$/, 'i'],
  // Word-initial ye/je/ie: Yevhen / Evgen / Jewgen differ only here.
  [/^[yji]e/, 'e'],
  [/^[yj](?=[aeiou])/, 'Y'],
  [/^i(?=[aeiou])/, 'Y'],
  [/(?<=[aeiou])[yji](?=[aeiou])/g, '6'],
  [/(?<=[aeiou])[yj](?=[^aeiou])/g, '6'],
  [/[yj]/g, 'i'],
  [/(?<=[aeiou])g(?=[aeiou])/g, '7'],
  [/(?<=[aeiou])h$/, '7'],
];

const CLASS: Record<string, string> = {
  a: 'a',
  e: 'a',
  i: 'i',
  o: 'u',
  u: 'u',
  b: 'B',
  p: 'P',
  f: 'F',
  v: 'V',
  w: 'V',
  d: 'D',
  t: 'D',
  k: 'K',
  g: 'H',
  h: 'H',
  H: 'H',
  s: 'S',
  z: 'S',
  C: 'C',
  Y: 'Y',
  l: 'L',
  m: 'M',
  n: 'N',
  r: 'R',
};

function isVowelSymbol(s: string | undefined): boolean {
  return s === 'a' || s === 'i' || s === 'u';
}

/** Expands the ambiguous markers into at most MAX_READINGS plain readings. */
function readings(marked: string): string[] {
  let out = [''];
  for (const ch of marked) {
    const alts = AMBIGUOUS[ch];
    if (!alts) {
      out = out.map((r) => r + ch);
      continue;
    }
    const next: string[] = [];
    for (const r of out) {
      for (const a of alts) {
        if (next.length < MAX_READINGS) next.push(r + a);
      }
    }
    // Past the cap every reading keeps the default.
    out = next.length >= out.length * alts.length ? next : out.map((r) => r + alts[0]);
  }
  return out;
}

function symbols(reading: string): string[] {
  const out: string[] = [];
  for (const ch of reading) {
    const c = CLASS[ch];
    if (c && out[out.length - 1] !== c) out.push(c);
  }
  return out;
}

function skeletonOf(seq: string[]): string {
  let out = '';
  for (let i = 0; i < seq.length; i++) {
    const s = seq[i];
    if (isVowelSymbol(s)) {
      if (i === 0) out += 'a';
    } else out += s.toLowerCase();
  }
  return out;
}

export interface TokenPhonetics {
  canon: string;
  skeletons: string[];
}

const cache = new Map<string, TokenPhonetics>();
const CACHE_LIMIT = 200_000;

/** Phonetic forms of one token. Pure; memoised. */
export function phonetics(token: string): TokenPhonetics {
  const hit = cache.get(token);
  if (hit) return hit;
  let marked = token;
  for (const [re, rep] of REWRITES) marked = marked.replace(re, rep);
  const seqs = readings(marked).map(symbols);
  const canon = seqs[0].join('').toLowerCase();
  const skeletons = [...new Set(seqs.map(skeletonOf))];
  const result = { canon, skeletons };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(token, result);
  return result;
}
