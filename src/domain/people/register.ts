import type { PersonRecord } from '../duplicates';
import { createRng, type Rng, zipfWeights } from './random';

/**
 * A hard, independent register for the duplicate benchmark (issue 12). Unlike the demo generator it
 * does not tie names to nationalities and draws names from small Latin pools with a skewed
 * frequency, so full names repeat often; then it injects duplicates with every error a desk makes:
 * variant transliterations, one-letter typos and transpositions in any token (also in two tokens at
 * once), given and family name swapped, ALL CAPS, year-only or day/month-swapped birth dates, a
 * changed nationality — and adds true namesakes (other people with the same name, birth year and
 * nationality but another full birth date) that must not be merged.
 *
 * 30 % of all records carry a year-only date (01.01.YYYY convention), uniformly for every
 * nationality: a matcher must not depend on the data being kind.
 */

/** Given names (male, female) and family names with the Latin spellings desks use for them. */
const MALE: string[][] = [
  ['Mohammed', 'Muhammad', 'Mohamad', 'Mohamed'],
  ['Ahmad', 'Ahmed', 'Achmed'],
  ['Ali', 'Aly'],
  ['Yusuf', 'Yousef', 'Jusuf', 'Youssef'],
  ['Omar', 'Umar'],
  ['Hassan', 'Hasan'],
  ['Mustafa', 'Mostafa', 'Moustafa'],
  ['Khaled', 'Khalid', 'Chaled'],
  ['Ibrahim', 'Ebrahim'],
  ['Mahmoud', 'Mahmud'],
  ['Serhii', 'Sergei', 'Serhiy', 'Sergii'],
  ['Oleksandr', 'Alexander', 'Olexandr'],
  ['Georgi', 'Georgy', 'Giorgi'],
  ['Dawit', 'Dawid', 'Davit'],
  ['Tesfay', 'Tesfai'],
  ['Mehmet', 'Mehmed'],
  ['Abdullah', 'Abdallah'],
  ['Hamid', 'Hameed'],
  ['Reza', 'Resa'],
  ['Samir', 'Sameer'],
  ['Walid', 'Waleed'],
  ['Tariq', 'Tarek', 'Tarik'],
  ['Yonas', 'Jonas'],
  ['Andrii', 'Andriy', 'Andrei'],
  ['Dmytro', 'Dmitri', 'Dmitro'],
  ['Bilal'],
  ['Karim', 'Kareem'],
  ['Nasser', 'Naser'],
  ['Emre'],
  ['Farid', 'Fareed'],
  ['Zaid', 'Said', 'Zayd'],
  ['Jamal', 'Gamal'],
  ['Habib'],
  ['Rashid', 'Rasheed'],
  ['Amanuel', 'Emanuel'],
  ['Bereket', 'Berekhet'],
  ['Ivan'],
  ['Taras'],
  ['Murat'],
  ['Anas'],
];
const FEMALE: string[][] = [
  ['Fatima', 'Fatma', 'Fatemeh'],
  ['Amina', 'Aminah', 'Emine'],
  ['Maryam', 'Mariam', 'Meryem'],
  ['Aisha', 'Ayesha', 'Aischa'],
  ['Zainab', 'Zeinab'],
  ['Helen', 'Helena'],
  ['Semhar'],
  ['Olena', 'Elena', 'Alyona'],
  ['Nour', 'Noor', 'Nur'],
  ['Layla', 'Leila', 'Laila'],
  ['Sara', 'Sarah'],
  ['Hanna', 'Hana', 'Hannah'],
  ['Rania'],
  ['Yasmin', 'Jasmin', 'Yasmine'],
  ['Khadija', 'Hatice', 'Chadidscha'],
  ['Iryna', 'Irina'],
  ['Tetiana', 'Tatiana', 'Tetyana'],
  ['Natalia', 'Nataliya'],
  ['Selam'],
  ['Rahel', 'Rachel'],
  ['Huda', 'Houda'],
  ['Samira', 'Sameera'],
  ['Dilan'],
  ['Zahra', 'Sahra'],
  ['Parisa'],
  ['Shirin', 'Schirin'],
  ['Lina'],
  ['Mona', 'Muna'],
  ['Yulia', 'Julia', 'Yuliia'],
  ['Elif'],
  ['Asmaa', 'Asma'],
  ['Ruta'],
  ['Weini', 'Weyni'],
  ['Marta'],
  ['Nadia', 'Nadja'],
  ['Kateryna', 'Katerina'],
  ['Hiba'],
  ['Rim', 'Reem'],
];
const FAMILY: string[][] = [
  ['Saleh', 'Salih'],
  ['Haddad'],
  ['Gebremedhin', 'Gebremedhn'],
  ['Demir'],
  ['Darwish', 'Derwish', 'Darwisch'],
  ['Hamdan'],
  ['Al-Hassan', 'Al Hassan', 'El-Hassan', 'Alhassan'],
  ['Ahmadi', 'Achmadi'],
  ['Hussein', 'Husain', 'Hussain'],
  ['Kovalenko', 'Kowalenko'],
  ['Shevchenko', 'Schewtschenko', 'Sevcenko'],
  ['Yilmaz', 'Yilmas'],
  ['Kaya'],
  ['Tesfamariam', 'Tesfamaryam'],
  ['Haile', 'Hayle'],
  ['Mohammadi', 'Muhammadi'],
  ['Rezaei', 'Rezai'],
  ['Abdullah', 'Abdallah'],
  ['Ibrahim', 'Ebrahim'],
  ['Khalil', 'Chalil'],
  ['Mansour', 'Mansur'],
  ['Nasser', 'Naser'],
  ['Osman', 'Othman'],
  ['Rahimi'],
  ['Sultani'],
  ['Tkachenko', 'Tkatschenko'],
  ['Bondarenko'],
  ['Melnyk', 'Melnik'],
  ['Kiros'],
  ['Berhane', 'Berhe'],
  ['Celik', 'Çelik', 'Tschelik'],
  ['Aydin', 'Aydın'],
  ['Youssef', 'Yusuf', 'Jusuf'],
  ['Suleiman', 'Sulaiman'],
  ['Jaber', 'Gaber'],
  ['Karimi'],
  ['Hosseini', 'Husseini'],
  ['Bakr', 'Bakir'],
  ['Qasim', 'Kasim', 'Kassem'],
  ['Awad', 'Awwad'],
  ['Farah'],
  ['Nouri', 'Nuri'],
  ['Petrenko'],
  ['Moroz', 'Moros'],
  ['Abebe'],
  ['Tekle'],
  ['Sahin', 'Şahin', 'Schahin'],
  ['Ozturk', 'Öztürk'],
  ['Zaki'],
  ['Habibi'],
  ['Mahmoud', 'Mahmud'],
  ['Omar', 'Umar'],
  ['Bakri'],
  ['Nazari'],
  ['Sharifi', 'Scharifi'],
  ['Lysenko', 'Lyssenko'],
  ['Hadi'],
  ['Yousefi', 'Jusufi'],
  ['Amiri'],
  ['Samadi'],
];
/**
 * Family names formed from given names, as the traditions do (Gebreyonas, Hamidzadeh, Muratoglu, Abdelkarim): with
 * them the pool has about 600 family names, a few very common, most rare — a register of 100,000
 * from 60 family names alone would be denser than any Land's.
 */
function derivedFamilies(): string[][] {
  const out: string[][] = [];
  for (const [g] of [...MALE, ...FEMALE]) {
    const l = g.toLowerCase();
    const stem = g.replace(/[aeiouy]+$/, '');
    out.push([`Gebre${l}`]);
    out.push([`${g}zadeh`, `${g}sadeh`]);
    out.push([`${stem}oglu`, `${stem}oğlu`]);
    out.push([`Abdel${l}`, `Abdul${l}`]);
    out.push([`${stem}enko`]);
    out.push([`${stem}pour`, `${stem}pur`]);
    out.push([`${stem}ov`, `${stem}off`]);
  }
  return out;
}
const FAMILIES: string[][] = [...FAMILY, ...derivedFamilies()];

const NATIONALITIES = ['SY', 'AF', 'IQ', 'ER', 'TR', 'UA', 'GE', 'IR', 'SO', 'NG'];
const NATIONALITY_WEIGHTS = [22, 18, 12, 8, 10, 12, 4, 6, 4, 4];

/** The kinds of error injected into a duplicate; each duplicate carries one to three. */
export const ERROR_CLASSES = [
  'typo',
  'typo_both',
  'transposition',
  'variant',
  'swap',
  'caps',
  'year_only',
  'day_month',
  'nationality',
] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

export interface RegisterOptions {
  size: number;
  duplicates: number;
  namesakes: number;
  seed: string;
  yearOnlyShare?: number;
}

export interface Register {
  records: PersonRecord[];
  /** True pairs [original id, duplicate id] with the error classes of the duplicate. */
  pairs: { a: string; b: string; classes: ErrorClass[] }[];
  /** Namesake pairs that must not be merged. */
  namesakes: { a: string; b: string }[];
}

interface Draft {
  given: string;
  family: string;
  gender: 'm' | 'f';
  year: number;
  month: number;
  day: number;
  yearOnly: boolean;
  nationality: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function toRecord(id: string, d: Draft, names: string[]): PersonRecord {
  return {
    id,
    names,
    birthDate: d.yearOnly ? `${d.year}-01-01` : `${d.year}-${pad(d.month)}-${pad(d.day)}`,
    birthDatePrecision: d.yearOnly ? 'year' : 'day',
    nationality: d.nationality,
    gender: d.gender,
  };
}

const LETTERS = 'abdefghiklmnorstuyz';

/** One keyboard-like error in a random position: substitution, deletion or insertion. */
function typo(word: string, rng: Rng): string {
  if (word.length < 3) return word;
  const i = rng.int(1, word.length - 1);
  const kind = rng.int(0, 2);
  if (kind === 0) return word.slice(0, i) + rng.pick([...LETTERS]) + word.slice(i + 1);
  if (kind === 1) return word.slice(0, i) + word.slice(i + 1);
  return word.slice(0, i) + rng.pick([...LETTERS]) + word.slice(i);
}

/** Two neighbouring letters exchanged (Georgi → Geogri). */
function transposition(word: string, rng: Rng): string {
  if (word.length < 3) return word;
  const i = rng.int(1, word.length - 2);
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

function variantOf(spellings: string[], current: string, rng: Rng): string {
  const others = spellings.filter((s) => s !== current);
  return others.length > 0 ? rng.pick(others) : current;
}

export function generateRegister(o: RegisterOptions): Register {
  const rng = createRng(o.seed);
  const yearOnlyShare = o.yearOnlyShare ?? 0.3;
  const mw = zipfWeights(MALE.length, 0.9);
  const fw = zipfWeights(FEMALE.length, 0.9);
  const famw = zipfWeights(FAMILIES.length, 0.8);
  const drafts: Draft[] = [];
  const spellingsOf = new Map<string, string[]>();
  const pickName = (pool: string[][], w: number[]) => {
    const entry = rng.weighted(pool, w);
    // Most desks write the usual spelling; a quarter of the register uses another one.
    const s = rng.chance(0.75) ? entry[0] : rng.pick(entry);
    spellingsOf.set(s, entry);
    return s;
  };
  const newDraft = (): Draft => {
    const gender = rng.chance(0.55) ? 'm' : 'f';
    const year = rng.int(1958, 2008);
    // 01.01. is the year-only convention: a full date never falls on it here.
    const month = rng.int(1, 12);
    return {
      gender,
      given: gender === 'm' ? pickName(MALE, mw) : pickName(FEMALE, fw),
      family: pickName(FAMILIES, famw),
      year,
      month,
      day: rng.int(month === 1 ? 2 : 1, 28),
      yearOnly: rng.chance(yearOnlyShare),
      nationality: rng.weighted(NATIONALITIES, NATIONALITY_WEIGHTS),
    };
  };
  // A register is well posed only if two different people differ in something recorded: two records
  // with the same name (any spelling) and year — whatever the nationality, which desks change — whose dates could be one (one year-only,
  // equal, or day and month swapped) are drawn again — such pairs are undecidable for any matcher.
  const seenPeople = new Map<string, Draft[]>();
  const identity = (d: Draft) =>
    `${[(spellingsOf.get(d.given) ?? [d.given])[0], (spellingsOf.get(d.family) ?? [d.family])[0]].sort().join('|')}|${d.year}`;
  const compatible = (x: Draft, y: Draft) =>
    x.yearOnly ||
    y.yearOnly ||
    (x.month === y.month && x.day === y.day) ||
    (x.month === y.day && x.day === y.month);
  const admit = (d: Draft): boolean => {
    const list = seenPeople.get(identity(d)) ?? [];
    if (list.some((e) => compatible(e, d))) return false;
    list.push(d);
    seenPeople.set(identity(d), list);
    return true;
  };
  const base = o.size - o.duplicates - o.namesakes;
  while (drafts.length < base) {
    const d = newDraft();
    if (admit(d)) drafts.push(d);
  }
  const records: PersonRecord[] = drafts.map((d, i) => toRecord(`p${i}`, d, [`${d.given} ${d.family}`]));

  const pairs: Register['pairs'] = [];
  for (let k = 0; k < o.duplicates; k++) {
    const i = rng.int(0, base - 1);
    const d: Draft = { ...drafts[i] };
    let given = d.given;
    let family = d.family;
    const classes = new Set<ErrorClass>();
    const count = rng.weighted([1, 2, 3], [5, 4, 1]);
    while (classes.size < count) classes.add(rng.pick(ERROR_CLASSES));
    // At most one letter error per name token, as the register has: a variant spelling,
    // a typo or a transposition, whichever comes first.
    const edited = { given: false, family: false };
    const edit = (which: 'given' | 'family', f: (w: string) => string): boolean => {
      if (edited[which]) return false;
      edited[which] = true;
      if (which === 'given') given = f(given);
      else family = f(family);
      return true;
    };
    const either = (): 'given' | 'family' => (rng.chance(0.5) ? 'given' : 'family');
    const other = (w: 'given' | 'family') => (w === 'given' ? 'family' : 'given');
    const apply = (c: ErrorClass, f: (w: string) => string) => {
      const first = either();
      if (!edit(first, f) && !edit(other(first), f)) classes.delete(c);
    };
    if (classes.has('variant')) apply('variant', (w) => variantOf(spellingsOf.get(w) ?? [w], w, rng));
    if (classes.has('typo_both')) {
      if (edited.given || edited.family) classes.delete('typo_both');
      else {
        edit('given', (w) => typo(w, rng));
        edit('family', (w) => (rng.chance(0.5) ? typo(w, rng) : transposition(w, rng)));
      }
    }
    if (classes.has('typo')) apply('typo', (w) => typo(w, rng));
    if (classes.has('transposition')) apply('transposition', (w) => transposition(w, rng));
    if (classes.has('year_only')) {
      if (d.yearOnly) classes.delete('year_only');
      d.yearOnly = true;
    }
    if (classes.has('day_month')) {
      if (d.yearOnly || d.day > 12 || d.day === d.month) classes.delete('day_month');
      else [d.day, d.month] = [d.month, d.day];
    }
    if (classes.has('nationality')) {
      d.nationality = variantOf(NATIONALITIES, d.nationality, rng);
    }
    let name = classes.has('swap') ? `${family} ${given}` : `${given} ${family}`;
    if (classes.has('caps')) name = name.toUpperCase();
    const id = `d${k}`;
    records.push(toRecord(id, d, [name]));
    pairs.push({ a: `p${i}`, b: id, classes: [...classes] });
  }

  // True namesakes: same name, year and nationality, another full birth date (both precise).
  const namesakes: Register['namesakes'] = [];
  for (let k = 0; k < o.namesakes; k++) {
    let i = rng.int(0, base - 1);
    while (drafts[i].yearOnly) i = rng.int(0, base - 1);
    const d: Draft = { ...drafts[i], yearOnly: false };
    do {
      d.month = rng.int(1, 12);
      d.day = rng.int(d.month === 1 ? 2 : 1, 28);
    } while (!admit(d));
    const id = `n${k}`;
    records.push(toRecord(id, d, [`${d.given} ${d.family}`]));
    namesakes.push({ a: `p${i}`, b: id });
  }
  // Shuffle so that ids do not follow the order of generation in any block.
  for (let i = records.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [records[i], records[j]] = [records[j], records[i]];
  }
  return { records, pairs, namesakes };
}
