import {
  Alert,
  Anchor,
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
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInGermany } from '../../../domain/reference/dates';
import { AGE_GROUPS, STAT_RECHTSKREISE } from '../../../domain/statistics';
import type { TableFormat } from '../../../server/modules/common-schema';
import { STAT_GENDERS, type StatisticsOut } from '../../../server/modules/statistics/schema';
import { type DashboardOut, DRILLDOWN_IDS } from '../../../server/modules/statistics/steering-schema';
import { api, withQuery } from '../../api/client';
import type { Municipality } from '../../api/types';
import { formatDay, formatNumber, nationalityOptions } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { ActionError } from '../persons/sections/common';
import { type Drill, DrilldownModal, Funnel, MunicipalityMap } from './DashboardParts';
import { Targets } from './Targets';

const BarChart = lazy(() => import('../charts/BarChart'));

type Indicator = StatisticsOut['indicators'][number];
const SHARES = new Set(['in_work_share', 'in_course_share', 'waiting_share', 'course_seat_use']);
/** Numbers with a list of persons behind them (GET /api/statistics/drilldown): the server's own list. */
const DRILLABLE = new Set<string>(DRILLDOWN_IDS);

/**
 * The steering dashboard as of a day (issue 15): the reader's view (own caseload, the whole IP, or the county with
 * small cells hidden), filters, targets, charts (trend, funnel, map), the persons behind a number, CSV and XLSX.
 */
export function SteeringPage() {
  const { t, i18n } = useTranslation();
  const [asOf, setAsOf] = useState(todayInGermany());
  const [filters, setFilters] = useState<Record<string, string | null>>({});
  const municipalities = useQuery({
    queryKey: ['meta', 'municipalities'],
    queryFn: () => api.get<Municipality[]>('/api/meta/municipalities'),
  });
  // The server names no list of the nationalities present: every state by its German name (never a code).
  const nationalities = useMemo(() => nationalityOptions(i18n.language), [i18n.language]);
  const query = useMemo(
    () => ({ asOf, ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) }),
    [asOf, filters],
  );
  const now = useQuery({
    queryKey: ['steering', 'dashboard', query],
    queryFn: () => api.get<DashboardOut>('/api/statistics/dashboard', query),
  });
  const [drill, setDrill] = useState<Drill | null>(null);
  const exportUrl = (format: TableFormat, table = 'indicators') =>
    withQuery('/api/statistics/export', { ...query, format, table });
  const name = (i: Indicator) => t(`steering.indicator.${i.id}`, { defaultValue: i.label });
  const shown = (i: Indicator) =>
    i.suppressed || i.value === null
      ? t('steering.suppressed')
      : SHARES.has(i.id)
        ? `${formatNumber(Math.round(i.value * 1000) / 10, i18n.language)} %`
        : formatNumber(i.value, i18n.language);
  const set = (k: string) => (v: string | null) => setFilters((f) => ({ ...f, [k]: v || null }));
  const trendBars = (now.data?.trend ?? []).map((p) => ({
    label: formatDay(p.on, i18n.language),
    value: p.inWorkShare === null ? 0 : Math.round(p.inWorkShare * 1000) / 10,
  }));
  const drillable = (i: Indicator) =>
    now.data?.mayDrillDown && DRILLABLE.has(i.id) && !i.suppressed && (i.numerator ?? 0) > 0;
  const number = (i: Indicator) =>
    drillable(i) ? (
      <Anchor
        component="button"
        type="button"
        fw={700}
        inherit
        onClick={() => setDrill({ indicator: i.id, label: name(i) })}
      >
        {shown(i)}
      </Anchor>
    ) : (
      shown(i)
    );
  const rtl = i18n.dir() === 'rtl';
  return (
    <>
      <PageHeader
        title={t('steering.title')}
        description={t('steering.intro')}
        actions={
          <Group gap="xs">
            <Button component="a" href={exportUrl('csv')} variant="default">
              {t('steering.csv')}
            </Button>
            <Button component="a" href={exportUrl('xlsx')} variant="default">
              {t('steering.dash.xlsx')}
            </Button>
          </Group>
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
              data={STAT_GENDERS.map((g) => ({ value: g, label: t(`steering.genders.${g}`) }))}
              value={filters.gender ?? null}
              onChange={set('gender')}
            />
            <Select
              label={t('steering.nationality')}
              clearable
              searchable
              placeholder={t('steering.all')}
              nothingFoundMessage={t('steering.nothingFound')}
              data={nationalities}
              value={filters.nationality ?? null}
              onChange={set('nationality')}
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
            <Text size="sm" data-testid="view">
              {t(`steering.dash.view.${now.data.view}`)}
            </Text>
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
                      {number(i)}
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
                    <BarChart rtl={rtl} height={300} bars={trendBars} />
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
                      <Table.Td>{number(i)}</Table.Td>
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
              <Group p="xs" gap="xs" justify="flex-end">
                {(['targets', 'funnel', 'map', 'trend'] as const).map((k) => (
                  <Button key={k} component="a" size="xs" variant="subtle" href={exportUrl('csv', k)}>
                    {t(`steering.dash.csvOf.${k}`)}
                  </Button>
                ))}
              </Group>
            </Paper>
            <Targets
              dash={now.data}
              names={(id, label) => t(`steering.indicator.${id}`, { defaultValue: label })}
            />
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Funnel dash={now.data} onDrill={now.data.mayDrillDown ? setDrill : undefined} />
              <MunicipalityMap
                dash={now.data}
                selected={filters.municipality ?? null}
                onSelect={(id) => setFilters((f) => ({ ...f, municipality: id }))}
              />
            </SimpleGrid>
            {drill ? <DrilldownModal drill={drill} query={query} onClose={() => setDrill(null)} /> : null}
          </>
        )}
      </Stack>
    </>
  );
}
