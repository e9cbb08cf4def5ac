import { addDays } from '../src/domain/reference/dates';
import { mulberry32 } from '../src/domain/reference/random';
import { computeIndicators, type StatisticsFacts } from '../src/domain/statistics';
import { percentile } from './support/pg';
import type { Benchmark } from './types';

/** Seeded facts of a region: persons with intakes over four years, courses, tests, waits, handovers. */
export function facts(n: number): StatisticsFacts {
  const r = mulberry32(15);
  const day = (from: string, span: number) => addDays(from, Math.floor(r() * span));
  const f: StatisticsFacts = {
    persons: [],
    enrolments: [],
    assessments: [],
    waits: [],
    handovers: [],
    courses: [],
  };
  for (let c = 0; c < n / 50; c++) {
    const start = day('2023-01-01', 1400);
    f.courses.push({ id: `k${c}`, start, end: addDays(start, 200), seats: 20, status: 'running' });
  }
  for (let i = 0; i < n; i++) {
    const intake = day('2023-01-01', 1400);
    const id = `p${i}`;
    f.persons.push({
      id,
      ownerAgencyId: r() < 0.6 ? 'jc' : 'aa',
      gender: r() < 0.5 ? 'f' : 'm',
      birthDate: day('1960-01-01', 20000),
      nationality: ['SY', 'AF', 'UA', 'IQ', 'ER', 'TR'][Math.floor(r() * 6)],
      municipalityId: `m${Math.floor(r() * 9)}`,
      rechtskreis: ['sgb2', 'asylblg', 'sgb3_only'][Math.floor(r() * 3)],
      intakeOn: intake,
      closedOn: r() < 0.3 ? addDays(intake, 300 + Math.floor(r() * 600)) : null,
    });
    if (r() < 0.7)
      f.assessments.push({
        personId: id,
        on: addDays(intake, 20),
        level: ['A1', 'A2', 'B1', 'B2'][Math.floor(r() * 4)],
      });
    const path = r();
    if (path < 0.5) {
      const k = f.courses[Math.floor(r() * f.courses.length)];
      f.enrolments.push({
        personId: id,
        courseId: k.id,
        start: k.start,
        end: k.end,
        status: 'attending',
        resultLevel: null,
      });
    } else if (path < 0.75) f.waits.push({ personId: id, since: addDays(intake, 10), status: 'waiting' });
    if (r() < 0.2)
      f.handovers.push({
        personId: id,
        state: 'accepted',
        createdOn: addDays(intake, 5),
        decidedOn: addDays(intake, 9),
      });
  }
  return f;
}

/** Issue 15: the indicators of a county as of a day, at 100,000 persons (the computation; loading is 6 statements). */
const bench: Benchmark = {
  name: 'statistics',
  description:
    'computeIndicators as of a day over 100,000 persons (seeded facts): p50/p95, with and without a filter',
  async run() {
    const data = facts(100_000);
    const rows = [];
    for (const [label, filters] of [
      ['whole county', {}],
      ['women, 25–34', { gender: 'f' as const, ageGroup: '25-34' as const }],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now();
        computeIndicators(data, addDays('2026-06-30', -i * 30), filters, { suppress: true });
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      rows.push({
        persons: data.persons.length,
        filter: label,
        runs: times.length,
        'p50 ms': Math.round(percentile(times, 50)),
        'p95 ms': Math.round(percentile(times, 95)),
      });
    }
    return {
      title: 'Steering indicators (CONTRACTS §7)',
      rows,
      notes: ['no baseline in the issue; a dashboard wants well under a second'],
    };
  },
};
export default bench;
