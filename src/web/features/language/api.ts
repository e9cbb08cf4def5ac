// Shapes of the language-path answers (mirrors src/server/modules/language/**) and the queries the pages share.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Municipality } from '../../api/types';
import i18n from '../../i18n';

// The value lists come from the domain, never copied: one list per fact across server and web.
export { CEFR_LEVELS, TARGET_LEVELS } from '../../../domain/reference/languages';
export const COURSE_STATUSES = ['planned', 'running', 'finished', 'cancelled'] as const;
export const ENROLMENT_STATUSES = ['enrolled', 'attending', 'completed', 'dropped_out', 'cancelled'] as const;
export const TEST_KINDS = [
  'placement_test',
  'dtz',
  'telc',
  'goethe',
  'oesd',
  'testdaf',
  'course_result',
  'advisor_estimate',
  'self_report',
  'other',
] as const;
export const SKILLS = ['hearing', 'reading', 'writing', 'speaking'] as const;
export const LITERACY = ['none', 'other_script', 'latin'] as const;

export interface CourseType {
  id: string;
  family: string;
  label: { de: string; en: string };
  defaultEntryLevels: string[];
  defaultTargetLevel: string | null;
  defaultHours: number;
}

export interface Course {
  id: string;
  version: number;
  ref: string;
  type: string;
  typeLabel: string;
  provider: { id: string; name: string };
  place: {
    id: string;
    name: string;
    address: string | null;
    municipalityId: string;
    municipality: string;
    lat: number;
    lon: number;
  };
  entryLevels: string[];
  targetLevel: string | null;
  hours: number;
  schedule: string | null;
  startDate: string;
  endDate: string | null;
  seats: number;
  taken: number;
  free: number;
  childcare: boolean;
  womenOnly: boolean;
  status: string;
}

export interface CourseList {
  total: number;
  items: Course[];
}

export interface Participant {
  enrolmentId: string;
  version: number;
  personId: string;
  name: string;
  currentLevel: string | null;
  status: string;
  startDate: string;
  attendancePercent: number | null;
  resultLevel: string | null;
  certificateRef: string | null;
}

export interface Provider {
  id: string;
  agencyId: string;
  name: string;
  bamfNumber: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}

export interface Place {
  id: string;
  kind: 'municipality' | 'venue';
  name: string;
  municipalityId: string;
  municipality: string;
  officeId: string | null;
  address: string | null;
  lat: number;
  lon: number;
}

export interface WaitlistItem {
  id: string;
  version: number;
  personId: string;
  name: string;
  gender: string;
  municipality: string | null;
  level: string | null;
  courseTypes: string[];
  since: string;
  waitingDays: number;
  needsChildcare: boolean;
  needsWomenOnly: boolean;
  status: string;
}

export interface Metrics {
  clients: number;
  placed: number;
  unplaced: number;
  waitingDaysTotal: number;
  waitingDaysMean: number;
  travelMinutesTotal: number;
  travelMinutesMean: number;
  womenDemandShare: number;
  womenPlacedShare: number;
  score: number;
}

export interface RunClient {
  personId: string;
  name: string;
  level: string;
  gender: string;
  home: string;
  waitingDays: number;
  courseTypes: string[];
  needsChildcare: boolean;
  needsWomenOnly: boolean;
  fcfsCourseId: string | null;
}

export interface RunAssignment extends RunClient {
  courseId: string;
  courseRef: string;
  courseType: string;
  place: string;
  travelMinutes: number | null;
}

export interface RunCourse {
  id: string;
  ref: string;
  type: string;
  startDate: string | null;
  place: string;
  entryLevels: string[];
  freeSeats: number;
  assigned: number;
  childcare: boolean;
  womenOnly: boolean;
}

export interface Run {
  id: string;
  version: number;
  state: 'running' | 'proposed' | 'confirmed' | 'failed';
  progress: number;
  error: string | null;
  asOf: string;
  params: { asOf: string; horizonDays: number; maxTravelMinutes: number };
  inputHash: string;
  createdAt: string;
  confirmedAt: string | null;
  counts: { clients: number; courses: number; seats: number; skipped: number };
  metrics: {
    optimal: Metrics;
    fcfs: Metrics;
    proposal: Metrics;
    gain: { placed: number; waitingDaysTotal: number; travelMinutesTotal: number; score: number };
  } | null;
  optimal: { score: number; optimal: boolean; seconds: number } | null;
  proposal: { score: number; optimal: boolean; adjusted: boolean } | null;
  assignments: RunAssignment[];
  unassigned: RunClient[];
  skipped: { personId: string; name: string; reason: string }[];
  courses: RunCourse[];
}

export interface RunListItem {
  id: string;
  version: number;
  state: Run['state'];
  asOf: string;
  metrics: Run['metrics'];
  createdAt: string;
  confirmedAt: string | null;
}

export interface ConfirmAnswer {
  run: Run;
  enrolments: { id: string; personId: string; courseId: string; letter: { lang: string; url: string } }[];
  tasks: unknown[];
}

export interface Assessment {
  id: string;
  assessedOn: string;
  testKind: string;
  skills: Record<(typeof SKILLS)[number], string | null>;
  overall: string;
  literacy: string | null;
  certificateRef: string | null;
  examiner: string | null;
  note: string | null;
  recordedAt: string;
}

export interface WaitlistEntry {
  id: string;
  version: number;
  courseTypes: string[];
  since: string;
  needsChildcare: boolean;
  needsWomenOnly: boolean;
  status: string;
  note: string | null;
}

export interface PersonEnrolment {
  id: string;
  version: number;
  status: string;
  startDate: string;
  endDate: string | null;
  attendancePercent: number | null;
  resultLevel: string | null;
  certificateRef: string | null;
  course: {
    id: string;
    ref: string;
    type: string;
    schedule: string | null;
    provider: string;
    place: string;
    address: string | null;
  };
}

interface Entitlement {
  status: string;
  explanation?: { de: string; en: string };
  missing?: unknown[];
}

export interface PersonLanguage {
  personId: string;
  current: { overall: string; literacy: string | null; assessedOn: string; testKind: string } | null;
  progress: {
    first: { level: string; on: string } | null;
    current: { level: string; on: string } | null;
    best: string | null;
    reached: Record<string, string>;
    timeline: { on: string; level: string }[];
  };
  assessments: Assessment[];
  entitlement: {
    courseTypes: string[];
    integrationCourse: Entitlement;
    berufssprachkurs: Entitlement;
    jobBsk: Entitlement;
    erstorientierung: Entitlement;
  };
  waitlist: WaitlistEntry[];
  enrolments: PersonEnrolment[];
}

export interface PlanningRow {
  municipalityId: string | null;
  municipality: string;
  courseType: string;
  courseTypeLabel: string;
  demand: number;
  eligible: number;
  longestWaitDays: number;
  seats: number[];
  free: number[];
  backlog: number[];
  gap: number;
}

export interface Planning {
  asOf: string;
  months: string[];
  rows: PlanningRow[];
  byCourseType: {
    courseType: string;
    label: string;
    demand: number;
    seats: number;
    free: number;
    gap: number;
  }[];
}

export interface ProgressGroup {
  group: string;
  persons: number;
  assessed: number;
  byLevel: Record<string, number>;
  atLeastB1: number;
  atLeastB2: number;
  shareB2: number;
}

export interface ProgressAnswer {
  asOf: string;
  groupBy: string;
  goal: { level: string; share: number };
  overall: ProgressGroup | null;
  groups: ProgressGroup[];
  trend: { month: string; assessed: number; atLeastB2: number; shareB2: number }[];
}

export interface RowError {
  row: number;
  column: string;
  message: string;
}

export interface CataloguePreview {
  rows: {
    row: number;
    action: 'create' | 'update';
    courseId: string | null;
    ref: string;
    providerId: string;
    type: string;
    entryLevels: string[];
    targetLevel: string | null;
    hours: number;
    schedule: string | null;
    startDate: string;
    endDate: string | null;
    seats: number;
    childcare: boolean;
    womenOnly: boolean;
    municipalityId: string;
    placeId: string | null;
    newVenue: { name: string; address: string | null } | null;
  }[];
  errors: RowError[];
  /** Only the first errors are listed; these count all of them. */
  errorCount: number;
  rowsWithErrors: number;
  errorsByColumn: { column: string; count: number }[];
  summary: {
    rows: number;
    valid: number;
    invalid: number;
    create: number;
    update: number;
    newPlaces: number;
  };
}

export interface TravelPreview {
  entries: { row: number; from: string; to: string; fromId: string; toId: string; minutes: number }[];
  errors: RowError[];
  errorCount: number;
  rowsWithErrors: number;
  errorsByColumn: { column: string; count: number }[];
}

export interface TravelTimes {
  places: { id: string; name: string; kind: string }[];
  entries: { from: string; to: string; minutes: number; source: 'import' | 'estimate' }[];
}

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
