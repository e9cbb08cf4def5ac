// Value lists of the work side (issue 14), shared by server schemas and the web. German words for each
// value live here too, so a screen never shows a code.

export const VACANCY_KINDS = ['job', 'ausbildung', 'praktikum', 'eq'] as const;
export type VacancyKind = (typeof VACANCY_KINDS)[number];
export const VACANCY_KIND_WORDS: Record<VacancyKind, string> = {
  job: 'Arbeitsstelle',
  ausbildung: 'Ausbildungsplatz',
  praktikum: 'Praktikum',
  eq: 'Einstiegsqualifizierung (EQ)',
};

export const VACANCY_STATUSES = ['open', 'filled', 'closed'] as const;
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];
export const VACANCY_STATUS_WORDS: Record<VacancyStatus, string> = {
  open: 'offen',
  filled: 'besetzt',
  closed: 'geschlossen',
};

export const EMPLOYER_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export const EMPLOYER_SIZE_WORDS: Record<(typeof EMPLOYER_SIZES)[number], string> = {
  micro: 'bis 9 Beschäftigte',
  small: '10–49 Beschäftigte',
  medium: '50–249 Beschäftigte',
  large: 'ab 250 Beschäftigte',
};

export const SCHOOL_DEGREES = [
  'none',
  'primary',
  'lower_secondary',
  'secondary',
  'higher_secondary',
  'university_entrance',
] as const;
export const SCHOOL_DEGREE_WORDS: Record<(typeof SCHOOL_DEGREES)[number], string> = {
  none: 'kein Schulabschluss',
  primary: 'Grundschule',
  lower_secondary: 'vergleichbar Hauptschulabschluss',
  secondary: 'vergleichbar Realschulabschluss',
  higher_secondary: 'vergleichbar Fachhochschulreife',
  university_entrance: 'vergleichbar Abitur (Hochschulreife)',
};

/** Driving licence classes that vacancies ask for (Fahrerlaubnisklassen). */
export const DRIVING_LICENCES = ['B', 'BE', 'C1', 'C', 'CE', 'D', 'L', 'T'] as const;
export type DrivingLicence = (typeof DRIVING_LICENCES)[number];

export const CHILDCARE = ['none', 'school_hours', 'part_time_only'] as const;
export type Childcare = (typeof CHILDCARE)[number];
export const CHILDCARE_WORDS: Record<Childcare, string> = {
  none: 'keine Einschränkung',
  school_hours: 'nur während Kita-/Schulzeiten (keine Schichten)',
  part_time_only: 'nur Teilzeit wegen Kinderbetreuung',
};

export const PLACEMENT_STATUSES = [
  'proposed',
  'contacted',
  'interview',
  'trial',
  'hired',
  'declined',
] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];
export const PLACEMENT_STATUS_WORDS: Record<PlacementStatus, string> = {
  proposed: 'vorgeschlagen',
  contacted: 'Kontakt aufgenommen',
  interview: 'Vorstellungsgespräch',
  trial: 'Probearbeit / Praktikum',
  hired: 'eingestellt',
  declined: 'abgesagt',
};

export const DECLINED_BY = ['client', 'employer', 'staff'] as const;
export const DECLINED_BY_WORDS: Record<(typeof DECLINED_BY)[number], string> = {
  client: 'Kundin/Kunde',
  employer: 'Arbeitgeber',
  staff: 'Integration Point',
};

export const CONTRACT_TYPES = [
  'unbefristet',
  'befristet',
  'ausbildung',
  'eq',
  'praktikum',
  'minijob',
] as const;
export const CONTRACT_TYPE_WORDS: Record<(typeof CONTRACT_TYPES)[number], string> = {
  unbefristet: 'unbefristet',
  befristet: 'befristet',
  ausbildung: 'Ausbildungsvertrag',
  eq: 'EQ-Vertrag',
  praktikum: 'Praktikumsvertrag',
  minijob: 'Minijob',
};

/** Gross monthly wage brackets (no exact wage is needed for steering, and less is kept). */
export const WAGE_BRACKETS = ['under_1000', '1000_2000', '2000_3000', '3000_4000', 'over_4000'] as const;
export const WAGE_BRACKET_WORDS: Record<(typeof WAGE_BRACKETS)[number], string> = {
  under_1000: 'unter 1.000 €',
  '1000_2000': '1.000–2.000 €',
  '2000_3000': '2.000–3.000 €',
  '3000_4000': '3.000–4.000 €',
  over_4000: 'über 4.000 €',
};

export const PERMIT_RESULTS = ['granted', 'refused'] as const;
export const PERMIT_RESULT_WORDS: Record<(typeof PERMIT_RESULTS)[number], string> = {
  granted: 'erteilt',
  refused: 'abgelehnt',
};

/** Kinds of events with employers (job fair, information, speed dating, company visit). */
export const EVENT_KINDS = ['job_fair', 'information', 'speed_dating', 'company_visit'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
