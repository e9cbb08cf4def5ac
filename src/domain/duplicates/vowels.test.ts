import { describe, expect, it } from 'vitest';
import { scorePair } from './score';
import type { PersonRecord } from './types';
import { vowelAgreement, vowelRuns } from './vowels';

describe('vowelRuns', () => {
  it('folds the usual transliteration pairs', () => {
    expect(vowelRuns('mahmoud')).toEqual(['a', 'u']);
    expect(vowelRuns('zeinab')).toEqual(vowelRuns('zainab'));
    expect(vowelRuns('natalija')).toEqual(vowelRuns('nataliia'));
    expect(vowelRuns('hueseyin')).toEqual(vowelRuns('huseyin'));
    expect(vowelRuns('andriy')).toEqual(vowelRuns('andrii'));
  });
});

describe('vowelAgreement', () => {
  it('is high for spellings of one name', () => {
    for (const [a, b] of [
      ['yusuf', 'youssef'],
      ['nisreen', 'nesrin'],
      ['hussein', 'hussain'],
      ['abdulaziz', 'abdelaziz'],
      ['oleksandr', 'aleksandr'],
      ['fatemeh', 'fatima'],
    ])
      expect(vowelAgreement(a, b)).toBeGreaterThanOrEqual(0.7);
  });
  it('is low for different names with one skeleton', () => {
    for (const [a, b] of [
      ['mahmoud', 'mohammed'],
      ['olena', 'uliana'],
      ['hussein', 'hassan'],
      ['yazan', 'yasin'],
      ['mHmud', 'mHmd'], // محمود / محمد
    ])
      expect(vowelAgreement(a, b)).toBeLessThanOrEqual(0.67);
  });
  it('is symmetric', () => {
    expect(vowelAgreement('olena', 'uliana')).toBe(vowelAgreement('uliana', 'olena'));
  });
});

const person = (id: string, names: string[], extra: Partial<PersonRecord> = {}): PersonRecord => ({
  id,
  names,
  birthDate: '1990-05-14',
  birthDatePrecision: 'day',
  nationality: 'SY',
  gender: 'm',
  ...extra,
});

describe('vowel-aware scoring', () => {
  it('scores a same-skeleton name with other vowels below a spelling variant', () => {
    const base = person('a', ['Mohammed Tayseer']);
    const variant = scorePair(base, person('b', ['Muhammad Tayseer'])).score;
    const other = scorePair(base, person('b', ['Mahmoud Tayseer'])).score;
    expect(other).toBeLessThan(variant);
  });
  it('does not let a cross-script match outvote the same-script comparison', () => {
    const ua = {
      nationality: 'UA',
      gender: 'f' as const,
      birthDate: '1990-01-01',
      birthDatePrecision: 'year' as const,
    };
    const a = person('a', ['Uliana Levchenko', 'Уляна Левченко'], ua);
    const b = person('b', ['Olena Levchenko', 'Олена Левченко'], ua);
    const same = person('c', ['Ouliana Lewtschenko', 'Уляна Левченко'], ua);
    expect(scorePair(a, b).score).toBeLessThan(0.8);
    expect(scorePair(a, same).score).toBeGreaterThanOrEqual(0.8);
  });
  it('still matches a Latin spelling with the original script when the records share no script', () => {
    expect(
      scorePair(person('a', ['محمود تيسير']), person('b', ['Mahmoud Tayseer'])).score,
    ).toBeGreaterThanOrEqual(0.8);
  });
});
