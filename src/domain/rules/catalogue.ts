import { compileLaw } from './compile';
import type { LawData, RuleDef } from './law-schema';

/** Rule look-up for UIs and the CLI: resolve an id from a decision to its basis and validity. */

export interface RuleInfo {
  id: string;
  basis: string;
  validFrom: string;
  validTo: string | null;
  title: { de: string; en: string };
  explanation: { de: string; en: string };
  note?: string;
}

function info(r: RuleDef): RuleInfo {
  return {
    id: r.id,
    basis: r.basis,
    validFrom: r.validFrom,
    validTo: r.validTo,
    title: r.title,
    explanation: r.explanation,
    ...(r.note ? { note: r.note } : {}),
  };
}

export function listRules(lawData?: LawData): RuleInfo[] {
  return compileLaw(lawData).law.rules.map(info);
}

export function describeRule(id: string, lawData?: LawData): RuleInfo | undefined {
  const r = compileLaw(lawData).byId.get(id);
  return r ? info(r.def) : undefined;
}
