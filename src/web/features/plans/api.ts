import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PlanContent } from '../../../domain/plan/plan';
import type { compareOut, PlanOut } from '../../../server/modules/plans/schema';
import { api } from '../../api/client';

export type { PlanContent, PlanOut };
export type Comparison = z.infer<typeof compareOut>;

const key = (personId: string) => ['plan', personId] as const;

export const usePlan = (personId: string) =>
  useQuery({
    queryKey: key(personId),
    queryFn: () => api.get<PlanOut | null>(`/api/persons/${personId}/plan`),
  });

export const useComparison = (personId: string, from: number | null, to: number | null) =>
  useQuery({
    queryKey: [...key(personId), 'compare', from, to],
    queryFn: () =>
      api.get<Comparison>(`/api/persons/${personId}/plan/compare`, { from: from ?? 0, to: to ?? 0 }),
    enabled: from !== null && to !== null && from !== to,
  });

export function useSavePlan(personId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanContent & { baseVersion: number; agreedOn?: string | null }) =>
      api.put<PlanOut>(`/api/persons/${personId}/plan`, body),
    onSuccess: (p) => {
      qc.setQueryData(key(personId), p);
      void qc.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

/** A short id for a new goal or step (unique within the plan; the server keeps it across versions). */
export const newId = () => Math.random().toString(36).slice(2, 10);
