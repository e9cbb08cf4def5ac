import { describe, expect, it } from 'vitest';
import example from './fixtures/allocation-example.json';
import { validateInstance } from './validate';

const clone = (): Record<string, unknown> & typeof example => structuredClone(example);
const pathsOf = (input: unknown) => {
  const r = validateInstance(input);
  return r.ok ? [] : r.issues.map((i) => i.path);
};

describe('validateInstance', () => {
  it('accepts the contract example (the _note field is ignored)', () => {
    expect(validateInstance(example).ok).toBe(true);
  });

  it('names the path of a negative seat count', () => {
    const bad = clone();
    bad.courses[3].seats = -1;
    expect(pathsOf(bad)).toEqual(['$.courses[3].seats']);
  });

  it('names invalid levels, bad types and missing fields', () => {
    const bad = clone();
    (bad.clients[2] as Record<string, unknown>).level = 'A3';
    (bad.courses[1].entryLevels as string[]) = ['A1', 'Z9'];
    (bad.clients[4] as Record<string, unknown>).waitingDays = '12';
    delete (bad.courses[0] as Record<string, unknown>).place;
    expect(pathsOf(bad).sort()).toEqual(
      [
        '$.clients[2].level',
        '$.clients[4].waitingDays',
        '$.courses[0].place',
        '$.courses[1].entryLevels[1]',
      ].sort(),
    );
  });

  it('rejects fractional minutes and unknown fields', () => {
    const bad = clone();
    bad.travelMinutes.g1.g2 = 30.5;
    (bad.clients[0] as Record<string, unknown>).nickname = 'x';
    expect(pathsOf(bad).sort()).toEqual(['$.clients[0]', '$.travelMinutes.g1.g2']);
  });

  it('reports duplicate ids at the second occurrence', () => {
    const bad = clone();
    bad.clients[7].id = bad.clients[2].id;
    bad.courses[5].id = 'k0';
    const r = validateInstance(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.path)).toEqual(['$.clients[7].id', '$.courses[5].id']);
      expect(r.issues[0].message).toContain('$.clients[2].id');
    }
  });

  it('reports homes without a travel row and course places nobody can travel to', () => {
    const bad = clone();
    bad.clients[1].home = 'g99';
    bad.courses[6].place = 'g42';
    expect(pathsOf(bad)).toEqual(['$.clients[1].home', '$.courses[6].place']);
  });

  it('treats a missing cell of the travel matrix as unreachable, not as an error', () => {
    const ok = clone();
    delete (ok.travelMinutes.g0 as Record<string, number>).g2;
    expect(validateInstance(ok).ok).toBe(true);
  });

  it('rejects a non-object', () => {
    expect(pathsOf([])).toEqual(['$']);
  });
});
