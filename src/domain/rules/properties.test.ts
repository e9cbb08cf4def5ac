import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateJson } from './batch';
import { describeRule } from './catalogue';
import { formatDay, parseDay } from './dates';
import { evaluate } from './evaluate';
import { evaluateExtended } from './extended';
import { hostileSituation, isoDay, shuffleKeys, validSituation } from './fixtures/arbitraries';
import { validateSituations } from './validate';

const EMPLOYMENT = ['allowed', 'permit_required', 'banned', 'review'];
const BENEFITS = ['asylblg', 'sgb2', 'sgb3_only', 'none', 'review'];
const AGENCY = ['AA', 'JC', 'review'];

describe('properties (fast-check)', () => {
  it('never throws on any JSON; invalid input yields issues located by a JSON path', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.array(hostileSituation, { maxLength: 4 })), (input) => {
        const r = evaluateJson(input);
        if (!r.ok) {
          expect(r.issues.length).toBeGreaterThan(0);
          for (const i of r.issues) {
            expect(i.path).toMatch(/^\$/);
            expect(i.message.length).toBeGreaterThan(0);
          }
        } else {
          expect(Array.isArray(input)).toBe(true);
          expect(r.decisions.length).toBe((input as unknown[]).length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('names the exact path of a bad date deep in the array', () => {
    const r = evaluateJson([
      { id: 'a' },
      { id: 'b' },
      { id: 'c' },
      { id: 'd', status: { since: '2024-13-01' } },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toEqual([
        { path: '$[3].status.since', message: 'invalid date (expected YYYY-MM-DD)' },
      ]);
  });

  it('every valid situation gets a well-formed, explained decision citing known rules', () => {
    fc.assert(
      fc.property(validSituation, (s) => {
        const d = evaluateExtended(s);
        expect(d.id).toBe(s.id);
        expect(EMPLOYMENT).toContain(d.employment);
        expect(BENEFITS).toContain(d.benefits);
        expect(AGENCY).toContain(d.agency);
        if (d.permitFrom !== null) {
          expect(d.employment).toBe('banned');
          expect(d.permitFrom > (s.asOf ?? '')).toBe(true);
        }
        if (d.employment !== 'permit_required') expect(d.baConsent).toBeNull();
        if (d.employment === 'review' || d.benefits === 'review')
          expect(d.details.missing.length).toBeGreaterThan(0);
        expect(d.rules.length).toBeGreaterThan(0);
        for (const r of d.rules) expect(describeRule(r), r).toBeDefined();
        expect(d.explanation.de).not.toContain('{');
        expect(d.explanation.en).not.toContain('{');
      }),
      { numRuns: 2000 },
    );
  });

  it('moving asOf later never makes a finished waiting period unfinished', () => {
    fc.assert(
      fc.property(validSituation, isoDay, fc.integer({ min: 1, max: 3000 }), (s, asOf, later) => {
        const early = evaluate({ ...s, asOf });
        const lateDay = formatDay(parseDay(asOf) + later);
        const late = evaluate({ ...s, asOf: lateDay });
        const finished = early.employment === 'allowed' || early.employment === 'permit_required';
        if (finished)
          expect(
            late.employment === 'banned' && late.permitFrom !== null,
            JSON.stringify({ s, early, late }),
          ).toBe(false);
        // A waiting period that is still running ends no later once time passes (same law).
        if (
          early.permitFrom !== null &&
          late.permitFrom !== null &&
          late.rules.join() === early.rules.join()
        ) {
          expect(late.permitFrom).toBe(early.permitFrom);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('the decision does not depend on the order of keys', () => {
    fc.assert(
      fc.property(fc.array(validSituation, { minLength: 1, maxLength: 5 }), fc.integer(), (list, seed) => {
        const json = JSON.parse(JSON.stringify(list)) as unknown;
        const a = evaluateJson(json, undefined, true);
        const b = evaluateJson(shuffleKeys(json, seed), undefined, true);
        expect(b).toEqual(a);
        if (a.ok && b.ok) expect(JSON.stringify(b.decisions)).toBe(JSON.stringify(a.decisions));
      }),
      { numRuns: 500 },
    );
  });

  it('validation keeps every valid situation and is idempotent', () => {
    fc.assert(
      fc.property(fc.array(validSituation, { maxLength: 5 }), (list) => {
        const v = validateSituations(JSON.parse(JSON.stringify(list)));
        expect(v.ok).toBe(true);
        if (v.ok) expect(validateSituations(v.value)).toEqual(v);
      }),
    );
  });
});
