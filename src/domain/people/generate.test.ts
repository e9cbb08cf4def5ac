import { describe, expect, it } from 'vitest';
import { detectScript } from '../duplicates/normalise';
import { generatePersons, toPersonRecord } from './generate';
import { NAME_POOLS } from './pools';

describe('generatePersons', () => {
  const data = generatePersons({ count: 3_000, seed: 42, duplicates: 100, lookalikes: 50 });

  it('is deterministic for a seed', () => {
    const again = generatePersons({ count: 3_000, seed: 42, duplicates: 100, lookalikes: 50 });
    expect(again).toEqual(data);
    expect(generatePersons({ count: 3_000, seed: 43 }).persons[0]).not.toEqual(data.persons[0]);
  });

  it('returns count records with unique ids and ground-truth pairs', () => {
    expect(data.persons).toHaveLength(3_000);
    expect(new Set(data.persons.map((p) => p.id)).size).toBe(3_000);
    expect(data.duplicatePairs).toHaveLength(100);
    const ids = new Set(data.persons.map((p) => p.id));
    for (const [a, b] of data.duplicatePairs) expect(ids.has(a) && ids.has(b)).toBe(true);
  });

  it('gives valid fields for a person record', () => {
    for (const p of data.persons) {
      expect(p.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(p.birthDate))).toBe(false);
      if (p.birthDatePrecision === 'year') expect(p.birthDate.endsWith('-01-01')).toBe(true);
      expect(['m', 'f']).toContain(p.gender);
      if (p.nationality) expect(p.nationality).toMatch(/^[A-Z]{2}$/);
      expect(p.languages[0].level).toBe('native');
      for (const l of p.languages) expect(l.code).toMatch(/^[a-z]{2}$/);
      expect(p.givenNames.length > 0 || p.namesOriginal !== undefined).toBe(true);
      expect(toPersonRecord(p).names.length).toBeGreaterThan(0);
    }
  });

  it('writes the original name in its script', () => {
    for (const p of data.persons) {
      if (p.namesOriginal && p.script !== 'Latn') expect(detectScript(p.namesOriginal.full)).toBe(p.script);
    }
  });

  it('has a realistic nationality mix and year-only dates where documents lack the day', () => {
    const big = generatePersons({ count: 20_000, seed: 'mix' }).persons;
    const share = (code: string) => big.filter((p) => p.nationality === code).length / big.length;
    expect(share('UA')).toBeGreaterThan(0.25);
    expect(share('SY')).toBeGreaterThan(0.2);
    expect(share('AF')).toBeGreaterThan(0.1);
    const afghans = big.filter((p) => p.nationality === 'AF');
    const yearOnly = afghans.filter((p) => p.birthDatePrecision === 'year').length / afghans.length;
    expect(yearOnly).toBeGreaterThan(0.25);
    expect(big.filter((p) => p.nationality === 'UA' && p.birthDatePrecision === 'year')).toHaveLength(0);
  });

  it('writes duplicates with a year-only date mostly where people arrive without documents', () => {
    const opts = { count: 30_000, seed: 'dup-years', duplicates: 6_000 };
    const shareOf = (uniform: boolean, codes: string[]) => {
      const d = generatePersons({ ...opts, uniformDuplicateYearOnly: uniform });
      const byId = new Map(d.persons.map((p) => [p.id, p]));
      let n = 0;
      let year = 0;
      for (const [a, b] of d.duplicatePairs) {
        const original = byId.get(a);
        const dup = byId.get(b);
        if (!original || !dup || original.birthDatePrecision !== 'day') continue;
        if (!codes.includes(original.nationality ?? '')) continue;
        n++;
        if (dup.birthDatePrecision === 'year') year++;
      }
      return year / n;
    };
    const documented = shareOf(false, ['UA', 'TR', 'BG']);
    expect(documented).toBeLessThanOrEqual(0.07);
    expect(documented).toBeGreaterThan(0.02);
    expect(shareOf(false, ['AF', 'SY', 'IQ', 'ER', 'IR'])).toBeGreaterThan(0.26);
    // The earlier rule, kept for comparison: 30 % everywhere.
    expect(shareOf(true, ['UA', 'TR', 'BG'])).toBeGreaterThan(0.26);
  });

  it('rejects more duplicates than persons', () => {
    expect(() => generatePersons({ count: 10, seed: 1, duplicates: 10 })).toThrow(RangeError);
  });
});

describe('realistic name diversity', () => {
  const big = generatePersons({ count: 20_000, seed: 'names' }).persons;
  const of = (code: string) => big.filter((p) => p.nationality === code && p.givenNames.length > 0);

  it('records the father’s (often also the grandfather’s) name as further given names for most Syrians', () => {
    const syrians = of('SY');
    const withFather = syrians.filter((p) => p.givenNames.length >= 2).length / syrians.length;
    const withGrandfather = syrians.filter((p) => p.givenNames.length >= 3).length / syrians.length;
    expect(withFather).toBeGreaterThan(0.5);
    expect(withFather).toBeLessThan(0.7);
    expect(withGrandfather).toBeGreaterThan(0.15);
    const afghans = of('AF');
    expect(afghans.filter((p) => p.givenNames.length >= 2).length / afghans.length).toBeGreaterThan(0.3);
  });

  it('gives a share of Ukrainians a patronymic that matches their gender', () => {
    const ukrainians = of('UA');
    const withPatronymic = ukrainians.filter((p) => p.givenNames.length === 2);
    expect(withPatronymic.length / ukrainians.length).toBeGreaterThan(0.2);
    expect(withPatronymic.length / ukrainians.length).toBeLessThan(0.4);
    for (const p of withPatronymic) {
      expect(p.givenNames[1]).toMatch(p.gender === 'm' ? /(ovych|ich)$/ : /ivna$/);
      expect(p.namesOriginal?.givenNames[1]).toMatch(p.gender === 'm' ? /(ович|іч)$/ : /[ії]вна$/);
    }
  });

  it('draws given names from a long tail: many distinct names, the most common one not dominant', () => {
    const firsts = of('SY').map((p) => p.givenNames[0]);
    const counts = new Map<string, number>();
    for (const g of firsts) counts.set(g, (counts.get(g) ?? 0) + 1);
    expect(counts.size).toBeGreaterThan(150);
    expect(Math.max(...counts.values()) / firsts.length).toBeLessThan(0.12);
    const full = new Set(of('SY').map((p) => [...p.givenNames, p.familyName].join(' ')));
    expect(full.size / of('SY').length).toBeGreaterThan(0.8);
  });
});

describe('name pools', () => {
  it('hold hundreds of given names for the large traditions', () => {
    expect(NAME_POOLS.arabic.male.length).toBeGreaterThan(150);
    expect(NAME_POOLS.arabic.female.length).toBeGreaterThan(100);
    expect(NAME_POOLS.persian.male.length).toBeGreaterThan(150);
    expect(NAME_POOLS.persian.female.length).toBeGreaterThan(80);
    for (const pool of Object.values(NAME_POOLS)) {
      expect(new Set(pool.male.map((e) => e.latin)).size).toBe(pool.male.length);
    }
  });

  it('hold names in original script with a Latin transliteration for every tradition', () => {
    for (const pool of Object.values(NAME_POOLS)) {
      expect(pool.male.length).toBeGreaterThan(15);
      expect(pool.female.length).toBeGreaterThan(15);
      for (const e of [...pool.male, ...pool.female, ...pool.family.flatMap((f) => [f.m, f.f])]) {
        expect(detectScript(e.latin)).toBe('Latn');
        expect(detectScript(e.original)).toBe(pool.script);
      }
    }
  });
});
