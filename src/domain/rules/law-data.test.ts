import { describe, expect, it } from 'vitest';
import { compileLaw, inForce, LawDataError, parseLawData } from './compile';
import { evaluate } from './evaluate';
import { duldung, gestattung } from './fixtures/builders';
import { DEFAULT_LAW } from './law-default';
import { FAMILY_PARAMS, type LawData } from './law-schema';

describe('law data', () => {
  it('the default dataset passes its schema and survives JSON (storable in the database)', () => {
    expect(parseLawData(DEFAULT_LAW).ok).toBe(true);
    const copy = JSON.parse(JSON.stringify(DEFAULT_LAW)) as LawData;
    expect(parseLawData(copy)).toEqual({ ok: true, law: DEFAULT_LAW });
  });

  it('every rule has a basis, de/en texts and a family the evaluator implements', () => {
    for (const r of DEFAULT_LAW.rules) {
      expect(r.basis.length, r.id).toBeGreaterThan(3);
      expect(r.explanation.de.length, r.id).toBeGreaterThan(10);
      expect(r.explanation.en.length, r.id).toBeGreaterThan(10);
      expect(FAMILY_PARAMS[r.family], r.id).toBeDefined();
    }
  });

  it('versions of a family do not overlap (one rule in force per day)', () => {
    const cl = compileLaw();
    for (const [family, rules] of cl.families) {
      if (
        family.startsWith('title.') ||
        family === 'benefits.title' ||
        family === 'review' ||
        family === 'duldung.special' ||
        family === 'ik.entitled'
      )
        continue;
      if (family === 'benefits.asylblg') continue;
      const sorted = [...rules].sort((a, b) => a.from - b.from);
      for (let i = 1; i < sorted.length; i++)
        expect(sorted[i].from, `${family}: ${sorted[i].def.id}`).toBeGreaterThan(sorted[i - 1].to);
    }
  });

  it('holds the dated parameters the issue names', () => {
    const cl = compileLaw();
    const ge = DEFAULT_LAW.safeCountries.find((c) => c.country === 'GE');
    expect(ge).toMatchObject({ listedFrom: '2023-12-23', applicationAfter: '2023-08-30' });
    expect(cl.byId.get('ik.admission_stop')?.def.validFrom).toBe('2026-02-09');
    expect(cl.byId.get('ukraine.sgb2')?.def.validFrom).toBe('2022-06-01');
    expect(cl.byId.get('ukraine.return_asylblg')?.def.params).toMatchObject({
      enabled: false,
      after: '2025-03-31',
    });
    expect(cl.byId.get('gestattung.ae_9m')?.def.validFrom).toBe('2019-08-21');
    expect(cl.byId.get('gestattung.ae_6m')?.def.validFrom).toBe('2024-02-27');
    expect(cl.byId.get('gestattung.ae_3m')?.def.validFrom).toBe('2026-06-12');
    expect(cl.byId.get('asylblg.analogue_36m')?.def.validFrom).toBe('2024-02-27');
    expect(cl.byId.get('duldung.permit_should')?.def.validFrom).toBe('2024-02-27');
    expect(cl.byId.get('priority.abolished')?.def.validFrom).toBe('2019-08-06');
    expect(inForce(cl, 'gestattung.ae', parseDayIso('2024-02-26'))?.def.id).toBe('gestattung.ae_9m');
  });

  it('rejects broken datasets with located errors', () => {
    const bad = {
      ...DEFAULT_LAW,
      rules: [
        ...DEFAULT_LAW.rules.slice(1),
        { ...DEFAULT_LAW.rules[0], id: 'gestattung.wait_3m' },
        { ...DEFAULT_LAW.rules[3], id: 'x.y', validFrom: '2024-02-30' },
        { ...DEFAULT_LAW.rules[3], id: 'x.z', family: 'nonsense' },
        { ...DEFAULT_LAW.rules[3], id: 'x.w', params: {} },
      ],
    };
    const r = parseLawData(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.errors.map((e) => `${e.path}: ${e.message}`).join('\n');
    expect(text).toContain('duplicate rule id gestattung.wait_3m');
    expect(text).toContain('invalid date');
    expect(text).toContain('unknown rule family nonsense');
    expect(text).toContain('needs months');
    expect(() => compileLaw(bad as LawData)).toThrow(LawDataError);
  });

  it('an edited dataset changes decisions without code changes (admin copy)', () => {
    // Suppose the legislator shortened the 3-month period to 1 month: only data changes.
    const edited: LawData = {
      ...DEFAULT_LAW,
      rules: DEFAULT_LAW.rules.map((r) =>
        r.id === 'gestattung.wait_3m' ? { ...r, params: { ...r.params, months: 1 } } : r,
      ),
    };
    const s = gestattung('2024-07-10', '2024-06-03');
    expect(evaluate(s).employment).toBe('banned');
    expect(evaluate(s, edited).employment).toBe('permit_required');
  });

  it('still validates and applies a dataset stored before the review of issue 11 (no new lists or parameters)', () => {
    const { freeMovementCountries: _f, ...rest } = JSON.parse(JSON.stringify(DEFAULT_LAW)) as LawData;
    const old = {
      ...rest,
      rules: rest.rules.map((r) => (r.id === 'safe_country.duldung_ban' ? { ...r, params: undefined } : r)),
    };
    const parsed = parseLawData(old);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    // Without "covers" the ban keeps its old reading (all histories); without the list no EU check.
    const al = duldung(
      '2020-06-01',
      '2019-01-01',
      { asylumDecision: 'none' },
      { nationality: 'AL', birthDate: '1990-01-01' },
    );
    expect(evaluate(al, parsed.law).employment).toBe('banned');
    const pl = duldung('2020-06-01', '2019-01-01', {}, { nationality: 'PL' });
    expect(evaluate(pl, parsed.law).employment).toBe('permit_required');
    expect(evaluate(pl).employment).toBe('review');
  });

  it('cites the provisions the legal review corrected (issue 11)', () => {
    const rule = (id: string) => {
      const r = DEFAULT_LAW.rules.find((x) => x.id === id);
      if (!r) throw new Error(id);
      return r;
    };
    expect(rule('ik.sufficient_german').basis).toContain('§44 Abs. 3 S. 1 Nr. 3');
    expect(rule('ik.sufficient_german').explanation.de).toContain('Orientierungskurs bleibt offen');
    expect(rule('asylblg.title_25_4').basis).toBe('§1 Abs. 1 Nr. 3 lit. b AsylbLG');
    expect(rule('ik.entitled_admission').basis).toContain('§44 Abs. 1 S. 1 Nr. 2');
    expect(rule('ik.entitled_admission').params?.paragraphs).toEqual(['23(2)', '23(4)']);
    expect(rule('ik.entitled').params?.paragraphs).not.toContain('23(2)');
    expect(rule('duldung.beschaeftigung_2020')).toMatchObject({ validTo: '2024-02-26' });
    expect(rule('duldung.beschaeftigung_2020').explanation.de).toContain('18 Monate');
    expect(rule('duldung.beschaeftigung')).toMatchObject({ validFrom: '2024-02-27' });
    expect(rule('duldung.beschaeftigung').explanation.de).toContain('12 Monate');
    // Every rule whose source could not be found says so in its note.
    for (const id of [
      'title.16g',
      'gestattung.geas_rejected_open',
      'ik.gestattung_all',
      'ukraine.return_open',
    ])
      expect(rule(id).note ?? '', id).toMatch(/not found|not confirmed|could not be found/);
  });
});

function parseDayIso(s: string): number {
  return Math.round(Date.parse(`${s}T00:00:00Z`) / 86_400_000);
}
