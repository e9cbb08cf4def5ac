import type { ColumnType, Generated, JSONColumnType } from 'kysely';

// Table types for Kysely, kept in step with migrations/*.sql (a test compares them with the live schema).
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface TenantTable {
  id: Generated<string>;
  slug: string;
  name: string;
  settings: Defaulted<Record<string, unknown>>;
  created_at: Timestamp;
}

export interface MunicipalityTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  ags: string | null;
  lat: number;
  lon: number;
}

export interface OfficeTable {
  id: Generated<string>;
  tenant_id: string;
  municipality_id: string;
  name: string;
  kind: 'main' | 'satellite';
}

export interface AgencyTable {
  id: Generated<string>;
  tenant_id: string;
  kind: string;
  name: string;
}

export interface AppUserTable {
  id: Generated<string>;
  tenant_id: string;
  agency_id: string;
  email: string;
  display_name: string;
  role: string;
  team: string | null;
  password_hash: string | null;
  identity_provider: Defaulted<string>;
  external_subject: string | null;
  language: Defaulted<string>;
  disabled_at: Date | null;
  failed_logins: Defaulted<number>;
  locked_until: Date | null;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserSessionTable {
  id_hash: string;
  tenant_id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
  second_factor_pending: Defaulted<boolean>;
}

export interface UserTotpTable {
  user_id: string;
  tenant_id: string;
  secret: string;
  confirmed_at: Date | null;
  last_step: Defaulted<string | number>;
  created_at: Timestamp;
}

export interface UserRecoveryCodeTable {
  tenant_id: string;
  user_id: string;
  code_hash: string;
  used_at: Date | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  tenant_id: string;
  at: Timestamp;
  user_id: string | null;
  agency_id: string | null;
  role: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  person_id: string | null;
  outcome: 'allowed' | 'denied';
  legal_basis: string | null;
  consent_id: string | null;
  purpose: string | null;
  request_id: string | null;
  details: JSONColumnType<Record<string, unknown>> | null;
  /** Hash chain per tenant (010): filled by the insert trigger, never by the application. */
  seq: Generated<number>;
  prev_hash: Generated<string>;
  hash: Generated<string>;
}

export interface AuditChainHeadTable {
  tenant_id: string;
  seq: number;
  hash: string;
}

export interface LanguageSkill {
  code: string;
  level: string;
}

export interface PersonTable {
  id: Generated<string>;
  tenant_id: string;
  given_names: string;
  family_name: string;
  name_original: string | null;
  name_variants: Defaulted<string[]>;
  gender: 'm' | 'f' | 'x' | 'u';
  birth_date: string | null;
  birth_date_precision: Defaulted<'day' | 'month' | 'year'>;
  nationalities: Defaulted<string[]>;
  languages: ColumnType<LanguageSkill[], string | undefined, string>;
  phone: string | null;
  email: string | null;
  address: string | null;
  municipality_id: string | null;
  wohnsitzauflage_municipality_id: string | null;
  azr_number: string | null;
  ba_customer_number: string | null;
  entry_date: string | null;
  referral_source: string | null;
  rechtskreis: Defaulted<string>;
  case_status: Defaulted<string>;
  owner_user_id: string | null;
  owner_agency_id: string | null;
  team: string | null;
  ip_entry_date: string | null;
  closed_on: string | null;
  health_notes: string | null;
  search_text: Defaulted<string>;
  merged_into: string | null;
  version: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PersonFieldChangeTable {
  id: Generated<number>;
  tenant_id: string;
  person_id: string;
  field: string;
  old_value: ColumnType<unknown, string | null, string | null>;
  new_value: ColumnType<unknown, string | null, string | null>;
  reason: string | null;
  changed_by: string | null;
  changed_at: Timestamp;
  request_id: string | null;
}

export interface PersonNameKeyTable {
  tenant_id: string;
  key: string;
  person_id: string;
}

export interface ResidenceStatusTable {
  id: Generated<string>;
  tenant_id: string;
  person_id: string;
  kind: string;
  paragraph: string | null;
  since: string;
  until: string | null;
  document: string | null;
  work_annotation: string | null;
  asylum_application_date: string | null;
  asylum_decision: string | null;
  asylum_decision_date: string | null;
  lives_in_reception_centre: boolean | null;
  own_fault_obstacle: boolean | null;
  identity_unclear: boolean | null;
  registered: boolean | null;
  dublin_case: boolean | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface ConsentTable {
  id: Generated<string>;
  tenant_id: string;
  person_id: string;
  purpose: string;
  recipient_agency_id: string;
  data_categories: string[];
  given_on: string;
  withdrawn_on: string | null;
  form_language: Defaulted<string>;
  scan_ref: string | null;
  recorded_by: string | null;
  created_at: Timestamp;
}

export interface HouseholdMemberTable {
  id: Generated<string>;
  tenant_id: string;
  person_id: string;
  relation: 'partner' | 'child' | 'parent' | 'sibling' | 'other';
  given_names: string;
  family_name: string | null;
  birth_date: string | null;
  member_person_id: string | null;
  needs_childcare: Defaulted<boolean>;
  created_at: Timestamp;
}

export interface HandoverTable {
  id: Generated<string>;
  tenant_id: string;
  person_id: string;
  kind: 'case' | 'referral' | 'rechtskreiswechsel' | 'exit';
  state: 'requested' | 'accepted' | 'rejected' | 'done' | 'revoked';
  from_agency_id: string;
  from_user_id: string | null;
  to_agency_id: string;
  to_user_id: string | null;
  reason: string;
  decision_reason: string | null;
  keep_advisor: Defaulted<boolean>;
  record: ColumnType<Record<string, unknown>, string | undefined, string>;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LawVersionTable {
  id: Generated<string>;
  tenant_id: string;
  in_force_from: string;
  data: ColumnType<unknown, string, string>;
  note: string;
  created_by: string | null;
  created_at: Timestamp;
}

// ---- Language path (migration 005) ----

export interface LanguageAssessmentTable {
  id: Generated<string>;
  tenant_id: string;
  person_id: string;
  assessed_on: string;
  test_kind: string;
  hearing: string | null;
  reading: string | null;
  writing: string | null;
  speaking: string | null;
  overall: string;
  literacy: 'none' | 'other_script' | 'latin' | null;
  certificate_ref: string | null;
  examiner: string | null;
  note: string | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface CourseProviderTable {
  id: Generated<string>;
  tenant_id: string;
  agency_id: string;
  bamf_number: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  created_at: Timestamp;
}

export interface CoursePlaceTable {
  id: Generated<string>;
  tenant_id: string;
  kind: 'municipality' | 'venue';
  name: string;
  municipality_id: string;
  office_id: string | null;
  address: string | null;
  lat: number;
  lon: number;
  created_at: Timestamp;
}

export interface CourseTable {
  id: Generated<string>;
  tenant_id: string;
  provider_id: string;
  place_id: string;
  ref: string;
  course_type: string;
  entry_levels: string[];
  target_level: string | null;
  hours: number;
  schedule: string | null;
  start_date: string;
  end_date: string | null;
  seats: number;
  childcare: Defaulted<boolean>;
  women_only: Defaulted<boolean>;
  status: Defaulted<'planned' | 'running' | 'finished' | 'cancelled'>;
  version: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TravelTimeTable {
  tenant_id: string;
  from_place_id: string;
  to_place_id: string;
  minutes: number;
  source: Defaulted<string>;
  imported_by: string | null;
  imported_at: Timestamp;
}

export interface WaitlistEntryTable {
  id: Generated<string>;
  tenant_id: string;
  person_id: string;
  course_types: string[];
  since: string;
  needs_childcare: Defaulted<boolean>;
  needs_women_only: Defaulted<boolean>;
  status: Defaulted<'waiting' | 'offered' | 'enrolled' | 'withdrawn'>;
  note: string | null;
  version: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AllocationRunTable {
  id: Generated<string>;
  tenant_id: string;
  as_of: string;
  params: ColumnType<Record<string, unknown>, string | undefined, string>;
  input_hash: string;
  instance: ColumnType<unknown, string, string>;
  skipped: ColumnType<unknown, string | undefined, string>;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  metrics: ColumnType<unknown, string | null | undefined, string | null>;
  state: 'running' | 'proposed' | 'confirmed' | 'failed' | 'discarded';
  progress: Defaulted<number>;
  error: string | null;
  version: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  confirmed_by: string | null;
  confirmed_at: Date | string | null;
}

export interface EnrolmentTable {
  id: Generated<string>;
  tenant_id: string;
  person_id: string;
  course_id: string;
  waitlist_entry_id: string | null;
  allocation_run_id: string | null;
  status: Defaulted<'enrolled' | 'attending' | 'completed' | 'dropped_out' | 'cancelled'>;
  start_date: string;
  end_date: string | null;
  attendance_percent: number | null;
  result_level: string | null;
  certificate_ref: string | null;
  version: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CourseAttendanceTable {
  tenant_id: string;
  enrolment_id: string;
  day: string;
  state: 'present' | 'absent' | 'excused';
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export type TaskSource = 'manual' | 'deadline' | 'language' | 'plan' | 'work';
export type TaskStatus = 'open' | 'done' | 'cancelled';

export interface TaskTable {
  id: Generated<string>;
  tenant_id: string;
  person_id: string | null;
  kind: string;
  source: TaskSource;
  source_key: string | null;
  title: string | null;
  note: string | null;
  due_on: string;
  event_on: string | null;
  legal_basis: string | null;
  enrolment_id: string | null;
  assignee_user_id: string | null;
  assignee_agency_id: string | null;
  status: Defaulted<TaskStatus>;
  closed_reason: string | null;
  done_at: Date | string | null;
  done_by: string | null;
  remind_on: string | null;
  reminded_at: Date | string | null;
  version: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RoomTable {
  id: Generated<string>;
  tenant_id: string;
  office_id: string;
  name: string;
  seats: number | null;
  active: Defaulted<boolean>;
}

export interface InterpreterTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  languages: string[];
  phone: string | null;
  email: string | null;
  organisation: string | null;
  active: Defaulted<boolean>;
}

export type AppointmentStatus = 'planned' | 'done' | 'no_show' | 'cancelled';

export interface AppointmentTable {
  id: Generated<string>;
  tenant_id: string;
  person_id: string | null;
  office_id: string;
  room_id: string | null;
  staff_user_id: string;
  interpreter_language: string | null;
  interpreter_id: string | null;
  kind: string;
  note: string | null;
  starts_at: Date | string;
  ends_at: Date | string;
  during: Generated<string>;
  status: Defaulted<AppointmentStatus>;
  version: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CalendarFeedTable {
  user_id: string;
  tenant_id: string;
  token_hash: string;
  created_at: Timestamp;
}

export interface MeasureTable {
  id: Generated<string>;
  tenant_id: string;
  title: string;
  type: string;
  provider: string;
  description: string | null;
  location: string | null;
  places: number | null;
  start_date: string | null;
  end_date: string | null;
  rechtskreise: Defaulted<string[]>;
  residence_kinds: Defaulted<string[]>;
  min_age: number | null;
  max_age: number | null;
  min_level: string | null;
  gender: 'f' | 'm' | null;
  needs_work_access: Defaulted<boolean>;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  active: Defaulted<boolean>;
  version: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlanTable {
  id: Generated<string>;
  tenant_id: string;
  person_id: string;
  current_version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlanVersionTable {
  tenant_id: string;
  plan_id: string;
  version: number;
  content: ColumnType<unknown, string, string>;
  agreed_on: string | null;
  review_on: string | null;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface PartnerOrgTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  kind: string;
  services: string | null;
  languages: Defaulted<string[]>;
  opening_hours: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  agency_id: string | null;
  active: Defaulted<boolean>;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PartnerContactTable {
  id: Generated<string>;
  tenant_id: string;
  partner_id: string;
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
}

export interface CaseNoteTable {
  id: Generated<string>;
  tenant_id: string;
  person_id: string;
  category: string;
  visibility: 'agency' | 'shared';
  text: string;
  author_id: string | null;
  agency_id: string;
  created_at: Timestamp;
}

export interface CaseConferenceTable {
  id: Generated<string>;
  tenant_id: string;
  title: string;
  held_on: string;
  organiser_id: string | null;
  organiser_agency_id: string;
  created_at: Timestamp;
}

export interface ConferenceParticipantTable {
  tenant_id: string;
  conference_id: string;
  agency_id: string;
}

export interface ConferenceItemTable {
  id: Generated<string>;
  tenant_id: string;
  conference_id: string;
  person_id: string;
  position: number;
  minutes: string | null;
  version: Defaulted<number>;
}

export interface RecognitionTable {
  id: Generated<string>;
  tenant_id: string;
  person_id: string;
  qualification: string;
  country: string | null;
  reference_occupation: string;
  esco_uri: string | null;
  regulated: Defaulted<boolean>;
  authority: string | null;
  status: Defaulted<'preparing' | 'applied' | 'complete' | 'decided' | 'withdrawn'>;
  applied_on: string | null;
  complete_on: string | null;
  extended_until: string | null;
  decision_on: string | null;
  result: 'full' | 'partial' | 'none' | null;
  adaptation_measure: string | null;
  version: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface JobTable {
  id: Generated<string>;
  name: string;
  payload: Defaulted<Record<string, unknown>>;
  dedupe_key: string | null;
  state: Defaulted<'queued' | 'running' | 'done' | 'failed'>;
  attempts: Defaulted<number>;
  max_attempts: Defaulted<number>;
  run_after: Timestamp;
  locked_until: Date | null;
  last_error: string | null;
  result: Record<string, unknown> | null;
  created_at: Timestamp;
  finished_at: Date | null;
}

export interface AppMetaTable {
  key: string;
  value: string;
  updated_at: Timestamp;
}

export interface IdempotencyKeyTable {
  tenant_id: string;
  user_id: string;
  key: string;
  route: string;
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  created_at: Timestamp;
}

export interface LoginThrottleTable {
  account_hash: string;
  client: string;
  attempts: Defaulted<number>;
  window_started_at: Timestamp;
}

export interface OidcLoginTable {
  state: string;
  provider: string;
  nonce: string;
  code_verifier: string;
  return_to: string | null;
  expires_at: Timestamp;
  created_at: Timestamp;
}

export interface EmployerContact {
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
}
export interface EmployerMentor {
  name: string;
  languages: string[];
  note: string | null;
}

export interface EmployerTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  sector: string | null;
  size: 'micro' | 'small' | 'medium' | 'large' | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  municipality_id: string | null;
  betriebsnummer: string | null;
  contacts: JSONColumnType<EmployerContact[], EmployerContact[] | undefined, EmployerContact[]>;
  mentors: JSONColumnType<EmployerMentor[], EmployerMentor[] | undefined, EmployerMentor[]>;
  notes: string | null;
  active: Defaulted<boolean>;
  version: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface VacancyTable {
  id: Generated<string>;
  tenant_id: string;
  employer_id: string;
  kind: 'job' | 'ausbildung' | 'praktikum' | 'eq';
  title: string;
  esco_uri: string;
  isco: Defaulted<string>;
  description: string | null;
  min_level: string | null;
  municipality_id: string;
  hours_min: number | null;
  hours_max: number | null;
  shift_work: Defaulted<boolean>;
  driving_licence: string | null;
  start_date: string;
  end_date: string | null;
  openings: Defaulted<number>;
  wage_bracket: string | null;
  status: Defaulted<'open' | 'filled' | 'closed'>;
  version: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProfileTraining {
  title: string;
  escoUri: string | null;
  country: string | null;
  completed: boolean;
}
export interface ProfileStudy {
  subject: string;
  degree: string | null;
  country: string | null;
  completed: boolean;
}
export interface ProfileExperience {
  escoUri: string;
  title: string;
  years: number;
  country: string | null;
}

export interface WorkProfileTable {
  person_id: string;
  tenant_id: string;
  school_years: number | null;
  school_degree: string | null;
  school_country: string | null;
  training: JSONColumnType<ProfileTraining[], ProfileTraining[] | undefined, ProfileTraining[]>;
  studies: JSONColumnType<ProfileStudy[], ProfileStudy[] | undefined, ProfileStudy[]>;
  experience: JSONColumnType<ProfileExperience[], ProfileExperience[] | undefined, ProfileExperience[]>;
  wished_uris: Defaulted<string[]>;
  driving_licences: Defaulted<string[]>;
  max_travel_minutes: number | null;
  hours_min: number | null;
  hours_max: number | null;
  childcare: Defaulted<'none' | 'school_hours' | 'part_time_only'>;
  available_from: string | null;
  wishes: string | null;
  match_uris: Defaulted<string[]>;
  match_isco4: Defaulted<string[]>;
  match_isco3: Defaulted<string[]>;
  match_skills: Defaulted<number[]>;
  years_by_isco: JSONColumnType<Record<string, number>, string | undefined, string>;
  version: Defaulted<number>;
  updated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WorkProfileOccupationTable {
  tenant_id: string;
  person_id: string;
  esco_uri: string;
  isco4: string;
  years: Defaulted<number>;
  source: 'experience' | 'training' | 'wish';
}

export interface PlacementStep {
  status: string;
  on: string;
  by: string;
  note: string | null;
}

export interface PlacementTable {
  id: Generated<string>;
  tenant_id: string;
  person_id: string;
  vacancy_id: string;
  status: Defaulted<'proposed' | 'contacted' | 'interview' | 'trial' | 'hired' | 'declined'>;
  history: JSONColumnType<PlacementStep[], PlacementStep[] | undefined, PlacementStep[]>;
  note: string | null;
  interview_on: string | null;
  declined_reason: string | null;
  declined_by: 'client' | 'employer' | 'staff' | null;
  contract_type: string | null;
  hours: number | null;
  wage_bracket: string | null;
  start_date: string | null;
  released_on: string | null;
  released_by: string | null;
  permit_requested_on: string | null;
  permit_decided_on: string | null;
  permit_result: 'granted' | 'refused' | null;
  version: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WorkEventTable {
  id: Generated<string>;
  tenant_id: string;
  kind: 'job_fair' | 'information' | 'speed_dating' | 'company_visit';
  title: string;
  held_on: string;
  municipality_id: string | null;
  place: string | null;
  audience: string | null;
  version: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WorkEventGuestTable {
  id: Generated<string>;
  tenant_id: string;
  event_id: string;
  person_id: string | null;
  employer_id: string | null;
  attended: boolean | null;
  follow_up: string | null;
}

/** Targets of the steering group (021_statistics_targets.sql). */
export interface StatisticsTargetTable {
  id: Generated<string>;
  tenant_id: string;
  indicator_id: string;
  label: string;
  target_value: number;
  direction: Defaulted<'at_least' | 'at_most'>;
  deadline: string;
  baseline_on: string | null;
  version: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Which persons' statistics facts changed (022_statistics_changes.sql, written by triggers only). */
export interface StatisticsChangeTable {
  /** bigserial: pg returns int8 as a string. */
  id: ColumnType<string, never, never>;
  tenant_id: string;
  person_id: string | null;
  at: ColumnType<Date, never, never>;
}

/** Duplicate review queue (migration 020). */
export interface DuplicateCandidateTable {
  id: Generated<string>;
  tenant_id: string;
  person_a: string;
  person_b: string;
  score: string;
  reasons: ColumnType<string[], string[] | undefined, string[]>;
  state: ColumnType<'open' | 'merged' | 'distinct', 'open' | 'merged' | 'distinct' | undefined>;
  found_at: ColumnType<Date, Date | string | undefined, Date | string>;
  decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  decided_by: string | null;
  version: Generated<number>;
}

export interface DuplicateRunTable {
  id: Generated<string>;
  tenant_id: string;
  started_by: string | null;
  started_at: ColumnType<Date, Date | string | undefined, Date | string>;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  records: ColumnType<number, number | undefined, number>;
  compared: ColumnType<number, number | undefined, number>;
  proposed: ColumnType<number, number | undefined, number>;
  model: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface DB {
  duplicate_candidate: DuplicateCandidateTable;
  duplicate_run: DuplicateRunTable;
  app_meta: AppMetaTable;
  idempotency_key: IdempotencyKeyTable;
  law_version: LawVersionTable;
  household_member: HouseholdMemberTable;
  handover: HandoverTable;
  tenant: TenantTable;
  municipality: MunicipalityTable;
  office: OfficeTable;
  agency: AgencyTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  audit_log: AuditLogTable;
  audit_chain_head: AuditChainHeadTable;
  person: PersonTable;
  person_name_key: PersonNameKeyTable;
  residence_status: ResidenceStatusTable;
  consent: ConsentTable;
  language_assessment: LanguageAssessmentTable;
  course_provider: CourseProviderTable;
  course_place: CoursePlaceTable;
  course: CourseTable;
  travel_time: TravelTimeTable;
  waitlist_entry: WaitlistEntryTable;
  allocation_run: AllocationRunTable;
  enrolment: EnrolmentTable;
  course_attendance: CourseAttendanceTable;
  task: TaskTable;
  recognition: RecognitionTable;
  case_conference: CaseConferenceTable;
  conference_participant: ConferenceParticipantTable;
  conference_item: ConferenceItemTable;
  partner_org: PartnerOrgTable;
  partner_contact: PartnerContactTable;
  case_note: CaseNoteTable;
  measure: MeasureTable;
  plan: PlanTable;
  plan_version: PlanVersionTable;
  room: RoomTable;
  interpreter: InterpreterTable;
  appointment: AppointmentTable;
  calendar_feed: CalendarFeedTable;
  job: JobTable;
  login_throttle: LoginThrottleTable;
  user_totp: UserTotpTable;
  user_recovery_code: UserRecoveryCodeTable;
  oidc_login: OidcLoginTable;
  person_field_change: PersonFieldChangeTable;
  employer: EmployerTable;
  vacancy: VacancyTable;
  work_profile: WorkProfileTable;
  work_profile_occupation: WorkProfileOccupationTable;
  placement: PlacementTable;
  work_event: WorkEventTable;
  work_event_guest: WorkEventGuestTable;
  statistics_target: StatisticsTargetTable;
  statistics_change: StatisticsChangeTable;
}
