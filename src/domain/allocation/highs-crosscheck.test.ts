import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import { generateInstance } from './generator';
import { buildPairs } from './pairs';
import type { Instance } from './schema';
import { solveDetailed } from './solve';
import { verifyOptimal } from './verify';

/**
 * The allocation as an LP in CPLEX LP format. The constraint matrix of a bipartite
 * b-matching is totally unimodular, so the LP optimum is the integer optimum.
 */
function lpOf(instance: Instance): string {
  const pairs = buildPairs(instance);
  const objective: string[] = [];
  const byCourse: string[][] = instance.courses.map(() => []);
  const rows: string[] = [];
  for (let i = 0; i < pairs.clientCount; i++) {
    const own: string[] = [];
    for (let k = pairs.start[i]; k < pairs.start[i + 1]; k++) {
      objective.push(`+ ${pairs.score[k]} x${k}`);
      own.push(`x${k}`);
      byCourse[pairs.course[k]].push(`x${k}`);
    }
    if (own.length > 0) rows.push(` c${i}: ${own.join(' + ')} <= 1`);
  }
  byCourse.forEach((vars, j) => {
    if (vars.length > 0) rows.push(` k${j}: ${vars.join(' + ')} <= ${instance.courses[j].seats}`);
  });
  const bounds =
    pairs.course.length === 0 ? '' : [...pairs.course.keys()].map((k) => ` x${k} <= 1`).join('\n');
  return `Maximize\n obj: ${objective.join(' ') || '0 dummy'}\nSubject To\n${rows.join('\n') || ' r: dummy >= 0'}\nBounds\n${bounds}\nEnd\n`;
}

const highs = await highsLoader();

function highsOptimum(instance: Instance): number {
  const result = highs.solve(lpOf(instance), { output_flag: false });
  if (result.Status !== 'Optimal') throw new Error(`highs: ${result.Status}`);
  return Math.round(result.ObjectiveValue);
}

describe('cross-check against HiGHS', () => {
  it('agrees on 150 small random instances (tight seats, ties, unreachable places)', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const instance = generateInstance({
        clients: 5 + (seed % 40),
        courses: 1 + (seed % 9),
        places: 2 + (seed % 4),
        kmPerPlace: 10 + (seed % 30),
        maxTravelMinutes: 20 + (seed % 50),
        seats: [0, 1 + (seed % 5)],
        seed,
      });
      const { allocation, pairs } = solveDetailed(instance);
      expect(allocation.score, `seed ${seed}`).toBe(highsOptimum(instance));
      expect(verifyOptimal(instance, allocation, { pairs }).optimal, `seed ${seed}`).toBe(true);
    }
  });

  it('agrees when long trips cut pairs by score (same eligibility, different feasible sets)', () => {
    // Travel near 1000 minutes makes 1000 + waitingDays − travel ≤ 0 for short waits only, so
    // clients of one home and eligibility differ in their feasible courses and must not share
    // a class; few places and many courses also put several courses into each seat pool.
    for (let seed = 1; seed <= 40; seed++) {
      const instance = generateInstance({
        clients: 60 + 3 * seed,
        courses: 4 + (seed % 12),
        places: 2 + (seed % 3),
        kmPerPlace: 500 + 10 * (seed % 20),
        maxTravelMinutes: 1500,
        seats: [0, 1 + (seed % 4)],
        seed,
      });
      const { allocation, pairs, courseValues } = solveDetailed(instance);
      expect(allocation.score, `seed ${seed}`).toBe(highsOptimum(instance));
      expect(verifyOptimal(instance, allocation, { pairs }).optimal, `seed ${seed}`).toBe(true);
      expect(verifyOptimal(instance, allocation, { pairs, courseValues }).optimal, `seed ${seed}`).toBe(true);
    }
  });

  it('agrees on medium instances', () => {
    for (const seed of [101, 102]) {
      const instance = generateInstance({ clients: 2500, courses: 120, seed });
      const { allocation, stats } = solveDetailed(instance);
      expect(stats.pairs).toBeGreaterThan(10_000);
      expect(allocation.score).toBe(highsOptimum(instance));
    }
  }, 60_000);
});
