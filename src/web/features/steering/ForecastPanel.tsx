import {
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ForecastOut } from '../../../server/modules/statistics/forecast-schema';
import { api } from '../../api/client';
import { formatNumber } from '../../app/format';
import { ActionError } from '../persons/sections/common';
import { monthLabel } from './report-format';

const ForecastChart = lazy(() => import('./ForecastChart'));
const FACTORS = ['0.5', '0.75', '1.25', '1.5', '2'];

/**
 * The forecast of arrivals and course demand for twelve months against the seats of the catalogue, with a
 * scenario (arrivals times a factor, or an expected number of new clients a year). Starts with the report's
 * own forecast ("as so far"); a scenario asks the forecast route.
 */
export function ForecastPanel({ base }: { base: ForecastOut }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [mode, setMode] = useState<'asIs' | 'factor' | 'annual'>('asIs');
  const [factor, setFactor] = useState('1.5');
  const [annual, setAnnual] = useState<number | string>(1200);
  const query = useMemo(
    () =>
      mode === 'factor'
        ? { from: base.from, factor }
        : mode === 'annual' && typeof annual === 'number'
          ? { from: base.from, annualArrivals: String(annual) }
          : null,
    [mode, factor, annual, base.from],
  );
  const scenario = useQuery({
    queryKey: ['statistics', 'forecast', query],
    queryFn: () => api.get<ForecastOut>('/api/statistics/forecast', query ?? {}),
    enabled: query !== null,
  });
  const f = query === null ? base : scenario.data;
  const n = (x: number) => formatNumber(Math.round(x), lang);
  const range = (low: number | null, high: number | null) =>
    low === null || high === null ? '' : ` (${n(low)}–${n(high)})`;
  const chart = useMemo(() => {
    if (!f) return null;
    const past = f.history.slice(-12);
    return {
      labels: [...past, ...f.months].map((m) => monthLabel(m.month, lang, 'short')),
      lines: [
        {
          name: t('report.forecast.arrivalsSoFar'),
          values: [...past.map((h) => h.arrivals), ...f.months.map(() => null)],
        },
        {
          name: t('report.forecast.arrivals'),
          dashed: true,
          values: [...past.map(() => null), ...f.months.map((m) => m.arrivals)],
          band: [
            ...past.map(() => null),
            ...f.months.map((m) =>
              m.arrivalsLow === null || m.arrivalsHigh === null
                ? null
                : { low: m.arrivalsLow, high: m.arrivalsHigh },
            ),
          ],
        },
        {
          name: t('report.forecast.demand'),
          dashed: true,
          values: [...past.map(() => null), ...f.months.map((m) => m.demand)],
        },
      ],
      bars: {
        name: t('report.forecast.seats'),
        values: [...past.map(() => 0), ...f.months.map((m) => m.seats)],
      },
    };
  }, [f, lang, t]);
  const bt = base.backtest.arrivals;
  return (
    <Paper withBorder p="md" className="report-block">
      <Title order={2} size="h4" id="forecast-title">
        {t('report.forecast.title')}
      </Title>
      <Group align="flex-end" my="sm" className="report-screen-only" wrap="wrap">
        <SegmentedControl
          aria-label={t('report.forecast.scenario')}
          value={mode}
          onChange={(v) => setMode(v as typeof mode)}
          data={[
            { value: 'asIs', label: t('report.forecast.asIs') },
            { value: 'factor', label: t('report.forecast.byFactor') },
            { value: 'annual', label: t('report.forecast.byAnnual') },
          ]}
        />
        {mode === 'factor' ? (
          <Select
            label={t('report.forecast.factor')}
            data={FACTORS.map((v) => ({ value: v, label: `× ${formatNumber(Number(v), lang)}` }))}
            value={factor}
            onChange={(v) => v && setFactor(v)}
            allowDeselect={false}
            w={140}
          />
        ) : null}
        {mode === 'annual' ? (
          <NumberInput
            label={t('report.forecast.annual')}
            value={annual}
            onChange={setAnnual}
            min={0}
            max={1_000_000}
            step={50}
            thousandSeparator="."
            decimalSeparator=","
            w={200}
          />
        ) : null}
      </Group>
      {scenario.isError ? <ActionError error={scenario.error} /> : null}
      {!f || !chart ? (
        <Skeleton h={280} />
      ) : (
        <>
          <Text data-testid="forecast-summary">
            {t('report.forecast.summary', {
              arrivals: n(f.totals.arrivals),
              demand: n(f.totals.demand),
              seats: n(f.totals.seats),
              waiting: f.waitingNow === null ? t('report.hidden') : n(f.waitingNow),
            })}
          </Text>
          <figure aria-labelledby="forecast-title" style={{ margin: 0 }}>
            <Suspense fallback={<Skeleton h={280} />}>
              <ForecastChart
                labels={chart.labels}
                lines={chart.lines}
                bars={chart.bars}
                rtl={i18n.dir() === 'rtl'}
              />
            </Suspense>
          </figure>
          <Table data-testid="forecast-table" striped>
            <Table.Caption>{t('report.forecast.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('report.forecast.month')}</Table.Th>
                <Table.Th>{t('report.forecast.arrivalsRange')}</Table.Th>
                <Table.Th>{t('report.forecast.demand')}</Table.Th>
                <Table.Th>{t('report.forecast.seats')}</Table.Th>
                <Table.Th>{t('report.forecast.shortfall')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {f.months.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Td>{monthLabel(m.month, lang)}</Table.Td>
                  <Table.Td>
                    {n(m.arrivals)}
                    <Text span c="dimmed" size="sm">
                      {range(m.arrivalsLow, m.arrivalsHigh)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{n(m.demand)}</Table.Td>
                  <Table.Td>{n(m.seats)}</Table.Td>
                  <Table.Td>{n(m.shortfall)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" c="dimmed" mt="xs">
            {t('report.forecast.method', {
              origins: bt.origins,
              mae: bt.mae === null ? '—' : formatNumber(bt.mae, lang),
              mape: bt.mape === null ? '—' : formatNumber(Math.round(bt.mape * 100), lang),
              naive: bt.naiveMae === null ? '—' : formatNumber(bt.naiveMae, lang),
            })}
          </Text>
        </>
      )}
    </Paper>
  );
}
