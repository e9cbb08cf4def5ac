import type { FamilyEntry, NameEntry } from '../types';
import { gendered, n, same } from './entry';

/**
 * Family names are far more diverse than a hand-written list: real populations have thousands,
 * and a register with too few would be full of accidental namesakes. These builders derive
 * plausible family names the way the languages themselves do — patronymic and nisba forms
 * (Al-Omar, Al-Homsi), Persian -i / -zada (Karimi, Karimzada), Ukrainian -enko / -chuk / -yshyn
 * / -iv, Bulgarian -ov / -ev, Turkish compounds (Karakaya, Öztaş) — always in both scripts.
 */

function unique(entries: FamilyEntry[]): FamilyEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    if (seen.has(e.m.latin)) return false;
    seen.add(e.m.latin);
    return true;
  });
}

const isSingleWord = (e: NameEntry) => !/\s/.test(e.latin) && !/\s/.test(e.original);

/** Arabic: grandfather's name as surname (Khalil), with article (Al-Khalil), and nisbas of places. */
export function arabicFamilies(male: NameEntry[]): FamilyEntry[] {
  const places: [string, string][] = [
    ['Al-Homsi', 'الحمصي'],
    ['Al-Hamawi', 'الحموي'],
    ['Al-Idlibi', 'الإدلبي'],
    ['Al-Dimashqi', 'الدمشقي'],
    ['Al-Baghdadi', 'البغدادي'],
    ['Al-Mosuli', 'الموصلي'],
    ['Al-Basri', 'البصري'],
    ['Al-Tikriti', 'التكريتي'],
    ['Al-Anbari', 'الأنباري'],
    ['Al-Hourani', 'الحوراني'],
    ['Al-Deiri', 'الديري'],
    ['Al-Raqqawi', 'الرقاوي'],
    ['Al-Kirkuki', 'الكركوكي'],
    ['Al-Najafi', 'النجفي'],
    ['Al-Karbalai', 'الكربلائي'],
  ];
  const out: FamilyEntry[] = places.map(([l, o]) => same(l, o));
  for (const g of male.filter(isSingleWord)) {
    out.push(same(g.latin, g.original, ...g.variants));
    // Abd- compounds are surnames as they are (Abdulkarim), not with article or Abu.
    if (/^abd/i.test(g.latin)) continue;
    out.push(same(`Al-${g.latin}`, `ال${g.original}`, ...g.variants.map((v) => `Al-${v}`)));
    // Kunya surnames: Abu Ali, Abu Khalil.
    out.push(same(`Abu ${g.latin}`, `أبو ${g.original}`, `Abou ${g.latin}`, `Abu-${g.latin}`));
  }
  return out;
}

/** Persian: -i and -zada forms of given names (Karimi, Karimzada) and the father's name alone. */
export function persianFamilies(male: NameEntry[]): FamilyEntry[] {
  const out: FamilyEntry[] = [];
  for (const g of male.filter(isSingleWord)) {
    if (/(ullah|uddin)$/i.test(g.latin)) continue;
    const stem = g.latin.replace(/[aeiou]$/, '');
    out.push(same(g.latin, g.original, ...g.variants));
    out.push(same(`${stem}i`, `${g.original}ی`, ...g.variants.map((v) => `${v.replace(/[aeiou]$/, '')}i`)));
    out.push(same(`${g.latin}zada`, `${g.original}زاده`, `${g.latin}zadah`, `${g.latin} Zada`));
    out.push(same(`${stem}zai`, `${g.original}زی`, `${stem}zay`, `${stem} Zai`));
  }
  return out;
}

const UKRAINIAN_STEMS: [string, string][] = [
  ['Vasyl', 'Васил'],
  ['Petr', 'Петр'],
  ['Ivan', 'Іван'],
  ['Pavl', 'Павл'],
  ['Stepan', 'Степан'],
  ['Ostap', 'Остап'],
  ['Danyl', 'Данил'],
  ['Martyn', 'Мартин'],
  ['Yakym', 'Яким'],
  ['Tymosh', 'Тимош'],
  ['Demyd', 'Демид'],
  ['Kyryl', 'Кирил'],
  ['Fedor', 'Федор'],
  ['Semen', 'Семен'],
  ['Mykhail', 'Михайл'],
  ['Oles', 'Олес'],
  ['Sydor', 'Сидор'],
  ['Klym', 'Клим'],
  ['Hordi', 'Горді'],
  ['Zakhar', 'Захар'],
  ['Prokop', 'Прокоп'],
  ['Yarem', 'Ярем'],
  ['Nazar', 'Назар'],
  ['Roman', 'Роман'],
  ['Taras', 'Тарас'],
  ['Bohdan', 'Богдан'],
  ['Kost', 'Кост'],
  ['Lev', 'Лев'],
  ['Holub', 'Голуб'],
  ['Vovk', 'Вовк'],
  ['Hnat', 'Гнат'],
  ['Yurch', 'Юрч'],
  ['Maksym', 'Максим'],
  ['Anton', 'Антон'],
  ['Ivashch', 'Іващ'],
  ['Kozak', 'Козак'],
  ['Havryl', 'Гаврил'],
  ['Ostrovsk', 'Островськ'],
  ['Yatsk', 'Яцьк'],
  ['Sav', 'Сав'],
  ['Marchy', 'Марчи'],
  ['Dzhur', 'Джур'],
  ['Zhuravl', 'Журавл'],
  ['Hrab', 'Граб'],
  ['Kalyn', 'Калин'],
  ['Berez', 'Берез'],
  ['Dub', 'Дуб'],
  ['Sokol', 'Сокол'],
  ['Oriol', 'Орел'],
  ['Hrechan', 'Гречан'],
  ['Ponomar', 'Пономар'],
  ['Kushnir', 'Кушнір'],
  ['Kovtun', 'Ковтун'],
  ['Shved', 'Швед'],
  ['Lukash', 'Лукаш'],
  ['Yaremch', 'Яремч'],
];
const UKRAINIAN_SUFFIXES: [string, string][] = [
  ['enko', 'енко'],
  ['chuk', 'чук'],
  ['yshyn', 'ишин'],
  ['iv', 'ів'],
];

export function ukrainianFamilies(): FamilyEntry[] {
  const out: FamilyEntry[] = [];
  for (const [l, c] of UKRAINIAN_STEMS) {
    for (const [sl, sc] of UKRAINIAN_SUFFIXES) {
      // -chuk after a sibilant or t sounds wrong; the language uses -iuk / -uk there (Tarasiuk, Yurchuk).
      if (sl === 'chuk' && /(ch|s|t)$/.test(l))
        out.push(l.endsWith('ch') ? same(`${l}uk`, `${c}ук`) : same(`${l}iuk`, `${c}юк`));
      else out.push(same(l + sl, c + sc));
    }
  }
  return out;
}

const BULGARIAN_STEMS: [string, string, 'ov' | 'ev' | 'v'][] = [
  ['Kostadin', 'Костадин', 'ov'],
  ['Mladen', 'Младен', 'ov'],
  ['Zhivk', 'Живк', 'ov'],
  ['Lyuben', 'Любен', 'ov'],
  ['Penk', 'Пенк', 'ov'],
  ['Yank', 'Янк', 'ov'],
  ['Pop', 'Поп', 'ov'],
  ['Kir', 'Кир', 'ov'],
  ['Mit', 'Мит', 'ev'],
  ['Vasil', 'Васил', 'ev'],
  ['Simeon', 'Симеон', 'ov'],
  ['Pavl', 'Павл', 'ov'],
  ['Yan', 'Ян', 'ev'],
  ['Tsvetk', 'Цветк', 'ov'],
  ['Stefan', 'Стефан', 'ov'],
  ['Mihayl', 'Михайл', 'ov'],
  ['Krast', 'Кръст', 'ev'],
  ['Dobr', 'Добр', 'ev'],
  ['Hadzhi', 'Хаджи', 'ev'],
  ['Mustaf', 'Мустаф', 'ov'],
  ['Hasan', 'Хасан', 'ov'],
  ['Yusein', 'Юсеин', 'ov'],
  ['Ruse', 'Русе', 'v'],
  ['Slav', 'Слав', 'ov'],
  ['Ilie', 'Илие', 'v'],
  ['Bozhin', 'Божин', 'ov'],
  ['Tonch', 'Тонч', 'ev'],
  ['Ganch', 'Ганч', 'ev'],
];

export function bulgarianFamilies(): FamilyEntry[] {
  const cyr = (s: string) => (s === 'ov' ? 'ов' : s === 'ev' ? 'ев' : 'в');
  return BULGARIAN_STEMS.map(([l, c, s]) =>
    gendered(
      n(l + s, c + cyr(s), `${l + s.replace(/v$/, 'ff')}`),
      n(`${l + s}a`, `${c + cyr(s)}а`, `${l + s.replace(/v$/, 'w')}a`),
    ),
  );
}

const TURKISH_PREFIXES = [
  'Kara',
  'Ak',
  'Öz',
  'Demir',
  'Gül',
  'Er',
  'Kaya',
  'Tan',
  'Ay',
  'Gün',
  'Şen',
  'Altın',
  'Yurt',
  'Uz',
];
const TURKISH_SUFFIXES = ['kaya', 'taş', 'oğlu', 'can', 'soy', 'türk', 'han', 'dağ', 'el', 'ci'];

/** Desk spelling on a German keyboard: ü/ö survive, ş ı ğ ç do not. */
function deskTurkish(s: string): string {
  return s
    .replace(/ş/g, 's')
    .replace(/ı/g, 'i')
    .replace(/ğ/g, 'g')
    .replace(/ç/g, 'c')
    .replace(/Ş/g, 'S')
    .replace(/Ç/g, 'C');
}

export function turkishFamilies(): FamilyEntry[] {
  const out: FamilyEntry[] = [];
  for (const p of TURKISH_PREFIXES) {
    for (const s of TURKISH_SUFFIXES) {
      const original = p + s;
      out.push(
        same(deskTurkish(original), original, deskTurkish(original).replace(/ü/g, 'ue').replace(/ö/g, 'oe')),
      );
    }
  }
  return out;
}

export function withDerived(curated: FamilyEntry[], derived: FamilyEntry[]): FamilyEntry[] {
  return unique([...curated, ...derived]);
}
