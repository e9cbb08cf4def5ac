import { addDays } from '../reference/dates';
import type { MeasureSpell } from './indicators';

/**
 * Who takes part in a measure on which days, read from the cooperation plans (the plan is where an
 * Integration Point records that a client goes to a measure; Lotse keeps no separate attendance of
 * measures). A plan version is in force from the day it was saved until the day before the next version
 * was saved; while it is, an open step linked to a measure counts as taking part — within the measure's own
 * dates where it has them. A step marked done or dropped ends the spell with the version that says so.
 */
export interface PlanVersionFact {
  personId: string;
  version: number;
  savedOn: string;
  steps: { measureId?: string | null; status?: string }[];
}

export function measureSpells(
  versions: readonly PlanVersionFact[],
  measures: ReadonlyMap<string, { start: string | null; end: string | null }>,
): MeasureSpell[] {
  const byPerson = new Map<string, PlanVersionFact[]>();
  for (const v of versions) {
    const list = byPerson.get(v.personId);
    if (list) list.push(v);
    else byPerson.set(v.personId, [v]);
  }
  const out: MeasureSpell[] = [];
  for (const [personId, list] of byPerson) {
    list.sort((a, b) => a.version - b.version);
    list.forEach((v, i) => {
      const next = list[i + 1];
      const until = next ? addDays(next.savedOn, -1) : null;
      if (until !== null && until < v.savedOn) return; // replaced on the day it was saved
      for (const step of v.steps) {
        if (!step.measureId || (step.status ?? 'open') !== 'open') continue;
        const m = measures.get(step.measureId);
        if (!m) continue;
        const start = m.start && m.start > v.savedOn ? m.start : v.savedOn;
        const end = m.end === null ? until : until === null || m.end < until ? m.end : until;
        if (end === null || start <= end) out.push({ personId, start, end });
      }
    });
  }
  return out;
}
