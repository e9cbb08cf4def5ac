import { describe, expect, it } from 'vitest';
import { describeRule } from './catalogue';
import { evaluate } from './evaluate';
import examples from './fixtures/rules-examples.json';
import { validateSituations } from './validate';

/** The contract examples (copied from contracts/rules-examples.json): every expected field must match. */
describe('contract examples (CONTRACTS §2)', () => {
  const v = validateSituations(examples.map((e) => e.situation));
  it('are valid input', () => expect(v.ok).toBe(true));
  const situations = v.ok ? v.value : [];

  it.each(examples.map((e, i) => [e.situation.id, i] as const))('%s', (_id, i) => {
    const d = evaluate(situations[i]);
    expect(d.id).toBe(examples[i].situation.id);
    expect(d).toMatchObject(examples[i].expected);
    // Only the contract fields, in the contract's order.
    expect(Object.keys(d)).toEqual([
      'id',
      'employment',
      'permitFrom',
      'baConsent',
      'benefits',
      'agency',
      'rules',
      'explanation',
    ]);
    for (const r of d.rules) expect(describeRule(r), r).toBeDefined();
  });
});
