/**
 * How close a person's occupation is to a vacancy's (issue 14): the same ESCO occupation is closest, then
 * the same ISCO-08 unit group (four digits), then the share of the vacancy's essential ESCO skills the
 * person's occupation shares. Pure; the server passes the facts from the shipped ESCO extract.
 */
export interface OccupationFacts {
  uri: string;
  /** ISCO-08 unit group, four digits ('' when ESCO has none). */
  isco: string;
  /** Numbers of the occupation's essential skills. */
  skills: ReadonlySet<number>;
}

export type ClosenessKind = 'same_occupation' | 'same_unit_group' | 'shared_skills' | 'none';

export interface Closeness {
  kind: ClosenessKind;
  /** 0 … 1 */
  value: number;
  /** Share of the vacancy's essential skills the person's occupation shares (0 … 1). */
  skillShare: number;
}

const SAME_OCCUPATION = 1;
const SAME_UNIT_GROUP = 0.75;
/** Shared skills count up to this much: never as much as the same unit group. */
const SKILLS_MAX = 0.6;
/** Below this share the overlap is generic (communication, hygiene) and says nothing. */
export const MIN_SKILL_SHARE = 0.2;

export function skillShare(vacancy: OccupationFacts, person: OccupationFacts): number {
  if (vacancy.skills.size === 0) return 0;
  let shared = 0;
  for (const s of vacancy.skills) if (person.skills.has(s)) shared++;
  return shared / vacancy.skills.size;
}

export function closeness(vacancy: OccupationFacts, person: OccupationFacts): Closeness {
  const share = skillShare(vacancy, person);
  if (vacancy.uri === person.uri) return { kind: 'same_occupation', value: SAME_OCCUPATION, skillShare: 1 };
  if (vacancy.isco !== '' && vacancy.isco === person.isco)
    return { kind: 'same_unit_group', value: SAME_UNIT_GROUP, skillShare: share };
  if (share >= MIN_SKILL_SHARE)
    return { kind: 'shared_skills', value: SKILLS_MAX * share, skillShare: share };
  return { kind: 'none', value: 0, skillShare: share };
}
