import { describe, expect, it } from 'vitest';
import { mayReceiveHandover, receiverRefusal } from './receivers';

describe('who may receive a handover', () => {
  it.each([
    ['case', 'jobcenter', true],
    ['case', 'agentur_fuer_arbeit', true],
    ['case', 'sozialamt', true],
    ['case', 'kreis', true],
    ['case', 'arbeitgeber', false],
    ['case', 'ehrenamt', false],
    ['case', 'bildungstraeger', false],
    ['case', 'auslaenderbehoerde', false],
    ['rechtskreiswechsel', 'arbeitgeber', false],
    ['exit', 'jugendamt', false],
    ['exit', 'jobcenter', true],
    ['referral', 'arbeitgeber', true],
    ['referral', 'ehrenamt', true],
  ] as const)('%s to a %s agency → %s', (kind, agency, expected) => {
    expect(mayReceiveHandover(kind, agency)).toBe(expected);
  });

  it('explains the refusal in German with the agency kind', () => {
    expect(receiverRefusal('arbeitgeber')).toMatch(/^Arbeitgeber kann keinen Fall übernehmen/);
  });
});
