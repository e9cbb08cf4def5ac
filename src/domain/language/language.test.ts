import { describe, expect, it } from 'vitest';
import { firstComeFirstServed, solve, validateInstance } from '../allocation';
import { DEFAULT_LAW } from '../rules';
import { parseCatalogue, parseLevels } from './catalogue-import';
import { courseTypeCatalogue } from './course-types';
import { buildInstance } from './instance';
import { renderPlacementLetter } from './letter';
import { currentAssessment, overallLevel } from './levels';
import { lastDayOfMonth, monthsFrom, planDemand } from './planning';
import { cohortProgress, personProgress } from './progress';
import { applyChanges, infeasibility } from './proposal';
import { parseDay, parseYesNo } from './table';
import { ACCESS_MINUTES, estimateTravelMinutes, haversineKm, travelMatrix } from './travel';
import { parseTravelMatrix } from './travel-import';

const HERFORD = { id: 'herford', lat: 52.1146, lon: 8.6734 };
const BUENDE = { id: 'buende', lat: 52.2005, lon: 8.5836 };
const ROEDINGHAUSEN = { id: 'roedinghausen', lat: 52.2547, lon: 8.4814 };

describe('travel estimate', () => {
  it('measures great-circle distance and adds detour, speed and access time', () => {
    expect(haversineKm(HERFORD, BUENDE)).toBeCloseTo(11.4, 0);
    expect(estimateTravelMinutes(HERFORD, HERFORD)).toBe(ACCESS_MINUTES);
    const hb = estimateTravelMinutes(HERFORD, BUENDE);
    expect(hb).toBe(estimateTravelMinutes(BUENDE, HERFORD));
    expect(hb).toBeGreaterThan(40);
    expect(hb).toBeLessThan(50);
    // Rural Rödinghausen → Herford is beyond an hour by estimate.
    expect(estimateTravelMinutes(ROEDINGHAUSEN, HERFORD)).toBeGreaterThan(60);
  });

  it('lets an imported entry override the estimate', () => {
    const m = travelMatrix([ROEDINGHAUSEN], [HERFORD, BUENDE], new Map([['roedinghausen→herford', 38]]));
    expect(m.roedinghausen.herford).toEqual({ minutes: 38, source: 'import' });
    expect(m.roedinghausen.buende.source).toBe('estimate');
  });
});

describe('levels', () => {
  it('takes the stated level, else the weakest skill', () => {
    expect(overallLevel({ hearing: 'B1', reading: 'A2', writing: 'A1', speaking: 'B1' })).toBe('A1');
    expect(overallLevel({ hearing: 'A2' }, 'B1')).toBe('B1');
    expect(overallLevel({})).toBeUndefined();
  });
  it('picks the latest assessment, the later recording on the same day', () => {
    const a = currentAssessment([
      { assessedOn: '2025-01-01', overall: 'A1' as const, recordedAt: '1' },
      { assessedOn: '2025-06-01', overall: 'A2' as const, recordedAt: '1' },
      { assessedOn: '2025-06-01', overall: 'B1' as const, recordedAt: '2' },
    ]);
    expect(a?.overall).toBe('B1');
  });
  it('parses level lists and ranges', () => {
    expect(parseLevels('A0, A1')).toEqual(['A0', 'A1']);
    expect(parseLevels('a0-a2')).toEqual(['A0', 'A1', 'A2']);
    expect(parseLevels('A1|B9')).toBeUndefined();
    expect(parseLevels('B1-A1')).toBeUndefined();
  });
});

describe('instance from live rows', () => {
  const base = {
    asOf: '2026-03-01',
    maxTravelMinutes: 60,
    places: [HERFORD, BUENDE, ROEDINGHAUSEN],
    imported: new Map<string, number>(),
  };
  const client = (id: string, over = {}) => ({
    personId: id,
    gender: 'f' as const,
    level: 'A1' as const,
    homePlaceId: 'herford',
    since: '2026-01-01',
    needsChildcare: false,
    needsWomenOnly: false,
    courseTypes: ['ik_allgemein'],
    ...over,
  });
  const course = (id: string, over = {}) => ({
    id,
    type: 'ik_allgemein',
    entryLevels: ['A0', 'A1'] as ('A0' | 'A1')[],
    seats: 10,
    taken: 0,
    placeId: 'herford',
    childcare: false,
    womenOnly: false,
    ...over,
  });

  it('builds a valid contract instance with waiting days, free seats and sorted ids; lists the skipped with reasons', () => {
    const { instance, skipped } = buildInstance({
      ...base,
      clients: [
        client('b'),
        client('a', { gender: 'u', since: '2025-12-01' }),
        client('n', { level: undefined }),
        client('h', { homePlaceId: undefined }),
        client('t', { courseTypes: [] }),
      ],
      courses: [
        course('k2', { placeId: 'buende', taken: 4 }),
        course('k1'),
        course('full', { seats: 3, taken: 3 }),
      ],
    });
    expect(validateInstance(instance).ok).toBe(true);
    expect(instance.clients.map((c) => [c.id, c.waitingDays, c.gender])).toEqual([
      ['a', 90, 'x'],
      ['b', 59, 'f'],
    ]);
    expect(instance.courses.map((c) => [c.id, c.seats])).toEqual([
      ['k1', 10],
      ['k2', 6],
    ]);
    expect(instance.travelMinutes.herford.herford).toBe(ACCESS_MINUTES);
    expect(skipped).toEqual([
      { personId: 'h', reason: 'no_home' },
      { personId: 'n', reason: 'no_level' },
      { personId: 't', reason: 'no_course_types' },
    ]);
  });

  it('is empty but valid without clients', () => {
    const { instance } = buildInstance({ ...base, clients: [], courses: [course('k1')] });
    expect(instance.courses).toEqual([]);
    expect(validateInstance(instance).ok).toBe(true);
  });

  it('lets the optimum beat first come first served where FCFS takes the only childcare seat', () => {
    const { instance } = buildInstance({
      ...base,
      clients: [client('long', { since: '2025-06-01' }), client('mother', { needsChildcare: true })],
      courses: [
        course('near', { seats: 1, childcare: true }),
        course('far', { seats: 1, placeId: 'buende' }),
      ],
    });
    const fcfs = firstComeFirstServed(instance);
    const best = solve(instance);
    expect(fcfs.assignments).toHaveLength(1);
    expect(best.assignments).toHaveLength(2);
    expect(best.score).toBeGreaterThan(fcfs.score);
    expect(infeasibility(instance, 'mother', 'far')).toMatch(/Kinderbetreuung/);
    const moved = applyChanges(instance, best, [{ client: 'long', course: 'near' }]);
    expect(moved.ok).toBe(false);
    const out = applyChanges(instance, best, [{ client: 'long', course: null }]);
    expect(out.ok && out.allocation.unassigned).toEqual(['long']);
  });
});

describe('planning', () => {
  it('counts demand once under the preferred type and subtracts free seats month by month', () => {
    const plan = planDemand({
      today: '2026-11-22',
      months: 3,
      waiting: [
        { municipalityId: 'm1', courseTypes: ['bsk_b1', 'job_bsk'], since: '2026-05-01' },
        { municipalityId: 'm1', courseTypes: ['bsk_b1'], since: '2026-10-01' },
        { municipalityId: 'm1', courseTypes: ['bsk_b1'], since: '2026-11-01' },
      ],
      courses: [
        { municipalityId: 'm1', type: 'bsk_b1', startDate: '2026-12-05', seats: 2, taken: 1 },
        { municipalityId: 'm1', type: 'bsk_b1', startDate: '2027-03-01', seats: 20, taken: 0 },
      ],
    });
    expect(plan.months).toEqual(['2026-11', '2026-12', '2027-01']);
    const row = plan.rows.find((r) => r.courseType === 'bsk_b1')!;
    expect(row).toMatchObject({
      demand: 3,
      eligible: 3,
      seats: [0, 2, 0],
      free: [0, 1, 0],
      backlog: [3, 2, 2],
      gap: 2,
      longestWaitDays: 205,
    });
    expect(plan.rows.find((r) => r.courseType === 'job_bsk')).toMatchObject({ demand: 0, eligible: 1 });
    expect(monthsFrom('2026-12-31', 2)).toEqual(['2026-12', '2027-01']);
  });

  it.each([
    ['2026-11', '2026-11-30'],
    ['2026-12', '2026-12-31'],
    ['2027-02', '2027-02-28'],
    ['2028-02', '2028-02-29'],
    ['2026-04', '2026-04-30'],
  ])('the planning window of %s ends on %s, a real date', (month, last) => {
    expect(lastDayOfMonth(month)).toBe(last);
  });
});

describe('progress', () => {
  it('keeps the best level reached and the day each level was first reached', () => {
    const p = personProgress([
      { assessedOn: '2025-09-01', overall: 'B1' },
      { assessedOn: '2024-09-01', overall: 'A1' },
      { assessedOn: '2026-01-01', overall: 'A2' },
    ]);
    expect(p.first).toEqual({ level: 'A1', on: '2024-09-01' });
    expect(p.current).toEqual({ level: 'A2', on: '2026-01-01' });
    expect(p.best).toBe('B1');
    expect(p.reached).toMatchObject({
      A0: '2024-09-01',
      A1: '2024-09-01',
      A2: '2025-09-01',
      B1: '2025-09-01',
    });
  });
  it('computes the B2 share per cohort at a day', () => {
    const rows = cohortProgress(
      [
        { personId: 'a', group: '2024' },
        { personId: 'b', group: '2024' },
        { personId: 'c', group: '2024' },
        { personId: 'd', group: '2025' },
      ],
      [
        { personId: 'a', assessedOn: '2025-01-01', overall: 'B2' },
        { personId: 'b', assessedOn: '2025-01-01', overall: 'A2' },
        { personId: 'd', assessedOn: '2026-06-01', overall: 'C1' },
      ],
      '2026-01-01',
    );
    expect(rows[0]).toMatchObject({ group: '2024', persons: 3, assessed: 2, atLeastB2: 1, shareB2: 0.5 });
    expect(rows[1]).toMatchObject({ group: '2025', persons: 1, assessed: 0, shareB2: 0 });
  });
});

describe('catalogue import', () => {
  const ctx = {
    courseTypes: courseTypeCatalogue(DEFAULT_LAW),
    municipalities: [{ id: 'm-h', name: 'Herford' }],
    places: [{ id: 'p-h', name: 'Herford', municipalityId: 'm-h', kind: 'municipality' as const }],
    providers: [{ id: 'pr', name: 'Sprachschule Ravensberg gGmbH' }],
  };
  const header = [
    'Kursnummer',
    'Träger',
    'Kursart',
    'Einstiegsniveau',
    'Beginn',
    'Plätze',
    'Kinderbetreuung',
    'Nur Frauen',
    'Ort',
  ];

  it('reads German headers, dates and yes/no, and defaults from the course type', () => {
    const { rows, errors } = parseCatalogue(
      [
        header,
        [
          'K1',
          'Sprachschule Ravensberg GGMBH',
          'Spezialmodul Zielniveau B1',
          'A2',
          '01.03.2027',
          '18',
          'ja',
          '',
          'herford',
        ],
      ],
      ctx,
    );
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      row: 2,
      type: 'bsk_b1',
      entryLevels: ['A2'],
      targetLevel: 'B1',
      hours: 400,
      startDate: '2027-03-01',
      seats: 18,
      childcare: true,
      womenOnly: false,
      placeId: 'p-h',
    });
  });

  it('reports every bad cell with row and column, and missing header columns', () => {
    const { rows, errors } = parseCatalogue(
      [
        header,
        ['K1', 'Unbekannt', 'ik_x', 'Z1', '2027-02-30', '-1', 'vielleicht', 'nein', 'Atlantis'],
        [
          'K2',
          'Sprachschule Ravensberg gGmbH',
          'ik_allgemein',
          'A1',
          '2027-03-01',
          '10',
          'nein',
          'nein',
          'Herford',
        ],
        [
          'K2',
          'Sprachschule Ravensberg gGmbH',
          'ik_allgemein',
          'A1',
          '2027-03-01',
          '10',
          'nein',
          'nein',
          'Herford',
        ],
      ],
      ctx,
    );
    expect(rows.map((r) => r.ref)).toEqual(['K2']);
    expect(errors.filter((e) => e.row === 2).map((e) => e.column)).toEqual([
      'Träger',
      'Kursart',
      'Einstiegsniveau',
      'Beginn',
      'Plätze',
      'Kinderbetreuung',
      'Ort',
    ]);
    expect(errors.find((e) => e.column === 'Plätze')?.message).toMatch(/negativ/);
    expect(errors.filter((e) => e.row === 4)).toEqual([
      { row: 4, column: 'Kursnummer', message: 'Kursnummer doppelt in der Datei (zuerst in Zeile 3)' },
    ]);
    const noHeader = parseCatalogue([['Kursnummer', 'Ort']], ctx);
    expect(noHeader.errors.map((e) => e.column)).toContain('Plätze');
  });

  it('binds a provider import to its own provider', () => {
    const { errors } = parseCatalogue(
      [
        header,
        [
          'K1',
          'Sprachschule Ravensberg gGmbH',
          'ik_allgemein',
          'A1',
          '2027-03-01',
          '10',
          'nein',
          'nein',
          'Herford',
        ],
      ],
      { ...ctx, providers: [...ctx.providers, { id: 'other', name: 'VHS' }], ownProviderId: 'other' },
    );
    expect(errors[0].column).toBe('Träger');
  });

  it('parses cells', () => {
    expect(parseDay('1.3.2027')).toBe('2027-03-01');
    expect(parseDay('2027-13-01')).toBeUndefined();
    expect(parseYesNo('JA')).toBe(true);
    expect(parseYesNo('')).toBe(false);
    expect(parseYesNo('kaum')).toBeUndefined();
  });
});

describe('travel matrix import', () => {
  const places = [
    { id: 'h', name: 'Herford' },
    { id: 'b', name: 'Bünde' },
  ];
  it('reads the long and the wide layout', () => {
    expect(
      parseTravelMatrix(
        [
          ['von', 'nach', 'minuten'],
          ['Herford', 'bünde', '25'],
        ],
        places,
      ).entries,
    ).toEqual([{ row: 2, fromId: 'h', toId: 'b', minutes: 25 }]);
    const wide = parseTravelMatrix(
      [
        ['', 'Herford', 'Bünde'],
        ['Herford', '5', '25'],
        ['Bünde', '', '4'],
      ],
      places,
    );
    expect(wide.errors).toEqual([]);
    expect(wide.entries.map((e) => `${e.fromId}${e.toId}${e.minutes}`)).toEqual(['hh5', 'hb25', 'bb4']);
  });
  it('names unknown places, negative minutes and duplicates', () => {
    const { errors } = parseTravelMatrix(
      [
        ['von', 'nach', 'minuten'],
        ['Herford', 'Mars', '5'],
        ['Herford', 'Bünde', '-3'],
        ['Herford', 'Bünde', '20'],
        ['Herford', 'Bünde', '21'],
      ],
      places,
    );
    expect(errors).toEqual([
      { row: 2, column: 'nach', message: 'unbekannter Ort „Mars“' },
      { row: 3, column: 'minuten', message: 'darf nicht negativ sein' },
      { row: 5, column: 'minuten', message: 'Verbindung doppelt (zuerst in Zeile 4)' },
    ]);
  });
});

describe('client letter', () => {
  const data = {
    date: '2026-11-22',
    recipient: { name: 'Rania <Haddad>', address: null },
    course: {
      typeLabel: 'Allgemeiner Integrationskurs',
      ref: 'SR-1',
      provider: 'Sprachschule',
      place: 'Herford',
      address: 'Bahnhofstraße 12',
      startDate: '2027-01-04',
      schedule: 'Mo–Fr',
      hours: 700,
      childcare: true,
    },
    sender: { agency: 'Jobcenter Kreis Herford', advisor: 'Frank Fachkraft' },
  };
  it('prints German first, then Arabic right to left, escaped', () => {
    const html = renderPlacementLetter(data, 'ar');
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html.indexOf('Ihr Platz im Sprachkurs')).toBeLessThan(html.indexOf('مقعدك في دورة اللغة'));
    expect(html).toContain('04.01.2027');
    expect(html).toContain('Rania &lt;Haddad&gt;');
    expect(html).not.toContain('<script');
  });
  it('falls back to German only for a language without texts', () => {
    const html = renderPlacementLetter(data, 'ti');
    expect(html).toContain('<html lang="de" dir="ltr">');
    expect(html.match(/<section/g)).toHaveLength(1);
  });
});
