import type { DataCategory } from '../access/person-access';

/**
 * Corrections of a person's master data (issue 8, defect 2): which fields exist, which category of data
 * each belongs to (its history is shown only to readers of that category), and which are identity data
 * whose correction needs a stated reason — the name, birth date, nationality and gender identify a
 * person towards every authority (Art. 16 DSGVO Berichtigung, § 84 SGB X); the AZR number links the record
 * to the Ausländerzentralregister. A changed phone number needs no reason.
 */
export const CORRECTABLE_FIELDS = {
  givenNames: { category: 'identity', reason: true },
  familyName: { category: 'identity', reason: true },
  nameOriginal: { category: 'identity', reason: true },
  nameVariants: { category: 'identity', reason: true },
  gender: { category: 'identity', reason: true },
  birthDate: { category: 'identity', reason: true },
  birthDatePrecision: { category: 'identity', reason: true },
  nationalities: { category: 'identity', reason: true },
  phone: { category: 'contact', reason: false },
  email: { category: 'contact', reason: false },
  address: { category: 'contact', reason: false },
  municipalityId: { category: 'contact', reason: false },
  wohnsitzauflageMunicipalityId: { category: 'residence', reason: false },
  azrNumber: { category: 'residence', reason: true },
  entryDate: { category: 'residence', reason: false },
  baCustomerNumber: { category: 'profile', reason: false },
  referralSource: { category: 'profile', reason: false },
  languages: { category: 'language', reason: false },
  healthNotes: { category: 'health', reason: false },
} as const satisfies Record<string, { category: DataCategory; reason: boolean }>;

export type CorrectableField = keyof typeof CORRECTABLE_FIELDS;
export const isCorrectableField = (f: string): f is CorrectableField => f in CORRECTABLE_FIELDS;

export interface FieldChange {
  field: CorrectableField;
  /** null when the field was empty. */
  oldValue: unknown;
  newValue: unknown;
}

/** Values compared as data: arrays and objects by content, '' and undefined as empty. */
function normal(v: unknown): unknown {
  if (v === undefined || v === '') return null;
  return v;
}
const same = (a: unknown, b: unknown) => JSON.stringify(normal(a)) === JSON.stringify(normal(b));

/**
 * The fields a PATCH really changes: those sent whose value differs from the stored one. Fields sent with
 * the value they already have are no change (a form that sends everything records only what was edited).
 */
export function changedFields(
  before: Partial<Record<CorrectableField, unknown>>,
  input: Partial<Record<CorrectableField, unknown>>,
): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, value] of Object.entries(input)) {
    if (!isCorrectableField(field) || value === undefined) continue;
    if (!same(before[field], value))
      out.push({ field, oldValue: normal(before[field]), newValue: normal(value) });
  }
  return out;
}

/** The changes among these that need a reason. */
export const needingReason = (changes: readonly FieldChange[]): FieldChange[] =>
  changes.filter((c) => CORRECTABLE_FIELDS[c.field].reason);
