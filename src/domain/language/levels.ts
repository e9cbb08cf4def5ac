import { CEFR_LEVELS } from '../reference/languages';
/** CEFR levels; A0 stands for "no German yet" (the entry level of literacy and Integrationskurs). */
export const CEFR = CEFR_LEVELS;
export type Cefr = (typeof CEFR)[number];
export const SKILLS = ['hearing', 'reading', 'writing', 'speaking'] as const;
/** What a person reads and writes: no script, another script only, the Latin script. */
export const LITERACY = ['none', 'other_script', 'latin'] as const;
export type Literacy = (typeof LITERACY)[number];
export type Skill = (typeof SKILLS)[number];
export type SkillLevels = Partial<Record<Skill, Cefr | null>>;

export function isCefr(v: unknown): v is Cefr {
  return typeof v === 'string' && (CEFR as readonly string[]).includes(v);
}

export const levelRank = (l: Cefr): number => CEFR.indexOf(l);
export const atLeast = (l: Cefr, min: Cefr): boolean => levelRank(l) >= levelRank(min);

/**
 * The overall level used for course placement. A certificate states it (DTZ "B1", telc "B2"); otherwise
 * the weakest recorded skill counts: a course must fit what the person can do in every skill, so the
 * level is never overstated. Undefined when nothing was recorded.
 */
export function overallLevel(skills: SkillLevels, stated?: Cefr | null): Cefr | undefined {
  if (stated) return stated;
  let min: Cefr | undefined;
  for (const s of SKILLS) {
    const l = skills[s];
    if (l && (min === undefined || levelRank(l) < levelRank(min))) min = l;
  }
  return min;
}

export interface AssessmentFact {
  assessedOn: string;
  overall: Cefr;
  literacy?: Literacy | null;
  /** Tie-breaker for two results on the same day: the later recording wins. */
  recordedAt?: string;
}

/** The latest assessment (by day, then by recording time): a person's current level. */
export function currentAssessment<T extends AssessmentFact>(items: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const a of items) {
    if (
      !best ||
      a.assessedOn > best.assessedOn ||
      (a.assessedOn === best.assessedOn && (a.recordedAt ?? '') > (best.recordedAt ?? ''))
    )
      best = a;
  }
  return best;
}
