/**
 * Cyrillic (Ukrainian, Russian, Bulgarian) → Latin for phonetic keys. One table serves all three:
 * where they differ (г = h in Ukrainian, g in Russian/Bulgarian) the phonetic step folds the
 * difference anyway, so Serhii / Sergei and Oleh / Oleg land on the same key.
 */
const TABLE: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'H',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ye',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'yi',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'tch',
  ш: 'sh',
  щ: 'shch',
  // Bulgarian ъ is a vowel (Dimitar); Russian ъ/ь are signs without sound.
  ъ: 'a',
  ь: '',
  ы: 'y',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

export function cyrillicToLatin(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += TABLE[ch] ?? (/\s/.test(ch) ? ' ' : '');
  return out;
}
