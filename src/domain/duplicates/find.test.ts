import { describe, expect, it } from 'vitest';
import { generatePersons, toPersonRecord } from '../people';
import { findDuplicates } from './find';
import type { PersonRecord } from './types';

const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

describe('findDuplicates', () => {
  it('finds the contract example pair and reports it best first', () => {
    const records: PersonRecord[] = [
      {
        id: 'p1',
        names: ['Mohammed Al-Hassan', 'محمد الحسن'],
        birthDate: '1990-01-01',
        birthDatePrecision: 'year',
        nationality: 'SY',
        gender: 'm',
      },
      {
        id: 'p2',
        names: ['Olena Kovalenko'],
        birthDate: '1988-04-02',
        birthDatePrecision: 'day',
        nationality: 'UA',
        gender: 'f',
      },
      {
        id: 'p7',
        names: ['Muhammad El Hassan'],
        birthDate: '1990-06-12',
        birthDatePrecision: 'day',
        nationality: 'SY',
        gender: 'm',
      },
    ];
    const pairs = findDuplicates(records);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([['p1', 'p7']]);
    expect(pairs[0].reasons).toEqual(expect.arrayContaining(['name_variant', 'birthYear', 'nationality']));
  });

  it('returns nothing for an empty or single-record input', () => {
    expect(findDuplicates([])).toEqual([]);
    expect(findDuplicates([{ id: 'a', names: ['Ali Hassan'] }])).toEqual([]);
  });

  it('sorts best first', () => {
    const data = generatePersons({ count: 2_000, seed: 'sort', duplicates: 100 });
    const pairs = findDuplicates(data.persons.map(toPersonRecord));
    for (let i = 1; i < pairs.length; i++) expect(pairs[i - 1].score).toBeGreaterThanOrEqual(pairs[i].score);
  });

  // A county-sized register: duplicates with variant spellings, year-only dates, one script only.
  it.each(['county-a', 'county-b'])(
    'reaches precision ≥ 0.95 and recall ≥ 0.90 on a county-sized register (%s)',
    (seed) => {
      const data = generatePersons({ count: 5_000, seed, duplicates: 150, lookalikes: 150 });
      const truth = new Set(data.duplicatePairs.map(([a, b]) => key(a, b)));
      const pairs = findDuplicates(data.persons.map(toPersonRecord));
      const tp = pairs.filter((p) => truth.has(key(p.a, p.b))).length;
      expect(tp / pairs.length).toBeGreaterThanOrEqual(0.95);
      expect(tp / truth.size).toBeGreaterThanOrEqual(0.9);
    },
  );
});
