import { describe, expect, it } from 'vitest';
import { computeIndicators } from './indicators';
import { INDICATOR_IDS, INDICATOR_UNITS, linearTrend, targetProgress, trendDays } from './targets';

// "50 % in work by 31.12.2027": distance, trend and verdict, with the days around the deadline.
const rising = [
  { on: '2027-09-30', value: 0.3 },
  { on: '2027-10-31', value: 0.35 },
  { on: '2027-11-30', value: 0.4 },
];

describe('targets: distance, linear trend, verdict', () => {
  const CASES = [
    // asOf, points, target, direction, deadline, verdict, why
    [
      '2027-11-30',
      rising,
      0.45,
      'at_least',
      '2027-12-31',
      'on_track',
      'rises 5 points a month: 40 % on 30.11. → 45,1 % on 31.12., target 45 %',
    ],
    [
      '2027-11-30',
      rising,
      0.45,
      'at_least',
      '2027-12-15',
      'off_track',
      'two weeks earlier the trend stands at 42,6 %',
    ],
    ['2027-11-30', rising, 0.4, 'at_least', '2027-12-31', 'reached', 'the current value meets the target'],
    [
      '2027-11-30',
      rising,
      0.5,
      'at_least',
      '2027-11-30',
      'missed',
      'on the deadline day itself an unmet target is missed',
    ],
    [
      '2027-11-30',
      rising,
      0.5,
      'at_least',
      '2027-12-01',
      'off_track',
      'the day after asOf: one day left, trend too slow',
    ],
    ['2027-11-30', rising, 0.5, 'at_least', '2027-11-29', 'missed', 'the deadline has passed'],
    ['2027-11-30', rising, 0.35, 'at_most', '2028-06-30', 'off_track', 'at most: a rising value moves away'],
    [
      '2027-11-30',
      rising,
      0.4,
      'at_most',
      '2027-11-29',
      'reached',
      'at most, met exactly, even after the deadline',
    ],
    [
      '2027-11-30',
      [{ on: '2027-11-30', value: 0.4 }],
      0.5,
      'at_least',
      '2027-12-31',
      'unknown',
      'one point: no trend',
    ],
    [
      '2027-11-30',
      [...rising.slice(0, 2), { on: '2027-11-30', value: null }],
      0.5,
      'at_least',
      '2027-12-31',
      'unknown',
      'the current value is not shown (suppressed)',
    ],
  ] as const;
  it.each(
    CASES.map(([asOf, points, target, direction, deadline, verdict, why]) => ({
      asOf,
      points,
      target,
      direction,
      deadline,
      verdict,
      why,
    })),
  )('$verdict: $why', ({ asOf, points, target, direction, deadline, verdict }) => {
    expect(targetProgress({ target, direction, deadline, asOf, points: [...points] }).verdict).toBe(verdict);
  });

  it('distance, slope and projection in the unit of the indicator', () => {
    const p = targetProgress({
      target: 0.5,
      direction: 'at_least',
      deadline: '2027-12-31',
      asOf: '2027-11-30',
      points: rising,
    });
    expect(p.current).toBe(0.4);
    expect(p.distance).toBe(0.1);
    expect(p.daysLeft).toBe(31);
    // 0.1 over 61 days → about 0.0492 per 30 days; on 31.12. (92 days after the first point) 0.3 + 92·0.1/61.
    expect(p.slopePer30Days).toBeCloseTo(0.0492, 3);
    expect(p.projected).toBeCloseTo(0.3 + (92 * 0.1) / 61, 3);
    const down = targetProgress({
      target: 30,
      direction: 'at_most',
      deadline: '2028-03-31',
      asOf: '2027-11-30',
      points: [
        { on: '2027-09-30', value: 60 },
        { on: '2027-11-30', value: 40 },
      ],
    });
    expect(down).toMatchObject({ distance: 10, verdict: 'on_track' });
  });

  it('a trend needs two days apart; points after asOf are ignored', () => {
    expect(linearTrend([{ on: '2027-01-31', value: 1 }])).toBeNull();
    const p = targetProgress({
      target: 0.5,
      direction: 'at_least',
      deadline: '2028-12-31',
      asOf: '2027-10-31',
      points: [...rising, { on: '2028-01-31', value: 0.9 }],
    });
    expect(p.current).toBe(0.35);
  });

  it('a leap day: 29.02.2028 is one day before 01.03.2028', () => {
    const p = targetProgress({
      target: 1,
      direction: 'at_least',
      deadline: '2028-03-01',
      asOf: '2028-02-29',
      points: [
        { on: '2028-01-31', value: 0 },
        { on: '2028-02-29', value: 0.5 },
      ],
    });
    expect(p.daysLeft).toBe(1);
    expect(p.verdict).toBe('off_track');
  });

  it('trend days: month ends before asOf, then asOf; a baseline first and no month end before it', () => {
    expect(trendDays('2027-03-15', 3)).toEqual(['2026-12-31', '2027-01-31', '2027-02-28', '2027-03-15']);
    expect(trendDays('2027-03-31', 2)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31']);
    expect(trendDays('2027-03-15', 3, '2027-01-15')).toEqual([
      '2027-01-15',
      '2027-01-31',
      '2027-02-28',
      '2027-03-15',
    ]);
  });

  it('the unit table names every indicator the computation publishes', () => {
    const ids = computeIndicators(
      { persons: [], enrolments: [], assessments: [], waits: [], handovers: [], courses: [], hires: [] },
      '2027-01-01',
      {},
      { suppress: false },
    ).map((i) => i.id);
    expect([...INDICATOR_IDS].sort()).toEqual([...ids].sort());
    expect(INDICATOR_UNITS.in_work_share).toBe('share');
  });
});
