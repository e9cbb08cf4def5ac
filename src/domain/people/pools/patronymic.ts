import type { NameEntry } from '../types';
import { n } from './entry';

/**
 * Patronymics formed from the father's given name, in both scripts. Ukrainian documents carry
 * one (Oleksandr Ivanovych, Olena Ivanivna); Bulgarian documents carry the father's name as a
 * middle name in -ov/-ev form (Georgi Ivanov Dimitrov).
 */

function replaceEnd(s: string, re: RegExp, rep: string): string {
  return s.replace(re, rep);
}

/** Russian and German spellings of a Ukrainian patronymic seen at desks. */
function ukrainianVariants(latin: string): string[] {
  return [
    replaceEnd(replaceEnd(latin, /ovych$/, 'ovich'), /ivna$/, 'ovna'),
    replaceEnd(replaceEnd(latin, /ovych$/, 'owytsch'), /ivna$/, 'iwna'),
  ].filter((v) => v !== latin);
}

export function ukrainianPatronymic(father: NameEntry, male: boolean): NameEntry {
  const c = father.original;
  const l = father.latin;
  let cm: string;
  let cf: string;
  let lm: string;
  let lf: string;
  if (c === 'Микола') [cm, cf, lm, lf] = ['Миколайович', 'Миколаївна', 'Mykolaiovych', 'Mykolaivna'];
  else if (c === 'Ілля') [cm, cf, lm, lf] = ['Ілліч', 'Іллівна', 'Illich', 'Illivna'];
  else if (c === 'Яків') [cm, cf, lm, lf] = ['Якович', 'Яківна', 'Yakovych', 'Yakivna'];
  else if (c === 'Федір') [cm, cf, lm, lf] = ['Федорович', 'Федорівна', 'Fedorovych', 'Fedorivna'];
  else if (c.endsWith('ій')) {
    const cs = c.slice(0, -2);
    const ls = l.replace(/ii$/, '');
    [cm, cf, lm, lf] = [`${cs}ійович`, `${cs}іївна`, `${ls}iiovych`, `${ls}iivna`];
  } else if (c.endsWith('ь')) {
    const cs = c.slice(0, -1);
    [cm, cf, lm, lf] = [`${cs}ьович`, `${cs}івна`, `${l}ovych`, `${l}ivna`];
  } else if (/[оа]$/.test(c)) {
    const cs = c.slice(0, -1);
    const ls = l.slice(0, -1);
    [cm, cf, lm, lf] = [`${cs}ович`, `${cs}івна`, `${ls}ovych`, `${ls}ivna`];
  } else [cm, cf, lm, lf] = [`${c}ович`, `${c}івна`, `${l}ovych`, `${l}ivna`];
  const latin = male ? lm : lf;
  return n(latin, male ? cm : cf, ...ukrainianVariants(latin));
}

export function bulgarianPatronymic(father: NameEntry, male: boolean): NameEntry {
  const c = father.original;
  const l = father.latin;
  let cs: string;
  let ls: string;
  if (c.endsWith('ър')) [cs, ls] = [`${c.slice(0, -2)}ров`, `${l.slice(0, -2)}rov`];
  else if (c.endsWith('ай')) [cs, ls] = [`${c.slice(0, -1)}ев`, `${l.slice(0, -1)}ev`];
  else if (c.endsWith('ия')) [cs, ls] = [`${c.slice(0, -1)}ев`, `${l.replace(/y?a$/, '')}ev`];
  else if (c.endsWith('и')) [cs, ls] = [`${c}ев`, `${l}ev`];
  else if (/[оа]$/.test(c)) [cs, ls] = [`${c.slice(0, -1)}ов`, `${l.slice(0, -1)}ov`];
  else if (c === 'Васил') [cs, ls] = ['Василев', 'Vasilev'];
  else [cs, ls] = [`${c}ов`, `${l}ov`];
  if (male) return n(ls, cs, ls.replace(/v$/, 'ff'), ls.replace(/v$/, 'w'));
  return n(`${ls}a`, `${cs}а`, `${ls.replace(/v$/, 'w')}a`);
}
