export { EVERYDAY_TITLES } from './everyday';
export { noisyQueries } from './noisy';
export { fold, queryForms } from './normalize';
export {
  buildOccupationIndex,
  OCCUPATION_LANGUAGES,
  type OccupationData,
  type OccupationHit,
  type OccupationIndex,
  type OccupationLanguage,
  searchOccupations,
} from './search';
