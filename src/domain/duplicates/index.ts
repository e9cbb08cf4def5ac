export { DEFAULT_THRESHOLD, type FindOptions, type FindStats, findDuplicates } from './find';
export { countTokens, type TokenCounts, tokenCount } from './frequency';
export { keysOfPrepared, nameKeys } from './keys';
export { detectScript, type Script, toLatin } from './normalise';
export { type PreparedPerson, preparePerson } from './prepare';
export { REASONS, type ReasonCode } from './reasons';
export { type ScoreContext, scorePair, scorePrepared } from './score';
export type { BirthDatePrecision, DuplicatePair, Gender, PairScore, PersonRecord } from './types';
