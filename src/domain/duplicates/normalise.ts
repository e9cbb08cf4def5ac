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
export function toLatin(name: string): LatinName {
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
