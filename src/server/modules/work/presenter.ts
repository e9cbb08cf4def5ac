import { addDays } from '../../../domain/reference/dates';
import { nextSteps } from '../../../domain/work/pipeline';
import type { PlacementStatus } from '../../../domain/work/vocab';
import { occupationCatalogue } from '../occupations/esco-index';
import type { EmployerRow, PlacementRow, ProfileRow, VacancyRow } from './repo';
import type { EmployerOut, PlacementOut, ProfileOut, VacancyOut } from './schema';

/** The BA's consent counts as given two weeks after the request (§ 36 Abs. 2 BeschV). */
export const CONSENT_FICTION_DAYS = 14;

export const occupationLabel = (uri: string | null): string | null =>
  uri === null ? null : (occupationCatalogue().get(uri)?.labelDe ?? null);

export function presentEmployer(e: EmployerRow): EmployerOut {
  return {
    id: e.id,
    name: e.name,
    sector: e.sector,
    size: e.size,
    street: e.street,
    postcode: e.postcode,
    city: e.city,
    municipalityId: e.municipality_id,
    municipalityName: e.municipality_name ?? null,
    betriebsnummer: e.betriebsnummer,
    contacts: e.contacts,
    mentors: e.mentors,
    notes: e.notes,
    active: e.active,
    openVacancies: Number(e.open_vacancies ?? 0),
    version: e.version,
  };
}

export function presentVacancy(v: VacancyRow): VacancyOut {
  return {
    id: v.id,
    employerId: v.employer_id,
    employerName: v.employer_name,
    kind: v.kind,
    title: v.title,
    escoUri: v.esco_uri,
    occupationLabel: occupationLabel(v.esco_uri) ?? v.title,
    isco: v.isco,
    description: v.description,
    minLevel: v.min_level,
    municipalityId: v.municipality_id,
    municipalityName: v.municipality_name,
    hoursMin: v.hours_min,
    hoursMax: v.hours_max,
    shiftWork: v.shift_work,
    drivingLicence: v.driving_licence,
    startDate: v.start_date,
    endDate: v.end_date,
    openings: v.openings,
    wageBracket: v.wage_bracket,
    status: v.status,
    proposals: Number(v.proposals ?? 0),
    hires: Number(v.hires ?? 0),
    version: v.version,
  };
}

export function emptyProfile(personId: string, employerRelease: boolean): ProfileOut {
  return {
    personId,
    schoolYears: null,
    schoolDegree: null,
    schoolCountry: null,
    training: [],
    studies: [],
    experience: [],
    wishes: null,
    wished: [],
    drivingLicences: [],
    maxTravelMinutes: null,
    hoursMin: null,
    hoursMax: null,
    childcare: 'none',
    availableFrom: null,
    employerRelease,
    version: 0,
  };
}

export function presentProfile(p: ProfileRow, employerRelease: boolean): ProfileOut {
  return {
    personId: p.person_id,
    schoolYears: p.school_years,
    schoolDegree: p.school_degree as ProfileOut['schoolDegree'],
    schoolCountry: p.school_country,
    training: p.training.map((t) => ({ ...t, occupationLabel: occupationLabel(t.escoUri) })),
    studies: p.studies,
    experience: p.experience.map((x) => ({ ...x, occupationLabel: occupationLabel(x.escoUri) ?? x.title })),
    wishes: p.wishes,
    wished: p.wished_uris.map((uri) => ({ uri, label: occupationLabel(uri) ?? uri })),
    drivingLicences: p.driving_licences,
    maxTravelMinutes: p.max_travel_minutes,
    hoursMin: p.hours_min,
    hoursMax: p.hours_max,
    childcare: p.childcare,
    availableFrom: p.available_from,
    employerRelease,
    version: p.version,
  };
}

export function presentPlacement(p: PlacementRow): PlacementOut {
  const status = p.status as PlacementStatus;
  return {
    id: p.id,
    personId: p.person_id,
    personName: `${p.given_names} ${p.family_name}`,
    vacancyId: p.vacancy_id,
    vacancyTitle: p.vacancy_title,
    employerName: p.employer_name,
    status,
    nextSteps: [...nextSteps(status)],
    history: p.history,
    note: p.note,
    interviewOn: p.interview_on,
    declinedReason: p.declined_reason,
    declinedBy: p.declined_by,
    contractType: p.contract_type,
    hours: p.hours,
    wageBracket: p.wage_bracket,
    startDate: p.start_date,
    releasedOn: p.released_on,
    permitRequestedOn: p.permit_requested_on,
    permitDecidedOn: p.permit_decided_on,
    permitResult: p.permit_result,
    consentDeemedOn:
      p.permit_requested_on && !p.permit_decided_on
        ? addDays(p.permit_requested_on, CONSENT_FICTION_DAYS)
        : null,
    version: p.version,
  };
}
