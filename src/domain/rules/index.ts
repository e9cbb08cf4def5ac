/**
 * Legal rules engine (issue 4): labour-market access, Rechtskreis, course entitlement and
 * deadlines, by date, from law data. Pure — no I/O.
 */
export { type BatchResult, evaluateJson } from './batch';
export {
  type CaseFile,
  type GermanLevel,
  germanLevelOn,
  residenceOn,
  situationFromCaseFile,
} from './case-file';
export { describeRule, listRules, type RuleInfo } from './catalogue';
export { type CompiledLaw, compileLaw, LawDataError, type LawParseResult, parseLawData } from './compile';
export type {
  Berufssprachkurs,
  CourseEntitlement,
  Erstorientierung,
  IntegrationCourse,
  IntegrationCourseStatus,
  JobBsk,
  OfferStatus,
} from './courses';
export type { Deadline, DeadlineKind } from './deadlines';
export type { Agency, Benefits, Decision, Employment } from './decision';
export { evaluate } from './evaluate';
export { type ExtendedDecision, evaluateExtended } from './extended';
export { dayBefore, type ImpactOptions, type ImpactRow, impact, OUTCOME_FIELDS } from './impact';
export { DEFAULT_LAW } from './law-default';
export {
  type BskModuleDef,
  type CourseTypeDef,
  type LawData,
  lawDataSchema,
  type RuleDef,
  type RuleParams,
  type SafeCountry,
} from './law-schema';
export type { PermitMode, PriorityCheck } from './outcome';
export { renderRulesDoc } from './rules-doc';
export {
  type AsylumDecision,
  type CefrLevel,
  type Situation,
  type SituationStatus,
  type StatusKind,
  situationSchema,
} from './situation-schema';
export {
  formatIssues,
  type ValidationIssue,
  type ValidationResult,
  validateSituation,
  validateSituations,
} from './validate';
