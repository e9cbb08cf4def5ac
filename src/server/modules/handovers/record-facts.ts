import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { buildHandoverRecord, type HandoverRecord } from '../../../domain/handover/record';
import { currentCountryCodes } from '../../../domain/reference/countries';
import { findPersonRow, householdOf, residenceHistory } from '../persons/repo';

/** Loads what the handover record needs from the case file; the record itself is built by the pure domain function. */
export async function handoverRecordFor(
  db: Kysely<DB>,
  tenantId: string,
  personId: string,
  decision: { employment: string; benefits: string; agency: string } | null,
): Promise<HandoverRecord> {
  const [p, history, household] = await Promise.all([
    findPersonRow(db, tenantId, personId),
    residenceHistory(db, tenantId, personId),
    householdOf(db, tenantId, personId),
  ]);
  if (!p) throw new Error(`person ${personId} vanished`);
  const current = history[0];
  return buildHandoverRecord({
    person: {
      givenNames: p.given_names,
      familyName: p.family_name,
      nameOriginal: p.name_original,
      birthDate: p.birth_date,
      birthDatePrecision: p.birth_date_precision,
      nationalities: currentCountryCodes(p.nationalities),
      azrNumber: p.azr_number,
      baCustomerNumber: p.ba_customer_number,
      wohnsitzauflage: p.wohnsitzauflage_name,
      municipality: p.municipality_name,
      languages: p.languages,
    },
    currentStatus: current
      ? {
          kind: current.kind,
          paragraph: current.paragraph,
          since: current.since,
          until: current.until,
          document: current.document,
          workAnnotation: current.work_annotation,
        }
      : null,
    household: household.map((h) => ({
      relation: h.relation,
      givenNames: h.given_names,
      birthDate: h.birth_date,
      needsChildcare: h.needs_childcare,
    })),
    decision,
  });
}
