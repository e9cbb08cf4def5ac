import {
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
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { todayInGermany } from '../../../domain/reference/dates';
import type { ReportOut } from '../../../server/modules/statistics/report-schema';
import { api } from '../../api/client';
import { formatDay, formatNumber } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { ActionError } from '../persons/sections/common';
import { ForecastPanel } from './ForecastPanel';
import { monthLabel, reportMonths } from './report-format';

const BarChart = lazy(() => import('../charts/BarChart'));
const ForecastChart = lazy(() => import('./ForecastChart'));

const SHARES = new Set([
  'in_work_share',
  'in_course_share',
  'waiting_share',
  'course_seat_use',
  'level_unknown_share',
  'level_a0_a1_share',
  'level_a2_b1_share',
  'b2_share',
]);
const CHART_SHARES = ['in_work_share', 'in_course_share', 'waiting_share', 'b2_share', 'course_seat_use'];

/** Printing: only the report, on white, without the shell (navigation, header) and the screen controls. */
const PRINT_CSS = `@media print {
  #main-nav, header, .skip-link, .report-screen-only { display: none !important; }
  .mantine-AppShell-main { padding: 0 !important; background: #fff !important; }
  .report-block { break-inside: avoid; border: none !important; padding: 0 !important; }
  @page { size: A4; margin: 14mm; }
}`;

/**
 * The monthly report of the steering group: the indicators at the end of the month and of the month
 * before, the shares as bars and over twelve month ends, the forecast with a scenario, and one table per
 * filter group. One request (`GET /api/statistics/report`, audited once); the same numbers print as PDF.
 */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const months = useMemo(() => reportMonths(todayInGermany()), []);
  const month =
    params.get('monat') && months.includes(params.get('monat') as string)
      ? (params.get('monat') as string)
      : (months[1] as string);
  const report = useQuery({
    queryKey: ['statistics', 'report', month],
    queryFn: () => api.get<ReportOut>('/api/statistics/report', { month }),
  });
  const r = report.data;
  const pct = (v: number | null) =>
    v === null ? t('report.hidden') : `${formatNumber(Math.round(v * 1000) / 10, lang)} %`;
  const shown = (id: string, v: number | null, suppressed: boolean) =>
    suppressed ? t('report.hidden') : v === null ? '—' : SHARES.has(id) ? pct(v) : formatNumber(v, lang);
  const name = (i: { id: string; label: string }) =>
    t(`steering.indicator.${i.id}`, { defaultValue: i.label });
  const trend = useMemo(
    () =>
      r
        ? {
            labels: r.trend.map((x) => monthLabel(x.asOf.slice(0, 7), lang, 'short')),
            lines: (
              [
                ['inWorkShare', 'report.trend.inWork'],
                ['inCourseShare', 'report.trend.inCourse'],
                ['waitingShare', 'report.trend.waiting'],
              ] as const
            ).map(([key, label]) => ({
              name: t(label),
              values: r.trend.map((x) =>
                x[key] === null ? null : Math.round((x[key] as number) * 1000) / 10,
              ),
            })),
          }
        : null,
    [r, lang, t],
  );
  const title = t('report.title', { month: monthLabel(month, lang) });
  return (
    <>
      <style>{PRINT_CSS}</style>
      <PageHeader
        title={title}
        description={
          r
            ? t('report.intro', {
                region: r.region,
                asOf: formatDay(r.asOf, lang),
                previous: formatDay(r.previousAsOf, lang),
              })
            : undefined
        }
        actions={
          <Group className="report-screen-only">
            <Select
              label={t('report.month')}
              data={months.map((m) => ({ value: m, label: monthLabel(m, lang) }))}
              value={month}
              onChange={(v) => v && setParams({ monat: v })}
              allowDeselect={false}
              w={200}
            />
            <Button variant="default" onClick={() => window.print()} disabled={!r} mt={24}>
              {t('report.print')}
            </Button>
            <Button
              component="a"
              href={`/api/statistics/report.pdf?month=${month}`}
              download={`monatsbericht-${month}.pdf`}
              variant="default"
              mt={24}
            >
              {t('report.pdf')}
            </Button>
            <Anchor href="/steuerung" mt={24}>
              {t('report.toSteering')}
            </Anchor>
          </Group>
        }
      />
      {report.isPending ? (
        <Skeleton h={400} />
      ) : report.isError ? (
        <ActionError error={report.error} />
      ) : r ? (
        <Stack>
          <Paper withBorder p="md" className="report-block">
            <Table data-testid="report-indicators" striped>
              <Table.Caption>{t('report.indicatorsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('steering.indicatorColumn')}</Table.Th>
                  <Table.Th>{formatDay(r.asOf, lang)}</Table.Th>
                  <Table.Th>{formatDay(r.previousAsOf, lang)}</Table.Th>
                  <Table.Th>{t('steering.numerator')}</Table.Th>
                  <Table.Th>{t('steering.denominator')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.indicators.map((i) => (
                  <Table.Tr key={i.id} data-indicator={i.id}>
                    <Table.Td>{name(i)}</Table.Td>
                    <Table.Td>{shown(i.id, i.value, i.suppressed)}</Table.Td>
                    <Table.Td>{shown(i.id, i.previous, i.previousSuppressed)}</Table.Td>
                    <Table.Td>{i.numerator === null ? '—' : formatNumber(i.numerator, lang)}</Table.Td>
                    <Table.Td>{i.denominator === null ? '—' : formatNumber(i.denominator, lang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper withBorder p="md" className="report-block">
              <Title order={2} size="h4" id="report-shares">
                {t('report.shares', { date: formatDay(r.asOf, lang) })}
              </Title>
              <figure aria-labelledby="report-shares" style={{ margin: 0 }}>
                <Suspense fallback={<Skeleton h={220} />}>
                  <BarChart
                    rtl={i18n.dir() === 'rtl'}
                    bars={CHART_SHARES.map((id) => r.indicators.find((i) => i.id === id))
                      .filter((i) => i !== undefined)
                      .map((i) => ({
                        label: name(i),
                        value: i.suppressed || i.value === null ? 0 : Math.round(i.value * 1000) / 10,
                      }))}
                  />
                </Suspense>
              </figure>
            </Paper>
            <Paper withBorder p="md" className="report-block">
              <Title order={2} size="h4" id="report-trend">
                {t('report.trend.title')}
              </Title>
              <figure aria-labelledby="report-trend" style={{ margin: 0 }}>
                <Suspense fallback={<Skeleton h={260} />}>
                  {trend ? (
                    <ForecastChart
                      labels={trend.labels}
                      lines={trend.lines}
                      unit=" %"
                      height={260}
                      rtl={i18n.dir() === 'rtl'}
                    />
                  ) : null}
                </Suspense>
              </figure>
            </Paper>
          </SimpleGrid>
          <ForecastPanel base={r.forecast} />
          <Paper withBorder p="md" className="report-block">
            <Title order={2} size="h4">
              {t('report.groups.title', { date: formatDay(r.asOf, lang) })}
            </Title>
            <SimpleGrid cols={{ base: 1, xl: 2 }}>
              {r.groups.map((g) => (
                <Table key={g.key} data-testid={`report-group-${g.key}`} striped>
                  <Table.Caption>{t(`report.groups.${g.key}`, { defaultValue: g.label })}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t(`report.groups.${g.key}`, { defaultValue: g.label })}</Table.Th>
                      <Table.Th>{t('report.groups.caseload')}</Table.Th>
                      <Table.Th>{t('report.groups.inWork')}</Table.Th>
                      <Table.Th>{t('report.groups.inCourse')}</Table.Th>
                      <Table.Th>{t('report.groups.waiting')}</Table.Th>
                      <Table.Th>{t('report.groups.b2')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {g.rows.map((row) => (
                      <Table.Tr key={row.key || 'none'}>
                        <Table.Td>{row.label}</Table.Td>
                        <Table.Td>
                          {row.caseload === null ? t('report.hidden') : formatNumber(row.caseload, lang)}
                        </Table.Td>
                        <Table.Td>{row.caseload === 0 ? '—' : pct(row.inWorkShare)}</Table.Td>
                        <Table.Td>{row.caseload === 0 ? '—' : pct(row.inCourseShare)}</Table.Td>
                        <Table.Td>{row.caseload === 0 ? '—' : pct(row.waitingShare)}</Table.Td>
                        <Table.Td>{row.caseload === 0 ? '—' : pct(row.b2Share)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ))}
            </SimpleGrid>
            <Text size="sm" c="dimmed" mt="sm">
              {t('report.suppressionNote')}
            </Text>
          </Paper>
        </Stack>
      ) : null}
    </>
  );
}
