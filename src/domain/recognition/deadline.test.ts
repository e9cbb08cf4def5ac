import { describe, expect, it } from 'vitest';
import { decisionDueOn, isOverdue, legalBasisOf, type RecognitionFacts } from './deadline';

const base: RecognitionFacts = {
  regulated: false,
  completeOn: null,
  extendedUntil: null,
  decisionOn: null,
  status: 'complete',
};

describe('recognition: the authority decides within three months of the complete documents', () => {
  it.each([
    ['§ 6 Abs. 3 BQFG, §§ 187 Abs. 1, 188 Abs. 2 BGB', '2026-06-03', '2026-09-03'],
    ['§ 188 Abs. 3 BGB: no 30 February, the month ends', '2026-11-30', '2027-02-28'],
    ['§ 188 Abs. 3 BGB in a leap year', '2027-11-30', '2028-02-29'],
    ['across the year end', '2026-12-31', '2027-03-31'],
  ])('%s: complete %s → last day %s', (_basis, complete, due) => {
    expect(decisionDueOn({ ...base, completeOn: complete })).toBe(due);
  });

  it('is overdue from the day after the last day, not on it', () => {
    const r = { ...base, completeOn: '2026-06-03' };
    expect(isOverdue(r, '2026-09-03')).toBe(false);
    expect(isOverdue(r, '2026-09-04')).toBe(true);
  });

  it('follows an extension (§ 6 Abs. 3 Satz 3 BQFG), and stops with a decision or a withdrawal', () => {
    expect(decisionDueOn({ ...base, completeOn: '2026-06-03', extendedUntil: '2026-11-15' })).toBe(
      '2026-11-15',
    );
    expect(
      decisionDueOn({ ...base, completeOn: '2026-06-03', decisionOn: '2026-08-01', status: 'decided' }),
    ).toBeNull();
    expect(decisionDueOn({ ...base, completeOn: '2026-06-03', status: 'withdrawn' })).toBeNull();
    expect(decisionDueOn({ ...base, completeOn: null, status: 'applied' })).toBeNull();
  });

  it('names § 14 BQFG for regulated professions', () => {
    expect(legalBasisOf({ regulated: true })).toBe('§ 14 Abs. 3 BQFG');
    expect(legalBasisOf({ regulated: false })).toBe('§ 6 Abs. 3 BQFG');
  });
});
