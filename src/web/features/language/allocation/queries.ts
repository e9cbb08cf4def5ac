// Typed query factories of the course allocation page (keys shared with the mutations that update them).
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Run, RunListItem, Waitlist } from '../api';

export const runKey = (id: string) => ['lp', 'run', id] as const;

/** One allocation run; while the solver works, asked again a few times a second. */
export const runQuery = (id: string) =>
  queryOptions({
    queryKey: runKey(id),
    queryFn: () => api.get<Run>(`/api/allocations/${id}`),
    refetchInterval: (q) => (q.state.data?.state === 'running' ? 400 : false),
    staleTime: 0,
  });

/** The ten latest runs, newest first. */
export const runsQuery = () =>
  queryOptions({
    queryKey: ['lp', 'runs'] as const,
    queryFn: () => api.get<RunListItem[]>('/api/allocations', { limit: 10 }),
  });

/** The region's whole waitlist (up to `limit`), for the counts above the run form. */
export const waitlistQuery = (limit: number) =>
  queryOptions({
    queryKey: ['lp', 'waitlist', 'all'] as const,
    queryFn: () => api.get<Waitlist>('/api/waitlist', { limit }),
  });
