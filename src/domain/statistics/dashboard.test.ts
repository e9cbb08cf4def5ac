import { describe, expect, it } from 'vitest';
import {
  funnelCells,
  funnelCounts,
  groupSuppress,
  mapCells,
  personsBehind,
  protectIndicators,
  subtractionHidden,
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
