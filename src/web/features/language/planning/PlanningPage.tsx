import { Group, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { formatDay, formatNumber } from '../../../app/format';
import { PageHeader } from '../../../app/PageHeader';
import { useUser } from '../../../auth/session';
import { directionOf } from '../../../i18n';
import { type Planning, typeLabel, useCourseTypes } from '../api';
import { ErrorAlert, NUM, Section } from '../ui';

const Chart = lazy(() => import('../Chart'));

function monthLabel(m: string, lang: string): string {
  const [y, mo] = m.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : lang === 'ar' ? 'ar' : 'en-GB', {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, mo - 1, 1)));
}

/** Demand versus seats per course type: the picture for the joint planning with the providers. */
function TypeChart({ data }: { data: Planning }) {
  const { t, i18n } = useTranslation();
  const types = useCourseTypes();
  const rtl = directionOf(i18n.language) === 'rtl';
  const rows = data.byCourseType.filter((r) => r.demand > 0 || r.seats > 0);
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', inverse: rtl, splitLine: { lineStyle: { color: '#e9ecef' } } },
      yAxis: {
        type: 'category',
        inverse: true,
        position: rtl ? 'right' : 'left',
        data: rows.map((r) => typeLabel(types.data, r.courseType, i18n.language)),
        axisTick: { show: false },
        axisLabel: { color: '#212529', width: 220, overflow: 'truncate' },
      },
      series: [
        { name: t('lp.planning.demand'), type: 'bar', data: rows.map((r) => r.demand), barMaxWidth: 14 },
        { name: t('lp.planning.free'), type: 'bar', data: rows.map((r) => r.free), barMaxWidth: 14 },
        {
          name: t('lp.planning.gap'),
          type: 'bar',
          data: rows.map((r) => r.gap),
          barMaxWidth: 14,
          itemStyle: { color: '#e8590c' },
        },
      ],
    }),
    [rows, t, rtl, types.data, i18n.language],
  );
  return (
    <Suspense fallback={<Skeleton height={Math.max(180, rows.length * 40 + 40)} />}>
      <Chart option={option} height={Math.max(180, rows.length * 40 + 40)} />
    </Suspense>
  );
}

export function PlanningPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const user = useUser();
  const types = useCourseTypes();
  const [months, setMonths] = useState('12');
  const [municipality, setMunicipality] = useState<string | null>(null);
  const plan = useQuery({
    queryKey: ['lp', 'planning', months],
    queryFn: () => api.get<Planning>('/api/language/planning', { months }),
  });
  const municipalities = useMemo(
    () =>
      [...new Set((plan.data?.rows ?? []).map((r) => r.municipality))].sort((a, b) =>
        a.localeCompare(b, 'de'),
      ),
    [plan.data],
  );
  const rows = (plan.data?.rows ?? [])
    .filter((r) => !municipality || r.municipality === municipality)
    .filter((r) => r.demand > 0 || r.seats.some((s) => s > 0))
    .sort((a, b) => b.gap - a.gap || a.municipality.localeCompare(b.municipality, 'de'));
  return (
    <>
      <PageHeader
        title={t('lp.planning.title')}
        description={user.role === 'partner' ? t('lp.planning.introProvider') : t('lp.planning.intro')}
      />
      <Stack gap="lg">
        <Group gap="md" align="flex-end">
          <div>
            <Text size="sm" fw={500} mb={4} id="months-label">
              {t('lp.planning.months')}
            </Text>
            <SegmentedControl
              aria-labelledby="months-label"
              value={months}
              onChange={setMonths}
              data={['3', '6', '12'].map((m) => ({ value: m, label: t('lp.planning.nMonths', { n: m }) }))}
            />
          </div>
          <Select
            label={t('lp.municipality')}
            placeholder={t('common.all')}
            data={municipalities}
            value={municipality}
            onChange={setMunicipality}
            clearable
            w={220}
          />
        </Group>
        {plan.isPending ? (
          <Skeleton height={300} />
        ) : plan.isError ? (
          <ErrorAlert error={plan.error} />
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
              <Section id="by-type" title={t('lp.planning.byType')} testId="planning-by-type">
                <TypeChart data={plan.data} />
              </Section>
              <Section id="by-type-table" title={t('lp.planning.byTypeTable')}>
                <Table verticalSpacing={4} fz="sm" striped>
                  <Table.Caption className="visually-hidden">{t('lp.planning.byTypeTable')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('lp.courseType')}</Table.Th>
                      <Table.Th scope="col" ta="end">
                        {t('lp.planning.demand')}
                      </Table.Th>
                      <Table.Th scope="col" ta="end">
                        {t('lp.planning.seats')}
                      </Table.Th>
                      <Table.Th scope="col" ta="end">
                        {t('lp.planning.free')}
                      </Table.Th>
                      <Table.Th scope="col" ta="end">
                        {t('lp.planning.gap')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {plan.data.byCourseType.map((r) => (
                      <Table.Tr key={r.courseType}>
                        <Table.Th scope="row" fw={400}>
                          {typeLabel(types.data, r.courseType, lang)}
                        </Table.Th>
                        <Table.Td ta="end" style={NUM}>
                          {formatNumber(r.demand, lang)}
                        </Table.Td>
                        <Table.Td ta="end" style={NUM}>
                          {formatNumber(r.seats, lang)}
                        </Table.Td>
                        <Table.Td ta="end" style={NUM}>
                          {formatNumber(r.free, lang)}
                        </Table.Td>
                        <Table.Td
                          ta="end"
                          style={NUM}
                          fw={r.gap > 0 ? 700 : undefined}
                          c={r.gap > 0 ? 'red.9' : undefined}
                        >
                          {formatNumber(r.gap, lang)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Section>
            </SimpleGrid>
            <Section id="by-municipality" title={t('lp.planning.byMunicipality')} testId="planning-table">
              <Text size="sm" c="dimmed" mb="sm">
                {t('lp.planning.tableHint', { asOf: formatDay(plan.data.asOf, lang) })}
              </Text>
              <Table.ScrollContainer
                minWidth={900}
                type="native"
                tabIndex={0}
                aria-label={t('lp.planning.byMunicipality')}
              >
                <Table verticalSpacing={4} fz="sm" striped withColumnBorders>
                  <Table.Caption className="visually-hidden">{t('lp.planning.byMunicipality')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('lp.municipality')}</Table.Th>
                      <Table.Th scope="col">{t('lp.courseType')}</Table.Th>
                      <Table.Th scope="col" ta="end">
                        {t('lp.planning.demand')}
                      </Table.Th>
                      <Table.Th scope="col" ta="end">
                        {t('lp.planning.longestWait')}
                      </Table.Th>
                      {plan.data.months.map((m) => (
                        <Table.Th scope="col" ta="end" key={m}>
                          {monthLabel(m, lang)}
                        </Table.Th>
                      ))}
                      <Table.Th scope="col" ta="end">
                        {t('lp.planning.gap')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((r) => (
                      <Table.Tr key={`${r.municipalityId}-${r.courseType}`}>
                        <Table.Td>{r.municipality}</Table.Td>
                        <Table.Td>{typeLabel(types.data, r.courseType, lang)}</Table.Td>
                        <Table.Td ta="end" style={NUM}>
                          {formatNumber(r.demand, lang)}
                        </Table.Td>
                        <Table.Td ta="end" style={NUM}>
                          {t('lp.metrics.days', { n: formatNumber(r.longestWaitDays, lang) })}
                        </Table.Td>
                        {plan.data.months.map((m, i) => (
                          <Table.Td ta="end" style={NUM} key={m}>
                            {r.free[i] > 0 ? (
                              <Text span size="sm" c="#1b4d2a" fw={600}>
                                +{formatNumber(r.free[i], lang)}
                              </Text>
                            ) : (
                              <Text span size="sm" c="dimmed">
                                ·
                              </Text>
                            )}
                          </Table.Td>
                        ))}
                        <Table.Td
                          ta="end"
                          style={NUM}
                          fw={r.gap > 0 ? 700 : undefined}
                          c={r.gap > 0 ? 'red.9' : '#1b4d2a'}
                        >
                          {formatNumber(r.gap, lang)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Text size="xs" c="dimmed" mt="xs">
                {t('lp.planning.legend')}
              </Text>
            </Section>
          </>
        )}
      </Stack>
    </>
  );
}
