import { describe, expect, it } from 'vitest';
import { firstComeFirstServed } from './baseline';
import { feasibleTravel } from './feasibility';
import example from './fixtures/allocation-example.json';
import { generateInstance } from './generator';
import { allocationMetrics } from './metrics';
import { buildPairs } from './pairs';
import type { Instance } from './schema';
import { solve, solveDetailed } from './solve';
import { validateInstance } from './validate';
import { verifyOptimal } from './verify';

function load(): Instance {
  const r = validateInstance(example);
  if (!r.ok) throw new Error('example must be valid');
  return r.instance;
}

describe('solve on the contract example', () => {
  const instance = load();
  const allocation = solve(instance);

  it('reaches the stated optimum 66260', () => {
    expect(allocation.score).toBe(66260);
    expect(allocation.optimal).toBe(true);
    expect(allocation.assignments.length + allocation.unassigned.length).toBe(instance.clients.length);
  });

  it('is certified optimal by the dual check', () => {
    const certificate = verifyOptimal(instance, allocation);
    expect(certificate).toMatchObject({ feasible: true, optimal: true, score: 66260, dualBound: 66260 });
  });

  it('first come, first served gives 65269 with 63 placed, and is not certified', () => {
    const fcfs = firstComeFirstServed(instance);
    expect(fcfs.score).toBe(65269);
    expect(fcfs.assignments).toHaveLength(63);
    expect(verifyOptimal(instance, fcfs)).toMatchObject({ feasible: true, optimal: false });
  });

  it('compares both in metrics', () => {
    const optimal = allocationMetrics(instance, allocation);
    const fcfs = allocationMetrics(instance, firstComeFirstServed(instance));
    expect(optimal.placed).toBe(64);
    expect(fcfs.placed).toBe(63);
    expect(optimal.womenDemandShare).toBeCloseTo(34 / 80);
    expect(optimal.travelMinutesMean).toBeCloseTo(optimal.travelMinutesTotal / 64);
  });

  it('the checker rejects tampered allocations', () => {
    const overfull = structuredClone(allocation);
    overfull.score += 1;
    expect(verifyOptimal(instance, overfull).feasible).toBe(false);
    const twice = structuredClone(allocation);
    twice.unassigned.push(twice.assignments[0].client);
    expect(verifyOptimal(instance, twice).problems.join()).toContain('more than once');
  });
});

describe('buildPairs', () => {
  it('finds exactly the feasible pairs of the readable reference rules', () => {
    for (const seed of [1, 2, 3]) {
      const instance = generateInstance({ clients: 300, courses: 40, places: 6, seed, seats: [0, 3] });
      const pairs = buildPairs(instance);
      const fast = new Set<string>();
      for (let i = 0; i < instance.clients.length; i++)
        for (let k = pairs.start[i]; k < pairs.start[i + 1]; k++) fast.add(`${i}:${pairs.course[k]}`);
      const slow = new Set<string>();
      instance.clients.forEach((c, i) => {
        instance.courses.forEach((k, j) => {
          if (feasibleTravel(instance, c, k) !== undefined) slow.add(`${i}:${j}`);
        });
      });
      expect(fast).toEqual(slow);
    }
  });
});

describe('solve on generated instances', () => {
  it('is certified optimal and never worse than first come, first served', () => {
    for (const seed of [11, 12, 13]) {
      const instance = generateInstance({ clients: 3000, courses: 150, seed });
      const { allocation, pairs, courseValues } = solveDetailed(instance);
      const certificate = verifyOptimal(instance, allocation, { pairs });
      expect(certificate.problems).toEqual([]);
      expect(certificate.optimal).toBe(true);
      // The solver's own duals certify it too, with the same bound.
      expect(verifyOptimal(instance, allocation, { pairs, courseValues })).toMatchObject({
        optimal: true,
        dualBound: certificate.dualBound,
      });
      expect(allocation.score).toBeGreaterThanOrEqual(firstComeFirstServed(instance, pairs).score);
    }
  });

  it('reports progress up to 1', () => {
    const fractions: number[] = [];
    solve(generateInstance({ clients: 500, courses: 30, seed: 5 }), {
      onProgress: (p) => fractions.push(p.fraction),
    });
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });

  it('handles empty instances and zero seats', () => {
    const empty: Instance = {
      asOf: '2025-03-01',
      maxTravelMinutes: 60,
      clients: [],
      courses: [],
      travelMinutes: {},
    };
    expect(solve(empty)).toMatchObject({ assignments: [], unassigned: [], score: 0 });
    const noSeats = generateInstance({ clients: 50, courses: 5, seed: 9, seats: [0, 0] });
    expect(solve(noSeats).assignments).toEqual([]);
  });
});

describe('aggregation into classes and seat pools', () => {
  const client = (id: string, waitingDays: number, home = 'g1') => ({
    id,
    level: 'A1' as const,
    gender: 'f' as const,
    needsWomenOnly: false,
    needsChildcare: false,
    home,
    waitingDays,
    courseTypes: ['ik_allgemein'],
  });
  const course = (id: string, seats: number, place = 'g1') => ({
    id,
    type: 'ik_allgemein',
    entryLevels: ['A1' as const],
    seats,
    place,
    childcare: false,
    womenOnly: false,
  });

  it('merges interchangeable courses into one pool and places the longest waits', () => {
    const instance: Instance = {
      asOf: '2025-03-01',
      maxTravelMinutes: 60,
      clients: [client('a', 5), client('b', 50), client('c', 20), client('d', 50), client('e', 1)],
      courses: [course('k1', 2), course('k2', 1), course('k3', 0)],
      travelMinutes: { g1: { g1: 10 } },
    };
    const { allocation, stats } = solveDetailed(instance);
    expect(stats).toMatchObject({ classes: 1, pools: 1 });
    expect(allocation.assignments.map((a) => a.client).sort()).toEqual(['b', 'c', 'd']);
    expect(allocation.assignments.filter((a) => a.course === 'k1')).toHaveLength(2);
    expect(allocation.score).toBe(3 * 990 + 50 + 50 + 20);
    expect(verifyOptimal(instance, allocation).optimal).toBe(true);
  });

  it('keeps clients apart whose pairs differ only because a long trip scores ≤ 0', () => {
    // From g2, the course at g1 is 1030 minutes away: worth 1000 + 40 − 1030 = 10 to the
    // client waiting 40 days and nothing to the one waiting 10 days, who stays unplaced.
    const instance: Instance = {
      asOf: '2025-03-01',
      maxTravelMinutes: 2000,
      clients: [client('long', 40, 'g2'), client('short', 10, 'g2'), client('near', 0, 'g1')],
      courses: [course('far', 2, 'g1')],
      travelMinutes: { g1: { g1: 5 }, g2: { g1: 1030 } },
    };
    const { allocation, stats, pairs, courseValues } = solveDetailed(instance);
    expect(stats.classes).toBe(2);
    expect(allocation.unassigned).toEqual(['short']);
    expect(allocation.score).toBe(10 + 995);
    expect(verifyOptimal(instance, allocation, { pairs, courseValues }).optimal).toBe(true);
  });
});

describe('generateInstance', () => {
  it('is deterministic per seed and valid', () => {
    const a = generateInstance({ clients: 200, courses: 20, seed: 42 });
    expect(generateInstance({ clients: 200, courses: 20, seed: 42 })).toEqual(a);
    expect(generateInstance({ clients: 200, courses: 20, seed: 43 })).not.toEqual(a);
    expect(validateInstance(a).ok).toBe(true);
  });
});
