import { z } from 'zod';
import { DATA_CATEGORIES } from '../../../domain/access/person-access';
import { isoDate, languageCode, pastDate, plainText, uuid } from '../common-schema';

export const CONSENT_PURPOSES = [
  'integration',
  'leistungsgewaehrung',
  'aufenthaltsrecht',
  'sprachkurs',
  'arbeitsvermittlung_arbeitgeber',
  'ehrenamtliche_begleitung',
  'jugendhilfe',
] as const;

export const consentOut = z.object({
  id: z.string(),
  purpose: z.string(),
  recipientAgency: z.object({ id: z.string(), name: z.string() }),
  dataCategories: z.array(z.string()),
  givenOn: z.string(),
  withdrawnOn: z.string().nullable(),
  formLanguage: z.string(),
  scanRef: z.string().nullable(),
  active: z.boolean(),
});
export type ConsentOut = z.infer<typeof consentOut>;

export const consentCreate = z.object({
  purpose: z.enum(CONSENT_PURPOSES),
  recipientAgencyId: uuid,
  dataCategories: z.array(z.enum(DATA_CATEGORIES)).min(1, 'mindestens eine Datenkategorie'),
  givenOn: pastDate,
  formLanguage: languageCode.default('de'),
  scanRef: plainText.max(300).optional(),
});
export type ConsentCreate = z.infer<typeof consentCreate>;

export const consentWithdraw = z.object({ withdrawnOn: isoDate.optional() });
export const consentParams = z.object({ id: uuid, consentId: uuid });
