import type { BIRTH_DATE_PRECISIONS } from '../../../../server/modules/persons/schema';
import type { Person } from '../../../api/types';

/** The master-data fields the correction dialog edits, in the order of the form. */
export interface CorrectionForm {
  givenNames: string;
  familyName: string;
  nameOriginal: string;
  nameVariants: string[];
  gender: string;
  birthDatePrecision: (typeof BIRTH_DATE_PRECISIONS)[number];
  /** As typed for the precision: 2024-05-03, 2024-05 or 2024. */
  birthInput: string;
  nationalities: string[];
  phone: string;
  email: string;
  address: string;
  azrNumber: string;
  entryDate: string;
  baCustomerNumber: string;
  reason: string;
}

export function formOf(p: Person): CorrectionForm {
  const precision = (p.birthDatePrecision as CorrectionForm['birthDatePrecision']) ?? 'day';
  const birth = p.birthDate ?? '';
  return {
    givenNames: p.givenNames,
    familyName: p.familyName,
    nameOriginal: p.nameOriginal ?? '',
    nameVariants: p.nameVariants,
    gender: p.gender,
    birthDatePrecision: precision,
    birthInput: precision === 'year' ? birth.slice(0, 4) : precision === 'month' ? birth.slice(0, 7) : birth,
    nationalities: p.nationalities,
    phone: p.contact?.phone ?? '',
    email: p.contact?.email ?? '',
    address: p.contact?.address ?? '',
    azrNumber: p.residence?.azrNumber ?? '',
    entryDate: p.residence?.entryDate ?? '',
    baCustomerNumber: p.profile?.baCustomerNumber ?? '',
    reason: '',
  };
}

/** The stored birth date for what was typed: a year or a month is kept as its first day, with its precision. */
export function birthDateOf(
  f: Pick<CorrectionForm, 'birthDatePrecision' | 'birthInput'>,
): string | undefined {
  const v = f.birthInput.trim();
  if (!v) return undefined;
  if (f.birthDatePrecision === 'year') return /^\d{4}$/.test(v) ? `${v}-01-01` : v;
  if (f.birthDatePrecision === 'month') return /^\d{4}-\d{2}$/.test(v) ? `${v}-01` : v;
  return v;
}

const IDENTITY: readonly (keyof CorrectionForm)[] = [
  'givenNames',
  'familyName',
  'nameOriginal',
  'nameVariants',
  'gender',
  'birthDatePrecision',
  'birthInput',
  'nationalities',
  'azrNumber',
];

/**
 * The PATCH body: only the fields that differ from the record (a field sent alone changes that field
 * alone), the version the editor started from, and the reason when identity data changes.
 */
export function patchOf(
  before: CorrectionForm,
  now: CorrectionForm,
  version: number,
): { body: Record<string, unknown>; identity: boolean; empty: boolean } {
  const body: Record<string, unknown> = {};
  const differs = (k: keyof CorrectionForm) => JSON.stringify(before[k]) !== JSON.stringify(now[k]);
  const text = (k: keyof CorrectionForm) => (now[k] as string).trim();
  for (const k of [
    'givenNames',
    'familyName',
    'nameOriginal',
    'phone',
    'email',
    'address',
    'azrNumber',
    'entryDate',
    'baCustomerNumber',
  ] as const)
    if (differs(k)) body[k] = text(k);
  if (differs('nameVariants')) body.nameVariants = now.nameVariants.map((v) => v.trim()).filter(Boolean);
  if (differs('gender')) body.gender = now.gender;
  if (differs('nationalities')) body.nationalities = now.nationalities;
  if (differs('birthInput') || differs('birthDatePrecision')) {
    body.birthDate = birthDateOf(now);
    body.birthDatePrecision = now.birthDatePrecision;
  }
  const identity = IDENTITY.some(differs);
  const empty = Object.keys(body).length === 0;
  if (now.reason.trim()) body.reason = now.reason.trim();
  body.version = version;
  return { body, identity, empty };
}

/** A server issue's field path in the form (birthDate is typed in birthInput; list items on their list). */
export function formFieldOf(path: string): keyof CorrectionForm | undefined {
  const head = path.split('.')[0];
  if (head === 'birthDate') return 'birthInput';
  return head as keyof CorrectionForm;
}
