/**
 * Arabic and Persian script → a Latin spelling fit for phonetic keys (not for display).
 *
 * Arabic script writes no short vowels, so the output is mostly consonants; the keys built from
 * it compare consonant skeletons, which is exactly what survives every Latin transliteration
 * (محمد → "mhmd" ~ Mohammed / Muhammad / Mohamad). Output uses lower-case Latin letters plus
 * upper-case markers the phonetic step understands (see phonetic.ts): H, Y (certain h and y, so
 * that ز+ه is not read as "zh"), D (ض: d in Arabic, z in Persian), Q (ق: q/k or Persian gh),
 * W and I (a waw or yeh that may be consonant or vowel).
 */

const LETTERS: Record<string, string> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ٱ: 'a',
  ء: '',
  ؤ: 'u',
  ئ: 'i',
  ى: 'a',
  ب: 'b',
  پ: 'p',
  ت: 't',
  ث: 'th',
  ج: 'Y',
  چ: 'tch',
  ح: 'H',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  ژ: 'zh',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'D',
  ط: 't',
  ظ: 'z',
  // Ain is a consonant in Arabic but Latin spellings render it as a vowel or drop it (Saad, Ali).
  ع: 'a',
  غ: 'gh',
  ف: 'f',
  ق: 'Q',
  ك: 'k',
  ک: 'k',
  گ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'H',
  ۀ: '',
  ة: '',
};

const ALIF_LIKE = new Set(['ا', 'ى', 'آ']);
/** Letters only Persian uses: their presence means no Arabic article to strip. */
const PERSIAN_ONLY = /[پچژگکی]/;
/** Persian/Arabic words that begin with ال but are not the article. */
const NOT_ARTICLE = new Set(['الهام', 'الهه', 'الياس', 'الیاس', 'الماس']);

const HARAKAT = /[\u064B-\u065F\u0670\u0640\u200C\u200D]/g;

/**
 * Without short vowels a waw or yeh may be a consonant (Marwan, Eyad) or a long vowel (Yusuf,
 * Hussein). Word-initially it is a consonant; before an alif or another waw/yeh it may be either.
 */
function yehOrWaw(ch: string, prev: string | undefined, next: string | undefined): string {
  const isWaw = ch === 'و';
  if (prev === undefined) return isWaw ? 'v' : 'Y';
  if (
    next !== undefined &&
    (ALIF_LIKE.has(next) || next === 'و' || next === 'ي' || next === 'ی' || next === 'ه')
  ) {
    return isWaw ? 'W' : 'I';
  }
  return isWaw ? 'u' : 'i';
}

function wordToLatin(word: string): string {
  let w = word;
  let out = '';
  // "عبد" + name is one compound (Abd al-Rahman); split it so the token rules can merge spellings.
  if (w.startsWith('عبد') && w.length > 3) {
    out += 'abd ';
    w = w.slice(3);
  }
  if (w === 'الله') return `${out}allah`;
  if (w.endsWith('الله') && w.length > 4) return `${out + wordToLatin(w.slice(0, -4))}ullah`;
  // Persian writes a helping alif before st-/sp-/sk- (استانکزی = Stanekzai).
  if (/^اس[تپک]/.test(w)) w = w.slice(1);
  if (w.startsWith('ال') && w.length > 3 && !PERSIAN_ONLY.test(word) && !NOT_ARTICLE.has(w)) {
    out += 'al-';
    w = w.slice(2);
  }
  const chars = [...w];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === 'و' || ch === 'ي' || ch === 'ی') {
      out += yehOrWaw(ch === 'ی' ? 'ي' : ch, chars[i - 1], chars[i + 1]);
      continue;
    }
    // A final heh after a longer stem is mostly silent (Fatemeh, Abdullah) — Latin spellings vary.
    if (ch === 'ه' && i === chars.length - 1 && chars.length > 3) continue;
    out += LETTERS[ch] ?? '';
  }
  return out;
}

/** Transliterates a run of Arabic-script text; words stay separated by spaces. */
export function arabicToLatin(text: string): string {
  return text
    .replace(HARAKAT, '')
    .split(/[\s\u060C\u061B\u061F\u06D4]+/)
    .filter(Boolean)
    .map(wordToLatin)
    .join(' ');
}
