import { describe, expect, it } from 'vitest';
import { ageGroupOf, computeIndicators, openOn, type PersonFact, type StatisticsFacts } from './indicators';

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
const empty = (): StatisticsFacts => ({
  persons: [],
  enrolments: [],
  assessments: [],
  waits: [],
  handovers: [],
  courses: [],
});
const byId = (xs: { id: string }[], id: string) =>
  xs.find((x) => x.id === id) as never as {
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    suppressed: boolean;
  };

describe('indicators as of a day: facts dated after it do not count (issue 15, CONTRACTS §7)', () => {
  // Ten persons taken in on 10.01.2026; one closed on 30.06.2026.
  const facts = empty();
  for (let i = 0; i < 10; i++) facts.persons.push(person(`p${i}`, i === 0 ? { closedOn: '2026-06-30' } : {}));

  it.each([
    ['2026-01-09', 0, 'the day before the intake: not yet in the IP'],
    ['2026-01-10', 10, 'the day of the intake counts'],
    ['2026-06-29', 10, 'the day before the closing: still open'],
    ['2026-06-30', 9, 'closed on the day: no longer open'],
  ])('caseload on %s is %i (%s)', (asOf, n) => {
    expect(byId(computeIndicators(facts, asOf, {}, { suppress: false }), 'caseload').value).toBe(n);
  });

  it.each([
    ['2026-04-09', 10, 'intake 10.01. lies within the 90 days ending 09.04. (since 09.01., exclusive)'],
    ['2026-04-10', 0, 'from 10.04. the window starts on 10.01. exclusive: the intake has left it'],
  ])('new intakes in the 90 days up to %s: %i (%s)', (asOf, n) => {
    expect(byId(computeIndicators(facts, asOf, {}, { suppress: false }), 'new_intakes_90d').value).toBe(n);
  });

  it('a test result counts from its day on: B2 share before and on the test day', () => {
    const f = {
      ...facts,
      assessments: [1, 2, 3, 4, 5, 6].map((i) => ({ personId: `p${i}`, on: '2026-03-01', level: 'B2' })),
    };
    expect(byId(computeIndicators(f, '2026-02-28', {}, { suppress: false }), 'b2_share').value).toBe(0);
    const on = byId(computeIndicators(f, '2026-03-01', {}, { suppress: false }), 'b2_share');
    expect(on).toMatchObject({ numerator: 6, denominator: 10, value: 0.6 });
  });

  it('a course counts while it runs: in course on start and end day, not after', () => {
    const f = {
      ...facts,
      enrolments: ['p1', 'p2', 'p3', 'p4', 'p5'].map((p) => ({
        personId: p,
        courseId: 'k',
        start: '2026-02-01',
        end: '2026-05-31',
        status: 'completed',
        resultLevel: 'A2',
      })),
      courses: [{ id: 'k', start: '2026-02-01', end: '2026-05-31', seats: 20, status: 'running' }],
    };
    const at = (d: string) => computeIndicators(f, d, {}, { suppress: false });
    expect(byId(at('2026-01-31'), 'in_course_share').numerator).toBe(0);
    expect(byId(at('2026-02-01'), 'in_course_share').numerator).toBe(5);
    expect(byId(at('2026-05-31'), 'course_seat_use')).toMatchObject({
      numerator: 5,
      denominator: 20,
      value: 0.25,
    });
    expect(byId(at('2026-06-01'), 'in_course_share').numerator).toBe(0);
    // The result level counts from the end of the course.
    expect(byId(at('2026-06-01'), 'level_a2_b1_share').numerator).toBe(5);
    expect(byId(at('2026-05-30'), 'level_a2_b1_share').numerator).toBe(0);
    // Intake 10.01. → course 01.02.: 22 days for each of the five.
    expect(byId(at('2026-06-01'), 'days_intake_to_first_course_median').value).toBe(22);
  });

  it('filters by gender, nationality, municipality, Rechtskreis and age group on the day', () => {
    const f = empty();
    f.persons.push(
      person('a', { gender: 'm' }),
      person('b', { nationality: 'AF' }),
      person('c', { birthDate: '2010-01-01' }),
    );
    const n = (filters: Parameters<typeof computeIndicators>[2]) =>
      byId(computeIndicators(f, '2026-06-30', filters, { suppress: false }), 'caseload').value;
    expect(n({ gender: 'm' })).toBe(1);
    expect(n({ nationality: 'AF' })).toBe(1);
    expect(n({ ageGroup: '0-17' })).toBe(1);
    expect(n({ rechtskreis: 'asylblg' })).toBe(0);
    expect(n({ municipality: 'm1' })).toBe(3);
  });

  it.each([
    ['2008-07-01', '2026-06-30', '0-17', '17 the day before the 18th birthday'],
    ['2008-06-30', '2026-06-30', '18-24', '18 on the birthday'],
    ['1961-07-01', '2026-06-30', '55-64', '64'],
    ['1961-06-30', '2026-06-30', '65+', '65 on the birthday'],
  ])('born %s, on %s: age group %s (%s)', (birth, on, group) => {
    expect(ageGroupOf(birth, on)).toBe(group);
  });
});

describe('small cells outside the own agency', () => {
  const facts = empty();
  for (let i = 0; i < 12; i++) facts.persons.push(person(`p${i}`));
  // German levels of the 12: 3 at B2, 5 at A2, 4 unknown — 0 at A0/A1.
  facts.assessments.push(
    ...[0, 1, 2].map((i) => ({ personId: `p${i}`, on: '2026-02-01', level: 'B2' })),
    ...[3, 4, 5, 6, 7].map((i) => ({ personId: `p${i}`, on: '2026-02-01', level: 'A2' })),
  );

  it('hides counts and shares below 5 persons, and one more cell of the group so totals give nothing away', () => {
    const out = computeIndicators(facts, '2026-06-30', {}, { suppress: true });
    expect(byId(out, 'b2_share')).toMatchObject({
      suppressed: true,
      value: null,
      numerator: null,
      denominator: null,
    });
    // unknown (4) is below 5 too; a0_a1 (0) would stay, but then b2 + unknown = 12 − 5 − 0 → the next smallest
    // shown cell of the group is hidden as well.
    const levels = ['level_unknown_share', 'level_a0_a1_share', 'level_a2_b1_share', 'b2_share'].map((id) =>
      byId(out, id),
    );
    const hidden = levels.filter((l) => l.suppressed).length;
    expect(hidden).toBeGreaterThanOrEqual(2);
    const shown = levels.filter((l) => !l.suppressed);
    // What is shown cannot be subtracted from the total to recover a single hidden cell.
    expect(levels.length - shown.length).not.toBe(1);
    expect(byId(out, 'caseload')).toMatchObject({ value: 12, suppressed: false });
  });

  it('shows everything to a reader within the own agency', () => {
    const out = computeIndicators(facts, '2026-06-30', {}, { suppress: false });
    expect(byId(out, 'b2_share')).toMatchObject({
      numerator: 3,
      denominator: 12,
      value: 0.25,
      suppressed: false,
    });
  });

  it('publishes in_work_share as not known (null) without hire facts (data from before the work module)', () => {
    expect(
      byId(computeIndicators(facts, '2026-06-30', {}, { suppress: true }), 'in_work_share'),
    ).toMatchObject({
      value: null,
      numerator: null,
      denominator: 12,
      suppressed: false,
    });
  });

  it('counts a hire from its start day: in work, hires of 90 days, days from intake to work', () => {
    const ids = facts.persons.filter((p) => openOn(p, '2026-06-30')).map((p) => p.id);
    const withHires = {
      ...facts,
      hires: ids.slice(0, 6).map((personId, i) => ({ personId, start: i < 5 ? '2026-06-01' : '2026-07-01' })),
    };
    const out = computeIndicators(withHires, '2026-06-30', {}, { suppress: false });
    // The sixth hire starts the day after: not yet in work on 30.06.
    expect(byId(out, 'in_work_share')).toMatchObject({ numerator: 5, denominator: 12 });
    expect(byId(out, 'hires_90d')).toMatchObject({ value: 5 });
    expect(byId(out, 'days_to_job_median').numerator).toBe(5);
    expect(
      byId(computeIndicators(withHires, '2026-07-01', {}, { suppress: false }), 'in_work_share').numerator,
    ).toBe(6);
  });
});

describe('offers, apprenticeships, work permits and measures (issue 15: "time to first offer", "share in training / measures", "open permit requests and their age")', () => {
  // Ten persons taken in on 10.01.2026; p0 closed on 30.06.2026.
  const base = empty();
  for (let i = 0; i < 10; i++) base.persons.push(person(`p${i}`, i === 0 ? { closedOn: '2026-06-30' } : {}));
  const facts: StatisticsFacts = {
    ...base,
    // p1–p4 got their first job offer 20, 30, 40 and 50 days after intake; p1 a second one later.
    offers: [
      { personId: 'p1', on: '2026-01-30' },
      { personId: 'p1', on: '2026-05-01' },
      { personId: 'p2', on: '2026-02-09' },
      { personId: 'p3', on: '2026-02-19' },
      { personId: 'p4', on: '2026-03-01' },
    ],
    // p2 and p3 started an apprenticeship on 01.08. and 01.06., p4 a job (not training).
    hires: [
      { personId: 'p2', start: '2026-08-01', training: true },
      { personId: 'p3', start: '2026-06-01', training: true },
      { personId: 'p4', start: '2026-06-01', training: false },
    ],
    // p5 waits since 01.05. (decided 01.07.), p6 since 15.05. (open), p7 twice: 01.04. (refused 10.04.) and 01.06.
    permits: [
      { personId: 'p5', requestedOn: '2026-05-01', decidedOn: '2026-07-01' },
      { personId: 'p6', requestedOn: '2026-05-15', decidedOn: null },
      { personId: 'p7', requestedOn: '2026-04-01', decidedOn: '2026-04-10' },
      { personId: 'p7', requestedOn: '2026-06-01', decidedOn: null },
    ],
    // p8 in a measure 01.03.–31.05., p9 from 01.06. open; p0 in one but closed on 30.06.
    measures: [
      { personId: 'p8', start: '2026-03-01', end: '2026-05-31' },
      { personId: 'p9', start: '2026-06-01', end: null },
      { personId: 'p0', start: '2026-06-01', end: null },
    ],
  };
  const on = (day: string, id: string) => byId(computeIndicators(facts, day, {}, { suppress: false }), id);

  it.each([
    // [day, indicator, expected, basis]
    ['2026-01-29', 'days_intake_to_first_offer_median', { numerator: 0, value: null }, 'no offer yet'],
    [
      '2026-01-30',
      'days_intake_to_first_offer_median',
      { numerator: 1, value: 20 },
      'first offer on its day',
    ],
    [
      '2026-03-01',
      'days_intake_to_first_offer_median',
      { numerator: 4, value: 35 },
      '20, 30, 40, 50 → median 35',
    ],
    [
      '2026-03-01',
      'days_intake_to_first_offer_p25',
      { numerator: 4, value: 27.5 },
      'quartile by interpolation',
    ],
    [
      '2026-03-01',
      'days_intake_to_first_offer_p75',
      { numerator: 4, value: 42.5 },
      'quartile by interpolation',
    ],
    ['2026-05-31', 'in_training_share', { numerator: 0, denominator: 10 }, 'the day before the first start'],
    [
      '2026-06-01',
      'in_training_share',
      { numerator: 1, denominator: 10 },
      'p3 from its start day; p4 is a job',
    ],
    ['2026-08-01', 'in_training_share', { numerator: 2, denominator: 9 }, 'p2 too; p0 closed'],
    ['2026-08-01', 'in_work_share', { numerator: 3, denominator: 9 }, 'an apprenticeship is also work'],
    ['2026-04-05', 'open_permit_requests', { value: 1 }, 'p7 asked on 01.04., not yet decided'],
    ['2026-04-10', 'open_permit_requests', { value: 0 }, 'decided on 10.04.: no longer open'],
    ['2026-06-01', 'open_permit_requests', { value: 3 }, 'p5, p6, p7 (second request)'],
    ['2026-06-01', 'open_permit_days_median', { numerator: 3, value: 17 }, 'waiting 31, 17 and 0 days'],
    ['2026-07-01', 'open_permit_requests', { value: 2 }, 'p5 decided on 01.07.'],
    ['2026-02-28', 'in_measure_share', { numerator: 0, denominator: 10 }, 'before the first measure'],
    ['2026-05-31', 'in_measure_share', { numerator: 1, denominator: 10 }, 'p8 on its last day'],
    ['2026-06-01', 'in_measure_share', { numerator: 2, denominator: 10 }, 'p9 and p0; p8 ended'],
    ['2026-06-30', 'in_measure_share', { numerator: 1, denominator: 9 }, 'p0 closed: not an open case'],
  ] as [string, string, Record<string, number | null>, string][])('%s %s: %o (%s)', (day, id, expected) => {
    expect(on(day, id)).toMatchObject(expected);
  });

  it('publishes them as not known (null) without the facts they need', () => {
    const without = computeIndicators(base, '2026-06-30', {}, { suppress: false });
    for (const id of [
      'days_intake_to_first_offer_median',
      'in_training_share',
      'open_permit_requests',
      'in_measure_share',
    ])
      expect(byId(without, id)).toMatchObject({ value: null, numerator: null });
  });

  it('hides a count of fewer than five persons outside the own agency', () => {
    expect(
      byId(computeIndicators(facts, '2026-06-01', {}, { suppress: true }), 'open_permit_requests'),
    ).toMatchObject({ value: null, suppressed: true });
  });
});
