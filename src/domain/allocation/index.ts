// Course-seat allocation (CONTRACTS §3): validation, the exact solver, the first-come-first-served
// baseline, comparison metrics, the optimality certificate and a seeded instance generator.
export { firstComeFirstServed } from './baseline';
export { feasibleTravel, PLACEMENT_SCORE, pairScore } from './feasibility';
export { type GeneratorOptions, generateInstance } from './generator';
export { type AllocationMetrics, allocationMetrics } from './metrics';
export { buildPairs, type PairTable } from './pairs';
export {
  type Allocation,
  type Assignment,
  type Client,
  type Course,
  type Instance,
  instanceSchema,
  LEVELS,
  type Level,
} from './schema';
export {
  type SolveOptions,
  type SolvePhase,
  type SolveProgress,
  type SolveResult,
  type SolveStats,
  solve,
  solveDetailed,
} from './solve';
export {
  formatIssues,
  jsonPath,
  type ValidationIssue,
  type ValidationResult,
  validateInstance,
} from './validate';
export { type Certificate, dualBound, verifyOptimal } from './verify';
