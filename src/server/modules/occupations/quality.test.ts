import { describe, expect, it } from 'vitest';
import { searchOccupations } from '../../../domain/occupations';
import { occupationIndex } from './esco-index';
import { OCCUPATION_QUERIES } from './quality-set';

describe('occupation search: quality floor on hard queries (CONTRACTS §4)', () => {
  it('finds the meant occupation among the first three for at least 90 % of the queries, first for 80 %', () => {
    const index = occupationIndex();
    let top1 = 0;
    let top3 = 0;
    const misses: string[] = [];
    for (const [lang, q, isco] of OCCUPATION_QUERIES) {
      const hits = searchOccupations(index, q, { lang, limit: 3 });
      if (hits[0]?.isco === isco) top1++;
      if (hits.some((h) => h.isco === isco)) top3++;
      else
        misses.push(
          `${lang} "${q}" → ${hits.map((h) => `${h.isco} ${h.label}`).join(' | ')} (expected ${isco})`,
        );
    }
    const n = OCCUPATION_QUERIES.length;
    expect(n).toBeGreaterThanOrEqual(60);
    expect(top3 / n, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(top1 / n, misses.join('\n')).toBeGreaterThanOrEqual(0.8);
  });

  it('answers the contract shape, best first, with ESCO URIs and scores in 0..1', () => {
    const hits = searchOccupations(occupationIndex(), 'Bäckerin', { lang: 'de', limit: 5 });
    expect(hits).toHaveLength(5);
    expect(hits[0]).toMatchObject({ isco: '7512', label: 'Bäcker/Bäckerin', score: 1 });
    expect(hits[0].uri).toMatch(/^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/);
    for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
    for (const h of hits) expect(h.score).toBeGreaterThan(0);
  });

  it('labels in the asked language', () => {
    expect(searchOccupations(occupationIndex(), 'Bäcker', { lang: 'uk', limit: 1 })[0]).toMatchObject({
      isco: '7512',
      label: 'пекар/пекарка',
    });
  });
});
