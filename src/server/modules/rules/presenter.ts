import { type ExtendedDecision, type LawData, listRules, type RuleInfo } from '../../../domain/rules';

export type CitedRule = Pick<RuleInfo, 'id' | 'basis' | 'validFrom' | 'validTo' | 'title'>;

/**
 * A decision with the title, legal basis and validity of every rule it cites, so every reader of the
 * status card sees the law in words — also roles that may not open the law data themselves.
 */
export function presentDecision(
  d: ExtendedDecision,
  law: LawData,
): ExtendedDecision & { citedRules: CitedRule[] } {
  const c = d.courses;
  const ids = new Set([
    ...d.rules,
    ...c.integrationCourse.rules,
    ...c.berufssprachkurs.rules,
    ...c.jobBsk.rules,
    ...c.erstorientierung.rules,
  ]);
  const citedRules = listRules(law)
    .filter((r) => ids.has(r.id))
    .map(({ id, basis, validFrom, validTo, title }) => ({ id, basis, validFrom, validTo, title }));
  return { ...d, citedRules };
}
