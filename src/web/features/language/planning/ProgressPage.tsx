import { Group, Paper, SegmentedControl, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { countryName, formatNumber, label } from '../../../app/format';
import { PageHeader } from '../../../app/PageHeader';
import { Tag } from '../../../app/Tag';
import { directionOf } from '../../../i18n';
import { CEFR_LEVELS, PROGRESS_GROUPS, type ProgressAnswer, pct } from '../api';
import { ErrorAlert, NUM, Section } from '../ui';

const Chart = lazy(() => import('../Chart'));
const LEVEL_COLORS = ['#e9ecef', '#adb5bd', '#a5d8ff', '#4dabf7', '#1971c2', '#1864ab', '#0b3a6e'];

function groupName(groupBy: string, g: string, t: TFunction, lang: string): string {
  if (g === '—') return t('lp.progress.unknown');
  if (groupBy === 'nationality') return countryName(g, lang);
  if (groupBy === 'gender') return label(t, 'gender', g);
  return g;
}

/** Levels reached per cohort (year of IP entry) and the share at B2 against the county's goal of 50 %. */
export function ProgressPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rtl = directionOf(lang) === 'rtl';
  const [groupBy, setGroupBy] = useState<(typeof PROGRESS_GROUPS)[number]>('cohort');
  const progress = useQuery({
    queryKey: ['lp', 'progress', groupBy],
    queryFn: () => api.get<ProgressAnswer>('/api/language/progress', { groupBy, months: 24 }),
  });
  const d = progress.data;
  const groups = useMemo(
    () =>
      (d?.groups ?? [])
        .filter((g) => g.assessed > 0)
        .sort((a, b) => (groupBy === 'cohort' ? a.group.localeCompare(b.group) : b.persons - a.persons))
        .slice(0, 15),
    [d, groupBy],
  );
  const trendOption = useMemo(
    () =>
      d && {
        grid: { left: 8, right: 72, top: 32, bottom: 8, containLabel: true },
        legend: { top: 0 },
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v} %` },
        xAxis: { type: 'category', inverse: rtl, data: d.trend.map((x) => x.month) },
        yAxis: {
          type: 'value',
          position: rtl ? 'right' : 'left',
          max: 100,
          axisLabel: { formatter: '{value} %' },
          splitLine: { lineStyle: { color: '#e9ecef' } },
        },
        series: [
          {
            name: t('lp.progress.shareB2'),
            type: 'line',
            data: d.trend.map((x) => Math.round(x.shareB2 * 1000) / 10),
            symbolSize: 6,
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { color: '#e8590c', type: 'dashed' },
              label: { formatter: t('lp.progress.goalLine'), color: '#7a2e00' },
              data: [{ yAxis: d.goal.share * 100 }],
            },
          },
        ],
      },
    [d, t, rtl],
  );
  const levelOption = useMemo(
    () => ({
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', inverse: rtl, max: 100, axisLabel: { formatter: '{value} %' } },
      yAxis: {
        type: 'category',
        inverse: true,
        position: rtl ? 'right' : 'left',
        data: groups.map((g) => groupName(groupBy, g.group, t, lang)),
        axisTick: { show: false },
      },
      series: CEFR_LEVELS.map((l, i) => ({
        name: l,
        type: 'bar',
        stack: 'levels',
        itemStyle: { color: LEVEL_COLORS[i] },
        barMaxWidth: 18,
        data: groups.map((g) => Math.round(((g.byLevel[l] ?? 0) / Math.max(1, g.assessed)) * 1000) / 10),
      })),
    }),
    [groups, groupBy, t, lang, rtl],
  );
  const goal = d?.goal.share ?? 0.5;
  return (
    <>
      <PageHeader title={t('lp.progress.title')} description={t('lp.progress.intro')} />
      <Stack gap="lg">
        <Group>
          <div>
            <Text size="sm" fw={500} mb={4} id="groupby-label">
              {t('lp.progress.groupBy')}
            </Text>
            <SegmentedControl
              aria-labelledby="groupby-label"
              value={groupBy}
              onChange={(v) => setGroupBy(v as (typeof PROGRESS_GROUPS)[number])}
              data={PROGRESS_GROUPS.map((g) => ({ value: g, label: t(`lp.progress.by.${g}`) }))}
            />
          </div>
        </Group>
        {progress.isPending ? (
          <Skeleton height={300} />
        ) : progress.isError ? (
          <ErrorAlert error={progress.error} />
        ) : d ? (
          <>
            {d.overall ? (
              <SimpleGrid cols={{ base: 2, md: 4 }} data-testid="progress-overall">
                {[
                  { k: 'persons', v: formatNumber(d.overall.persons, lang) },
                  { k: 'assessed', v: formatNumber(d.overall.assessed, lang) },
                  { k: 'atLeastB1', v: formatNumber(d.overall.atLeastB1, lang) },
                  { k: 'shareB2', v: pct(d.overall.shareB2, lang) },
                ].map((f) => (
                  <Paper withBorder p="sm" key={f.k}>
                    <Text size="xs" c="dimmed">
                      {t(`lp.progress.${f.k}`)}
                    </Text>
                    <Text fw={700} size="xl" style={NUM}>
                      {f.v}
                    </Text>
                  </Paper>
                ))}
              </SimpleGrid>
            ) : null}
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
              <Section id="trend" title={t('lp.progress.trend')}>
                <Suspense fallback={<Skeleton height={260} />}>
                  {trendOption ? <Chart option={trendOption} height={260} /> : null}
                </Suspense>
                <Text size="xs" c="dimmed">
                  {t('lp.progress.trendHint')}
                </Text>
              </Section>
              <Section id="levels" title={t('lp.progress.levels')}>
                <Suspense fallback={<Skeleton height={260} />}>
                  <Chart option={levelOption} height={Math.max(220, groups.length * 30 + 50)} />
                </Suspense>
              </Section>
            </SimpleGrid>
            <Section id="groups" title={t('lp.progress.table')} testId="progress-table">
              <Table.ScrollContainer minWidth={820} type="native">
                <Table verticalSpacing={4} fz="sm" striped>
                  <Table.Caption className="visually-hidden">{t('lp.progress.table')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t(`lp.progress.by.${groupBy}`)}</Table.Th>
                      <Table.Th scope="col" ta="end">
                        {t('lp.progress.persons')}
                      </Table.Th>
                      <Table.Th scope="col" ta="end">
                        {t('lp.progress.assessed')}
                      </Table.Th>
                      {CEFR_LEVELS.map((l) => (
                        <Table.Th scope="col" ta="end" key={l}>
                          {l}
                        </Table.Th>
                      ))}
                      <Table.Th scope="col" ta="end">
                        {t('lp.progress.shareB2')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.groups
                      .filter((g) => g.persons > 0)
                      .sort((a, b) =>
                        groupBy === 'cohort' ? a.group.localeCompare(b.group) : b.persons - a.persons,
                      )
                      .map((g) => (
                        <Table.Tr key={g.group}>
                          <Table.Th scope="row" fw={500}>
                            {groupName(groupBy, g.group, t, lang)}
                          </Table.Th>
                          <Table.Td ta="end" style={NUM}>
                            {formatNumber(g.persons, lang)}
                          </Table.Td>
                          <Table.Td ta="end" style={NUM}>
                            {formatNumber(g.assessed, lang)}
                          </Table.Td>
                          {CEFR_LEVELS.map((l) => (
                            <Table.Td ta="end" style={NUM} key={l}>
                              {formatNumber(g.byLevel[l] ?? 0, lang)}
                            </Table.Td>
                          ))}
                          <Table.Td ta="end">
                            <Tag tone={g.shareB2 > goal ? 'green' : 'orange'}>{pct(g.shareB2, lang)}</Tag>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Text size="xs" c="dimmed" mt="xs">
                {t('lp.progress.goalNote', { share: pct(goal, lang) })}
              </Text>
            </Section>
          </>
        ) : null}
      </Stack>
    </>
  );
}
