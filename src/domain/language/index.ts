// Language path (issue 5), pure: CEFR levels, travel-time estimate, allocation instance from live rows,
// demand-versus-seats planning, level progress, catalogue and travel-matrix import, client letters.
export {
  CATALOGUE_COLUMNS,
  type CatalogueContext,
  type CatalogueRow,
  catalogueSteps,
  parseCatalogue,
  parseLevels,
} from './catalogue-import';
export {
  type CourseTypeInfo,
  courseTypeCatalogue,
  ERSTORIENTIERUNG,
  entitledCourseTypes,
  JOB_BSK,
} from './course-types';
export {
  buildInstance,
  daysBetween,
  type OpenCourse,
  type Skipped,
  type SkipReason,
  type WaitingClient,
} from './instance';
export { LETTER_LANGUAGES, type LetterData, renderPlacementLetter } from './letter';
export {
  atLeast,
  CEFR,
  type Cefr,
  currentAssessment,
  isCefr,
  LITERACY,
  type Literacy,
  levelRank,
  overallLevel,
  SKILLS,
  type Skill,
  type SkillLevels,
} from './levels';
export { lastDayOfMonth, monthsFrom, type Planning, type PlanningRow, planDemand } from './planning';
export { type CohortRow, cohortProgress, levelTrend, type PersonProgress, personProgress } from './progress';
export { applyChanges, infeasibility } from './proposal';
export { normalizeKey, parseDay, ROWS_PER_STEP, type RowError, type Steps } from './table';
export {
  ACCESS_MINUTES,
  DETOUR_FACTOR,
  estimateTravelMinutes,
  haversineKm,
  SPEED_KMH,
  type TravelPlace,
  travelKey,
  travelMatrix,
} from './travel';
export { parseTravelMatrix, type TravelImportEntry, travelMatrixSteps } from './travel-import';
