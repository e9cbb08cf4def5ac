import { availableParallelism, loadavg } from 'node:os';
import {
  allocationMetrics,
  firstComeFirstServed,
  generateInstance,
  solveDetailed,
  verifyOptimal,
} from '../src/domain/allocation';
import type { Benchmark } from './types';

/** Sizes from issue 5 with their time targets (seconds for build + solve). */
const SIZES = [
  { clients: 20_000, courses: 1_000, target: 1 },
  { clients: 100_000, courses: 5_000, target: 8 },
];

/** Solves per size; the table shows the median (p50) and the slowest run. */
const RUNS = 3;

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const benchmark: Benchmark = {
  name: 'allocation',
  description:
    'exact course-seat allocation (cost-scaling min-cost flow on client classes × seat pools) vs first come, first served',
  async run() {
    const rows: Record<string, string | number | boolean>[] = [];
    const notes: string[] = [];
    const load = loadavg()[0];
    const cores = availableParallelism();
    for (const size of SIZES) {
      const instance = generateInstance({ ...size, seed: 2025 });
      const { allocation, stats, pairs, courseValues } = solveDetailed(instance);
      // Peak RSS of the first solve; the repeats only add timings and are dropped at once.
      const rss = peakRssMb();
      const runs = [stats];
      while (runs.length < RUNS) runs.push(solveDetailed(instance).stats);
      const build = median(runs.map((r) => r.buildSeconds));
      const solveTime = median(runs.map((r) => r.solveSeconds));
      const totals = runs.map((r) => r.buildSeconds + r.solveSeconds);
      // Two certificates: course values derived independently from the allocation, and the solver's own.
      const certificate = verifyOptimal(instance, allocation, { pairs });
      const solverDuals = verifyOptimal(instance, allocation, { pairs, courseValues });
      const fcfs = firstComeFirstServed(instance, pairs);
      const optimalMetrics = allocationMetrics(instance, allocation);
      const fcfsMetrics = allocationMetrics(instance, fcfs);
      const seconds = median(totals);
      rows.push({
        clients: size.clients,
        courses: size.courses,
        seats: instance.courses.reduce((s, c) => s + c.seats, 0),
        pairs: stats.pairs,
        'network arcs': stats.arcs,
        'build s p50': build,
        'solve s p50': solveTime,
        'total s p50': seconds,
        'total s max': Math.max(...totals),
        'target s': size.target,
        'peak RSS MB': rss,
        score: allocation.score,
        placed: optimalMetrics.placed,
        certificate: certificate.optimal ? 'optimal' : `FAILED: ${certificate.problems[0] ?? ''}`,
        'solver duals': solverDuals.optimal ? 'optimal' : 'FAILED',
        'FCFS score': fcfs.score,
        'FCFS placed': fcfsMetrics.placed,
        'women placed/demand': `${optimalMetrics.womenPlacedShare.toFixed(3)}/${optimalMetrics.womenDemandShare.toFixed(3)}`,
        'FCFS women placed': fcfsMetrics.womenPlacedShare.toFixed(3),
      });
      notes.push(
        `${size.clients}×${size.courses}: p50 ${seconds <= size.target ? 'within' : 'OVER'} the ${size.target} s target; ` +
          `optimal places ${optimalMetrics.placed - fcfsMetrics.placed} more people than first come, first served ` +
          `(mean travel ${optimalMetrics.travelMinutesMean.toFixed(1)} vs ${fcfsMetrics.travelMinutesMean.toFixed(1)} min; ` +
          `${stats.classes} client classes, ${stats.pools} seat pools, ${stats.refinements} refinements, ` +
          `${stats.priceUpdates} price updates).`,
      );
    }
    notes.push(
      `${RUNS} solves per size (same instance, same score each time); 1-minute load average at the start: ${load.toFixed(2)} on ${cores} cores.`,
      'Peak RSS is the process maximum so far (Node heap + typed arrays); the 100k target is < 1024 MB.',
    );
    return { title: 'Course-seat allocation (seed 2025)', rows, notes };
  },
};

export default benchmark;
