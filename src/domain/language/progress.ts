import { CEFR, type Cefr, levelRank } from './levels';

/** Levels reached over time, per person and per cohort (the county's goal: more than half at B2). */
export interface ProgressAssessment {
  personId: string;
  assessedOn: string;
  overall: Cefr;
}

export interface PersonProgress {
  first: { level: Cefr; on: string } | null;
  current: { level: Cefr; on: string } | null;
  /** The highest level ever reached (a later, lower estimate does not take it away). */
  best: Cefr | null;
  reached: Partial<Record<Cefr, string>>;
  timeline: { on: string; level: Cefr }[];
}

export function personProgress(items: readonly { assessedOn: string; overall: Cefr }[]): PersonProgress {
  const timeline = [...items]
    .sort((a, b) => (a.assessedOn < b.assessedOn ? -1 : a.assessedOn > b.assessedOn ? 1 : 0))
    .map((a) => ({ on: a.assessedOn, level: a.overall }));
  const reached: Partial<Record<Cefr, string>> = {};
  let best: Cefr | null = null;
  for (const t of timeline) {
    if (best === null || levelRank(t.level) > levelRank(best)) best = t.level;
    for (const l of CEFR) if (levelRank(l) <= levelRank(t.level) && !reached[l]) reached[l] = t.on;
  }
  return {
    first: timeline[0] ? { level: timeline[0].level, on: timeline[0].on } : null,
    current: timeline.at(-1) ? { level: timeline.at(-1)!.level, on: timeline.at(-1)!.on } : null,
    best,
    reached,
    timeline,
  };
}

export interface CohortRow {
  group: string;
  persons: number;
  assessed: number;
  byLevel: Record<Cefr, number>;
  atLeastB1: number;
  atLeastB2: number;
  /** Share at B2 or above among the assessed persons (0 when nobody is assessed). */
  shareB2: number;
}

/**
 * Distribution of the best level reached by `asOf` per group (cohort = e.g. year of IP entry,
 * municipality, nationality or gender). Persons without any assessment count in `persons` only.
 */
export function cohortProgress(
  persons: readonly { personId: string; group: string }[],
  assessments: readonly ProgressAssessment[],
  asOf: string,
): CohortRow[] {
  const best = new Map<string, Cefr>();
  for (const a of assessments) {
    if (a.assessedOn > asOf) continue;
    const b = best.get(a.personId);
    if (!b || levelRank(a.overall) > levelRank(b)) best.set(a.personId, a.overall);
  }
  const rows = new Map<string, CohortRow>();
  for (const p of persons) {
    let r = rows.get(p.group);
    if (!r) {
      r = {
        group: p.group,
        persons: 0,
        assessed: 0,
        byLevel: Object.fromEntries(CEFR.map((l) => [l, 0])) as Record<Cefr, number>,
        atLeastB1: 0,
        atLeastB2: 0,
        shareB2: 0,
      };
      rows.set(p.group, r);
    }
    r.persons++;
    const l = best.get(p.personId);
    if (!l) continue;
    r.assessed++;
    r.byLevel[l]++;
    if (levelRank(l) >= levelRank('B1')) r.atLeastB1++;
    if (levelRank(l) >= levelRank('B2')) r.atLeastB2++;
  }
  for (const r of rows.values()) r.shareB2 = r.assessed === 0 ? 0 : r.atLeastB2 / r.assessed;
  return [...rows.values()].sort((a, b) => a.group.localeCompare(b.group));
}

/** Share at B2+ among assessed persons at the end of each given month (YYYY-MM): the trend line. */
export function levelTrend(
  persons: readonly { personId: string; group: string }[],
  assessments: readonly ProgressAssessment[],
  months: readonly string[],
): { month: string; assessed: number; atLeastB2: number; shareB2: number }[] {
  const all = persons.map((p) => ({ personId: p.personId, group: 'all' }));
  return months.map((m) => {
    const [row] = cohortProgress(all, assessments, `${m}-31`);
    return {
      month: m,
      assessed: row?.assessed ?? 0,
      atLeastB2: row?.atLeastB2 ?? 0,
      shareB2: row?.shareB2 ?? 0,
    };
  });
}
