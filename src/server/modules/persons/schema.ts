import { z } from 'zod';
import { isIsoDate } from '../../../domain/reference/dates';
import { birthDay, entryDay, languageSkill, nationalityCode, paging, uuid } from '../common-schema';

const name = z.string().trim().min(1, 'darf nicht leer sein').max(200);

/** Value lists of a person (the web app imports them from here: one list on both sides of the wire). */
export const GENDERS = ['f', 'm', 'x', 'u'] as const;
export const BIRTH_DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export const REFERRAL_SOURCES = [
  'sozialamt',
  'auslaenderbehoerde',
  'ehrenamt',
  'selbst',
  'jobcenter',
  'agentur',
  'other',
] as const;
export const CASE_STATUSES = ['intake', 'active', 'handed_over', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const RECHTSKREISE = ['asylblg', 'sgb2', 'sgb3_only', 'none', 'review'] as const;
export type Rechtskreis = (typeof RECHTSKREISE)[number];

/**
 * The fields of a person, without defaults. The create schema adds its defaults; the update schema is
 * these fields made optional — never `personCreate.partial()`, which keeps zod's defaults and so reset
 * every field a PATCH did not send (nationalities, spellings, languages, birth-date precision).
 */
const personFields = {
  givenNames: name,
  familyName: name,
  nameOriginal: z.string().trim().max(200).optional(),
  nameVariants: z.array(name).max(20),
  gender: z.enum(GENDERS),
  birthDate: birthDay.optional(),
  birthDatePrecision: z.enum(BIRTH_DATE_PRECISIONS),
  nationalities: z.array(nationalityCode).max(5),
  languages: z.array(languageSkill).max(15),
  phone: z.string().trim().max(50).optional(),
  email: z.string().trim().email('keine gültige E-Mail-Adresse').max(254).optional(),
  address: z.string().trim().max(300).optional(),
  municipalityId: uuid.optional(),
  wohnsitzauflageMunicipalityId: uuid.optional(),
  azrNumber: z
    .string()
    .trim()
    .regex(/^[0-9]{6,16}$/, 'AZR-Nummer: 6–16 Ziffern')
    .optional(),
  baCustomerNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Z]{3,12}$/, 'Kundennummer: 3–12 Ziffern oder Großbuchstaben')
    .optional(),
  entryDate: entryDay.optional(),
  referralSource: z.enum(REFERRAL_SOURCES).optional(),
  healthNotes: z.string().max(2000).optional(),
};

/** One cannot enter a country before being born: said on the entry date, where it is typed. */
const entryAfterBirth = (p: { birthDate?: string; entryDate?: string }, ctx: z.RefinementCtx) => {
  if (p.birthDate && p.entryDate && p.entryDate < p.birthDate)
    ctx.addIssue({ code: 'custom', path: ['entryDate'], message: 'Einreise liegt vor der Geburt' });
};

const personCreateFields = z.object({
  ...personFields,
  nameVariants: personFields.nameVariants.default([]),
  birthDatePrecision: personFields.birthDatePrecision.default('day'),
  nationalities: personFields.nationalities.default([]),
  languages: personFields.languages.default([]),
});
export const personCreate = personCreateFields.superRefine(entryAfterBirth);
export type PersonCreate = z.infer<typeof personCreate>;

export const personUpdate = z
  .object(personFields)
  .partial()
  .extend({
    /** Optimistic locking: the version the editor started from. */
    version: z.number().int().positive(),
    /** Why identity data is corrected (name, birth date, nationality, gender, AZR number): required then. */
    reason: z.string().trim().min(3, 'Bitte den Grund der Änderung angeben').max(500).optional(),
  })
  .superRefine(entryAfterBirth);
export type PersonUpdate = z.infer<typeof personUpdate>;

/** One corrected field: values as stored (strings, lists, null for empty); the web puts them into words. */
export const fieldChangeOut = z.object({
  id: z.number().int(),
  field: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  reason: z.string().nullable(),
  changedAt: z.string(),
  changedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export const fieldHistoryOut = z.array(fieldChangeOut);
export type FieldChangeOut = z.infer<typeof fieldChangeOut>;

export const personSearch = z.object({
  q: z.string().trim().max(200).optional(),
  /** A day, a month (JJJJ-MM) or a year alone: matches persons whose known birth date fits (any precision). */
  birthDate: z
    .string()
    .trim()
    .refine(
      (s) => /^\d{4}$/.test(s) || /^\d{4}-(0[1-9]|1[0-2])$/.test(s) || isIsoDate(s),
      'Geburtsdatum als Jahr, Monat und Jahr oder ganzes Datum angeben',
    )
    .optional(),
  number: z.string().trim().max(30).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  rechtskreis: z.enum(RECHTSKREISE).optional(),
  municipalityId: uuid.optional(),
  ownerId: uuid.optional(),
  ...paging,
});
export type PersonSearch = z.infer<typeof personSearch>;

export const residenceStatusOut = z.object({
  id: z.string(),
  kind: z.string(),
  paragraph: z.string().nullable(),
  since: z.string(),
  until: z.string().nullable(),
  document: z.string().nullable(),
  workAnnotation: z.string().nullable(),
  asylumApplicationDate: z.string().nullable(),
  asylumDecision: z.string().nullable(),
  livesInReceptionCentre: z.boolean().nullable(),
  recordedAt: z.string(),
});

export const personOut = z.object({
  id: z.string(),
  version: z.number().int(),
  givenNames: z.string(),
  familyName: z.string(),
  nameOriginal: z.string().nullable(),
  nameVariants: z.array(z.string()),
  gender: z.string(),
  birthDate: z.string().nullable(),
  birthDatePrecision: z.string(),
  nationalities: z.array(z.string()),
  /** null when the reader's categories do not cover case data ('profile'). */
  caseStatus: z.string().nullable(),
  rechtskreis: z.string().nullable(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  ownerAgency: z.object({ id: z.string(), name: z.string() }).nullable(),
  municipality: z.string().nullable(),
  /** Categories the reader may see; fields of other categories are absent. */
  visibleCategories: z.array(z.string()),
  accessBasis: z.string(),
  contact: z
    .object({ phone: z.string().nullable(), email: z.string().nullable(), address: z.string().nullable() })
    .optional(),
  residence: z
    .object({
      azrNumber: z.string().nullable(),
      entryDate: z.string().nullable(),
      wohnsitzauflage: z.string().nullable(),
      history: z.array(residenceStatusOut),
    })
    .optional(),
  household: z
    .array(
      z.object({
        id: z.string(),
        relation: z.string(),
        givenNames: z.string(),
        familyName: z.string().nullable(),
        birthDate: z.string().nullable(),
        ageYears: z.number().int().nullable(),
        needsChildcare: z.boolean(),
        memberPersonId: z.string().nullable(),
      }),
    )
    .optional(),
  languages: z.array(z.object({ code: z.string(), level: z.string() })).optional(),
  profile: z
    .object({
      baCustomerNumber: z.string().nullable(),
      referralSource: z.string().nullable(),
      ipEntryDate: z.string().nullable(),
    })
    .optional(),
  health: z.object({ notes: z.string().nullable() }).optional(),
});
export type PersonOut = z.infer<typeof personOut>;

export const personListItem = z.object({
  id: z.string(),
  givenNames: z.string(),
  familyName: z.string(),
  nameOriginal: z.string().nullable(),
  birthDate: z.string().nullable(),
  birthDatePrecision: z.string(),
  nationalities: z.array(z.string()),
  /** null when the reader's categories for this person do not cover them (see CASE_FIELD_CATEGORY). */
  caseStatus: z.string().nullable(),
  rechtskreis: z.string().nullable(),
  municipality: z.string().nullable(),
  ownerName: z.string().nullable(),
});
export const personList = z.object({
  total: z.number().int(),
  /** More hits than the search counts exactly (SEARCH_CAP): the UI asks for a narrower search. */
  capped: z.boolean(),
  /** Hits of the same search outside the reader's scope (other agencies): the number only, 0 if none. */
  elsewhere: z.number().int(),
  items: z.array(personListItem),
});

export const duplicateCheck = personCreateFields
  .pick({
    givenNames: true,
    familyName: true,
    nameOriginal: true,
    nameVariants: true,
    gender: true,
    birthDate: true,
    birthDatePrecision: true,
    nationalities: true,
  })
  .partial({ gender: true });
export type DuplicateCheck = z.infer<typeof duplicateCheck>;

export const duplicateCandidates = z.object({
  candidates: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      nameOriginal: z.string().nullable(),
      birthDate: z.string().nullable(),
      birthDatePrecision: z.string(),
      nationalities: z.array(z.string()),
      agency: z.string().nullable(),
      municipality: z.string().nullable(),
      score: z.number(),
      reasons: z.array(z.string()),
    }),
  ),
});
