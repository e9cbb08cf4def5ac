import { type AccessDecision, CASE_FIELD_CATEGORY } from '../../../domain/access/person-access';
import { ageInYears, todayInGermany } from '../../../domain/reference/dates';
import type { householdOf, PersonRow, residenceHistory } from './repo';
import type { PersonOut } from './schema';

type History = Awaited<ReturnType<typeof residenceHistory>>;
type Household = Awaited<ReturnType<typeof householdOf>>;

/** Builds the answer from the categories the access decision allows: what is not allowed is not sent. */
export function presentPerson(
  p: PersonRow,
  history: History,
  household: Household,
  access: Extract<AccessDecision, { allowed: true }>,
): PersonOut {
  const can = (c: string) => access.categories.includes(c as never);
  const today = todayInGermany();
  const out: PersonOut = {
    id: p.id,
    version: p.version,
    givenNames: p.given_names,
    familyName: p.family_name,
    nameOriginal: p.name_original,
    nameVariants: p.name_variants,
    gender: p.gender,
    birthDate: p.birth_date,
    birthDatePrecision: p.birth_date_precision,
    nationalities: p.nationalities,
    // Case data and the municipality only with their category: identity alone says who, not where or how.
    caseStatus: can(CASE_FIELD_CATEGORY.caseStatus) ? p.case_status : null,
    rechtskreis: can(CASE_FIELD_CATEGORY.rechtskreis) ? p.rechtskreis : null,
    owner:
      can(CASE_FIELD_CATEGORY.owner) && p.owner_user_id
        ? { id: p.owner_user_id, name: p.owner_name ?? '' }
        : null,
    ownerAgency:
      can(CASE_FIELD_CATEGORY.ownerAgency) && p.owner_agency_id
        ? { id: p.owner_agency_id, name: p.owner_agency_name ?? '' }
        : null,
    municipality: can(CASE_FIELD_CATEGORY.municipality) ? p.municipality_name : null,
    visibleCategories: access.categories,
    accessBasis: access.basis,
  };
  if (can('contact')) out.contact = { phone: p.phone, email: p.email, address: p.address };
  if (can('residence')) {
    out.residence = {
      azrNumber: p.azr_number,
      entryDate: p.entry_date,
      wohnsitzauflage: p.wohnsitzauflage_name,
      history: history.map((h) => ({
        id: h.id,
        kind: h.kind,
        paragraph: h.paragraph,
        since: h.since,
        until: h.until,
        document: h.document,
        workAnnotation: h.work_annotation,
        asylumApplicationDate: h.asylum_application_date,
        asylumDecision: h.asylum_decision,
        livesInReceptionCentre: h.lives_in_reception_centre,
        recordedAt: new Date(h.recorded_at).toISOString(),
      })),
    };
  }
  if (can('household')) {
    out.household = household.map((h) => ({
      id: h.id,
      relation: h.relation,
      givenNames: h.given_names,
      familyName: h.family_name,
      birthDate: h.birth_date,
      ageYears: h.birth_date ? ageInYears(h.birth_date, today) : null,
      needsChildcare: h.needs_childcare,
      memberPersonId: h.member_person_id,
    }));
  }
  if (can('language')) out.languages = p.languages;
  if (can('profile'))
    out.profile = {
      baCustomerNumber: p.ba_customer_number,
      referralSource: p.referral_source,
      ipEntryDate: p.ip_entry_date,
    };
  if (can('health')) out.health = { notes: p.health_notes };
  return out;
}
