import { z } from 'zod';
import { CEFR } from '../../../../domain/language';
import { isoDate } from '../../common-schema';

/** The wire contract of the course-seat allocation: runs, their list, the confirmation. */

export const RUN_STATES = ['running', 'proposed', 'confirmed', 'failed', 'discarded'] as const;

export const runMetricsOut = z.object({
  clients: z.number().int(),
  placed: z.number().int(),
  unplaced: z.number().int(),
  waitingDaysTotal: z.number(),
  waitingDaysMean: z.number(),
  travelMinutesTotal: z.number(),
  travelMinutesMean: z.number(),
  womenDemandShare: z.number(),
  womenPlacedShare: z.number(),
  score: z.number(),
});
export type RunMetricsOut = z.infer<typeof runMetricsOut>;

/** Both allocations side by side (stored when the solve is done; null while running or failed). */
export const runComparisonOut = z.object({
  optimal: runMetricsOut,
  fcfs: runMetricsOut,
  proposal: runMetricsOut,
  gain: z.object({
    placed: z.number(),
    waitingDaysTotal: z.number(),
    travelMinutesTotal: z.number(),
    score: z.number(),
  }),
});
export type RunComparisonOut = z.infer<typeof runComparisonOut>;

export const runParamsOut = z.object({
  asOf: z.string(),
  maxTravelMinutes: z.number().int(),
  horizonDays: z.number().int(),
});

export const runClientOut = z.object({
  personId: z.string(),
  name: z.string(),
  level: z.enum(CEFR),
  gender: z.enum(['f', 'm', 'x', 'd']),
  home: z.string(),
  waitingDays: z.number().int(),
  courseTypes: z.array(z.string()),
  needsChildcare: z.boolean(),
  needsWomenOnly: z.boolean(),
  /** The course "first come, first served" would give. */
  fcfsCourseId: z.string().nullable(),
});
export type RunClientOut = z.infer<typeof runClientOut>;

export const runAssignmentOut = runClientOut.extend({
  courseId: z.string(),
  courseRef: z.string(),
  courseType: z.string(),
  place: z.string(),
  travelMinutes: z.number().nullable(),
});
export type RunAssignmentOut = z.infer<typeof runAssignmentOut>;

export const runCourseOut = z.object({
  id: z.string(),
  ref: z.string(),
  type: z.string(),
  startDate: z.string().nullable(),
  place: z.string(),
  entryLevels: z.array(z.enum(CEFR)),
  freeSeats: z.number().int(),
  assigned: z.number().int(),
  childcare: z.boolean(),
  womenOnly: z.boolean(),
});
export type RunCourseOut = z.infer<typeof runCourseOut>;

/** A run for the advisor (GET, PATCH and the 201 of a waited POST). */
export const runOut = z.object({
  id: z.string(),
  version: z.number().int(),
  state: z.enum(RUN_STATES),
  /** 0–1 while running. */
  progress: z.number(),
  error: z.string().nullable(),
  asOf: z.string(),
  params: runParamsOut,
  inputHash: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  counts: z.object({
    clients: z.number().int(),
    courses: z.number().int(),
    seats: z.number().int(),
    skipped: z.number().int(),
  }),
  metrics: runComparisonOut.nullable(),
  optimal: z.object({ score: z.number(), optimal: z.boolean(), seconds: z.number() }).nullable(),
  proposal: z.object({ score: z.number(), optimal: z.boolean(), adjusted: z.boolean() }).nullable(),
  assignments: z.array(runAssignmentOut),
  unassigned: z.array(runClientOut),
  skipped: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      reason: z.enum(['no_level', 'no_home', 'no_course_types']),
    }),
  ),
  courses: z.array(runCourseOut),
});
export type RunOut = z.infer<typeof runOut>;

/** The 202 of POST /api/allocations with wait=false: poll GET /api/allocations/:id. */
/** A run on live data: the day, the limits of travel and course start (the web's run form sends these). */
export const runStartBody = z.object({
  asOf: isoDate.optional(),
  maxTravelMinutes: z.number().int().min(0).max(600).default(60),
  horizonDays: z.number().int().min(1).max(730).default(183),
  /** false: answer 202 at once and poll GET /api/allocations/:id for state and progress. */
  wait: z.boolean().default(true),
});
export type RunStartBody = z.input<typeof runStartBody>;

export const runStartedOut = z.object({ id: z.string(), state: z.literal('running'), progress: z.number() });

export const runListItemOut = z.object({
  id: z.string(),
  version: z.number().int(),
  state: z.enum(RUN_STATES),
  asOf: z.string(),
  inputHash: z.string(),
  metrics: runComparisonOut.nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
});
export type RunListItemOut = z.infer<typeof runListItemOut>;

export const confirmOut = z.object({
  run: runOut,
  enrolments: z.array(
    z.object({
      id: z.string(),
      personId: z.string(),
      courseId: z.string(),
      /** The person's course letter, in the person's letter language. */
      letter: z.object({ lang: z.string(), url: z.string() }),
    }),
  ),
  /** How many hand-over tasks were created. */
  tasks: z.number().int(),
});
export type ConfirmOut = z.infer<typeof confirmOut>;
