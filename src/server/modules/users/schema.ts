import { z } from 'zod';

/** A user account as the administration lists it. */
export const userRow = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.string(),
  team: z.string().nullable(),
  agency: z.string(),
  disabled: z.boolean(),
  locked: z.boolean(),
});
export type UserRow = z.infer<typeof userRow>;
