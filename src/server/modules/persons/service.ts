import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import {
  type Actor,
  CASE_FIELD_CATEGORY,
  type DataCategory,
  mayRead,
  mayWriteHealth,
} from '../../../domain/access/person-access';
import { actorMay } from '../../../domain/access/roles';
import {
  CORRECTABLE_FIELDS,
  type CorrectableField,
  changedFields,
  type FieldChange,
  isCorrectableField,
  needingReason,
} from '../../../domain/people/field-changes';
import { todayInGermany } from '../../../domain/reference/dates';
import { badRequest, conflict, forbidden, HttpError, notFound } from '../../http/errors';
import { assertTenantRefs, type TenantRef } from '../../http/tenant-refs';
import { decideOnFacts, PERSON_REFUSAL } from '../access';
import { personActEntry, personRefusalEntry, writeAudit, writeAuditGrouped } from '../audit/audit-writer';
import { presentPerson } from './presenter';
import {
  accessFactsOf,
  fieldChangesOf,
  findPersonForAccess,
  findPersonForRead,
  householdOf,
  insertPerson,
  nameSearchText,
  namesOf,
  type PersonRow,
  replaceNameKeys,
  residenceHistory,
  SEARCH_CAP,
  searchPersons,
} from './repo';
import type { FieldChangeOut, PersonCreate, PersonOut, PersonSearch, PersonUpdate } from './schema';

/**
 * The guard of every person-related action: loads the facts, asks the access rule, writes exactly one
 * audit row (allowed or denied) and returns the row and the decision. Sub-resources (consent, household,
 * handovers, residence status) call it too, so no path to a person's data skips it.
 */
export async function authorizePerson(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  opts: { action: string; requestId?: string; details?: Record<string, unknown> },
) {
  const { row, decision } = await decidePerson(db, actor, personId, opts);
  await writeAuditGrouped(
    db,
    actor,
    personActEntry(opts.action, personId, decision, opts.details),
    opts.requestId,
  );
  return { row, decision };
}

/**
 * The access decision without the audit row of an allowed access: for a write whose own audit row
 * (create, update) records the act — one act, one row (issue 10.5). A refusal is audited here, because
 * no other row will be written for it.
 */
export async function decidePerson(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  opts: { action: string; requestId?: string; details?: Record<string, unknown> },
) {
  const found = await findPersonForAccess(db, actor.tenantId, personId);
  if (!found) throw notFound('Person');
  return { row: found.row, decision: await decideFound(db, actor, personId, found, opts) };
}

/** The access rule on loaded facts; a refusal is audited and thrown (403). */
async function decideFound(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  found: NonNullable<Awaited<ReturnType<typeof findPersonForAccess>>>,
  opts: { action: string; requestId?: string; details?: Record<string, unknown> },
) {
  const { row, consents, handoverAgencyIds } = found;
  const decision = decideOnFacts(actor, row, consents, handoverAgencyIds);
  if (!decision.allowed) {
    await writeAuditGrouped(
      db,
      actor,
      personRefusalEntry(opts.action, personId, decision.reason, opts.details),
      opts.requestId,
    );
    throw forbidden(PERSON_REFUSAL[decision.reason]);
  }
  return decision;
}

/**
 * An audited read of the person (issue 10: two statements, not five): one statement loads the person with
 * everything the answer and the access rule need, one audit row records the read (sharing its INSERT with
 * concurrent reads' rows, `writeAuditGrouped`), and only then the answer leaves — the same decision and the
 * same row as `authorizePerson` followed by `viewPerson`.
 */
export async function readPerson(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  requestId?: string,
  action = 'read',
): Promise<PersonOut> {
  const found = await findPersonForRead(db, actor.tenantId, personId);
  if (!found) throw notFound('Person');
  const decision = await decideFound(db, actor, personId, found, { action, requestId });
  await writeAuditGrouped(db, actor, personActEntry(action, personId, decision), requestId);
  return presentPerson(found.row, found.history, found.household, decision);
}

/** The person as this reader may see it, from a decision already taken (and audited by the caller). */
async function viewPerson(
  db: Kysely<DB>,
  actor: Actor,
  row: Awaited<ReturnType<typeof decidePerson>>['row'],
  decision: Awaited<ReturnType<typeof decidePerson>>['decision'],
): Promise<PersonOut> {
  const [history, household] = await Promise.all([
    residenceHistory(db, actor.tenantId, row.id),
    householdOf(db, actor.tenantId, row.id),
  ]);
  return presentPerson(row, history, household, decision);
}

/** The answer of a write: the person after it, without a second audit row — the write's row records the act. */
export async function personAfterWrite(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  requestId?: string,
): Promise<PersonOut> {
  const { row, decision } = await decidePerson(db, actor, personId, { action: 'read', requestId });
  return viewPerson(db, actor, row, decision);
}

export async function createPerson(
  db: Kysely<DB>,
  actor: Actor,
  input: PersonCreate,
  requestId?: string,
): Promise<PersonOut> {
  if (input.healthNotes !== undefined && input.healthNotes.trim() !== '' && !mayWriteHealth(actor)) {
    const message = 'Gesundheitsdaten darf nur erfassen, wer sie auch lesen darf (Integrationsfachkraft).';
    throw new HttpError(403, 'forbidden', message, { issues: [{ path: 'healthNotes', message }] });
  }
  await assertTenantRefs(db, actor.tenantId, personRefs(input));
  const { id } = await db.transaction().execute(async (tx) => {
    const ownByCreator = actor.role === 'integrationsfachkraft';
    const created = await insertPerson(tx, actor.tenantId, actor.userId, {
      ...input,
      ownerUserId: ownByCreator ? actor.userId : null,
      ownerAgencyId: ownByCreator ? actor.agencyId : null,
      team: ownByCreator ? actor.team : null,
    });
    await writeAudit(
      tx,
      actor,
      {
        action: 'create',
        entity: 'person',
        entityId: created.id,
        personId: created.id,
        legalBasis: '§ 67a SGB X (Erhebung)',
      },
      requestId,
    );
    return created;
  });
  return personAfterWrite(db, actor, id, requestId);
}

/** The municipalities a person record points to must be of the actor's region. */
const personRefs = (
  input: Pick<PersonCreate, 'municipalityId' | 'wohnsitzauflageMunicipalityId'>,
): TenantRef[] => [
  { path: 'municipalityId', table: 'municipality', id: input.municipalityId },
  { path: 'wohnsitzauflageMunicipalityId', table: 'municipality', id: input.wohnsitzauflageMunicipalityId },
];

const COLUMN_OF: Partial<Record<keyof PersonUpdate, keyof DB['person']>> = {
  givenNames: 'given_names',
  familyName: 'family_name',
  nameOriginal: 'name_original',
  nameVariants: 'name_variants',
  gender: 'gender',
  birthDate: 'birth_date',
  birthDatePrecision: 'birth_date_precision',
  nationalities: 'nationalities',
  phone: 'phone',
  email: 'email',
  address: 'address',
  municipalityId: 'municipality_id',
  wohnsitzauflageMunicipalityId: 'wohnsitzauflage_municipality_id',
  azrNumber: 'azr_number',
  baCustomerNumber: 'ba_customer_number',
  entryDate: 'entry_date',
  referralSource: 'referral_source',
  healthNotes: 'health_notes',
};

/** Optimistic locking: the update applies only to the version the editor saw; otherwise 409 with the current record. */
export async function updatePerson(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  input: PersonUpdate,
  requestId?: string,
): Promise<PersonOut> {
  const decided = await decidePerson(db, actor, personId, { action: 'update', requestId });
  // The decision and the stored row are all a correction needs: no residence or household reads here.
  const { row: before, decision } = decided;
  if (!actorMay(actor, 'person:update')) throw forbidden();
  await assertTenantRefs(db, actor.tenantId, personRefs(input));
  if (input.healthNotes !== undefined && !decision.categories.includes('health'))
    throw forbidden('Gesundheitsdaten dürfen Sie nicht ändern.');
  const changes = changedFields(storedValues(decided.row), input);
  checkCorrection(changes, decision.categories, input, before);
  const set: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    const col = COLUMN_OF[k as keyof PersonUpdate];
    if (col && v !== undefined) set[col] = v;
  }
  if (input.languages) set.languages = JSON.stringify(input.languages);
  const names = {
    givenNames: input.givenNames ?? before.given_names,
    familyName: input.familyName ?? before.family_name,
    nameOriginal: input.nameOriginal ?? before.name_original,
    nameVariants: input.nameVariants ?? before.name_variants,
  };
  set.search_text = nameSearchText(names);
  const updated = await db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable('person')
      .set({ ...set, version: input.version + 1, updated_at: new Date() })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', personId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    if (input.givenNames || input.familyName || input.nameOriginal !== undefined || input.nameVariants)
      await replaceNameKeys(tx, actor.tenantId, personId, namesOf(names));
    if (changes.length > 0)
      await tx
        .insertInto('person_field_change')
        .values(
          changes.map((c) => ({
            tenant_id: actor.tenantId,
            person_id: personId,
            field: c.field,
            old_value: c.oldValue === null ? null : JSON.stringify(c.oldValue),
            new_value: c.newValue === null ? null : JSON.stringify(c.newValue),
            reason: input.reason ?? null,
            changed_by: actor.userId,
            request_id: requestId ?? null,
          })),
        )
        .execute();
    await writeAudit(
      tx,
      actor,
      {
        action: 'update',
        entity: 'person',
        entityId: personId,
        personId,
        legalBasis: decision.basis,
        details: { fields: changes.map((c) => c.field), ...(input.reason ? { reason: input.reason } : {}) },
      },
      requestId,
    );
    return true;
  });
  // The update's audit row records the act; a 409 shows the current record, which is a read of its own.
  const current = updated
    ? await personAfterWrite(db, actor, personId, requestId)
    : await readPerson(db, actor, personId, requestId);
  if (!updated)
    throw conflict(
      'Die Person wurde inzwischen von jemand anderem geändert. Bitte prüfen Sie den aktuellen Stand.',
      current,
    );
  return current;
}

export async function listPersons(db: Kysely<DB>, actor: Actor, q: PersonSearch, requestId?: string) {
  const today = todayInGermany();
  const { total, elsewhere, rows } = await searchPersons(db, actor, today, q);
  // Every hit goes through the same decision as opening the person: a list shows no field of a
  // category the reader could not see there (a partner with identity-only consent sees names only).
  const facts = await accessFactsOf(
    db,
    actor.tenantId,
    rows.map((r) => r.id),
  );
  await writeAudit(
    db,
    actor,
    {
      action: 'search',
      entity: 'person',
      details: { q: q.q ?? null, filters: { ...q, q: undefined }, results: rows.length, elsewhere },
    },
    requestId,
  );
  return {
    total,
    capped: total >= SEARCH_CAP,
    elsewhere,
    items: rows.map((r) => {
      const d = decideOnFacts(
        actor,
        r,
        facts.consents.get(r.id) ?? [],
        facts.handovers.get(r.id) ?? [],
        today,
      );
      const may = (c: DataCategory) => mayRead(d, c);
      return {
        id: r.id,
        givenNames: r.given_names,
        familyName: r.family_name,
        nameOriginal: r.name_original,
        birthDate: r.birth_date,
        birthDatePrecision: r.birth_date_precision,
        nationalities: r.nationalities,
        caseStatus: may(CASE_FIELD_CATEGORY.caseStatus) ? r.case_status : null,
        rechtskreis: may(CASE_FIELD_CATEGORY.rechtskreis) ? r.rechtskreis : null,
        municipality: may(CASE_FIELD_CATEGORY.municipality) ? r.municipality_name : null,
        ownerName: may(CASE_FIELD_CATEGORY.owner) ? r.owner_name : null,
      };
    }),
  };
}

/** The stored value of every correctable field, keyed like the API (the "before" of a correction). */
function storedValues(row: PersonRow): Partial<Record<CorrectableField, unknown>> {
  const out: Partial<Record<CorrectableField, unknown>> = { languages: row.languages };
  for (const [field, col] of Object.entries(COLUMN_OF))
    out[field as CorrectableField] = row[col as keyof PersonRow];
  return out;
}

/**
 * A correction may touch only data the editor may see, needs a reason for identity data, and keeps the
 * entry after the birth (against the stored value of the field not sent). Each refusal names its field.
 */
function checkCorrection(
  changes: readonly FieldChange[],
  visible: readonly string[],
  input: PersonUpdate,
  row: PersonRow,
): void {
  const hidden = changes.filter((c) => !visible.includes(CORRECTABLE_FIELDS[c.field].category));
  if (hidden.length > 0) {
    const message = 'Diese Angabe dürfen Sie nicht ändern: sie ist für Ihre Stelle nicht freigegeben.';
    throw new HttpError(403, 'forbidden', message, {
      issues: hidden.map((c) => ({ path: c.field, message })),
    });
  }
  if (needingReason(changes).length > 0 && !input.reason)
    throw badRequest('Bitte den Grund der Änderung angeben', [
      {
        path: 'reason',
        message:
          'Für Name, Geburtsdatum, Staatsangehörigkeit, Geschlecht und AZR-Nummer ist ein Änderungsgrund nötig',
      },
    ]);
  const birth = input.birthDate ?? row.birth_date;
  const entry = input.entryDate ?? row.entry_date;
  if (birth && entry && entry < birth)
    throw badRequest('Einreise liegt vor der Geburt', [
      { path: input.entryDate ? 'entryDate' : 'birthDate', message: 'Einreise liegt vor der Geburt' },
    ]);
}

/** The correction history of a person, newest first, limited to the categories this reader may see. */
export async function personHistory(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  requestId?: string,
): Promise<FieldChangeOut[]> {
  const { decision } = await authorizePerson(db, actor, personId, { action: 'read_history', requestId });
  const rows = await fieldChangesOf(db, actor.tenantId, personId);
  return rows
    .filter(
      (r) =>
        isCorrectableField(r.field) && decision.categories.includes(CORRECTABLE_FIELDS[r.field].category),
    )
    .map((r) => ({
      id: r.id,
      field: r.field,
      oldValue: r.old_value ?? null,
      newValue: r.new_value ?? null,
      reason: r.reason,
      changedAt: new Date(r.changed_at).toISOString(),
      changedBy: r.changed_by ? { id: r.changed_by, name: r.changed_by_name ?? '' } : null,
    }));
}
