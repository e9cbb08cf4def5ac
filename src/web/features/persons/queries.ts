// Typed query factories of the case file: keys and answer types in one place, so a page, a section and a
// mutation's `setQueryData` name the same data the same way.
import { queryOptions } from '@tanstack/react-query';
import type { ConsentOut } from '../../../server/modules/consents/schema';
import { api } from '../../api/client';

export const consentsKey = (personId: string) => ['consents', personId] as const;

/** The consents of a person (GET /api/persons/:id/consents), newest first as the server sorts them. */
export const consentsQuery = (personId: string) =>
  queryOptions({
    queryKey: consentsKey(personId),
    queryFn: () => api.get<ConsentOut[]>(`/api/persons/${personId}/consents`),
  });
