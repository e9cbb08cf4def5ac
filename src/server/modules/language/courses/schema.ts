import { z } from 'zod';
import { CEFR } from '../../../../domain/language';
import { TARGET_LEVELS } from '../../../../domain/reference/languages';
import { isoDate, uuid } from '../../common-schema';

export const COURSE_STATUSES = ['planned', 'running', 'finished', 'cancelled'] as const;
export const ENROLMENT_STATUSES = ['enrolled', 'attending', 'completed', 'dropped_out', 'cancelled'] as const;

const level = z.enum(CEFR, { error: `ungültiges Niveau, erlaubt: ${CEFR.join(', ')}` });
const target = z.enum(TARGET_LEVELS, { error: 'ungültiges Zielniveau (A1–C2)' });
// Said, never clamped: 9,999 seats is a typing error the provider must see on the field.
const seats = z
  .number({ error: 'Plätze: bitte eine Zahl angeben' })
  .int('ganze Zahl')
  .min(0, 'darf nicht negativ sein')
  .max(1000, 'höchstens 1.000 Plätze');

export const courseCreate = z
  .object({
    /** Staff name the provider; a provider's own courses need no providerId. */
    providerId: uuid.optional(),
    placeId: uuid,
    ref: z.string().trim().min(1).max(60),
    type: z.string().trim().min(1).max(40),
    entryLevels: z.array(level).min(1, 'mindestens ein Einstiegsniveau'),
    targetLevel: target.nullable().optional(),
    hours: z.number().int().min(1).max(2000).optional(),
    schedule: z.string().trim().max(300).optional(),
    startDate: isoDate,
    endDate: isoDate.optional(),
    seats,
    childcare: z.boolean().default(false),
    womenOnly: z.boolean().default(false),
  })
  .refine((b) => !b.endDate || b.endDate >= b.startDate, {
    path: ['endDate'],
    message: 'liegt vor dem Beginn',
  });
export type CourseCreate = z.infer<typeof courseCreate>;

export const courseUpdate = z.object({
  version: z.number().int().positive(),
  placeId: uuid.optional(),
  entryLevels: z.array(level).min(1).optional(),
  targetLevel: target.nullable().optional(),
  hours: z.number().int().min(1).max(2000).optional(),
  schedule: z.string().trim().max(300).nullable().optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.nullable().optional(),
  seats: seats.optional(),
  childcare: z.boolean().optional(),
  womenOnly: z.boolean().optional(),
  status: z.enum(COURSE_STATUSES).optional(),
});
export type CourseUpdate = z.infer<typeof courseUpdate>;

export const courseQuery = z.object({
  type: z.string().trim().max(40).optional(),
  municipalityId: uuid.optional(),
  providerId: uuid.optional(),
  status: z.enum(COURSE_STATUSES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  freeSeats: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type CourseQuery = z.infer<typeof courseQuery>;

export const courseOut = z.object({
  id: z.string(),
  version: z.number().int(),
  ref: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  provider: z.object({ id: z.string(), name: z.string() }),
  place: z.object({
    id: z.string(),
    name: z.string(),
    address: z.string().nullable(),
    municipalityId: z.string(),
    municipality: z.string(),
    lat: z.number(),
    lon: z.number(),
  }),
  entryLevels: z.array(z.string()),
  targetLevel: z.string().nullable(),
  hours: z.number().int(),
  schedule: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  seats: z.number().int(),
  taken: z.number().int(),
  free: z.number().int(),
  childcare: z.boolean(),
  womenOnly: z.boolean(),
  status: z.string(),
});
export type CourseOut = z.infer<typeof courseOut>;

export const participantOut = z.object({
  enrolmentId: z.string(),
  version: z.number().int(),
  personId: z.string(),
  name: z.string(),
  currentLevel: z.string().nullable(),
  status: z.string(),
  startDate: z.string(),
  attendancePercent: z.number().int().nullable(),
  resultLevel: z.string().nullable(),
  certificateRef: z.string().nullable(),
});
export type ParticipantOut = z.infer<typeof participantOut>;

export const enrolmentUpdate = z.object({
  version: z.number().int().positive(),
  status: z.enum(ENROLMENT_STATUSES).optional(),
  attendancePercent: z
    .number()
    .int()
    .min(0, 'Anwesenheit: 0–100 %')
    .max(100, 'Anwesenheit: 0–100 %')
    .optional(),
  resultLevel: level.optional(),
  certificateRef: z.string().trim().max(100).optional(),
  endDate: isoDate.optional(),
});
export type EnrolmentUpdate = z.infer<typeof enrolmentUpdate>;

/** The class list of one lesson day (defect: one dialog per participant took 75 clicks for 15 people). */
export const ATTENDANCE_STATES = ['present', 'absent', 'excused'] as const;
export const attendanceDayQuery = z.object({ day: isoDate });
export const attendanceSave = z.object({
  day: isoDate,
  /** The whole class at once: saved completely or not at all. */
  entries: z
    .array(
      z.object({
        enrolmentId: uuid,
        state: z.enum(ATTENDANCE_STATES, { error: 'anwesend, fehlt oder entschuldigt' }),
      }),
    )
    .min(1, 'mindestens eine Person')
    .max(200),
});
export type AttendanceSave = z.infer<typeof attendanceSave>;
export const classListOut = z.object({
  day: z.string(),
  courseStart: z.string(),
  courseEnd: z.string().nullable(),
  rows: z.array(
    z.object({
      enrolmentId: z.string(),
      name: z.string(),
      status: z.string(),
      state: z.enum(ATTENDANCE_STATES).nullable(),
      attendancePercent: z.number().int().nullable(),
    }),
  ),
});

/** A course type of the law data in force (GET /api/course-types). */
export const courseTypeOut = z.object({
  id: z.string(),
  family: z.enum(['integrationskurs', 'berufssprachkurs', 'job_bsk', 'erstorientierung']),
  label: z.object({ de: z.string(), en: z.string() }),
  defaultEntryLevels: z.array(z.enum(CEFR)),
  defaultTargetLevel: z.enum(CEFR).nullable(),
  defaultHours: z.number(),
});
export type CourseTypeOut = z.infer<typeof courseTypeOut>;

export const providerOut = z.object({
  id: z.string(),
  agencyId: z.string(),
  name: z.string(),
  bamfNumber: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
});
export type ProviderOut = z.infer<typeof providerOut>;

/** A place: a municipality (where clients live) or a course venue, with coordinates. */
export const placeOut = z.object({
  id: z.string(),
  kind: z.enum(['municipality', 'venue']),
  name: z.string(),
  municipalityId: z.string(),
  municipality: z.string(),
  officeId: z.string().nullable(),
  address: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
});
export type PlaceOut = z.infer<typeof placeOut>;

/** Travel minutes from every municipality to every place: imported, else estimated. */
export const travelTimesOut = z.object({
  places: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(['municipality', 'venue']) })),
  entries: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      minutes: z.number(),
      source: z.enum(['import', 'estimate']),
    }),
  ),
});
export type TravelTimesOut = z.infer<typeof travelTimesOut>;

/** One enrolment after a change (PATCH /api/enrolments/:id; also the body of its 409). */
export const enrolmentOut = z.object({
  id: z.string(),
  version: z.number().int(),
  personId: z.string(),
  courseId: z.string(),
  status: z.enum(ENROLMENT_STATUSES),
  startDate: z.string(),
  endDate: z.string().nullable(),
  attendancePercent: z.number().int().nullable(),
  resultLevel: z.string().nullable(),
  certificateRef: z.string().nullable(),
});
export type EnrolmentOut = z.infer<typeof enrolmentOut>;
