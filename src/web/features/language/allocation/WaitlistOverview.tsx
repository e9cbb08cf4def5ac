import { Alert, Paper, SimpleGrid, Skeleton, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../app/format';
import { typeLabel, useCourseTypes, type WaitlistItem } from '../api';
import { NUM } from '../ui';
import { waitlistQuery } from './queries';

const MAX = 1000;

function CountTable({ caption, head, rows }: { caption: string; head: string; rows: [string, number][] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table withTableBorder={false} verticalSpacing={4} fz="sm" striped>
      <Table.Caption className="visually-hidden">{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{head}</Table.Th>
          <Table.Th scope="col" ta="end">
            {t('lp.waitlist.waiting')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([k, n]) => (
          <Table.Tr key={k}>
            <Table.Td>{k}</Table.Td>
            <Table.Td ta="end" style={NUM}>
              {formatNumber(n, i18n.language)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const countBy = (items: WaitlistItem[], key: (w: WaitlistItem) => string): [string, number][] => {
  const m = new Map<string, number>();
  for (const w of items) m.set(key(w), (m.get(key(w)) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
};

/** Who is waiting: counts by preferred course type and by municipality (the waitlist of the region). */
export function WaitlistOverview() {
  const { t, i18n } = useTranslation();
  const types = useCourseTypes();
  const list = useQuery(waitlistQuery(MAX));
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="waitlist-title"
      data-testid="waitlist-overview"
    >
      <Title order={2} size="h4" id="waitlist-title" mb={4}>
        {t('lp.waitlist.title')}
      </Title>
      {list.isPending ? (
        <Skeleton height={160} />
      ) : list.isError ? (
        <Alert color="red" role="alert">
          {list.error.message}
        </Alert>
      ) : (
        <>
          <Text mb="sm" data-testid="waitlist-total">
            {t('lp.waitlist.total', {
              count: list.data.total,
              formatted: formatNumber(list.data.total, i18n.language),
            })}
            {list.data.items.length > 0
              ? ` ${t('lp.waitlist.longest', {
                  days: formatNumber(list.data.items[0].waitingDays, i18n.language),
                })}`
              : ''}
          </Text>
          {list.data.total > MAX ? (
            <Text size="sm" c="dimmed" mb="sm">
              {t('lp.waitlist.partial', { n: formatNumber(MAX, i18n.language) })}
            </Text>
          ) : null}
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <CountTable
              caption={t('lp.waitlist.byType')}
              head={t('lp.waitlist.preferredType')}
              rows={countBy(list.data.items, (w) =>
                w.courseTypes[0] ? typeLabel(types.data, w.courseTypes[0], i18n.language) : '—',
              )}
            />
            <CountTable
              caption={t('lp.waitlist.byMunicipality')}
              head={t('lp.municipality')}
              rows={countBy(list.data.items, (w) => w.municipality ?? t('lp.waitlist.noHome'))}
            />
          </SimpleGrid>
        </>
      )}
    </Paper>
  );
}
