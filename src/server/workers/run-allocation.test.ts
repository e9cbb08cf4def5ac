import { describe, expect, it } from 'vitest';
import { generateInstance, type SolveProgress, solve } from '../../domain/allocation';
import { solveInWorker } from './run-allocation';

describe('solveInWorker', () => {
  it('returns the same allocation as the in-process solve, with progress', async () => {
    const instance = generateInstance({ clients: 2000, courses: 100, seed: 7 });
    const progress: SolveProgress[] = [];
    const fromWorker = await solveInWorker(instance, (p) => progress.push(p));
    const local = solve(instance);
    expect({ ...fromWorker, seconds: 0 }).toEqual({ ...local, seconds: 0 });
    expect(progress.at(-1)).toEqual({ phase: 'done', fraction: 1 });
  }, 30_000);
});
