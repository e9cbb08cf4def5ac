/**
 * Spellings of one name that no spelling rule joins, as desks write them for the same person:
 * regional forms (Fatima, Fatma, Fatemeh — Arabic, Turkish, Persian), Cyrillic transliterations
 * (Olena, Elena, Alyona) and German habits (Chaled, Chadidscha). Like the name-variant lists of
 * record-linkage tools, it lists only forms that are the same name, never related names (Mahmoud
 * and Mohammed, Hassan and Hussein, Mehmet and Mohammed stay apart: a person keeps one of them).
 * The first spelling of each family names it.
 */
const FAMILIES: readonly (readonly string[])[] = [
  ['fatima', 'fatma', 'fatemeh', 'fatimah', 'fatime', 'fatuma'],
  ['amina', 'aminah', 'emine', 'amena'],
  ['maryam', 'mariam', 'meryem', 'mariyam', 'maryem'],
  ['aisha', 'ayesha', 'aischa', 'aysha', 'ayse', 'aicha'],
  ['khadija', 'hatice', 'chadidscha', 'khadidja', 'hadiya', 'khadeeja'],
  ['zainab', 'zeinab', 'zaynab', 'zeynep'],
  ['layla', 'leila', 'laila', 'leyla', 'lejla'],
  ['olena', 'elena', 'alyona', 'alena', 'jelena', 'yelena'],
  ['khaled', 'khalid', 'chaled', 'halid', 'haled'],
  ['yusuf', 'yousef', 'youssef', 'jusuf', 'yussuf', 'yousuf', 'youcef'],
  ['ibrahim', 'ebrahim', 'ibragim', 'ebraheem'],
  ['mustafa', 'mostafa', 'moustafa', 'mustapha'],
  ['serhii', 'sergei', 'serhiy', 'sergii', 'sergey', 'serhij'],
  ['oleksandr', 'alexander', 'olexandr', 'aleksandr', 'oleksander', 'alexandr'],
  ['georgi', 'georgy', 'giorgi', 'georgiy', 'heorhii'],
  ['dmytro', 'dmitri', 'dmitro', 'dmitry', 'dmitrij'],
  ['andrii', 'andriy', 'andrei', 'andrey', 'andrij'],
  ['kateryna', 'katerina', 'ekaterina', 'yekaterina', 'katarina'],
  ['tetiana', 'tatiana', 'tetyana', 'tatjana', 'tatyana'],
  ['iryna', 'irina'],
  ['yulia', 'julia', 'yuliia', 'yuliya', 'julija'],
  ['natalia', 'nataliya', 'natalya', 'natalija'],
  ['dawit', 'dawid', 'davit'],
  ['yonas', 'jonas', 'yunus'],
  ['tariq', 'tarek', 'tarik', 'tareq'],
  ['nour', 'noor', 'nur'],
  ['rahel', 'rachel', 'rahil'],
  ['amanuel', 'emanuel', 'emmanuel'],
  ['yasmin', 'jasmin', 'yasmine', 'yasemin'],
  ['nadia', 'nadja', 'nadiya'],
  ['helen', 'helena'],
  ['zahra', 'sahra', 'zehra'],
];

const FAMILY_OF = new Map<string, string>();
for (const f of FAMILIES) for (const s of f) FAMILY_OF.set(s, f[0]);

/** The family a spelling (lower case, Latin) belongs to, or undefined. */
export function nameFamily(text: string): string | undefined {
  return FAMILY_OF.get(text);
}
