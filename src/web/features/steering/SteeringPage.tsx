import {
  Alert,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInGermany } from '../../../domain/reference/dates';
import { AGE_GROUPS, STAT_RECHTSKREISE } from '../../../domain/statistics';
import type { StatisticsOut } from '../../../server/modules/statistics/schema';
import { api } from '../../api/client';
import { formatDay, formatNumber } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { ActionError } from '../persons/sections/common';

const BarChart = lazy(() => import('../charts/BarChart'));

type Indicator = StatisticsOut['indicators'][number];
const SHARES = new Set(['in_work_share', 'in_course_share', 'waiting_share', 'course_seat_use']);
/** The last day of each of the `n` months before `asOf`, oldest first, then `asOf` itself. */
function monthEnds(asOf: string, n: number): string[] {
  const out: string[] = [];
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7)) - 1;
  for (let k = n; k >= 1; k--) out.push(new Date(Date.UTC(y, m - k + 1, 0)).toISOString().slice(0, 10));
  return [...out, asOf];
}

/** The county's indicators as of a day, with filters, charts, a 12-month trend and a CSV of the same numbers. */
export function SteeringPage() {
  const { t, i18n } = useTranslation();
  const [asOf, setAsOf] = useState(todayInGermany());
  const [filters, setFilters] = useState<Record<string, string | null>>({});
  const municipalities = useQuery({
    queryKey: ['meta', 'municipalities'],
    queryFn: () => api.get<{ id: string; name: string }[]>('/api/meta/municipalities'),
  });
  const query = useMemo(
    () => ({ asOf, ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) }),
    [asOf, filters],
  );
  const now = useQuery({
    queryKey: ['statistics', query],
    queryFn: () => api.get<StatisticsOut>('/api/statistics/indicators', query),
  });
  const months = monthEnds(asOf, 11);
  const trend = useQueries({
    queries: months.map((d) => ({
      queryKey: ['statistics', { ...query, asOf: d }],
      queryFn: () => api.get<StatisticsOut>('/api/statistics/indicators', { ...query, asOf: d }),
    })),
  });
  const name = (i: Indicator) => t(`steering.indicator.${i.id}`, { defaultValue: i.label });
  const shown = (i: Indicator) =>
    i.suppressed || i.value === null
      ? t('steering.suppressed')
      : SHARES.has(i.id)
        ? `${formatNumber(Math.round(i.value * 1000) / 10, i18n.language)} %`
        : formatNumber(i.value, i18n.language);
  const set = (k: string) => (v: string | null) => setFilters((f) => ({ ...f, [k]: v || null }));
  const csv = () => {
    const rows = [
      [
        t('steering.indicatorColumn'),
        t('steering.value'),
        t('steering.numerator'),
        t('steering.denominator'),
      ],
    ];
    for (const i of now.data?.indicators ?? [])
      rows.push([
        name(i),
        i.suppressed ? '' : String(i.value ?? ''),
        String(i.numerator ?? ''),
        String(i.denominator ?? ''),
      ]);
    const text = `\uFEFF${rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(';')).join('\r\n')}`;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    a.download = `kennzahlen-${asOf}.csv`;
    a.click();
  };
  const trendFor = (id: string) =>
    trend.map((q, k) => {
      const i = q.data?.indicators.find((x) => x.id === id);
      const v =
        i && !i.suppressed && i.value !== null
          ? SHARES.has(id)
            ? Math.round(i.value * 1000) / 10
            : i.value
          : 0;
      return { label: formatDay(months[k] as string, i18n.language), value: v };
    });
  const rtl = i18n.dir() === 'rtl';
  return (
    <>
      <PageHeader
        title={t('steering.title')}
        description={t('steering.intro')}
        actions={
          <Button variant="default" onClick={csv} disabled={!now.data}>
            {t('steering.csv')}
          </Button>
        }
      />
      <Stack>
        <Paper withBorder p="md">
          <Group align="flex-end" wrap="wrap">
            <TextInput
              type="date"
              label={t('steering.asOf')}
              value={asOf}
              onChange={(e) => e.currentTarget.value && setAsOf(e.currentTarget.value)}
            />
            <Select
              label={t('steering.municipality')}
              clearable
              placeholder={t('steering.all')}
              data={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
              value={filters.municipality ?? null}
              onChange={set('municipality')}
            />
            <Select
              label={t('steering.gender')}
              clearable
              placeholder={t('steering.all')}
              data={['f', 'm', 'x'].map((g) => ({ value: g, label: t(`steering.genders.${g}`) }))}
              value={filters.gender ?? null}
              onChange={set('gender')}
            />
            <Select
              label={t('steering.rechtskreis')}
              clearable
              placeholder={t('steering.all')}
              data={STAT_RECHTSKREISE.map((r) => ({ value: r, label: t(`steering.rk.${r}`) }))}
              value={filters.rechtskreis ?? null}
              onChange={set('rechtskreis')}
            />
            <Select
              label={t('steering.ageGroup')}
              clearable
              placeholder={t('steering.all')}
              data={AGE_GROUPS.map((a) => ({ value: a, label: a }))}
              value={filters.ageGroup ?? null}
              onChange={set('ageGroup')}
            />
          </Group>
        </Paper>
        {now.isPending ? (
          <Skeleton h={240} />
        ) : now.isError ? (
          <ActionError error={now.error} />
        ) : (
          <>
            {now.data.indicators.some((i) => i.suppressed) ? (
              <Alert color="gray" variant="light">
                {t('steering.suppressionNote')}
              </Alert>
            ) : null}
            <SimpleGrid cols={{ base: 2, md: 4 }} data-testid="kpis">
              {now.data.indicators
                .filter((i) => !SHARES.has(i.id))
                .map((i) => (
                  <Paper key={i.id} withBorder p="md">
                    <Text size="sm" c="dimmed">
                      {name(i)}
                    </Text>
                    <Text fw={700} size="xl">
                      {shown(i)}
                    </Text>
                  </Paper>
                ))}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Paper withBorder p="md">
                <Title order={2} size="h5" id="shares-title">
                  {t('steering.shares')}
                </Title>
                <figure aria-labelledby="shares-title" style={{ margin: 0 }}>
                  <Suspense fallback={<Skeleton h={200} />}>
                    <BarChart
                      rtl={rtl}
                      bars={now.data.indicators
                        .filter((i) => SHARES.has(i.id))
                        .map((i) => ({
                          label: name(i),
                          value: i.suppressed || i.value === null ? 0 : Math.round(i.value * 1000) / 10,
                        }))}
                    />
                  </Suspense>
                </figure>
              </Paper>
              <Paper withBorder p="md">
                <Title order={2} size="h5" id="trend-title">
                  {t('steering.trend')}
                </Title>
                <figure aria-labelledby="trend-title" style={{ margin: 0 }}>
                  <Suspense fallback={<Skeleton h={200} />}>
                    {trend.every((q) => q.data) ? (
                      <BarChart rtl={rtl} height={300} bars={trendFor('in_work_share')} />
                    ) : (
                      <Skeleton h={200} />
                    )}
                  </Suspense>
                </figure>
              </Paper>
            </SimpleGrid>
            <Paper withBorder>
              <Table data-testid="indicator-table">
                <Table.Caption>
                  {t('steering.tableCaption', { date: formatDay(asOf, i18n.language) })}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('steering.indicatorColumn')}</Table.Th>
                    <Table.Th>{t('steering.value')}</Table.Th>
                    <Table.Th>{t('steering.numerator')}</Table.Th>
                    <Table.Th>{t('steering.denominator')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {now.data.indicators.map((i) => (
                    <Table.Tr key={i.id} data-indicator={i.id}>
                      <Table.Td>{name(i)}</Table.Td>
                      <Table.Td>{shown(i)}</Table.Td>
                      <Table.Td>
                        {i.suppressed || i.numerator === null
                          ? '—'
                          : formatNumber(i.numerator, i18n.language)}
                      </Table.Td>
                      <Table.Td>
                        {i.suppressed || i.denominator === null
                          ? '—'
                          : formatNumber(i.denominator, i18n.language)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          </>
        )}
      </Stack>
    </>
  );
}
