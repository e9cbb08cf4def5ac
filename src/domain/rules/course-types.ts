import type { CompiledLaw, CompiledRule } from './compile';
import { explain } from './explain';
import type { BskModuleDef } from './law-schema';
import { type Cite, reviewCite } from './outcome';
import { CEFR_LEVELS, type CefrLevel } from './situation-schema';

/** Result types of the course decisions (DOMAIN.md §5) and the helpers they share. */

export type IntegrationCourseStatus = 'entitled' | 'obliged' | 'admissible' | 'none' | 'review';
export type OfferStatus = 'eligible' | 'not_eligible' | 'review';

interface CourseBase {
  rules: string[];
  /** Facts that must be known to decide (when status is "review"). */
  missing: string[];
  explanation: { de: string; en: string };
}

export interface IntegrationCourse extends CourseBase {
  status: IntegrationCourseStatus;
  courseTypes: { type: string; languageHours: number; orientationHours: number }[];
  /** Day the §44(1) entitlement lapses (one year after the title), if entitled. */
  entitlementEnds: string | null;
}

export interface Berufssprachkurs extends CourseBase {
  status: OfferStatus;
  modules: { module: string; kind: BskModuleDef['kind']; hours: number; targetLevel: string | null }[];
}

export interface JobBsk extends CourseBase {
  status: OfferStatus;
  hours: { min: number; max: number } | null;
}

export interface Erstorientierung extends CourseBase {
  status: OfferStatus;
  hours: number | null;
}

export interface CourseEntitlement {
  integrationCourse: IntegrationCourse;
  berufssprachkurs: Berufssprachkurs;
  jobBsk: JobBsk;
  erstorientierung: Erstorientierung;
}

export function levelIndex(l: CefrLevel | undefined): number {
  return l === undefined ? -1 : CEFR_LEVELS.indexOf(l);
}

export function base(cl: CompiledLaw, cites: Cite[], missing: string[] = []): CourseBase {
  // A "review" answer explains itself like the main decision: which facts are missing.
  if (missing.length > 0) cites = [...cites, ...reviewCite(cl, 'missing', missing)];
  const rules: string[] = [];
  for (const c of cites) if (!rules.includes(c.rule.def.id)) rules.push(c.rule.def.id);
  return { rules, missing, explanation: { de: explain(cites, [], 'de'), en: explain(cites, [], 'en') } };
}

export function cite(rule: CompiledRule | undefined, vars?: Cite['vars']): Cite[] {
  return rule ? [{ rule, vars }] : [];
}
