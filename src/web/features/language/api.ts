// Shapes of the language-path answers (the server's wire contract, src/server/modules/language/**/schema.ts)
// and the queries the pages share.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ConfirmOut,
  RunAssignmentOut,
  RunClientOut,
  RunCourseOut,
  RunListItemOut,
  RunMetricsOut,
  RunOut,
} from '../../../server/modules/language/allocation/schema';
import type {
  CourseOut,
  CourseTypeOut,
  ParticipantOut,
  PlaceOut,
  ProviderOut,
  TravelTimesOut,
} from '../../../server/modules/language/courses/schema';
import type {
  CataloguePreviewOut,
  RowErrorOut,
  TravelPreviewOut,
} from '../../../server/modules/language/imports/schema';
import type {
  PlanningOut,
  PlanningRowOut,
  ProgressGroupOut,
  ProgressOut,
  WaitlistItemOut,
  waitlistOut,
} from '../../../server/modules/language/overview/schema';
import type {
  AssessmentOut,
  PersonEnrolmentOut,
  PersonLanguageOut,
  WaitlistEntryOut,
} from '../../../server/modules/language/person/schema';
import { api } from '../../api/client';
import type { Municipality } from '../../api/types';
import i18n from '../../i18n';

// The value lists come from the domain and the schema modules, never copied: one list per fact across
// server and web (wire-contract.test.ts).
export { LITERACY, SKILLS } from '../../../domain/language/levels';
export { CEFR_LEVELS, TARGET_LEVELS } from '../../../domain/reference/languages';
export { COURSE_STATUSES, ENROLMENT_STATUSES } from '../../../server/modules/language/courses/schema';
export { PROGRESS_GROUPS } from '../../../server/modules/language/overview/schema';
export { TEST_KINDS } from '../../../server/modules/language/person/schema';

export type CourseType = CourseTypeOut;
export type Course = CourseOut;
export type CourseList = { total: number; items: Course[] };
export type Participant = ParticipantOut;
export type Provider = ProviderOut;
export type Place = PlaceOut;
export type WaitlistItem = WaitlistItemOut;
export type Waitlist = z.infer<typeof waitlistOut>;
export type Metrics = RunMetricsOut;
export type RunClient = RunClientOut;
export type RunAssignment = RunAssignmentOut;
export type RunCourse = RunCourseOut;
export type Run = RunOut;
export type RunListItem = RunListItemOut;
export type ConfirmAnswer = ConfirmOut;
export type Assessment = AssessmentOut;
export type WaitlistEntry = WaitlistEntryOut;
export type PersonEnrolment = PersonEnrolmentOut;
export type PersonLanguage = PersonLanguageOut;
export type PlanningRow = PlanningRowOut;
export type Planning = PlanningOut;
export type ProgressGroup = ProgressGroupOut;
export type ProgressAnswer = ProgressOut;
export type RowError = RowErrorOut;
export type CataloguePreview = CataloguePreviewOut;
export type TravelPreview = TravelPreviewOut;
export type TravelTimes = TravelTimesOut;

// Reference data changes rarely: one load per hour is enough.
const REF = 3_600_000;

export function useCourseTypes() {
  return useQuery({
    queryKey: ['lp', 'course-types'],
    queryFn: () => api.get<CourseType[]>('/api/course-types'),
    staleTime: REF,
  });
}

export function useProviders() {
  return useQuery({
    queryKey: ['lp', 'providers'],
    queryFn: () => api.get<Provider[]>('/api/course-providers'),
    staleTime: REF,
  });
}

export function usePlaces() {
  return useQuery({
    queryKey: ['lp', 'places'],
    queryFn: () => api.get<Place[]>('/api/course-places'),
    staleTime: 60_000,
  });
}

export function useMunicipalities() {
  return useQuery({
    queryKey: ['meta', 'municipalities'],
    queryFn: () => api.get<Municipality[]>('/api/meta/municipalities'),
    staleTime: REF,
  });
}

/**
 * The label of a course type in the reader's language. The law data names each type in German and
 * English; other languages read the catalogues (`courseType.<id>`), German where a tenant's own type
 * has no translation yet.
 */
export function typeLabel(
  types: readonly CourseType[] | undefined,
  id: string,
  lang: string,
  fallback: string = id,
): string {
  const t = types?.find((x) => x.id === id);
  // Not (yet) in the loaded list: the catalogue's name of the course type, never its code.
  if (!t) return i18n.t(`courseType.${id}`, { lng: lang, defaultValue: fallback });
  if (lang === 'en' || lang === 'de') return t.label[lang];
  return i18n.t(`courseType.${id}`, { lng: lang, defaultValue: t.label.de });
}

export const pct = (share: number, lang: string): string =>
  new Intl.NumberFormat(lang === 'de' ? 'de-DE' : lang === 'ar' ? 'ar' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(share);

export const decimal = (n: number, lang: string, digits = 1): string =>
  new Intl.NumberFormat(lang === 'de' ? 'de-DE' : lang === 'ar' ? 'ar' : 'en-GB', {
    maximumFractionDigits: digits,
  }).format(n);
