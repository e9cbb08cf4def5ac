import { Anchor, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { CASE_STATUSES, type Municipality, type PersonList, RECHTSKREISE } from '../../api/types';
import { formatNumber } from '../../app/format';
import { directionOf } from '../../i18n';

const BarChart = lazy(() => import('../charts/BarChart'));

export type Dimension = 'rechtskreis' | 'status' | 'municipality';

interface Category {
  key: string;
  label: string;
  query: Record<string, string>;
}

/** The number of persons the user may see for one filter (the list's total; one row fetched). */
function countQuery(query: Record<string, string>) {
  return {
    queryKey: ['persons', 'count', query],
    queryFn: async () => (await api.get<PersonList>('/api/persons', { ...query, limit: 1 })).total,
    staleTime: 60_000,
  };
}

function DimensionCard({
  title,
  categories,
  testId,
}: {
  title: string;
  categories: Category[];
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const counts = useQueries({ queries: categories.map((c) => countQuery(c.query)) });
  const ready = counts.every((c) => c.isSuccess);
  const bars = categories.map((c, i) => ({ label: c.label, value: counts[i]?.data ?? 0 }));
  const headingId = `${testId}-title`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid={testId}>
      <Title order={2} size="h4" mb="sm" id={headingId}>
        {title}
      </Title>
      {ready ? (
        <Stack gap="sm">
          <Suspense fallback={<Skeleton height={Math.max(120, bars.length * 30)} />}>
            <BarChart
              bars={bars}
              height={Math.max(120, bars.length * 30)}
              rtl={directionOf(i18n.language) === 'rtl'}
            />
          </Suspense>
          <Table withRowBorders={false} verticalSpacing={2} fz="sm">
            <Table.Caption className="visually-hidden">{title}</Table.Caption>
            <Table.Thead className="visually-hidden">
              <Table.Tr>
                <Table.Th scope="col">{t('start.overview.category')}</Table.Th>
                <Table.Th scope="col">{t('start.overview.count')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {categories.map((c, i) => (
                <Table.Tr key={c.key}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/personen?${new URLSearchParams(c.query).toString()}`}
                      size="sm"
                    >
                      {c.label}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="end" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatNumber(bars[i].value, i18n.language)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : (
        <Skeleton height={200} />
      )}
    </Paper>
  );
}

/** Case counts by Rechtskreis, case status and municipality, from the search endpoint's totals. */
export function Overview({ dimensions }: { dimensions: Dimension[] }) {
  const { t, i18n } = useTranslation();
  const total = useQuery(countQuery({}));
  const municipalities = useQuery({
    queryKey: ['meta', 'municipalities'],
    queryFn: () => api.get<Municipality[]>('/api/meta/municipalities'),
    staleTime: 3_600_000,
    enabled: dimensions.includes('municipality'),
  });
  const cards = dimensions.map((d) => {
    if (d === 'rechtskreis') {
      return {
        d,
        title: t('start.overview.byRechtskreis'),
        categories: RECHTSKREISE.map((r) => ({
          key: r,
          label: t(`rechtskreis.${r}`),
          query: { rechtskreis: r },
        })),
      };
    }
    if (d === 'status') {
      return {
        d,
        title: t('start.overview.byStatus'),
        categories: CASE_STATUSES.map((s) => ({ key: s, label: t(`caseStatus.${s}`), query: { status: s } })),
      };
    }
    return {
      d,
      title: t('start.overview.byMunicipality'),
      categories: (municipalities.data ?? []).map((m) => ({
        key: m.id,
        label: m.name,
        query: { municipalityId: m.id },
      })),
    };
  });
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" maw={320}>
        <Text size="sm" c="dimmed">
          {t('start.overview.total')}
        </Text>
        <Text fz={32} fw={700} data-testid="total-count">
          {total.data === undefined ? '…' : formatNumber(total.data, i18n.language)}
        </Text>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="lg">
        {cards.map((c) =>
          c.categories.length > 0 ? (
            <DimensionCard key={c.d} title={c.title} categories={c.categories} testId={`overview-${c.d}`} />
          ) : (
            <Skeleton key={c.d} height={240} />
          ),
        )}
      </SimpleGrid>
    </Stack>
  );
}
