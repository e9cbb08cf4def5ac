import { z } from 'zod';
import { CEFR_LEVELS } from '../reference/languages';

/** CEFR levels; A0 stands for "no German yet" (entry level of literacy and Integrationskurs). */
export const LEVELS = CEFR_LEVELS;
export const levelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof levelSchema>;

// Integers only: the solver works in exact integer arithmetic, and its optimality proof
// (ε-scaling down to ε < 1/n) needs integer scores. Callers round estimated minutes.
// The upper bounds keep every scaled cost and price an exact double (< 2^53).
const count = z.int().min(0).max(1_000_000);
const days = z.int().min(0).max(36_500);
const id = z.string().min(1);

export const clientSchema = z.strictObject({
  id,
  level: levelSchema,
  // f, m, x (as in the duplicates contract) and d ("divers", the German civil-status entry).
  gender: z.enum(['f', 'm', 'x', 'd']),
  needsWomenOnly: z.boolean(),
  needsChildcare: z.boolean(),
  home: id,
  waitingDays: days,
  courseTypes: z.array(id),
});

export const courseSchema = z.strictObject({
  id,
  type: id,
  entryLevels: z.array(levelSchema).min(1),
  seats: count,
  place: id,
  childcare: z.boolean(),
  womenOnly: z.boolean(),
});

export const instanceSchema = z.object({
  asOf: z.iso.date(),
  maxTravelMinutes: count,
  clients: z.array(clientSchema),
  courses: z.array(courseSchema),
  travelMinutes: z.record(z.string(), z.record(z.string(), count)),
});

export type Client = z.infer<typeof clientSchema>;
export type Course = z.infer<typeof courseSchema>;
export type Instance = z.infer<typeof instanceSchema>;

export interface Assignment {
  client: string;
  course: string;
}

/** The allocation as CONTRACTS §3 fixes it. */
export interface Allocation {
  assignments: Assignment[];
  unassigned: string[];
  score: number;
  optimal: boolean;
  seconds: number;
}
