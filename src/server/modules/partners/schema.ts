import { z } from 'zod';

export const PARTNER_KINDS = [
  'iq_netzwerk',
  'bamf',
  'auslaenderbehoerde',
  'ihk',
  'hwk',
  'jugendamt',
  'migrationsberatung',
  'ehrenamt',
  'fluechtlingsrat',
  'sonstige',
] as const;

const contact = z.object({
  name: z.string().trim().min(1, 'Bitte einen Namen angeben').max(200),
  role: z.string().trim().max(200).nullable().optional(),
  phone: z.string().trim().max(50).nullable().optional(),
  email: z.string().trim().email('keine gültige E-Mail-Adresse').max(254).nullable().optional(),
});

export const partnerBody = z.object({
  name: z.string().trim().min(1, 'Bitte einen Namen angeben').max(200, 'höchstens 200 Zeichen'),
  kind: z.enum(PARTNER_KINDS, { message: 'Bitte die Art wählen' }),
  services: z.string().trim().max(2000).nullable().optional(),
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}$/, 'Sprachcode wie „ar“ erwartet'))
    .max(30)
    .optional(),
  openingHours: z.string().trim().max(500).nullable().optional(),
  address: z.string().trim().max(300).nullable().optional(),
  phone: z.string().trim().max(50).nullable().optional(),
  email: z.string().trim().email('keine gültige E-Mail-Adresse').max(254).nullable().optional(),
  website: z.string().trim().url('keine gültige Adresse (https://…)').max(300).nullable().optional(),
  agencyId: z.string().uuid('keine gültige ID').nullable().optional(),
  contacts: z.array(contact).max(30).optional(),
});

export const partnerOut = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kind: z.enum(PARTNER_KINDS),
  services: z.string().nullable(),
  languages: z.array(z.string()),
  openingHours: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  /** Set when the partner works in Lotse: referrals go as handovers. */
  agencyId: z.string().uuid().nullable(),
  contacts: z.array(contact.extend({ id: z.string().uuid() })),
});
export type PartnerOut = z.infer<typeof partnerOut>;

export const referralBody = z.object({
  partnerId: z.string().uuid('keine gültige ID'),
  reason: z.string().trim().min(3, 'Bitte einen Grund angeben').max(2000),
});
