/**
 * One form for labels and queries, whatever was typed: case, umlauts written out (Baecker = Bäcker),
 * spaced and hyphenated compounds (LKW Fahrer = LKW-Fahrer = Lkw-Fahrer), Arabic letter variants and
 * diacritics, Ukrainian apostrophes. Compared by letter trigrams, so typos cost little.
 */
const ARABIC_DIACRITICS = /[\u064B-\u0652\u0670\u0640]/g;

export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(ARABIC_DIACRITICS, '')
    .replace(/[إأآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[ʼ'’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Everyday German abbreviations in job titles, written out as ESCO writes them. */
const ABBREVIATIONS: Record<string, string> = {
  lkw: 'lastkraftwagen',
  pkw: 'personenkraftwagen',
  kfz: 'kraftfahrzeug',
  it: 'it',
};

/**
 * German gendered forms to the base form: Bäckerin → Bäcker, Verkäuferinnen → Verkäufer, Pflegefachfrau →
 * Pflegefachmann, Köchin → Koch. Applied to each word of a query; labels keep both forms anyway.
 */
function baseForm(word: string): string {
  if (word.length > 5 && word.endsWith('innen')) return word.slice(0, -5);
  if (
    word.length > 4 &&
    word.endsWith('in') &&
    !word.endsWith('ein') &&
    !/(medizin|termin|maschin|kabin|vitamin|benzin)$/.test(word)
  )
    return word.slice(0, -2);
  if (word.endsWith('frau') && word.length > 5) return `${word.slice(0, -4)}mann`;
  if (word === 'koechin') return 'koch';
  return word;
}

export function queryForms(text: string): string[] {
  const words = fold(text)
    .split(' ')
    .filter(Boolean)
    .map((w) => ABBREVIATIONS[w] ?? w);
  const based = words.map(baseForm);
  const forms = [words.join(' '), based.join(' ')];
  return [...new Set(forms.filter(Boolean))];
}

/** Trigrams of the text without spaces (compounds match their spaced and hyphenated forms). */
export function trigrams(folded: string): string[] {
  const s = ` ${folded.replace(/ /g, '')} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return [...out];
}
