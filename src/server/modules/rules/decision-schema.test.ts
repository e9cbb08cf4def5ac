import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateExtended } from '../../../domain/rules';
import { validSituation } from '../../../domain/rules/fixtures/arbitraries';
import examples from '../../../domain/rules/fixtures/rules-examples.json';
import { DEFAULT_LAW } from '../../../domain/rules/law-default';
import { validateSituations } from '../../../domain/rules/validate';
import { decisionOut } from './decision-schema';
import { presentDecision } from './presenter';

/**
 * The response schema serialises the status card: a decision it refuses is a 500, a field it does not
 * name is dropped. Every presented decision must pass it unchanged.
 */
describe('the decision contract', () => {
  const present = (s: Parameters<typeof evaluateExtended>[0]) =>
    presentDecision(evaluateExtended(s, DEFAULT_LAW), DEFAULT_LAW);

  it('carries every contract example unchanged', () => {
    const v = validateSituations(examples.map((e) => e.situation));
    expect(v.ok).toBe(true);
    for (const s of v.ok ? v.value : []) {
      const d = present(s);
      expect(decisionOut.parse(d)).toEqual(d);
    }
  });

  it('carries any valid situation unchanged', () => {
    fc.assert(
      fc.property(validSituation, (s) => {
        const d = present(s);
        const r = decisionOut.safeParse(d);
        expect(r.error?.issues ?? []).toEqual([]);
        expect(r.data).toEqual(d);
      }),
      { numRuns: 300 },
    );
  });
});
