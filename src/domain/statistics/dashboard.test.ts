import { describe, expect, it } from 'vitest';
import { addDays } from '../reference/dates';
import { mulberry32 } from '../reference/random';
import {
  funnelCells,
  funnelCounts,
  groupSuppress,
  mapCells,
  personsBehind,
  protectIndicators,
  subtractionHidden,
  trendPoint,
} from './dashboard';
import { computeIndicators, type PersonFact, type StatisticsFacts } from './indicators';

const person = (id: string, over: Partial<PersonFact> = {}): PersonFact => ({
  id,
  ownerAgencyId: 'jc',
  gender: 'f',
  birthDate: '1990-05-01',
  nationality: 'SY',
  municipalityId: 'm1',
  rechtskreis: 'sgb2',
  intakeOn: '2026-01-10',
  closedOn: null,
  ...over,
});

/** 12 women and 3 men in m1, 6 women in m2; 7 hired; 4 with a course; levels B1/B2 for some. */
function county(): StatisticsFacts {
  const persons: PersonFact[] = [];
  for (let i = 0; i < 12; i++) persons.push(person(`f${i}`));
  for (let i = 0; i < 3; i++) persons.push(person(`m${i}`, { gender: 'm' }));
  for (let i = 0; i < 6; i++) persons.push(person(`g${i}`, { municipalityId: 'm2' }));
  return {
    persons,
    enrolments: ['f0', 'f1', 'f2', 'm0', 'g0', 'g1'].map((p, k) => ({
      personId: p,
      courseId: 'c1',
      start: '2026-02-01',
      end: k < 4 ? '2026-05-31' : null,
      status: k < 4 ? 'completed' : 'active',
      resultLevel: k < 4 ? 'B1' : null,
    })),
    assessments: ['f3', 'f4', 'f5', 'f6', 'f7'].map((p) => ({ personId: p, on: '2026-03-01', level: 'B2' })),
    waits: [{ personId: 'f8', since: '2026-01-20', status: 'waiting' }],
    handovers: [],
    courses: [{ id: 'c1', start: '2026-02-01', end: null, seats: 20, status: 'running' }],
    hires: ['f0', 'f1', 'f2', 'f3', 'f4', 'f5', 'g0'].map((p) => ({ personId: p, start: '2026-06-01' })),
  };
}
const AS_OF = '2026-07-01';

describe('persons behind a number: the same persons the numerator counts', () => {
  const facts = county();
  for (const filters of [{}, { gender: 'f' as const }, { municipality: 'm2' }])
    it(`every indicator with persons, filters ${JSON.stringify(filters)}`, () => {
      for (const i of computeIndicators(facts, AS_OF, filters, { suppress: false })) {
        const ids = personsBehind(facts, AS_OF, filters, i.id);
        if (ids === null) continue;
        expect(ids.length, i.id).toBe(i.numerator);
      }
    });
  it('numbers that count no persons of the population have no list', () => {
    expect(personsBehind(facts, AS_OF, {}, 'course_seat_use')).toBeNull();
    expect(personsBehind(facts, AS_OF, {}, 'open_handovers')).toBeNull();
  });
  it('the funnel: open cases, begun a course, B1 or better, in work', () => {
    expect(funnelCounts(facts, AS_OF, {})).toEqual({
      funnel_intake: 21,
      funnel_course: 6,
      funnel_b1: 9,
      funnel_work: 7,
    });
    // Before the course ended nobody had B1 from it; before the tests nobody had B2.
    expect(funnelCounts(facts, '2026-02-15', {}).funnel_b1).toBe(0);
  });
});

describe('small cells: group suppression against subtraction', () => {
  it.each([
    [[12, 3, 6], [false, true, true], 'one cell of 3 takes the next smallest (6) with it'],
    [[12, 0, 6], [false, false, false], 'zero is no small cell'],
    [[2, 2, 20, 30], [true, true, true, false], 'two hidden cells of 4 together: one more'],
    [[3, 4, 20], [true, true, false], 'two cells holding 7 together: enough'],
    [[5, 5, 5], [false, false, false], 'five is shown'],
    [[4], [true], 'a single cell stays hidden'],
  ])('%j → %j (%s)', (counts, hidden) => {
    expect(groupSuppress(counts)).toEqual(hidden);
  });

  it('women are shown alone, but "all minus women" would tell the 3 men: women hidden too', () => {
    const facts = county();
    const women = computeIndicators(facts, AS_OF, { municipality: 'm1', gender: 'f' }, { suppress: true });
    expect(women.find((i) => i.id === 'caseload')).toMatchObject({ value: 12, suppressed: false });
    const hidden = subtractionHidden(facts, AS_OF, { municipality: 'm1', gender: 'f' });
    expect(hidden.has('caseload')).toBe(true);
    const shown = protectIndicators(women, hidden);
    expect(shown.find((i) => i.id === 'caseload')).toMatchObject({ value: null, suppressed: true });
    // Without the municipality: 18 women and 3 men → the men's cell (3) takes the women's with it as well.
    expect(subtractionHidden(facts, AS_OF, { gender: 'f' }).has('caseload')).toBe(true);
  });

  it('a filter whose siblings are all 0 or ≥ 5 hides nothing more', () => {
    const facts = county();
    // m1 (15 open) and m2 (6 open) — but persons in work: m1 6, m2 1 → in work is hidden for both.
    const hidden = subtractionHidden(facts, AS_OF, { municipality: 'm1' });
    expect(hidden.has('caseload')).toBe(false);
    expect(hidden.has('in_work_share')).toBe(true);
  });

  it('the map: municipalities as one group; unsuppressed inside the own caseload', () => {
    const facts = county();
    expect(mapCells(facts, AS_OF, {}, ['m1', 'm2', 'm3'], false)).toEqual([
      { municipalityId: 'm1', caseload: 15, inWorkShare: 0.4, suppressed: false },
      { municipalityId: 'm2', caseload: 6, inWorkShare: 0.1667, suppressed: false },
      { municipalityId: 'm3', caseload: 0, inWorkShare: null, suppressed: false },
    ]);
    const men = mapCells(facts, AS_OF, { gender: 'm' }, ['m1', 'm2'], true);
    expect(men[0]).toMatchObject({ caseload: null, suppressed: true });
    // In work: m1 6, m2 1 → the 1 takes the 6 with it; the caseloads (15, 6) stay shown.
    const all = mapCells(facts, AS_OF, {}, ['m1', 'm2'], true);
    expect(all.map((c) => [c.caseload, c.inWorkShare])).toEqual([
      [15, null],
      [6, null],
    ]);
  });

  it('the funnel hides a stage whose difference to the last shown stage is 1–4', () => {
    const cells = funnelCells(
      { funnel_intake: 21, funnel_course: 18, funnel_b1: 9, funnel_work: 7 },
      new Set(),
      true,
    );
    expect(cells.map((c) => c.value)).toEqual([21, null, 9, null]);
    expect(
      funnelCells(
        { funnel_intake: 21, funnel_course: 18, funnel_b1: 9, funnel_work: 7 },
        new Set(),
        false,
      ).map((c) => c.value),
    ).toEqual([21, 18, 9, 7]);
  });
});

describe('trend points: the light path equals the full table', () => {
  // A small random region (small cells occur), with hires, over three years.
  const r = mulberry32(7);
  const day = (from: string, span: number) => addDays(from, Math.floor(r() * span));
  const region: StatisticsFacts = {
    persons: [],
    enrolments: [],
    assessments: [],
    waits: [],
    handovers: [],
    courses: [],
    hires: [],
  };
  for (let i = 0; i < 260; i++) {
    const intake = day('2023-01-01', 1000);
    region.persons.push({
      id: `p${i}`,
      ownerAgencyId: 'jc',
      gender: r() < 0.5 ? 'f' : 'm',
      birthDate: day('1960-01-01', 16000),
      nationality: ['SY', 'AF', 'UA'][Math.floor(r() * 3)],
      municipalityId: `m${Math.floor(r() * 5)}`,
      rechtskreis: ['sgb2', 'asylblg', 'sgb3_only'][Math.floor(r() * 3)],
      intakeOn: intake,
      closedOn: r() < 0.3 ? addDays(intake, 200 + Math.floor(r() * 500)) : null,
    });
    if (r() < 0.3) region.hires?.push({ personId: `p${i}`, start: addDays(intake, Math.floor(r() * 400)) });
  }
  const days = ['2023-06-30', '2024-01-31', '2024-12-31', '2025-09-30'];
  const filterSets = [
    {},
    { gender: 'f' as const },
    { municipality: 'm1' },
    { municipality: 'm2', gender: 'f' as const },
    { ageGroup: '25-34' as const, rechtskreis: 'sgb2' as const },
    { nationality: 'UA', gender: 'm' as const },
  ];
  const full = (facts: StatisticsFacts, d: string, f: (typeof filterSets)[number], suppress: boolean) => {
    const table = computeIndicators(facts, d, f, { suppress });
    const shown = suppress ? protectIndicators(table, subtractionHidden(facts, d, f)) : table;
    const v = (id: string) => shown.find((i) => i.id === id)?.value ?? null;
    return { caseload: v('caseload'), inWorkShare: v('in_work_share') };
  };

  it.each([true, false])('with suppression %s, on every day and filter', (suppress) => {
    let hidden = 0;
    for (const d of days)
      for (const f of filterSets) {
        const light = trendPoint(region, d, f, suppress);
        expect(light, `${d} ${JSON.stringify(f)}`).toEqual(full(region, d, f, suppress));
        if (light.caseload === null || light.inWorkShare === null) hidden++;
      }
    // The comparison must include hidden cells, or it proves little.
    if (suppress) expect(hidden).toBeGreaterThan(3);
  });

  it('without hire facts the share is unknown (null), as in the table', () => {
    const { hires: _h, ...noHires } = region;
    for (const suppress of [true, false])
      expect(trendPoint(noHires, '2024-12-31', {}, suppress)).toEqual(
        full(noHires, '2024-12-31', {}, suppress),
      );
  });
});
