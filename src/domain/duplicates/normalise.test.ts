import { describe, expect, it } from 'vitest';
import { queryTokenKeys } from '../search/name-tokens';
import { nameKeys } from './keys';
import { sanitiseName, toLatin } from './normalise';
import { scorePair } from './score';

const LATIN = 'Mohammed Al-Hassan';
// Each looks like LATIN on screen but was typed (or pasted) with other code points.
const LOOK_ALIKES: [string, string][] = [
  ['Cyrillic о in the given name', 'M\u043Ehammed Al-Hassan'],
  ['Cyrillic а and е', 'Moh\u0430mm\u0435d Al-H\u0430ssan'],
  ['Cyrillic М at the start', '\u041Cohammed Al-Hassan'],
  ['Greek ο and Α', 'M\u03BFhammed \u0391l-Hassan'],
  ['zero-width space inside', 'Moham\u200Bmed Al-Hassan'],
  ['zero-width joiner and soft hyphen', 'Mo\u200Dham\u00ADmed Al-Has\u200Csan'],
  ['byte order mark and direction marks', '\uFEFFMohammed \u200EAl-Hassan\u200F'],
  ['full-width letters', 'Ｍｏｈａｍｍｅｄ Al-Hassan'],
];

describe('look-alike letters and invisible characters in names', () => {
  it.each(LOOK_ALIKES)('%s: same Latin form, same keys, same search keys', (_what, name) => {
    expect(toLatin(name).text).toBe(toLatin(LATIN).text);
    expect(nameKeys([name])).toEqual(nameKeys([LATIN]));
    expect(queryTokenKeys(name)).toEqual(queryTokenKeys(LATIN));
  });

  it.each(LOOK_ALIKES)('%s: scored as the same person by the duplicate check', (_what, name) => {
    const a = { id: 'a', names: [LATIN], birthDate: '1990-01-01', nationality: 'SY' };
    const b = { id: 'b', names: [name], birthDate: '1990-01-01', nationality: 'SY' };
    expect(scorePair(a, b).score).toBeCloseTo(scorePair(a, { ...b, names: [LATIN] }).score, 5);
  });

  it('leaves a name written wholly in Cyrillic to the transliteration', () => {
    expect(sanitiseName('Олександр Коваленко')).toBe('Олександр Коваленко');
    expect(toLatin('Олександр Коваленко').text).toBe(toLatin('Oleksandr Kovalenko').text);
  });

  it('keeps the zero-width non-joiner inside Persian names, where the spelling needs it', () => {
    expect(sanitiseName('نوید\u200Cرحیم')).toBe('نوید\u200Cرحیم');
    expect(sanitiseName('Navid\u200CRahim')).toBe('NavidRahim');
  });
});
