import { z } from 'zod';
import { ROLES } from '../../../domain/access/roles';

export const loginBody = z.object({
  email: z.string().trim().email('keine gültige E-Mail-Adresse').max(254),
  password: z.string().min(1, 'Passwort fehlt').max(200),
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

export const loginOut = z.object({ user: userOut, csrfToken: z.string() });
export const meOut = z.object({ user: userOut, csrfToken: z.string() });
export const okOut = z.object({ ok: z.literal(true), sessionsEnded: z.number().int().optional() });
