// Typed query factories for the reference data every feature reads (municipalities, agencies):
// `useQuery(municipalitiesQuery())` — one key and one answer type per request, wherever it is asked.
import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type { Agency, Municipality } from './types';

// Reference data changes rarely: one load per hour is enough.
const REFERENCE = 3_600_000;

export const municipalitiesQuery = () =>
  queryOptions({
    queryKey: ['meta', 'municipalities'] as const,
    queryFn: () => api.get<Municipality[]>('/api/meta/municipalities'),
    staleTime: REFERENCE,
  });

export const agenciesQuery = () =>
  queryOptions({
    queryKey: ['meta', 'agencies'] as const,
    queryFn: () => api.get<Agency[]>('/api/meta/agencies'),
    staleTime: REFERENCE,
  });
