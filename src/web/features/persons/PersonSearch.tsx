import { Alert, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { CASE_STATUSES, type Municipality, type PersonList, RECHTSKREISE } from '../../api/types';
import { formatNumber } from '../../app/format';
import { Pager } from '../../app/Pager';
import { birthQuery, birthQueryLabel } from './birth-query';
import { PersonTable } from './PersonTable';

const PAGE_SIZE = 20;

/**
 * Person search with filters kept in the address (bookmarkable, back button works). The name field is
 * debounced; the other filters apply at once. Results are paged on the server.
 */
export function PersonSearch({ autoFocus = false }: { autoFocus?: boolean }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const birthDate = params.get('birthDate') ?? '';
  // Typed the German way ("1984", "03.1984", "15.03.1984"); only a valid entry reaches the address.
  const [birthText, setBirthText] = useState(() => birthQueryLabel(birthDate));
  const birthBad = birthQuery(birthText) === null;
  const number = params.get('number') ?? '';
  const status = params.get('status') ?? '';
  const rechtskreis = params.get('rechtskreis') ?? '';
  const municipalityId = params.get('municipalityId') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);

  function update(changes: Record<string, string>, resetPage = true) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        if (resetPage) next.delete('page');
        return next;
      },
      { replace: true },
    );
  }

  // The debounced name goes into the address (replace, so typing does not fill the history).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced value triggers
  useEffect(() => {
    if ((params.get('q') ?? '') !== debouncedQ) update({ q: debouncedQ });
  }, [debouncedQ]);

  const query = {
    q: params.get('q') ?? '',
    birthDate,
    number,
    status,
    rechtskreis,
    municipalityId,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const result = useQuery({
    queryKey: ['persons', query],
    queryFn: () => api.get<PersonList>('/api/persons', query),
    placeholderData: keepPreviousData,
  });
  const municipalities = useQuery({
    queryKey: ['meta', 'municipalities'],
    queryFn: () => api.get<Municipality[]>('/api/meta/municipalities'),
    staleTime: 3_600_000,
  });
  const total = result.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <Stack gap="md">
      <Paper withBorder p="md" role="search" aria-label={t('search.title')}>
        <SimpleGrid cols={{ base: 1, sm: 3, xl: 6 }} spacing="sm">
          <TextInput
            label={t('search.q')}
            placeholder={t('search.qPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            autoFocus={autoFocus}
            type="search"
            data-testid="search-q"
          />
          <TextInput
            label={t('searchScope.birthLabel')}
            placeholder={t('searchScope.birthPlaceholder')}
            value={birthText}
            error={birthBad ? t('searchScope.birthInvalid') : undefined}
            onChange={(e) => {
              const text = e.currentTarget.value;
              setBirthText(text);
              const value = birthQuery(text);
              if (value !== null) update({ birthDate: value });
            }}
            data-testid="search-birth"
          />
          <TextInput
            label={t('search.number')}
            value={number}
            onChange={(e) => update({ number: e.currentTarget.value.trim() })}
          />
          <Select
            label={t('search.rechtskreis')}
            placeholder={t('common.all')}
            clearable
            value={rechtskreis || null}
            data={RECHTSKREISE.map((r) => ({ value: r, label: t(`rechtskreis.${r}`) }))}
            onChange={(v) => update({ rechtskreis: v ?? '' })}
          />
          <Select
            label={t('search.status')}
            placeholder={t('common.all')}
            clearable
            value={status || null}
            data={CASE_STATUSES.map((s) => ({ value: s, label: t(`caseStatus.${s}`) }))}
            onChange={(v) => update({ status: v ?? '' })}
          />
          <Select
            label={t('search.municipality')}
            placeholder={t('common.all')}
            clearable
            value={municipalityId || null}
            data={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
            onChange={(v) => update({ municipalityId: v ?? '' })}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="xs">
          {t('search.hint')}
        </Text>
      </Paper>

      {result.isError ? (
        <Alert color="red" role="alert" title={t('error.loadFailed')}>
          {result.error.message}
        </Alert>
      ) : null}

      <Paper withBorder>
        <Group
          justify="space-between"
          px="md"
          py="sm"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Text fw={600} aria-live="polite" data-testid="result-count">
            {result.data
              ? t('common.results', { count: total, formatted: formatNumber(total, i18n.language) })
              : t('shell.loading')}
          </Text>
        </Group>
        {result.data && result.data.elsewhere > 0 ? (
          // The number only: who they are stays with the other agency until a handover is asked for.
          <Alert color="blue" variant="light" m="md" data-testid="elsewhere">
            {t('searchScope.elsewhere', {
              count: result.data.elsewhere,
              formatted: formatNumber(result.data.elsewhere, i18n.language),
            })}
          </Alert>
        ) : null}
        {result.isPending ? (
          <Stack p="md" gap="xs">
            {[1, 2, 3, 4, 5].map((i) => (
              <Skeleton key={i} height={28} />
            ))}
          </Stack>
        ) : result.data && result.data.items.length > 0 ? (
          <PersonTable items={result.data.items} caption={t('search.tableCaption')} />
        ) : (
          <Text p="md" c="dimmed">
            {t('search.empty')}
          </Text>
        )}
        <Pager
          pages={pages}
          page={page}
          onChange={(p) => update({ page: p === 1 ? '' : String(p) }, false)}
        />
      </Paper>
    </Stack>
  );
}
