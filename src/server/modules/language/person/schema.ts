import { z } from 'zod';
import { CEFR, LITERACY } from '../../../../domain/language';
import { pastDate } from '../../common-schema';

/** The wire contract of a person's language record: assessments, waitlist entry, courses, entitlement. */

const day = z.string();

export const assessmentOut = z.object({
  id: z.string(),
  assessedOn: day,
  testKind: z.string(),
  skills: z.object({
    hearing: z.string().nullable(),
    reading: z.string().nullable(),
    writing: z.string().nullable(),
    speaking: z.string().nullable(),
  }),
  overall: z.string(),
  literacy: z.enum(LITERACY).nullable(),
  certificateRef: z.string().nullable(),
  examiner: z.string().nullable(),
  note: z.string().nullable(),
  /** ISO instant. */
  recordedAt: z.string(),
});
export type AssessmentOut = z.infer<typeof assessmentOut>;

/** A person's waitlist entry (POST/PATCH answers, the body of their 409, and in the language record). */
export const waitlistEntryOut = z.object({
  id: z.string(),
  version: z.number().int(),
  courseTypes: z.array(z.string()),
  since: day,
  needsChildcare: z.boolean(),
  needsWomenOnly: z.boolean(),
  status: z.enum(['waiting', 'offered', 'enrolled', 'withdrawn']),
  note: z.string().nullable(),
});
export type WaitlistEntryOut = z.infer<typeof waitlistEntryOut>;

export const personEnrolmentOut = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(['enrolled', 'attending', 'completed', 'dropped_out', 'cancelled']),
  startDate: day,
  endDate: day.nullable(),
  attendancePercent: z.number().int().nullable(),
  resultLevel: z.string().nullable(),
  certificateRef: z.string().nullable(),
  course: z.object({
    id: z.string(),
    ref: z.string(),
    type: z.string(),
    schedule: z.string().nullable(),
    provider: z.string(),
    place: z.string(),
    address: z.string().nullable(),
  }),
});
export type PersonEnrolmentOut = z.infer<typeof personEnrolmentOut>;

const explained = {
  explanation: z.object({ de: z.string(), en: z.string() }),
  /** Facts that must be known to decide (status "review"). */
  missing: z.array(z.string()),
};
const offerStatus = z.enum(['eligible', 'not_eligible', 'review']);

export const personLanguageOut = z.object({
  personId: z.string(),
  current: z
    .object({
      overall: z.enum(CEFR),
      literacy: z.enum(LITERACY).nullable(),
      assessedOn: day,
      testKind: z.string(),
    })
    .nullable(),
  progress: z.object({
    first: z.object({ level: z.enum(CEFR), on: day }).nullable(),
    current: z.object({ level: z.enum(CEFR), on: day }).nullable(),
    best: z.enum(CEFR).nullable(),
    /** Day each level was first reached. */
    reached: z.partialRecord(z.enum(CEFR), day),
    timeline: z.array(z.object({ on: day, level: z.enum(CEFR) })),
  }),
  assessments: z.array(assessmentOut),
  entitlement: z.object({
    courseTypes: z.array(z.string()),
    integrationCourse: z.object({
      status: z.enum(['entitled', 'obliged', 'admissible', 'none', 'review']),
      ...explained,
    }),
    berufssprachkurs: z.object({ status: offerStatus, ...explained }),
    jobBsk: z.object({ status: offerStatus }),
    erstorientierung: z.object({ status: offerStatus }),
  }),
  waitlist: z.array(waitlistEntryOut),
  enrolments: z.array(personEnrolmentOut),
});
export type PersonLanguageOut = z.infer<typeof personLanguageOut>;

const level = z.enum(CEFR, { error: `ungültiges Niveau, erlaubt: ${CEFR.join(', ')}` });

export const TEST_KINDS = [
  'placement_test',
  'dtz',
  'telc',
  'goethe',
  'oesd',
  'testdaf',
  'course_result',
  'advisor_estimate',
  'self_report',
  'other',
] as const;

export const assessmentBody = z
  .object({
    assessedOn: pastDate,
    testKind: z.enum(TEST_KINDS),
    hearing: level.optional(),
    reading: level.optional(),
    writing: level.optional(),
    speaking: level.optional(),
    /** Stated on certificates (DTZ "B1"); otherwise the weakest skill. */
    overall: level.optional(),
    literacy: z.enum(LITERACY).optional(),
    certificateRef: z.string().trim().max(100).optional(),
    examiner: z.string().trim().max(200).optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .refine((b) => b.overall || b.hearing || b.reading || b.writing || b.speaking, {
    path: ['overall'],
    message: 'Gesamtniveau oder mindestens eine Fertigkeit angeben',
  })
  .refine((b) => b.testKind !== 'dtz' || !b.overall || ['A1', 'A2', 'B1'].includes(b.overall), {
    path: ['overall'],
    message: 'der DTZ bescheinigt B1, A2 oder „unter A2“ (A1)',
  });

export const waitlistBody = z.object({
  /** Default: every course type the rules engine grants today, in its order (the first is the preferred one). */
  courseTypes: z.array(z.string().trim().min(1).max(40)).min(1).max(20).optional(),
  since: pastDate.optional(),
  needsChildcare: z.boolean().optional(),
  needsWomenOnly: z.boolean().default(false),
  note: z.string().trim().max(1000).optional(),
});

export const waitlistUpdate = z.object({
  version: z.number().int().positive(),
  status: z.enum(['waiting', 'withdrawn']).optional(),
  courseTypes: z.array(z.string().trim().min(1).max(40)).min(1).max(20).optional(),
  needsChildcare: z.boolean().optional(),
  needsWomenOnly: z.boolean().optional(),
  note: z.string().trim().max(1000).optional(),
});
export type AssessmentBody = z.infer<typeof assessmentBody>;
export type WaitlistBody = z.infer<typeof waitlistBody>;
export type WaitlistUpdate = z.infer<typeof waitlistUpdate>;
