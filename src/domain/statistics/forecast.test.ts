import { describe, expect, it } from 'vitest';
import {
  addMonths,
  backtest,
  countWaiting,
  fitHolt,
  forecastFromFacts,
  HOLT,
  holtForecast,
  interval,
  monthEnd,
  monthlyCounts,
  monthRange,
} from './forecast';
import type { PersonFact, StatisticsFacts } from './indicators';

const person = (id: string, intakeOn: string, closedOn: string | null = null): PersonFact => ({
  id,
  ownerAgencyId: null,
  gender: 'f',
  birthDate: '1990-01-01',
  nationality: 'SY',
  municipalityId: null,
  rechtskreis: 'sgb2',
  intakeOn,
  closedOn,
});
const empty = (): StatisticsFacts => ({
  persons: [],
  enrolments: [],
  assessments: [],
  waits: [],
  handovers: [],
  courses: [],
});

describe('months', () => {
  it('adds months across years, both ways, and finds month ends', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-05', -17)).toBe('2024-12');
    expect(monthEnd('2028-02')).toBe('2028-02-29');
    expect(monthEnd('2026-12')).toBe('2026-12-31');
    expect(monthRange('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthRange('2026-11', '2026-10')).toEqual([]);
  });

  it('counts days per month from the first month on, with empty months as zero, ignoring later days', () => {
    expect(monthlyCounts(['2026-03-05', '2026-01-31', '2026-03-01', '2026-06-01'], '2026-04')).toEqual([
      { month: '2026-01', count: 1 },
      { month: '2026-02', count: 0 },
      { month: '2026-03', count: 2 },
      { month: '2026-04', count: 0 },
    ]);
    expect(monthlyCounts([], '2026-04')).toEqual([]);
  });
});

describe('holtForecast (damped trend)', () => {
  it('continues a constant series exactly', () => {
    expect(holtForecast(Array(24).fill(30), 12)).toEqual(Array(12).fill(30));
  });

  it('follows a linear trend, the damping bending it below the straight line but above the last value', () => {
    const series = Array.from({ length: 36 }, (_, i) => 10 + 2 * i); // last 80
    const f = holtForecast(series, 12);
    expect(f[0]).toBeGreaterThan(80);
    expect(f[0]).toBeLessThan(84);
    for (let k = 1; k < 12; k++) expect(f[k]).toBeGreaterThanOrEqual(f[k - 1]);
    expect(f[11]).toBeLessThan(80 + 2 * 12); // damped: less than the straight line
  });

  it('moves to the new level after a step within a few months', () => {
    const series = [...Array(18).fill(20), ...Array(6).fill(60)];
    const f = holtForecast(series, 3);
    expect(f[0]).toBeGreaterThan(55);
    expect(f[0]).toBeLessThan(70);
  });

  it('answers zeros for no history and the mean for one or two months, and never below zero', () => {
    expect(holtForecast([], 3)).toEqual([0, 0, 0]);
    expect(holtForecast([4], 2)).toEqual([4, 4]);
    expect(holtForecast([4, 8], 2)).toEqual([6, 6]);
    const falling = holtForecast([50, 40, 30, 20, 10, 0, 0], 12);
    for (const v of falling) expect(v).toBeGreaterThanOrEqual(0);
  });
});

describe('fitHolt', () => {
  it('keeps the default on a short history and smooths harder on noise than after a step', () => {
    expect(fitHolt([1, 2, 3, 4, 5])).toBe(HOLT);
    const zigzag = Array.from({ length: 36 }, (_, i) => (i % 2 ? 30 : 50));
    const step = [...Array(18).fill(20), ...Array(18).fill(60)];
    expect(fitHolt(zigzag).alpha).toBeLessThan(fitHolt(step).alpha);
  });
});

describe('backtest (rolling origin)', () => {
  it('finds no error on a constant series', () => {
    const b = backtest(Array(20).fill(12), 12);
    expect(b.origins).toBe(14);
    expect(b.mae).toBe(0);
    expect(b.mape).toBe(0);
    expect(b.naiveMae).toBe(0);
  });

  it('counts origins and pairs: every month after the first six is forecast from the months before it', () => {
    // 8 months, horizon 3: origins 6 and 7; origin 6 compares months 6 and 7, origin 7 month 7.
    const b = backtest([1, 2, 3, 4, 5, 6, 7, 8], 3);
    expect(b.origins).toBe(2);
    expect(b.pairs).toBe(3);
    expect(b.residuals.map((r) => r.length)).toEqual([2, 1, 0]);
  });

  it('uses a given forecaster: the naive forecast has exactly the naive error at one month', () => {
    const series = [5, 9, 4, 8, 6, 10, 3, 7, 9, 2];
    const naive = (train: readonly number[], h: number) => Array(h).fill(train[train.length - 1]);
    const b = backtest(series, 1, naive);
    expect(b.mae).toBeCloseTo(b.naiveMae as number, 10);
    // by hand: |3-10| + |7-3| + |9-7| + |2-9| = 20 over 4
    expect(b.mae).toBe(5);
  });

  it('beats the naive forecast on a noisy level (the reason for smoothing)', () => {
    let s = 7;
    const noise = () => {
      s = (s * 16807) % 2147483647;
      return (s / 2147483647 - 0.5) * 20;
    };
    const series = Array.from({ length: 48 }, () => Math.round(40 + noise()));
    const b = backtest(series, 12);
    expect(b.mae as number).toBeLessThan(b.naiveMae as number);
  });

  it('takes its origins from the last 24 months only', () => {
    expect(backtest(Array(40).fill(1), 12).origins).toBe(24);
    expect(backtest(Array(40).fill(1), 12, undefined, 5).origins).toBe(5);
  });

  it('has nothing to say on a short history', () => {
    const b = backtest([3, 4, 5], 12);
    expect(b).toMatchObject({ origins: 0, pairs: 0, mae: null, mape: null, naiveMae: null });
    expect(interval(5, 0, b)).toBeNull();
  });
});

describe('interval', () => {
  it('takes the 10th and 90th percentile of the errors at the horizon, and never goes below zero', () => {
    const residuals = [[-4, -2, 0, 2, 4, 6, -6, 8, -8, 10, -10]];
    const i = interval(20, 0, { residuals });
    expect(i?.low).toBeCloseTo(12, 5);
    expect(i?.high).toBeCloseTo(28, 5);
    expect(interval(3, 0, { residuals })?.low).toBe(0);
  });

  it('always holds the forecast, also when every error has the same sign', () => {
    const i = interval(20, 0, { residuals: [[30, 40, 50, 60, 70]] });
    expect(i?.low).toBe(20);
    expect(i?.high).toBeGreaterThan(60);
  });

  it('widens with the horizon from the next-month errors when a horizon has too few errors', () => {
    const residuals = [[3, -3, 3, -3], [1], []];
    const near = interval(10, 0, { residuals });
    const far = interval(10, 2, { residuals });
    expect(far && near && far.high - far.low > near.high - near.low).toBe(true);
  });
});

describe('forecastFromFacts', () => {
  const steady = (): StatisticsFacts => {
    const f = empty();
    // 24 months, 2024-11 … 2026-10, ten intakes a month on the 5th; every second person asks for a course.
    let n = 0;
    for (const month of monthRange('2024-11', '2026-10'))
      for (let i = 0; i < 10; i++) {
        const id = `p${n++}`;
        f.persons.push(person(id, `${month}-05`));
        if (i % 2 === 0) f.waits.push({ personId: id, since: `${month}-10`, status: 'waiting' });
      }
    f.courses.push({ id: 'k1', start: '2026-12-01', end: '2027-06-30', seats: 20, status: 'planned' });
    f.courses.push({ id: 'k2', start: '2026-12-15', end: '2027-06-30', seats: 15, status: 'cancelled' });
    f.courses.push({ id: 'k3', start: '2026-10-15', end: '2027-03-30', seats: 15, status: 'running' });
    f.enrolments.push({
      personId: 'p0',
      courseId: 'k3',
      start: '2026-10-15',
      end: '2027-03-30',
      status: 'attending',
      resultLevel: null,
    });
    return f;
  };

  it('forecasts a steady history as it is, with zero back-test error, seats by starting month', () => {
    const out = forecastFromFacts(steady(), '2026-11');
    expect(out.history).toHaveLength(24);
    expect(out.history[0]).toEqual({ month: '2024-11', arrivals: 10, demand: 5 });
    expect(out.months.map((m) => m.month)).toEqual(monthRange('2026-11', '2027-10'));
    expect(out.months[0]).toMatchObject({ arrivals: 10, demand: 5, seats: 0 });
    expect(out.months[1]).toMatchObject({ seats: 20 }); // the cancelled course has no seats
    expect(out.backtest.arrivals).toMatchObject({ origins: 18, mae: 0, mape: 0 });
    expect(out.demandPerArrival).toBe(0.5);
    // 120 on the waitlist, one of them in a course since October: 119 waiting.
    expect(out.waitingNow).toBe(119);
    // 119 + 5 = 124 after November; December: 124 + 5 - 20 = 109
    expect(out.months[0].shortfall).toBe(124);
    expect(out.months[1].shortfall).toBe(109);
  });

  it('scales arrivals and demand by the scenario factor, or to an expected number a year', () => {
    const half = forecastFromFacts(steady(), '2026-11', { factor: 0.5 });
    expect(half.months[0]).toMatchObject({ arrivals: 5, demand: 2.5 });
    const herford = forecastFromFacts(steady(), '2026-11', { annualArrivals: 1200 });
    expect(herford.factor).toBe(10);
    expect(herford.months.reduce((s, m) => s + m.arrivals, 0)).toBeCloseTo(1200, 5);
    expect(herford.months[0].demand).toBe(50);
  });

  it('derives demand from the arrivals and the requests per intake of the last year, never above the arrivals', () => {
    const f = steady();
    // A surge of waitlist entries in the last month (a waitlist cleaned up at once): 40 requests, 10 intakes.
    for (let i = 0; i < 40; i++)
      f.waits.push({ personId: `p${200 + (i % 40)}`, since: '2026-10-20', status: 'waiting' });
    const out = forecastFromFacts(f, '2026-11');
    expect(out.demandPerArrival).toBeLessThanOrEqual(1);
    for (const m of out.months) expect(m.demand).toBeLessThanOrEqual(m.arrivals);
    expect(out.backtest.demand.origins).toBe(18);
  });

  it('uses only the facts before the first forecast month', () => {
    const f = steady();
    for (let i = 0; i < 50; i++) f.persons.push(person(`late${i}`, '2026-11-20'));
    const out = forecastFromFacts(f, '2026-11');
    expect(out.history.at(-1)).toEqual({ month: '2026-10', arrivals: 10, demand: 5 });
    expect(out.months[0].arrivals).toBe(10);
  });

  it('answers an empty region with zeros and no error figures; an expected number still gives arrivals', () => {
    const out = forecastFromFacts(empty(), '2026-11');
    expect(out.history).toEqual([]);
    expect(out.months.every((m) => m.arrivals === 0 && m.arrivalsLow === null)).toBe(true);
    expect(out.backtest.arrivals.mae).toBeNull();
    expect(out.waitingNow).toBe(0);
    const s = forecastFromFacts(empty(), '2026-11', { annualArrivals: 600 });
    expect(s.months[0].arrivals).toBe(50);
    expect(s.months[0].demand).toBe(0);
  });

  it('counts the waitlist as the indicator does: open, not withdrawn, not in a course', () => {
    const f = empty();
    f.persons.push(
      person('a', '2026-01-01'),
      person('b', '2026-01-01', '2026-05-01'),
      person('c', '2026-01-01'),
    );
    f.waits.push(
      { personId: 'a', since: '2026-02-01', status: 'waiting' },
      { personId: 'b', since: '2026-02-01', status: 'waiting' },
      { personId: 'c', since: '2026-02-01', status: 'withdrawn' },
    );
    expect(countWaiting(f, '2026-06-30')).toBe(1);
    expect(countWaiting(f, '2026-01-31')).toBe(0);
  });
});
