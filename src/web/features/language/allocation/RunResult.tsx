import { Alert, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../app/format';
import { directionOf } from '../../../i18n';
import { decimal, type Metrics, pct, type Run, typeLabel, useCourseTypes } from '../api';
import { NUM } from '../ui';

const Chart = lazy(() => import('../Chart'));

function signed(n: number, lang: string, digits = 0): string {
  const s = decimal(Math.abs(n), lang, digits);
  return n > 0 ? `+${s}` : n < 0 ? `−${s}` : s;
}

/** The headline: how many more people the optimal proposal places than first come, first served. */
function Gain({ run }: { run: Run }) {
  const { t, i18n } = useTranslation();
  const m = run.metrics;
  if (!m) return null;
  const more = m.optimal.placed - m.fcfs.placed;
  const travel = m.fcfs.travelMinutesTotal - m.optimal.travelMinutesTotal;
  return (
    <Paper
      withBorder
      p="lg"
      bg="blue.0"
      style={{ borderColor: 'var(--mantine-color-blue-3)' }}
      data-testid="gain"
      component="section"
      aria-labelledby="gain-title"
    >
      <Title order={2} size="h3" id="gain-title" c="blue.9">
        {more > 0 ? (
          <>
            <span data-testid="gain-placed">{formatNumber(more, i18n.language)}</span>{' '}
            {t('lp.result.morePlaced', { count: more })}
          </>
        ) : more === 0 ? (
          <>
            <span data-testid="gain-placed" className="visually-hidden">
              0
            </span>
            {t('lp.result.samePlaced')}
          </>
        ) : (
          <>
            <span data-testid="gain-placed">{formatNumber(more, i18n.language)}</span>{' '}
            {t('lp.result.fewerPlaced')}
          </>
        )}
      </Title>
      <Text mt={4}>
        {t('lp.result.gainDetail', {
          optimal: formatNumber(m.optimal.placed, i18n.language),
          fcfs: formatNumber(m.fcfs.placed, i18n.language),
          clients: formatNumber(m.optimal.clients, i18n.language),
        })}
        {travel > 0
          ? ` ${t('lp.result.travelSaved', { hours: decimal(travel / 60, i18n.language, 1) })}`
          : ''}
      </Text>
    </Paper>
  );
}

type Row = {
  key: string;
  label: string;
  value: (m: Metrics) => string;
  diff?: (a: Metrics, b: Metrics) => string;
};

/** Both allocations side by side, with the figures of § 5 IntV (women placed vs their share of demand). */
function Comparison({ run }: { run: Run }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const m = run.metrics;
  if (!m) return null;
  const adjusted = run.proposal?.adjusted ?? false;
  const rows: Row[] = [
    {
      key: 'placed',
      label: t('lp.metrics.placed'),
      value: (x) =>
        t('lp.metrics.ofClients', { n: formatNumber(x.placed, lang), of: formatNumber(x.clients, lang) }),
      diff: (a, b) => signed(a.placed - b.placed, lang),
    },
    {
      key: 'unplaced',
      label: t('lp.metrics.unplaced'),
      value: (x) => formatNumber(x.unplaced, lang),
      diff: (a, b) => signed(a.unplaced - b.unplaced, lang),
    },
    {
      key: 'waitingMean',
      label: t('lp.metrics.waitingMean'),
      value: (x) => t('lp.metrics.days', { n: decimal(x.waitingDaysMean, lang) }),
      diff: (a, b) => signed(a.waitingDaysMean - b.waitingDaysMean, lang, 1),
    },
    {
      key: 'waitingTotal',
      label: t('lp.metrics.waitingTotal'),
      value: (x) => t('lp.metrics.days', { n: formatNumber(x.waitingDaysTotal, lang) }),
      diff: (a, b) => signed(a.waitingDaysTotal - b.waitingDaysTotal, lang),
    },
    {
      key: 'travelMean',
      label: t('lp.metrics.travelMean'),
      value: (x) => t('lp.metrics.minutes', { n: decimal(x.travelMinutesMean, lang) }),
      diff: (a, b) => signed(a.travelMinutesMean - b.travelMinutesMean, lang, 1),
    },
    {
      key: 'travelTotal',
      label: t('lp.metrics.travelTotal'),
      value: (x) => t('lp.metrics.hours', { n: decimal(x.travelMinutesTotal / 60, lang) }),
      diff: (a, b) => signed((a.travelMinutesTotal - b.travelMinutesTotal) / 60, lang, 1),
    },
    {
      key: 'women',
      label: t('lp.metrics.women'),
      value: (x) =>
        t('lp.metrics.womenValue', {
          placed: pct(x.womenPlacedShare, lang),
          demand: pct(x.womenDemandShare, lang),
        }),
      diff: (a, b) => `${signed((a.womenPlacedShare - b.womenPlacedShare) * 100, lang, 1)} Pp.`,
    },
  ];
  const cols: { key: string; title: string; m: Metrics }[] = [
    ...(adjusted ? [{ key: 'proposal', title: t('lp.result.adjusted'), m: m.proposal }] : []),
    { key: 'optimal', title: t('lp.result.optimal'), m: m.optimal },
    { key: 'fcfs', title: t('lp.result.fcfs'), m: m.fcfs },
  ];
  return (
    <Table.ScrollContainer minWidth={640} type="native">
      <Table data-testid="metrics-table" verticalSpacing="xs" withTableBorder>
        <Table.Caption className="visually-hidden">{t('lp.result.compareCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('lp.metrics.figure')}</Table.Th>
            {cols.map((c) => (
              <Table.Th scope="col" key={c.key} ta="end" data-testid={`col-${c.key}`}>
                {c.title}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="end">
              {t('lp.result.difference')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key} data-testid={`metric-${r.key}`}>
              <Table.Th scope="row" fw={500}>
                {r.label}
              </Table.Th>
              {cols.map((c) => (
                <Table.Td key={c.key} ta="end" style={NUM} data-testid={`metric-${r.key}-${c.key}`}>
                  {r.value(c.m)}
                </Table.Td>
              ))}
              <Table.Td ta="end" style={NUM} fw={600}>
                {r.diff ? r.diff(cols[0].m, m.fcfs) : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={4}>
        {t('lp.result.diffNote', { first: cols[0].title })} {t('lp.result.womenNote')}
      </Text>
    </Table.ScrollContainer>
  );
}

/** Placed people per course type, proposal beside first come first served. */
function ByTypeChart({ run }: { run: Run }) {
  const { t, i18n } = useTranslation();
  const types = useCourseTypes();
  const rtl = directionOf(i18n.language) === 'rtl';
  const data = useMemo(() => {
    const typeOf = new Map(run.courses.map((c) => [c.id, c.type]));
    const opt = new Map<string, number>();
    const fcfs = new Map<string, number>();
    for (const a of run.assignments) opt.set(a.courseType, (opt.get(a.courseType) ?? 0) + 1);
    for (const c of [...run.assignments, ...run.unassigned]) {
      const k = c.fcfsCourseId ? typeOf.get(c.fcfsCourseId) : undefined;
      if (k) fcfs.set(k, (fcfs.get(k) ?? 0) + 1);
    }
    const keys = [...new Set([...opt.keys(), ...fcfs.keys()])].sort(
      (a, b) => (opt.get(b) ?? 0) - (opt.get(a) ?? 0) || a.localeCompare(b),
    );
    return keys.map((k) => ({
      key: k,
      label: typeLabel(types.data, k, i18n.language),
      opt: opt.get(k) ?? 0,
      fcfs: fcfs.get(k) ?? 0,
    }));
  }, [run, types.data, i18n.language]);
  const adjusted = run.proposal?.adjusted ?? false;
  const first = adjusted ? t('lp.result.adjusted') : t('lp.result.optimal');
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0, data: [first, t('lp.result.fcfs')] },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', inverse: rtl, splitLine: { lineStyle: { color: '#e9ecef' } } },
      yAxis: {
        type: 'category',
        inverse: true,
        position: rtl ? 'right' : 'left',
        data: data.map((d) => d.label),
        axisTick: { show: false },
        axisLabel: { color: '#212529', width: 220, overflow: 'truncate' },
      },
      series: [
        { name: first, type: 'bar', data: data.map((d) => d.opt), barMaxWidth: 14 },
        { name: t('lp.result.fcfs'), type: 'bar', data: data.map((d) => d.fcfs), barMaxWidth: 14 },
      ],
    }),
    [data, first, t, rtl],
  );
  return (
    <figure style={{ margin: 0 }} aria-labelledby="bytype-caption">
      <Text fw={600} size="sm" id="bytype-caption" component="figcaption" mb={4}>
        {t('lp.result.byTypeChart')}
      </Text>
      <Suspense fallback={<Skeleton height={Math.max(160, data.length * 34 + 40)} />}>
        <Chart option={option} height={Math.max(160, data.length * 34 + 40)} />
      </Suspense>
      <Table fz="xs" verticalSpacing={2} className="visually-hidden">
        <Table.Caption>{t('lp.result.byTypeChart')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('lp.courseType')}</Table.Th>
            <Table.Th scope="col">{first}</Table.Th>
            <Table.Th scope="col">{t('lp.result.fcfs')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.map((d) => (
            <Table.Tr key={d.key}>
              <Table.Th scope="row">{d.label}</Table.Th>
              <Table.Td>{d.opt}</Table.Td>
              <Table.Td>{d.fcfs}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </figure>
  );
}

export function RunResult({ run }: { run: Run }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Stack gap="md">
      <Gain run={run} />
      {run.proposal?.adjusted ? (
        <Alert color={run.proposal.optimal ? 'green' : 'yellow'} data-testid="adjusted-note">
          {run.proposal.optimal ? t('lp.result.adjustedStillOptimal') : t('lp.result.adjustedNotOptimal')}
        </Alert>
      ) : null}
      <Paper withBorder p="md" component="section" aria-labelledby="compare-title">
        <Title order={2} size="h4" id="compare-title" mb="sm">
          {t('lp.result.compareTitle')}
        </Title>
        <Comparison run={run} />
      </Paper>
      <Paper withBorder p="md">
        <ByTypeChart run={run} />
      </Paper>
      <Group gap="lg">
        <Text size="sm" c="dimmed">
          {t('lp.result.counts', {
            clients: formatNumber(run.counts.clients, lang),
            courses: formatNumber(run.counts.courses, lang),
            seats: formatNumber(run.counts.seats, lang),
            skipped: formatNumber(run.counts.skipped, lang),
          })}
        </Text>
        {run.optimal ? (
          <Text size="sm" c="dimmed">
            {t('lp.result.solved', {
              seconds: decimal(run.optimal.seconds, lang, 2),
              score: formatNumber(run.optimal.score, lang),
            })}
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}
