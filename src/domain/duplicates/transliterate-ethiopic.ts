/**
 * Ge'ez (Ethiopic) script → Latin for Tigrinya and Amharic names. The syllabary is laid out in
 * rows of eight: the row gives the consonant, the column the vowel ("order"), so one table of
 * row consonants and one of vowels cover the whole block.
 */

/** Row start code point → consonant. Labialised rows map to the plain consonant. */
const ROWS: Record<number, string> = {
  4608: 'H',
  4616: 'l',
  4624: 'H',
  4632: 'm',
  4640: 's',
  4648: 'r',
  4656: 's',
  4664: 'sh',
  4672: 'k',
  4680: 'k',
  4688: 'k',
  4696: 'k',
  4704: 'b',
  4712: 'v',
  4720: 't',
  4728: 'tch',
  4736: 'H',
  4744: 'H',
  4752: 'n',
  4760: 'ny',
  4768: '',
  4776: 'k',
  4784: 'k',
  // Tigrinya ኸ (x) is written "k" by most desks (Tekle, Bereket).
  4792: 'k',
  4800: 'k',
  4808: 'w',
  4816: '',
  4824: 'z',
  4832: 'zh',
  4840: 'y',
  4848: 'd',
  4856: 'd',
  4864: 'j',
  4872: 'g',
  4880: 'g',
  4888: 'g',
  4896: 't',
  4904: 'tch',
  4912: 'p',
  4920: 'ts',
  4928: 'ts',
  4936: 'f',
  4944: 'p',
};

/** Vowel of each order; the sixth order has no (or a barely heard) vowel. */
const ORDERS = ['e', 'u', 'i', 'a', 'e', '', 'o', 'wa'];

/** Rows of the glottal stop and ain: the syllable is just its vowel; first order reads "a". */
const VOWEL_CARRIERS = new Set([0x12a0, 0x12d0]);

export function ethiopicToLatin(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x1200 && cp <= 0x135a) {
      const row = cp & ~7;
      const order = cp & 7;
      const consonant = ROWS[row] ?? '';
      if (VOWEL_CARRIERS.has(row)) out += order === 0 ? 'a' : ORDERS[order] || 'e';
      else out += consonant + ORDERS[order];
    } else if (/[\s\u1361-\u1368]/.test(ch)) out += ' ';
  }
  return out;
}
