import { z } from 'zod';
import { pastDate, plainText, uuid } from '../common-schema';

export const HOUSEHOLD_RELATIONS = ['partner', 'child', 'parent', 'sibling', 'other'] as const;
export type HouseholdRelation = (typeof HOUSEHOLD_RELATIONS)[number];

/** A member of the household (children under 6: childcare needed). */
export const householdMemberBody = z.object({
  relation: z.enum(HOUSEHOLD_RELATIONS),
  givenNames: plainText.trim().min(1, 'darf nicht leer sein').max(200),
  familyName: plainText.trim().max(200).optional(),
  birthDate: pastDate.optional(),
  memberPersonId: uuid.optional(),
  needsChildcare: z.boolean().optional(),
});
export type HouseholdMemberBody = z.infer<typeof householdMemberBody>;
