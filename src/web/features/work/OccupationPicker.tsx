import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { occupationSearchOut } from '../../../server/modules/occupations/schema';
import { api } from '../../api/client';

/**
 * An ESCO occupation chosen by typing a job title in any spelling (Bäckerin, Baecker, LKW Fahrer, Arabic,
 * Ukrainian): the server's occupation search answers; the value is the occupation's URI.
 */
export function OccupationPicker(props: {
  label: string;
  value: string | null;
  valueLabel?: string | null;
  onChange: (uri: string | null, label: string | null) => void;
  error?: string;
  required?: boolean;
  description?: string;
}) {
  const [search, setSearch] = useState(props.valueLabel ?? '');
  const [q] = useDebouncedValue(search, 250);
  const hits = useQuery({
    queryKey: ['occupations', q],
    queryFn: () => api.get<z.infer<typeof occupationSearchOut>>('/api/occupations/search', { q, limit: 8 }),
    enabled: q.trim().length >= 2,
  });
  const items = hits.data?.items ?? [];
  const data = [
    ...(props.value && !items.some((h) => h.uri === props.value)
      ? [{ value: props.value, label: props.valueLabel ?? props.value }]
      : []),
    ...items.map((h) => ({ value: h.uri, label: h.label })),
  ];
  return (
    <Select
      label={props.label}
      description={props.description}
      required={props.required}
      searchable
      clearable
      filter={({ options }) => options}
      data={data}
      value={props.value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(v) => props.onChange(v, data.find((d) => d.value === v)?.label ?? null)}
      error={props.error}
      nothingFoundMessage={q.trim().length >= 2 && !hits.isFetching ? '—' : undefined}
    />
  );
}
