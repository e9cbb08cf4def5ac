import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import {
  buildHandoverRecord,
  type HandoverFacts,
  type HandoverRecord,
} from '../../../domain/handover/record';
import { currentCountryCodes } from '../../../domain/reference/countries';
import { todayInGermany } from '../../../domain/reference/dates';
import { germanLevelOn, residenceOn } from '../../../domain/rules';
import { findPersonRow, householdOf, residenceHistory } from '../persons/repo';
import { loadCaseFiles } from '../rules/situation';

/** Loads what the handover record needs from the case file; the record itself is built by the pure domain function. */
export async function handoverRecordFor(
  db: Kysely<DB>,
  tenantId: string,
  personId: string,
  decision: HandoverFacts['decision'],
): Promise<HandoverRecord> {
  const [p, history, household] = await Promise.all([
    findPersonRow(db, tenantId, personId),
    residenceHistory(db, tenantId, personId),
    householdOf(db, tenantId, personId),
  ]);
  if (!p) throw new Error(`person ${personId} vanished`);
  const today = todayInGermany();
  const current = residenceOn(history, today);
  // The same German level as the status card: newest test, certificate or course result, else intake.
  const file = (await loadCaseFiles(db, tenantId, [p])).get(p.id);
  const german = file ? germanLevelOn(file, today) : undefined;
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
      germanLevel: german ? { level: german.level, source: german.source, on: german.on } : null,
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
