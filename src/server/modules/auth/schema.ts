import { z } from 'zod';
import { ROLES } from '../../../domain/access/roles';

export const loginBody = z.object({
  email: z.string().trim().email('keine gültige E-Mail-Adresse').max(254),
  password: z.string().min(1, 'Passwort fehlt').max(200),
  /** The second factor: six digits from the app or a recovery code, when the account has one. */
  totp: z.string().trim().max(40, 'zu lang').optional(),
});

export const userOut = z.object({
  id: z.string().uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  team: z.string().nullable(),
  agency: z.object({ id: z.string().uuid(), kind: z.string(), name: z.string() }),
  tenant: z.object({ id: z.string().uuid(), name: z.string() }),
  permissions: z.array(z.string()),
  language: z.string(),
});
export type UserOut = z.infer<typeof userOut>;

export const loginOut = z.object({
  user: userOut,
  csrfToken: z.string(),
  /** True: this administrator must set up the second factor before anything else answers. */
  secondFactorSetupRequired: z.boolean(),
});
export const meOut = loginOut;

export const secondFactorOut = z.object({
  enabled: z.boolean(),
  /** Mandatory for this account (administrator under LOTSE_ADMIN_TOTP=required). */
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
  /** False for single sign-on accounts: their provider handles the second factor. */
  available: z.boolean(),
});
export const passwordBody = z.object({ password: z.string().min(1, 'Passwort fehlt').max(200) });
export const codeBody = z.object({ code: z.string().trim().min(1, 'Code fehlt').max(20, 'zu lang') });
export const setupOut = z.object({ secret: z.string(), otpauthUri: z.string() });
export const recoveryCodesOut = z.object({ recoveryCodes: z.array(z.string()) });
export const okOut = z.object({ ok: z.literal(true), sessionsEnded: z.number().int().optional() });
export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, 'Bisheriges Passwort fehlt').max(200),
  newPassword: z.string().min(1, 'Neues Passwort fehlt').max(200, 'höchstens 200 Zeichen'),
});
