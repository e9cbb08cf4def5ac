import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
// The wire contract is the server's own schema (types only: nothing of the server is bundled).
import type {
  createTaskBody,
  INBOX_STATUSES,
  inboxOut,
  TASK_SCOPES,
  TaskOut,
} from '../../../server/modules/tasks/schema';
import { api } from '../../api/client';

export type { TaskOut };
export type Inbox = z.infer<typeof inboxOut>;
export type Urgency = NonNullable<TaskOut['urgency']>;

export interface InboxFilter {
  scope: (typeof TASK_SCOPES)[number];
  status: (typeof INBOX_STATUSES)[number];
  urgency?: Urgency;
  personId?: string;
  page: number;
}

/** Query keys and fetchers of the task feature, in one place. */
export const taskKeys = {
  all: ['tasks'] as const,
  list: (f: InboxFilter) => ['tasks', f] as const,
};

export function useInbox(f: InboxFilter) {
  return useQuery({
    queryKey: taskKeys.list(f),
    queryFn: () =>
      api.get<Inbox>('/api/tasks', {
        scope: f.scope,
        status: f.status,
        urgency: f.urgency,
        personId: f.personId,
        page: f.page,
        pageSize: 25,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useTaskChange() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ task, change }: { task: TaskOut; change: Record<string, unknown> }) =>
      api.patch<TaskOut>(`/api/tasks/${task.id}`, { version: task.version, ...change }),
    onSettled: () => qc.invalidateQueries({ queryKey: taskKeys.all }),
  });
}

/** A task by hand, as the request schema takes it. */
export type NewTask = z.input<typeof createTaskBody>;

export function useTaskCreate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (t: NewTask) => api.post<TaskOut>('/api/tasks', t),
    onSuccess: () => qc.invalidateQueries({ queryKey: taskKeys.all }),
  });
}

/** A generated task is named in the reader's language by its kind; a task by hand keeps its words. */
export function taskTitle(t: TFunction, task: TaskOut): string {
  return task.source === 'manual' ? task.title : t(`tasks.kind.${task.kind}`, { defaultValue: task.title });
}
