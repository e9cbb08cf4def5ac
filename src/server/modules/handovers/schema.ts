import { z } from 'zod';
import { HANDOVER_KINDS } from '../../../domain/handover/receivers';
import { uuid } from '../common-schema';

/** A handover or referral as the API answers it (the Übergabebogen in `record`). */
export const handoverOut = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.string(),
  reason: z.string(),
  decisionReason: z.string().nullable(),
  keepAdvisor: z.boolean(),
  record: z.record(z.string(), z.unknown()),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  person: z.object({ id: z.string(), name: z.string() }),
  fromAgency: z.string(),
  toAgency: z.string(),
  fromUser: z.string().nullable(),
  toUser: z.string().nullable(),
});
export type HandoverOut = z.infer<typeof handoverOut>;

export const handoverRequestBody = z.object({
  kind: z.enum(HANDOVER_KINDS),
  toAgencyId: uuid,
  toUserId: uuid.optional(),
  reason: z.string().trim().min(3, 'Bitte einen Grund angeben').max(2000),
  keepAdvisor: z.boolean().optional(),
});
export type HandoverRequestBody = z.infer<typeof handoverRequestBody>;

/** Transition into the regular services: due date after the maximum stay, and what is still missing. */
export const exitCheckOut = z.object({
  ipEntryDate: z.string().nullable(),
  maxStayMonths: z.number(),
  dueOn: z.string().nullable(),
  due: z.boolean(),
  missing: z.array(z.object({ key: z.string(), label: z.string() })),
});
export type ExitCheckOut = z.infer<typeof exitCheckOut>;

export const exitsDueOut = z.object({
  maxStayMonths: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      ipEntryDate: z.string(),
      dueOn: z.string(),
      owner: z.string().nullable(),
    }),
  ),
});
export type ExitsDueOut = z.infer<typeof exitsDueOut>;
