import { compileLaw } from './compile';
import { formatDay, parseDay } from './dates';
import type { Decision } from './decision';
import { evaluateFacts, toDecision } from './evaluate';
import { type Facts, toFacts } from './facts';
import type { LawData } from './law-schema';
import { OUTCOME_FIELDS, type OutcomeField } from './outcome';
import type { Situation } from './situation-schema';

/**
 * Law-change impact: which cases get a different answer on DATE than on the day before — e.g.
 * who gains access on 27.02.2024. Each situation's own asOf is replaced by the two days.
 */

export { OUTCOME_FIELDS, type OutcomeField };

export interface ImpactRow {
  id: string;
  /** Contract fields that differ between the two days (plus "rules" if asked for). */
  changed: (OutcomeField | 'rules')[];
  before: Decision;
  after: Decision;
}

export interface ImpactOptions {
  /** Also report cases whose outcome is the same but whose deciding rules changed (e.g. "kann" → "soll"). */
  includeRuleChanges?: boolean;
}

function sameRules(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((r, i) => r === b[i]);
}

export function impact(
  situations: readonly Situation[],
  date: string,
  lawData?: LawData,
  options: ImpactOptions = {},
): ImpactRow[] {
  const day = parseDay(date);
  if (Number.isNaN(day)) throw new RangeError(`impact: invalid date ${date}`);
  const cl = compileLaw(lawData);
  const rows: ImpactRow[] = [];
  for (const s of situations) {
    const f = toFacts(s);
    const before = toDecision(evaluateFacts({ ...f, asOf: day - 1 } satisfies Facts, cl));
    const after = toDecision(evaluateFacts({ ...f, asOf: day }, cl));
    const changed: ImpactRow['changed'] = OUTCOME_FIELDS.filter((k) => before[k] !== after[k]);
    if (options.includeRuleChanges && !sameRules(before.rules, after.rules)) changed.push('rules');
    if (changed.length > 0) rows.push({ id: s.id, changed, before, after });
  }
  return rows;
}

/** The day before, as an ISO date (for reports). */
export function dayBefore(date: string): string {
  return formatDay(parseDay(date) - 1);
}
