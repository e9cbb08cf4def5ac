import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TableFormat } from '../../../server/modules/common-schema';
import type { fittingOut, MeasureOut } from '../../../server/modules/measures/schema';
import { api } from '../../api/client';

export type { MeasureOut };
export type Fitting = z.infer<typeof fittingOut>[number];

export const measureKeys = { all: ['measures'] as const };

export const useMeasures = (q: { q?: string; type?: string }) =>
  useQuery({
    queryKey: [...measureKeys.all, 'list', q],
    queryFn: () => api.get<MeasureOut[]>('/api/measures', { q: q.q || undefined, type: q.type || undefined }),
  });

export const useFittingMeasures = (personId: string) =>
  useQuery({
    queryKey: [...measureKeys.all, 'fitting', personId],
    queryFn: () => api.get<Fitting[]>(`/api/persons/${personId}/measures`),
  });

export function useMeasureCreate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (m: Record<string, unknown>) => api.post<MeasureOut>('/api/measures', m),
    onSuccess: () => qc.invalidateQueries({ queryKey: measureKeys.all }),
  });
}

export function useMeasureImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (f: { format: TableFormat; content: string }) =>
      api.post<{ imported: number }>('/api/measures/import', f),
    onSuccess: () => qc.invalidateQueries({ queryKey: measureKeys.all }),
  });
}
