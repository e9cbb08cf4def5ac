import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKeys } from './keys';
import { scorePair } from './score';
import type { PersonRecord } from './types';

describe('nameKeys', () => {
  it('gives the same key to spellings, articles, order and scripts of one name', () => {
    const spellings = [
      'Mohammed Al-Hassan',
      'Muhammad El Hassan',
      'Hassan Mohamad',
      'محمد الحسن',
      'Mohamed Alhassan',
    ];
    const keySets = spellings.map((s) => new Set(nameKeys([s])));
    for (const k of keySets[0]) if (keySets.every((set) => set.has(k))) return;
    throw new Error(`no common key: ${JSON.stringify(spellings.map((s) => nameKeys([s])))}`);
  });
  it.each([
    ['Abdulhamid Yusuf', 'Abdoulhamid Yousouf', 'عبد الحميد يوسف', 'Abd al-Hamid Youssef'],
    ['Zainab Daud', 'Zainab Dawud', 'Zeinab Dawood', 'زینب داود'],
    ['Hanan Abu Rami', 'Hannan Abbu Rami', 'Hanan Abou Rami'],
    ['Nour Saeed', 'Noor Said', 'Nur Saeid'],
    ['Pavlo Kovalenko', 'Pawlo Kowalenko'],
    ['Najibullah Popal', 'Najib Oullah Popal'],
  ])('folds ou/u, aw/au/w, oo/u, ee/i, doubled letters and Abdoul/Abdul: %s', (...spellings) => {
    const keySets = spellings.map((s) => new Set(nameKeys([s])));
    expect([...keySets[0]].some((k) => keySets.every((set) => set.has(k)))).toBe(true);
  });
  it('keeps a key when a second given name is missing', () => {
    const full = new Set(nameKeys(['Mohammed Ali Al-Hassan']));
    expect(nameKeys(['Mohammed Al-Hassan']).some((k) => full.has(k))).toBe(true);
  });
  it('gives a small set of keys', () => {
    expect(nameKeys(['Mohammed Ali Al-Hassan', 'محمد علي الحسن']).length).toBeLessThanOrEqual(48);
    expect(nameKeys([])).toEqual([]);
  });
});

const NAMES = [
  'Mohammed Al-Hassan',
  'محمد الحسن',
  'Olena Shevchenko',
  'Олена Шевченко',
  'Tesfay Kidane',
  'Ahmad Karimi',
  'Ayşe Yılmaz',
];
const name = fc.oneof(
  fc.constantFrom(...NAMES),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const date = fc
  .date({ min: new Date('1940-01-01'), max: new Date('2010-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const record = (id: string) =>
  fc.record({
    id: fc.constant(id),
    names: fc.array(name, { minLength: 1, maxLength: 3 }),
    birthDate: fc.option(date, { nil: null }),
    birthDatePrecision: fc.option(fc.constantFrom('day' as const, 'month' as const, 'year' as const), {
      nil: null,
    }),
    nationality: fc.option(fc.constantFrom('SY', 'AF', 'UA', 'ER'), { nil: null }),
    gender: fc.option(fc.constantFrom('m' as const, 'f' as const, 'x' as const), { nil: null }),
  }) as fc.Arbitrary<PersonRecord>;

describe('properties', () => {
  it('scorePair is symmetric and within [0, 1]', () => {
    fc.assert(
      fc.property(record('a'), record('b'), (a, b) => {
        const ab = scorePair(a, b).score;
        const ba = scorePair(b, a).score;
        expect(ab).toBe(ba);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
  it('nameKeys does not depend on the order of names when the key cap is reached', () => {
    // Found by the property below: the cap used to cut while collecting, so the first spelling won.
    const names = ['Cl C Ac', 'A', 'Kaylee Sylvester Clay'];
    expect(nameKeys([...names].reverse())).toEqual(nameKeys(names));
    expect(nameKeys(['Cl C Ac', 'A'])).toEqual(nameKeys(['A', 'Cl C Ac']));
  });
  it('nameKeys does not depend on the order of names', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 4 }), (names) => {
        expect(nameKeys([...names].reverse())).toEqual(nameKeys(names));
      }),
      { numRuns: 300 },
    );
  });
  it('a record matches itself whenever it has a name', () => {
    fc.assert(
      fc.property(record('a'), (a) => {
        const s = scorePair(a, { ...a, id: 'b' });
        // At least two readable name tokens (a pair key): "Ω x" has two words but one token.
        if (nameKeys(a.names).some((k) => k.includes('|'))) {
          expect(s.score).toBeGreaterThan(0.5);
        }
      }),
      { numRuns: 200 },
    );
  });
});
