import { describe, expect, it } from 'vitest';
import { fitMeasure, type MeasureConditions, type PersonFacts } from './fit';

const open: MeasureConditions = {
  rechtskreise: [],
  residenceKinds: [],
  minAge: null,
  maxAge: null,
  minLevel: null,
  gender: null,
  needsWorkAccess: false,
  startDate: '2027-02-01',
  endDate: '2027-07-31',
};
const person: PersonFacts = {
  rechtskreis: 'sgb2',
  residenceKind: 'aufenthaltserlaubnis',
  birthDate: '2002-02-01',
  birthPrecision: 'day',
  gender: 'f',
  level: 'B1',
  employment: 'allowed',
};
const today = '2026-12-04';

describe('fitting measures: each condition on the start day (table, boundary days)', () => {
  it.each([
    ['open to all', {}, {}, true, []],
    [
      '§ 16 SGB II measure, SGB III client',
      { rechtskreise: ['sgb2'] },
      { rechtskreis: 'sgb3_only' },
      false,
      ['rechtskreis'],
    ],
    [
      'U25 (max 24), 25th birthday on the start day',
      { maxAge: 24 },
      { birthDate: '2002-02-01' },
      false,
      ['age'],
    ],
    [
      'U25 (max 24), 25th birthday the day after the start',
      { maxAge: 24 },
      { birthDate: '2002-02-02' },
      true,
      [],
    ],
    ['B1 required, A2 reached', { minLevel: 'B1' }, { level: 'A2' }, false, ['level']],
    ['B1 required, B1 reached', { minLevel: 'B1' }, {}, true, []],
    ['women only, woman', { gender: 'f' }, {}, true, []],
    ['women only, man', { gender: 'f' }, { gender: 'm' }, false, ['gender']],
    [
      '§ 45 SGB III placement, Duldung with ban (§ 60a Abs. 6 AufenthG)',
      { needsWorkAccess: true },
      { employment: 'banned' },
      false,
      ['work'],
    ],
    [
      '§ 45 SGB III placement, Gestattung after 3 months (§ 61 Abs. 2 AsylG)',
      { needsWorkAccess: true },
      { employment: 'permit_required' },
      true,
      [],
    ],
    ['ended yesterday', { endDate: '2026-12-03' }, {}, false, ['ended']],
    ['ends today', { endDate: '2026-12-04' }, {}, true, []],
  ] as const)('%s', (_label, m, p, fits, missing) => {
    const f = fitMeasure({ ...open, ...m }, { ...person, ...p }, today);
    expect(f.fits).toBe(fits);
    expect(f.missing.map((r) => r.code)).toEqual(missing);
  });

  it('names what is unknown instead of guessing: no level, no status, a year-only birth date at the age limit', () => {
    const f = fitMeasure(
      { ...open, minLevel: 'A2', residenceKinds: ['duldung'], maxAge: 24 },
      { ...person, level: null, residenceKind: null, birthDate: '2002-01-01', birthPrecision: 'year' },
      today,
    );
    expect(f.fits).toBe(false);
    expect(f.unknown.map((r) => r.code)).toEqual(['status', 'age', 'level']);
    expect(f.unknown[2]?.text).toMatch(/Sprachstand ist nicht erfasst/);
  });
});
