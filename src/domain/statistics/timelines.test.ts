import { describe, expect, it } from 'vitest';
import { addDays } from '../reference/dates';
import { mulberry32 } from '../reference/random';
import * as fast from './dashboard';
import { computeIndicators, type StatisticsFacts, type StatisticsFilters } from './indicators';
import * as ref from './testing/reference-dashboard';
import { computeIndicators as refIndicators } from './testing/reference-indicators';

/**
 * The timeline path (timelines.ts) must give exactly the answers of the plain search through the facts it
 * replaced (kept in testing/reference-*.ts): every indicator, every drill-down list, the funnel, the map,
 * the trend point and the subtraction check, on random regions, days and filters — including the edges
 * (cancelled and dropped-out enrolments, withdrawn waits, tests on the very day, facts without hires).
 */
function randomFacts(seed: number, n: number, withHires: boolean): StatisticsFacts {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const day = (from: string, span: number) => addDays(from, Math.floor(r() * span));
  const f: StatisticsFacts = {
    persons: [],
    enrolments: [],
    assessments: [],
    waits: [],
    handovers: [],
    courses: [],
    ...(withHires ? { hires: [] } : {}),
  };
  for (let c = 0; c < 6; c++) {
    const start = day('2024-01-01', 700);
    f.courses.push({
      id: `k${c}`,
      start,
      end: r() < 0.1 ? null : addDays(start, 120),
      seats: 1 + Math.floor(r() * 20),
      status: pick(['planned', 'running', 'cancelled', 'completed']),
    });
  }
  for (let i = 0; i < n; i++) {
    const id = `p${i}`;
    const intake = day('2024-01-01', 700);
    f.persons.push({
      id,
      ownerAgencyId: pick(['jc', 'aa', null]),
      gender: pick(['f', 'm', 'x']),
      birthDate: r() < 0.05 ? null : day('1960-01-01', 18000),
      nationality: pick(['SY', 'AF', 'UA', null]),
      municipalityId: pick(['m1', 'm2', 'm3', null]),
      rechtskreis: pick(['sgb2', 'asylblg', 'sgb3_only']),
      intakeOn: intake,
      closedOn: r() < 0.3 ? day(intake, 500) : null,
    });
    for (let k = Math.floor(r() * 3); k > 0; k--)
      f.assessments.push({
        personId: id,
        on: day(addDays(intake, -30), 400),
        level: pick(['A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'x']),
      });
    for (let k = Math.floor(r() * 3); k > 0; k--) {
      const c = pick(f.courses);
      f.enrolments.push({
        personId: id,
        courseId: c.id,
        start: r() < 0.5 ? c.start : day(addDays(intake, -20), 300),
        end: r() < 0.2 ? null : c.end,
        status: pick(['enrolled', 'attending', 'completed', 'cancelled', 'dropped_out']),
        resultLevel: r() < 0.5 ? pick(['A1', 'A2', 'B1', 'B2']) : null,
      });
    }
    for (let k = Math.floor(r() * 2.5); k > 0; k--)
      f.waits.push({
        personId: id,
        since: day(intake, 200),
        status: pick(['waiting', 'withdrawn', 'placed']),
      });
    for (let k = Math.floor(r() * 2.5); k > 0; k--) {
      const created = day(intake, 300);
      f.handovers.push({
        personId: id,
        state: pick(['requested', 'accepted', 'done', 'declined']),
        createdOn: created,
        decidedOn: day(created, 30),
      });
    }
    if (f.hires)
      for (let k = Math.floor(r() * 2.2); k > 0; k--)
        f.hires.push({ personId: id, start: day(addDays(intake, -10), 600) });
  }
  return f;
}

const FILTERS: StatisticsFilters[] = [
  {},
  { gender: 'f' },
  { municipality: 'm2' },
  { municipality: 'm1', gender: 'm' },
  { nationality: 'SY', ageGroup: '25-34' },
  { rechtskreis: 'sgb2', ageGroup: '35-44' },
];
const IDS = [
  'caseload',
  'new_intakes_90d',
  'exits_90d',
  'in_work_share',
  'hires_90d',
  'days_to_job_median',
  'in_course_share',
  'waiting_share',
  'level_unknown_share',
  'level_a0_a1_share',
  'level_a2_b1_share',
  'b2_share',
  'funnel_b1',
  'funnel_course',
  'funnel_work',
  'days_intake_to_first_course_p25',
  'open_handovers',
  'course_seat_use',
];

describe('timelines give the answers of the plain search', () => {
  for (const [seed, n, withHires] of [
    [1, 60, true],
    [2, 300, true],
    [3, 120, false],
    [4, 25, true],
  ] as const) {
    it(`region ${seed}: ${n} persons${withHires ? '' : ', no hire facts'}`, () => {
      const facts = randomFacts(seed, n, withHires);
      const days = ['2024-01-01', '2024-06-30', '2024-12-31', '2025-04-01', '2025-09-30', '2026-06-30'];
      for (const day of days)
        for (const filters of FILTERS) {
          for (const suppress of [false, true]) {
            // The indicators added after the reference (offers, training, permits, measures, quartiles) are
            // counted by hand in indicators.test.ts; every other one must match the reference exactly.
            const ref = refIndicators(facts, day, filters, { suppress });
            const known = new Set(ref.map((i) => i.id));
            expect(
              computeIndicators(facts, day, filters, { suppress }).filter((i) => known.has(i.id)),
            ).toEqual(ref);
          }
          for (const id of IDS)
            expect(fast.personsBehind(facts, day, filters, id), `${id} ${day}`).toEqual(
              ref.personsBehind(facts, day, filters, id),
            );
          expect(fast.funnelCounts(facts, day, filters)).toEqual(ref.funnelCounts(facts, day, filters));
          const refHidden = ref.subtractionHidden(facts, day, filters);
          const refIds = new Set([
            ...refIndicators(facts, day, {}, { suppress: false }).map((i) => i.id),
            ...fast.FUNNEL_STAGES.map(([id]) => id),
          ]);
          const hidden = [...fast.subtractionHidden(facts, day, filters)].filter((id) => refIds.has(id));
          expect(new Set(hidden)).toEqual(refHidden);
          for (const suppress of [false, true]) {
            expect(fast.trendPoint(facts, day, filters, suppress)).toEqual(
              ref.trendPoint(facts, day, filters, suppress),
            );
            expect(fast.mapCells(facts, day, filters, ['m1', 'm2', 'm3'], suppress)).toEqual(
              ref.mapCells(facts, day, filters, ['m1', 'm2', 'm3'], suppress),
            );
          }
        }
    });
  }
});
