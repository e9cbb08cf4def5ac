import { arabicToLatin } from './transliterate-arabic';
import { cyrillicToLatin } from './transliterate-cyrillic';
import { ethiopicToLatin } from './transliterate-ethiopic';

/** ISO 15924 codes of the scripts the matcher reads. */
export type Script = 'Latn' | 'Arab' | 'Cyrl' | 'Ethi';

/** Latin letters that NFKD does not decompose into a base letter + mark. */
const SPECIAL_LATIN: Record<string, string> = {
  ß: 'ss',
  ı: 'i',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  þ: 'th',
  ð: 'd',
};

/**
 * Cyrillic and Greek letters that look like Latin ones (after Unicode's confusables list). In a word
 * that also has Latin letters they are a look-alike ("Mоhammed" with a Cyrillic о), not a Cyrillic name.
 */
const CONFUSABLE_LATIN: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Ԛ: 'Q',
  Ԝ: 'W',
  Ү: 'Y',
  Һ: 'H',
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ү: 'y',
  к: 'k',
  в: 'b',
  м: 'm',
  н: 'h',
  т: 't',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  ο: 'o',
  α: 'a',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ρ: 'p',
  υ: 'u',
  χ: 'x',
  ϲ: 'c',
  ϳ: 'j',
};

/**
 * Makes a name safe to compare: NFKC (full-width and other compatibility forms become plain letters),
 * invisible format characters removed (zero-width space, soft hyphen, BOM, direction marks — ZWNJ and
 * ZWJ stay between Arabic letters, where Persian spelling needs them), and look-alike Cyrillic or
 * Greek letters inside a word with Latin letters mapped to Latin. Without this "Moham\u200Bmed" or a
 * Cyrillic "о" in "Mоhammed" slips past the duplicate check.
 */
export function sanitiseName(name: string): string {
  let s = name.normalize('NFKC');
  const arabic = /\p{Script=Arabic}/u.test(s);
  s = s.replace(/\p{Cf}/gu, (ch) => (arabic && (ch === '\u200C' || ch === '\u200D') ? ch : ''));
  return s.replace(/[\p{L}\p{M}]+/gu, (word) => {
    const latin = /\p{Script=Latin}/u.test(word);
    const foreign = /[\p{Script=Cyrillic}\p{Script=Greek}]/u.test(word);
    if (!latin || !foreign) return word;
    let out = '';
    for (const ch of word) out += CONFUSABLE_LATIN[ch] ?? ch;
    return out;
  });
}

const SCRIPT_RUN =
  /(\p{Script=Arabic}+(?:[\s\u200C\u200D]+\p{Script=Arabic}+)*)|(\p{Script=Cyrillic}+)|(\p{Script=Ethiopic}+)/gu;

export interface LatinName {
  /** Latin letters (lower case, plus the upper-case markers of phonetic.ts) and spaces. */
  text: string;
  /** Script the name was written in; "Latn" unless another script was present. */
  script: Script;
}

/** Detects the dominant non-Latin script of a string, if any. */
export function detectScript(s: string): Script {
  if (/\p{Script=Arabic}/u.test(s)) return 'Arab';
  if (/\p{Script=Cyrillic}/u.test(s)) return 'Cyrl';
  if (/\p{Script=Ethiopic}/u.test(s)) return 'Ethi';
  return 'Latn';
}

/**
 * Brings any name to one comparable Latin form: other scripts are transliterated, Latin is
 * decomposed (NFKD) and stripped of diacritics (Şahin → sahin, Gül → gul), and everything that
 * is not a letter becomes a word break (hyphens, apostrophes of ain/hamza are dropped).
 */
export function toLatin(raw: string): LatinName {
  const name = sanitiseName(raw);
  const script = detectScript(name);
  // Lower-case first: the transliterators emit an upper-case "Y" marker that must survive.
  let s = name.normalize('NFC').toLowerCase();
  if (script !== 'Latn') {
    s = s.replace(SCRIPT_RUN, (_m, arab?: string, cyrl?: string, ethi?: string) => {
      if (arab) return ` ${arabicToLatin(arab)} `;
      if (cyrl) return ` ${cyrillicToLatin(cyrl)} `;
      return ` ${ethiopicToLatin(ethi ?? '')} `;
    });
  }
  let out = '';
  for (const ch of s.normalize('NFKD')) out += SPECIAL_LATIN[ch] ?? ch;
  out = out
    .replace(/\p{M}/gu, '')
    .replace(/['’‘`´ʿʾ]/g, '')
    .replace(/[^a-zA-Z]+/g, ' ')
    .trim();
  return { text: out, script };
}
