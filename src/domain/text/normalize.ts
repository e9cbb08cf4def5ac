/** Lower case, accents and punctuation removed, spaces folded: the form names are searched in. */
export function searchForm(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
