import { z } from 'zod';

// The wire contract of appointments, rooms and interpreters: validated here, typed in the web.

export const APPOINTMENT_KINDS = [
  'erstgespraech',
  'beratung',
  'kooperationsplan',
  'sprachberatung',
  'fallbesprechung',
  'arbeitgeber',
] as const;
export const APPOINTMENT_STATUSES = ['planned', 'done', 'no_show', 'cancelled'] as const;

const instant = z
  .string()
  .datetime({ offset: true, message: 'Zeitpunkt mit Datum, Uhrzeit und Zeitzone erwartet' });
const language = z.string().regex(/^[a-z]{2,3}$/, 'Sprachcode wie „ar“ erwartet');
const uuid = z.string().uuid('keine gültige ID');

export const appointmentOut = z.object({
  id: z.string().uuid(),
  kind: z.enum(APPOINTMENT_KINDS),
  status: z.enum(APPOINTMENT_STATUSES),
  startsAt: z.string(),
  endsAt: z.string(),
  office: z.object({ id: z.string().uuid(), name: z.string(), kind: z.enum(['main', 'satellite']) }),
  room: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  staff: z.object({ id: z.string().uuid(), name: z.string() }),
  interpreterLanguage: z.string().nullable(),
  interpreter: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  /** Null when there is no person or the reader may not open the person's file. */
  person: z.object({ id: z.string().uuid(), name: z.string(), language: z.string().nullable() }).nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type AppointmentOut = z.infer<typeof appointmentOut>;

export const listQuery = z
  .object({
    from: instant,
    to: instant,
    staffUserId: uuid.optional(),
    roomId: uuid.optional(),
    officeId: uuid.optional(),
    interpreterId: uuid.optional(),
    personId: uuid.optional(),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), {
    path: ['to'],
    message: 'Das Ende liegt vor dem Anfang',
  })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 200 * 86_400_000, {
    path: ['to'],
    message: 'Höchstens ein halbes Jahr auf einmal',
  });

const slot = {
  startsAt: instant,
  endsAt: instant,
};

export const createBody = z
  .object({
    ...slot,
    kind: z.enum(APPOINTMENT_KINDS, { message: 'Bitte die Art des Termins wählen' }),
    officeId: uuid,
    roomId: uuid.nullable().optional(),
    /** Default: the one who books. */
    staffUserId: uuid.optional(),
    personId: uuid.optional(),
    interpreterLanguage: language.nullable().optional(),
    interpreterId: uuid.nullable().optional(),
    note: z.string().trim().max(2000, 'höchstens 2000 Zeichen').optional(),
  })
  .refine((b) => Date.parse(b.endsAt) > Date.parse(b.startsAt), {
    path: ['endsAt'],
    message: 'Das Ende muss nach dem Beginn liegen',
  })
  .refine((b) => Date.parse(b.endsAt) - Date.parse(b.startsAt) <= 10 * 3_600_000, {
    path: ['endsAt'],
    message: 'Ein Termin dauert höchstens zehn Stunden',
  });

export const updateBody = z
  .object({
    version: z.number().int().min(1),
    startsAt: instant.optional(),
    endsAt: instant.optional(),
    kind: z.enum(APPOINTMENT_KINDS).optional(),
    officeId: uuid.optional(),
    roomId: uuid.nullable().optional(),
    staffUserId: uuid.optional(),
    interpreterLanguage: language.nullable().optional(),
    interpreterId: uuid.nullable().optional(),
    note: z.string().trim().max(2000, 'höchstens 2000 Zeichen').nullable().optional(),
    status: z.enum(APPOINTMENT_STATUSES).optional(),
  })
  .strict();
export type UpdateBody = z.infer<typeof updateBody>;

export const roomOut = z.object({
  id: z.string().uuid(),
  officeId: z.string().uuid(),
  officeName: z.string(),
  name: z.string(),
  seats: z.number().int().nullable(),
});
export const roomBody = z.object({
  officeId: uuid,
  name: z.string().trim().min(1, 'Bitte einen Namen angeben').max(100),
  seats: z.number().int().min(1).max(500).nullable().optional(),
});

export const interpreterOut = z.object({
  id: z.string().uuid(),
  name: z.string(),
  languages: z.array(z.string()),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  organisation: z.string().nullable(),
});
export const interpreterBody = z.object({
  name: z.string().trim().min(1, 'Bitte einen Namen angeben').max(200),
  languages: z.array(language).min(1, 'Mindestens eine Sprache').max(20),
  phone: z.string().trim().max(50).nullable().optional(),
  email: z.string().trim().email('keine gültige E-Mail-Adresse').max(254).nullable().optional(),
  organisation: z.string().trim().max(200).nullable().optional(),
});
