export { formatIso } from './birth-dates';
export { type GeneratedData, type GenerateOptions, generatePersons, toPersonRecord } from './generate';
export { languagesFor, NATIONALITY_MIX, type NationalityProfile } from './nationalities';
export { ARABIC, BULGARIAN, NAME_POOLS, PERSIAN, TIGRINYA, TURKISH, UKRAINIAN } from './pools';
export { createRng, type Rng } from './random';
export type {
  BirthDatePrecision,
  FamilyEntry,
  Gender,
  GeneratedPerson,
  LanguageLevel,
  LanguageSkill,
  NameEntry,
  NamePool,
  NameScript,
} from './types';
