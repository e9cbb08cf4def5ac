import { describe, expect, it } from 'vitest';
import { noisyQueries, searchOccupations } from '../../../domain/occupations';
import { occupationIndex } from './esco-index';

describe('occupation search on 300 noisy titles (issue 14: ≥ 200 queries, top-5 ≥ 95 % by ISCO unit group)', () => {
  it('finds the occupation’s ISCO unit group among the first five for at least 95 %', () => {
    const index = occupationIndex();
    const queries = noisyQueries(index.data, 300);
    expect(queries).toHaveLength(300);
    const misses = queries.filter(
      ([lang, q, isco]) => !searchOccupations(index, q, { lang, limit: 5 }).some((h) => h.isco === isco),
    );
    expect(
      1 - misses.length / queries.length,
      misses.map((m) => m.join(' ')).join('\n'),
    ).toBeGreaterThanOrEqual(0.95);
  });
});
