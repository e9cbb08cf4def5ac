import { z } from 'zod';
import { isIsoDate } from '../../../domain/reference/dates';
import { isoDate } from '../common-schema';

const uuid = z.string().uuid('keine gültige ID');

export const conferenceBody = z.object({
  title: z.string().trim().min(1, 'Bitte einen Titel angeben').max(200),
  heldOn: isoDate,
  /** The other agencies taking part (the organiser's own agency always does). */
  agencyIds: z.array(uuid).max(20),
  personIds: z.array(uuid).min(1, 'Mindestens ein Fall auf der Tagesordnung').max(30, 'höchstens 30 Fälle'),
});

export const conferenceSummary = z.object({
  id: z.string().uuid(),
  title: z.string(),
  heldOn: z.string(),
  organiser: z.string(),
  agencies: z.array(z.string()),
  cases: z.number().int(),
});

export const conferenceOut = conferenceSummary.extend({
  items: z.array(
    z.object({
      id: z.string().uuid(),
      position: z.number().int(),
      /** Null when the reader's agency may not read this person: the case stays anonymous. */
      person: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
      minutes: z.string().nullable(),
      version: z.number().int(),
    }),
  ),
});
export type ConferenceOut = z.infer<typeof conferenceOut>;

export const itemUpdate = z.object({
  version: z.number().int().min(1),
  minutes: z.string().trim().max(8000, 'höchstens 8000 Zeichen').nullable(),
});

export const actionBody = z.object({
  title: z.string().trim().min(1, 'Bitte beschreiben, was vereinbart wurde').max(300),
  dueOn: z
    .string({ message: 'Bitte angeben, bis wann' })
    .refine(isIsoDate, 'Bitte angeben, bis wann (Datum)'),
  /** Absent: the one who records it; null: the team inbox of the own agency. */
  assigneeUserId: uuid.nullable().optional(),
});
