import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TableFormat } from '../../../server/modules/common-schema';
import type {
  candidatesOut,
  EmployerOut,
  PlacementOut,
  ProfileOut,
  VacancyOut,
  vacancyMatchOut,
} from '../../../server/modules/work/schema';
import { api } from '../../api/client';
import type { Municipality } from '../../api/types';

export type { EmployerOut, PlacementOut, ProfileOut, VacancyOut };
export type Candidates = z.infer<typeof candidatesOut>;
export type VacancyMatch = z.infer<typeof vacancyMatchOut>;

export const workKeys = { all: ['work'] as const };

export const useEmployers = (q: { q?: string } = {}) =>
  useQuery({
    queryKey: [...workKeys.all, 'employers', q],
    queryFn: () => api.get<EmployerOut[]>('/api/employers', { q: q.q || undefined }),
  });

export const useVacancies = (q: { q?: string; status?: string; kind?: string }) =>
  useQuery({
    queryKey: [...workKeys.all, 'vacancies', q],
    queryFn: () =>
      api.get<VacancyOut[]>('/api/vacancies', {
        q: q.q || undefined,
        status: q.status || undefined,
        kind: q.kind || undefined,
      }),
  });

export const useVacancy = (id: string) =>
  useQuery({
    queryKey: [...workKeys.all, 'vacancy', id],
    queryFn: () => api.get<VacancyOut>(`/api/vacancies/${id}`),
  });

export const useCandidates = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...workKeys.all, 'candidates', id],
    queryFn: () => api.get<Candidates>(`/api/vacancies/${id}/candidates`),
    enabled,
  });

export const useVacancyPlacements = (id: string) =>
  useQuery({
    queryKey: [...workKeys.all, 'placements', 'vacancy', id],
    queryFn: () => api.get<PlacementOut[]>(`/api/vacancies/${id}/placements`),
  });

export const usePersonPlacements = (personId: string) =>
  useQuery({
    queryKey: [...workKeys.all, 'placements', 'person', personId],
    queryFn: () => api.get<PlacementOut[]>(`/api/persons/${personId}/placements`),
  });

export const usePersonVacancies = (personId: string) =>
  useQuery({
    queryKey: [...workKeys.all, 'matches', personId],
    queryFn: () => api.get<VacancyMatch[]>(`/api/persons/${personId}/vacancies`),
  });

export const useProfile = (personId: string) =>
  useQuery({
    queryKey: [...workKeys.all, 'profile', personId],
    queryFn: () => api.get<ProfileOut>(`/api/persons/${personId}/work-profile`),
  });

function useWorkMutation<T, B>(fn: (b: B) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: workKeys.all }) });
}

export const useEmployerCreate = () =>
  useWorkMutation((b: Record<string, unknown>) => api.post<EmployerOut>('/api/employers', b));
export const useVacancyCreate = () =>
  useWorkMutation((b: Record<string, unknown>) => api.post<VacancyOut>('/api/vacancies', b));
export const usePropose = (vacancyId: string) =>
  useWorkMutation((personId: string) =>
    api.post<PlacementOut>(`/api/vacancies/${vacancyId}/placements`, { personId }),
  );
export const usePlacementMove = () =>
  useWorkMutation((b: { id: string } & Record<string, unknown>) => {
    const { id, ...body } = b;
    return api.patch<PlacementOut>(`/api/placements/${id}`, body);
  });
export const useProfileSave = (personId: string) =>
  useWorkMutation((b: Record<string, unknown>) =>
    api.patch<ProfileOut>(`/api/persons/${personId}/work-profile`, b),
  );
export const useVacancyImport = (preview: boolean) =>
  useWorkMutation((f: { format: TableFormat; content: string }) =>
    api.post<Record<string, unknown>>(preview ? '/api/vacancies/import/preview' : '/api/vacancies/import', f),
  );

/** The region's municipalities (places of work, events). */
export const useMunicipalities = () =>
  useQuery({
    queryKey: ['meta', 'municipalities'],
    queryFn: () => api.get<Municipality[]>('/api/meta/municipalities'),
  });
