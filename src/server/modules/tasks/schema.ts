import { z } from 'zod';
import { isoDate } from '../common-schema';

// The wire contract of the task module: the server validates with it, the web imports its types.

// A real calendar day (2026-02-30 is refused on its field, never sent to the database).
const isoDay = isoDate;

export const TASK_SCOPES = ['mine', 'team'] as const;
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
/** The inbox's tabs: open tasks or done ones (cancelled tasks are not listed). */
export const INBOX_STATUSES = ['open', 'done'] as const;
export const URGENCIES = ['overdue', 'today', 'soon', 'later'] as const;

export const inboxQuery = z.object({
  scope: z.enum(TASK_SCOPES).default('mine'),
  status: z.enum(INBOX_STATUSES).default('open'),
  urgency: z.enum(URGENCIES).optional(),
  personId: z.string().uuid('keine gültige ID').optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type InboxQuery = z.infer<typeof inboxQuery>;

export const taskOut = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  source: z.enum(['manual', 'deadline', 'language', 'plan', 'work']),
  /** What to do, in words (German); generated tasks are named by their kind. */
  title: z.string(),
  note: z.string().nullable(),
  dueOn: z.string(),
  eventOn: z.string().nullable(),
  legalBasis: z.string().nullable(),
  urgency: z.enum(URGENCIES).nullable(),
  status: z.enum(TASK_STATUSES),
  closedReason: z.string().nullable(),
  person: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  assignee: z.object({
    userId: z.string().uuid().nullable(),
    userName: z.string().nullable(),
    agencyId: z.string().uuid().nullable(),
    agencyName: z.string().nullable(),
  }),
  /** For a course letter to hand over: where to print it. */
  letterUrl: z.string().nullable(),
  doneAt: z.string().nullable(),
  version: z.number().int(),
});
export type TaskOut = z.infer<typeof taskOut>;

export const inboxOut = z.object({
  counts: z.object({
    overdue: z.number().int(),
    today: z.number().int(),
    soon: z.number().int(),
    later: z.number().int(),
    done: z.number().int(),
  }),
  total: z.number().int(),
  items: z.array(taskOut),
});

export const createTaskBody = z.object({
  title: z.string().trim().min(1, 'Bitte beschreiben, was zu tun ist').max(300, 'höchstens 300 Zeichen'),
  note: z.string().trim().max(4000, 'höchstens 4000 Zeichen').optional(),
  dueOn: isoDay,
  personId: z.string().uuid('keine gültige ID').optional(),
  /** Absent: the creator. null: the team inbox of the creator's agency. Else a colleague of that agency. */
  assigneeUserId: z.string().uuid('keine gültige ID').nullable().optional(),
});

export const updateTaskBody = z
  .object({
    version: z.number().int().min(1),
    title: z
      .string()
      .trim()
      .min(1, 'Bitte beschreiben, was zu tun ist')
      .max(300, 'höchstens 300 Zeichen')
      .optional(),
    note: z.string().trim().max(4000, 'höchstens 4000 Zeichen').nullable().optional(),
    dueOn: isoDay.optional(),
    status: z.enum(INBOX_STATUSES).optional(),
    /** null: to the team inbox of the own agency. */
    assigneeUserId: z.string().uuid('keine gültige ID').nullable().optional(),
  })
  .strict();
export type UpdateTaskBody = z.infer<typeof updateTaskBody>;

export const syncOut = z.object({
  persons: z.number().int(),
  created: z.number().int(),
  moved: z.number().int(),
  closed: z.number().int(),
  ms: z.number(),
});
