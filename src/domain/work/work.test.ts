import { describe, expect, it } from 'vitest';
import {
  type CandidateFacts,
  holdsLicence,
  MAX_OPEN_PROPOSALS,
  matchCandidate,
  type VacancyFacts,
} from './matching';
import { closeness, type OccupationFacts } from './occupation-closeness';
import { aftercareSteps, canMove, eqDurationProblem } from './pipeline';
import { parseVacancyTable } from './vacancy-table';

const occ = (uri: string, isco: string, skills: number[]): OccupationFacts => ({
  uri,
  isco,
  skills: new Set(skills),
});
const BAKER = occ('baker', '7512', [1, 2, 3, 4, 5]);
const PASTRY = occ('pastry', '7512', [1, 2, 6]);
const BUTCHER = occ('butcher', '7511', [1, 2, 7, 8]);
const DRIVER = occ('driver', '8332', [20, 21]);

const vacancy: VacancyFacts = {
  occupation: BAKER,
  occupationLabel: 'Bäcker/Bäckerin',
  kind: 'job',
  minLevel: 'A2',
  hoursMin: 30,
  shiftWork: true,
  drivingLicence: null,
  startDate: '2027-03-01',
};
const person = (over: Partial<CandidateFacts> = {}): CandidateFacts => ({
  personId: 'p',
  level: 'B1',
  travelMinutes: 20,
  maxTravelMinutes: 60,
  hoursMax: 40,
  childcare: 'none',
  drivingLicences: [],
  occupations: [{ occupation: BAKER, label: 'Bäcker', years: 4, source: 'experience' }],
  recognised: [],
  waitingDays: 200,
  openProposals: 0,
  employerRelease: true,
  employment: { employment: 'allowed', permitFrom: null, baConsent: null },
  ...over,
});

describe('occupation closeness', () => {
  it.each([
    ['same ESCO occupation', BAKER, 'same_occupation', 1],
    ['same ISCO-08 unit group', PASTRY, 'same_unit_group', 0.75],
    ['shared essential skills (2 of 5)', BUTCHER, 'shared_skills', 0.6 * 0.4],
    ['nothing in common', DRIVER, 'none', 0],
  ] as const)('%s', (_name, other, kind, value) => {
    const c = closeness(BAKER, other);
    expect(c.kind).toBe(kind);
    expect(c.value).toBeCloseTo(value, 5);
  });
});

describe('matching: hard filters exclude with the reason, a permit need stays in the list', () => {
  it.each([
    ['German below the vacancy', { level: 'A1' }, /Deutsch A2 verlangt, erreicht A1/],
    [
      'travel longer than the limit (61 > 60)',
      { travelMinutes: 61 },
      /Fahrzeit 61 Min\. \(höchstens 60 Min\.\)/,
    ],
    ['fewer hours than asked', { hoursMax: 20 }, /30 Wochenstunden verlangt/],
    ['shift work and nursery hours only', { childcare: 'school_hours' }, /Schichtarbeit/],
    ['no consent to pass the profile', { employerRelease: false }, /Einwilligung/],
    ['proposal cap reached', { openProposals: MAX_OPEN_PROPOSALS }, /bereits für 3 offene Stellen/],
    [
      'ban on the start day (§ 61 AsylG waiting period)',
      { employment: { employment: 'banned', permitFrom: '2027-04-01', baConsent: null } },
      /nicht erlaubt.*frühestens ab 01\.04\.2027/,
    ],
  ] as const)('%s', (_name, over, reason) => {
    const m = matchCandidate(vacancy, person(over as Partial<CandidateFacts>));
    expect(m.eligible).toBe(false);
    expect(m.excluded.join(' ')).toMatch(reason);
  });

  it('keeps the boundary: travel exactly at the limit, the required level exactly', () => {
    const m = matchCandidate(vacancy, person({ travelMinutes: 60, level: 'A2' }));
    expect(m.eligible).toBe(true);
  });

  it('marks a permit need with the BA consent fiction (§ 36 Abs. 2 BeschV) and keeps the person', () => {
    const m = matchCandidate(
      vacancy,
      person({ employment: { employment: 'permit_required', permitFrom: null, baConsent: true } }),
    );
    expect(m.eligible).toBe(true);
    expect(m.permit?.text).toMatch(/zwei Wochen/);
    expect(m.missing).toContain('Beschäftigungserlaubnis beantragen');
  });

  it('a driving licence class includes the smaller ones (§ 6 FeV)', () => {
    expect(holdsLicence(['CE'], 'C')).toBe(true);
    expect(holdsLicence(['CE'], 'B')).toBe(true);
    expect(holdsLicence(['B'], 'C')).toBe(false);
    const m = matchCandidate({ ...vacancy, drivingLicence: 'C' }, person({ drivingLicences: ['B'] }));
    expect(m.excluded.join(' ')).toMatch(/Führerschein Klasse C/);
  });

  it('ranks same occupation above related, experience and recognition add, reasons say why', () => {
    const same = matchCandidate(vacancy, person());
    const related = matchCandidate(
      vacancy,
      person({ occupations: [{ occupation: PASTRY, label: 'Konditor', years: 4, source: 'experience' }] }),
    );
    const recognised = matchCandidate(
      vacancy,
      person({ recognised: [{ occupation: BAKER, result: 'full' }] }),
    );
    expect(same.score).toBeGreaterThan(related.score);
    expect(recognised.score).toBe(same.score + 15);
    expect(same.reasons.join(' ')).toMatch(/gleicher Beruf: Bäcker \(Erfahrung\)/);
    expect(related.reasons.join(' ')).toMatch(/verwandter Beruf/);
  });

  it('a person without a related occupation is no candidate at all', () => {
    const m = matchCandidate(
      vacancy,
      person({ occupations: [{ occupation: DRIVER, label: 'Fahrer', years: 9, source: 'experience' }] }),
    );
    expect(m.closeness).toBe('none');
    expect(m.eligible).toBe(false);
  });
});

describe('placement pipeline', () => {
  it.each([
    ['proposed', 'contacted', true],
    ['proposed', 'hired', true],
    ['interview', 'trial', true],
    ['trial', 'interview', false],
    ['hired', 'declined', false],
    ['declined', 'proposed', false],
  ] as const)('%s → %s: %s', (from, to, ok) => {
    expect(canMove(from, to)).toBe(ok);
  });

  it('after-care two weeks, three and six months after the start (end of month kept)', () => {
    expect(aftercareSteps('2027-08-31').map((s) => s.dueOn)).toEqual([
      '2027-09-14',
      '2027-11-30',
      '2028-02-29',
    ]);
  });
});

describe('Einstiegsqualifizierung lasts 4 to 12 months (§ 54a Abs. 2 SGB III, since 01.04.2024)', () => {
  it.each([
    ['no end', null, false],
    ['one day short of 4 months', '2027-11-30', false],
    ['exactly 4 months', '2027-12-01', true],
    ['exactly 12 months', '2028-08-01', true],
    ['one day over 12 months', '2028-08-02', false],
  ] as const)('%s (start 01.08.2027, end %s)', (_name, end, ok) => {
    expect(eqDurationProblem('2027-08-01', end) === null).toBe(ok);
  });
});

describe('vacancy table', () => {
  const ctx = {
    today: '2027-01-01',
    occupation: (t: string) => (t === 'Bäcker' ? { uri: 'baker', label: 'Bäcker/Bäckerin' } : undefined),
    municipality: (n: string) => (n === 'Herford' ? 'm1' : undefined),
  };
  it('reads German headers and names every bad cell', () => {
    const { rows, errors } = parseVacancyTable(
      [
        ['Arbeitgeber', 'Stellentitel', 'Art', 'Beruf', 'Arbeitsort', 'Beginn', 'Deutsch ab', 'Führerschein'],
        ['Bäckerei', 'Bäcker/in', 'Arbeitsstelle', 'Bäcker', 'Herford', '01.03.2027', 'B1', 'B'],
        ['Bäckerei', 'Fahrer', 'Saisonstelle', 'Astronaut', 'Atlantis', '31.02.2027', 'X9', 'Z'],
      ],
      ctx,
    );
    expect(rows[0]).toMatchObject({
      escoUri: 'baker',
      municipalityId: 'm1',
      startDate: '2027-03-01',
      minLevel: 'B1',
    });
    expect(errors.map((e) => `${e.row}:${e.column}`).sort()).toEqual(
      ['3:Art', '3:Arbeitsort', '3:Beginn', '3:Beruf', '3:Deutsch ab', '3:Führerschein'].sort(),
    );
  });
  it('refuses a file without the required columns', () => {
    expect(parseVacancyTable([['Titel']], ctx).errors.length).toBeGreaterThan(0);
  });
});
