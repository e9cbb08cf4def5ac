import { z } from 'zod';
import { TARGET_LEVELS } from '../../../domain/reference/languages';
import {
  CHILDCARE,
  CONTRACT_TYPES,
  DECLINED_BY,
  DRIVING_LICENCES,
  EMPLOYER_SIZES,
  EVENT_KINDS,
  PERMIT_RESULTS,
  PLACEMENT_STATUSES,
  SCHOOL_DEGREES,
  VACANCY_KINDS,
  VACANCY_STATUSES,
  WAGE_BRACKETS,
} from '../../../domain/work/vocab';
import { countryCode, isoDate, plainText, uuid } from '../common-schema';
import { occupationCatalogue } from '../occupations/esco-index';

// The wire contract of the work side (issue 14): one schema per body and answer, shared with the web.

const text = (max: number) => plainText.trim().max(max, `höchstens ${max} Zeichen`);
const optionalText = (max: number) =>
  text(max)
    .nullable()
    .transform((v) => (v === '' ? null : v));
/** An ESCO occupation URI the shipped extract knows: anything else is refused on its field. */
export const escoUri = z
  .string()
  .max(300)
  .refine(
    (u) => occupationCatalogue().get(u) !== undefined,
    'unbekannter Beruf (keine ESCO-Adresse aus der Berufssuche)',
  );
const hours = z.number().int('ganze Stunden').min(1, 'mindestens 1 Stunde').max(60, 'höchstens 60 Stunden');
const version = z.number().int().min(1);

// ---------------------------------------------------------------- employers

const contact = z.object({
  name: text(200).min(1, 'Bitte den Namen angeben'),
  role: optionalText(200).default(null),
  phone: optionalText(60).default(null),
  email: z.string().trim().email('keine gültige E-Mail-Adresse').max(200).nullable().default(null),
});
const mentor = z.object({
  name: text(200).min(1, 'Bitte den Namen angeben'),
  languages: z.array(z.string().trim().min(2).max(40)).max(10).default([]),
  note: optionalText(500).default(null),
});

const employerFields = {
  name: text(200).min(1, 'Bitte den Namen des Betriebs angeben'),
  sector: optionalText(200),
  size: z.enum(EMPLOYER_SIZES).nullable(),
  street: optionalText(200),
  postcode: z
    .string()
    .regex(/^[0-9]{5}$/, 'Postleitzahl mit fünf Ziffern')
    .nullable(),
  city: optionalText(200),
  municipalityId: uuid.nullable(),
  betriebsnummer: z
    .string()
    .regex(/^[0-9]{8}$/, 'Betriebsnummer mit acht Ziffern')
    .nullable(),
  contacts: z.array(contact).max(20, 'höchstens 20 Ansprechpersonen'),
  mentors: z.array(mentor).max(20, 'höchstens 20 Patinnen und Paten'),
  notes: optionalText(2000),
  active: z.boolean(),
};
export const employerCreate = z.object(employerFields).partial().required({ name: true }).strict();
export const employerUpdate = z.object(employerFields).partial().extend({ version }).strict();
export type EmployerInput = z.infer<typeof employerUpdate>;
export const employerOut = z.object({
  id: z.string(),
  name: z.string(),
  sector: z.string().nullable(),
  size: z.enum(EMPLOYER_SIZES).nullable(),
  street: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  municipalityId: z.string().nullable(),
  municipalityName: z.string().nullable(),
  betriebsnummer: z.string().nullable(),
  contacts: z.array(
    z.object({
      name: z.string(),
      role: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
  ),
  mentors: z.array(
    z.object({ name: z.string(), languages: z.array(z.string()), note: z.string().nullable() }),
  ),
  notes: z.string().nullable(),
  active: z.boolean(),
  openVacancies: z.number().int(),
  version: z.number().int(),
});
export type EmployerOut = z.infer<typeof employerOut>;
export const employerQuery = z.object({
  q: z.string().trim().max(100).optional(),
  includeInactive: z.coerce.boolean().optional(),
});

// ---------------------------------------------------------------- vacancies

const vacancyFields = {
  employerId: uuid,
  kind: z.enum(VACANCY_KINDS),
  title: text(200).min(1, 'Bitte den Stellentitel angeben'),
  escoUri,
  description: optionalText(4000),
  minLevel: z.enum(TARGET_LEVELS).nullable(),
  municipalityId: uuid,
  hoursMin: hours.nullable(),
  hoursMax: hours.nullable(),
  shiftWork: z.boolean(),
  drivingLicence: z.enum(DRIVING_LICENCES).nullable(),
  startDate: isoDate,
  endDate: isoDate.nullable(),
  openings: z.number().int().min(1, 'mindestens eine Stelle').max(500),
  wageBracket: z.enum(WAGE_BRACKETS).nullable(),
  status: z.enum(VACANCY_STATUSES),
};
export const vacancyCreate = z
  .object(vacancyFields)
  .partial()
  .required({
    employerId: true,
    kind: true,
    title: true,
    escoUri: true,
    municipalityId: true,
    startDate: true,
  })
  .strict();
export const vacancyUpdate = z.object(vacancyFields).partial().extend({ version }).strict();
export type VacancyInput = z.infer<typeof vacancyUpdate>;
export const vacancyOut = z.object({
  id: z.string(),
  employerId: z.string(),
  employerName: z.string(),
  kind: z.enum(VACANCY_KINDS),
  title: z.string(),
  escoUri: z.string(),
  occupationLabel: z.string(),
  isco: z.string(),
  description: z.string().nullable(),
  minLevel: z.string().nullable(),
  municipalityId: z.string(),
  municipalityName: z.string(),
  hoursMin: z.number().nullable(),
  hoursMax: z.number().nullable(),
  shiftWork: z.boolean(),
  drivingLicence: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  openings: z.number().int(),
  wageBracket: z.string().nullable(),
  status: z.enum(VACANCY_STATUSES),
  proposals: z.number().int(),
  hires: z.number().int(),
  version: z.number().int(),
});
export type VacancyOut = z.infer<typeof vacancyOut>;
export const vacancyQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(VACANCY_STATUSES).optional(),
  kind: z.enum(VACANCY_KINDS).optional(),
  employerId: uuid.optional(),
  municipalityId: uuid.optional(),
});

// ---------------------------------------------------------------- competence profile

const training = z.object({
  title: text(200).min(1, 'Bitte die Ausbildung nennen'),
  escoUri: escoUri.nullable().default(null),
  country: countryCode.nullable().default(null),
  completed: z.boolean().default(true),
});
const study = z.object({
  subject: text(200).min(1, 'Bitte das Studienfach nennen'),
  degree: optionalText(200).default(null),
  country: countryCode.nullable().default(null),
  completed: z.boolean().default(true),
});
const experience = z.object({
  escoUri,
  title: text(200).min(1, 'Bitte die Tätigkeit nennen'),
  years: z.number().min(0, 'nicht negativ').max(60, 'höchstens 60 Jahre'),
  country: countryCode.nullable().default(null),
});
const profileFields = {
  schoolYears: z.number().int().min(0).max(25, 'höchstens 25 Schuljahre').nullable(),
  schoolDegree: z.enum(SCHOOL_DEGREES).nullable(),
  schoolCountry: countryCode.nullable(),
  training: z.array(training).max(10),
  studies: z.array(study).max(10),
  experience: z.array(experience).max(20),
  wishedUris: z.array(escoUri).max(10, 'höchstens 10 Berufswünsche'),
  drivingLicences: z.array(z.enum(DRIVING_LICENCES)).max(8),
  maxTravelMinutes: z
    .number()
    .int()
    .min(5, 'mindestens 5 Minuten')
    .max(240, 'höchstens 240 Minuten')
    .nullable(),
  hoursMin: hours.nullable(),
  hoursMax: hours.nullable(),
  childcare: z.enum(CHILDCARE),
  availableFrom: isoDate.nullable(),
  wishes: optionalText(2000),
};
/** version 0: there is no profile yet, this creates it. */
export const profileUpdate = z
  .object(profileFields)
  .partial()
  .extend({ version: z.number().int().min(0) })
  .strict();
export type ProfileInput = z.infer<typeof profileUpdate>;
export const profileOut = z.object({
  personId: z.string(),
  schoolYears: z.number().nullable(),
  schoolDegree: z.enum(SCHOOL_DEGREES).nullable(),
  schoolCountry: z.string().nullable(),
  // Answers are plain (no transforms): the body schemas above normalise, these only describe.
  training: z.array(
    z.object({
      title: z.string(),
      escoUri: z.string().nullable(),
      country: z.string().nullable(),
      completed: z.boolean(),
      occupationLabel: z.string().nullable(),
    }),
  ),
  studies: z.array(
    z.object({
      subject: z.string(),
      degree: z.string().nullable(),
      country: z.string().nullable(),
      completed: z.boolean(),
    }),
  ),
  experience: z.array(
    z.object({
      escoUri: z.string(),
      title: z.string(),
      years: z.number(),
      country: z.string().nullable(),
      occupationLabel: z.string(),
    }),
  ),
  wishes: z.string().nullable(),
  wished: z.array(z.object({ uri: z.string(), label: z.string() })),
  drivingLicences: z.array(z.string()),
  maxTravelMinutes: z.number().nullable(),
  hoursMin: z.number().nullable(),
  hoursMax: z.number().nullable(),
  childcare: z.enum(CHILDCARE),
  availableFrom: z.string().nullable(),
  /** Does a valid consent let the profile extract go to employers? */
  employerRelease: z.boolean(),
  version: z.number().int(),
});
export type ProfileOut = z.infer<typeof profileOut>;

// ---------------------------------------------------------------- matching

export const matchOut = z.object({
  personId: z.string(),
  name: z.string(),
  score: z.number(),
  eligible: z.boolean(),
  closeness: z.string(),
  reasons: z.array(z.string()),
  missing: z.array(z.string()),
  excluded: z.array(z.string()),
  permit: z.object({ baConsent: z.boolean().nullable(), text: z.string() }).nullable(),
  placementId: z.string().nullable(),
});
export type MatchOut = z.infer<typeof matchOut>;
export const candidatesOut = z.object({
  vacancyId: z.string(),
  checkedOn: z.string(),
  considered: z.number().int(),
  candidates: z.array(matchOut),
  notProposed: z.array(matchOut),
  seconds: z.number(),
});
export const candidatesQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });
export const vacancyMatchOut = z.object({
  vacancy: vacancyOut,
  score: z.number(),
  eligible: z.boolean(),
  reasons: z.array(z.string()),
  missing: z.array(z.string()),
  excluded: z.array(z.string()),
  permit: z.object({ baConsent: z.boolean().nullable(), text: z.string() }).nullable(),
  placementId: z.string().nullable(),
});

// ---------------------------------------------------------------- placements

export const placementCreate = z.object({ personId: uuid, note: optionalText(1000).optional() }).strict();
export const placementUpdate = z
  .object({
    status: z.enum(PLACEMENT_STATUSES),
    note: optionalText(1000),
    interviewOn: isoDate.nullable(),
    declinedReason: optionalText(1000),
    declinedBy: z.enum(DECLINED_BY).nullable(),
    contractType: z.enum(CONTRACT_TYPES).nullable(),
    hours: hours.nullable(),
    wageBracket: z.enum(WAGE_BRACKETS).nullable(),
    startDate: isoDate.nullable(),
    permitRequestedOn: isoDate.nullable(),
    permitDecidedOn: isoDate.nullable(),
    permitResult: z.enum(PERMIT_RESULTS).nullable(),
  })
  .partial()
  .extend({ version })
  .strict();
export type PlacementInput = z.infer<typeof placementUpdate>;
export const placementOut = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  vacancyId: z.string(),
  vacancyTitle: z.string(),
  employerName: z.string(),
  status: z.enum(PLACEMENT_STATUSES),
  nextSteps: z.array(z.enum(PLACEMENT_STATUSES)),
  history: z.array(
    z.object({ status: z.string(), on: z.string(), by: z.string(), note: z.string().nullable() }),
  ),
  note: z.string().nullable(),
  interviewOn: z.string().nullable(),
  declinedReason: z.string().nullable(),
  declinedBy: z.enum(DECLINED_BY).nullable(),
  contractType: z.string().nullable(),
  hours: z.number().nullable(),
  wageBracket: z.string().nullable(),
  startDate: z.string().nullable(),
  releasedOn: z.string().nullable(),
  permitRequestedOn: z.string().nullable(),
  permitDecidedOn: z.string().nullable(),
  permitResult: z.enum(PERMIT_RESULTS).nullable(),
  /** The day the BA's consent is deemed given (two weeks after the request, § 36 Abs. 2 BeschV). */
  consentDeemedOn: z.string().nullable(),
  version: z.number().int(),
});
export type PlacementOut = z.infer<typeof placementOut>;

// ---------------------------------------------------------------- job fairs and information events

export { EVENT_KINDS };

const eventFields = {
  kind: z.enum(EVENT_KINDS),
  title: text(200).min(1, 'Bitte einen Titel angeben'),
  heldOn: isoDate,
  municipalityId: uuid.nullable(),
  place: optionalText(300),
  audience: optionalText(300),
};
export const eventCreate = z
  .object(eventFields)
  .partial()
  .required({ kind: true, title: true, heldOn: true })
  .strict();
export const eventUpdate = z.object(eventFields).partial().extend({ version }).strict();
export type EventInput = z.infer<typeof eventUpdate>;
export const eventGuestCreate = z.object({ personId: uuid.optional(), employerId: uuid.optional() }).strict();
export const eventGuestUpdate = z
  .object({ attended: z.boolean().nullable(), followUp: optionalText(1000) })
  .partial()
  .strict();
export type EventGuestInput = z.infer<typeof eventGuestUpdate>;
export const workEventOut = z.object({
  id: z.string(),
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  heldOn: z.string(),
  municipalityId: z.string().nullable(),
  municipalityName: z.string().nullable(),
  place: z.string().nullable(),
  audience: z.string().nullable(),
  clients: z.number().int(),
  employers: z.number().int(),
  attended: z.number().int(),
  version: z.number().int(),
  guests: z.array(
    z.object({
      id: z.string(),
      personId: z.string().nullable(),
      employerId: z.string().nullable(),
      name: z.string(),
      attended: z.boolean().nullable(),
      followUp: z.string().nullable(),
    }),
  ),
});
export type WorkEventOut = z.infer<typeof workEventOut>;
