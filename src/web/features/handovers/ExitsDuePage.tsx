import { Alert, Anchor, Group, Paper, Select, Skeleton, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ExitsDue } from '../../api/casefile';
import { api } from '../../api/client';
import { formatDay, formatNumber } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { Tag } from '../../app/Tag';
import { todayIso } from '../persons/sections/common';

/** Cases that reach (or have reached) the maximum stay in the Integration Point: move them to the regular organisation. */
export function ExitsDuePage() {
  const { t, i18n } = useTranslation();
  const [within, setWithin] = useState('30');
  const due = useQuery({
    queryKey: ['exits-due', within],
    queryFn: () => api.get<ExitsDue>('/api/exits/due', { withinDays: within }),
  });
  const today = todayIso();
  return (
    <>
      <PageHeader
        title={t('exit.pageTitle')}
        description={due.data ? t('exit.pageIntro', { months: due.data.maxStayMonths }) : undefined}
      />
      <Paper withBorder>
        <Group
          px="md"
          py="sm"
          justify="space-between"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Text fw={600} aria-live="polite" data-testid="exits-count">
            {due.data
              ? t('common.results', {
                  count: due.data.items.length,
                  formatted: formatNumber(due.data.items.length, i18n.language),
                })
              : t('shell.loading')}
          </Text>
          <Select
            label={t('exit.within')}
            allowDeselect={false}
            value={within}
            data={['0', '30', '90', '180'].map((d) => ({
              value: d,
              label: t('exit.withinDays', { count: Number(d) }),
            }))}
            onChange={(v) => setWithin(v ?? '30')}
            w={220}
          />
        </Group>
        {due.isPending ? (
          <Skeleton height={120} m="md" />
        ) : due.isError ? (
          <Alert color="red" role="alert" m="md">
            {due.error.message}
          </Alert>
        ) : due.data.items.length === 0 ? (
          <Text p="md" c="dimmed">
            {t('exit.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer type="native" minWidth={640}>
            <Table data-testid="exits-table">
              <Table.Caption className="visually-hidden">{t('exit.pageTitle')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('person.name')}</Table.Th>
                  <Table.Th scope="col">{t('person.profile.ipEntryDate')}</Table.Th>
                  <Table.Th scope="col">{t('exit.dueColumn')}</Table.Th>
                  <Table.Th scope="col">{t('person.owner')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {due.data.items.map((x) => (
                  <Table.Tr key={x.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/personen/${x.id}`} fw={600}>
                        {x.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatDay(x.ipEntryDate, i18n.language)}</Table.Td>
                    <Table.Td>
                      {formatDay(x.dueOn, i18n.language)}{' '}
                      {x.dueOn <= today ? <Tag tone="orange">{t('exit.due')}</Tag> : null}
                    </Table.Td>
                    <Table.Td>{x.owner ?? t('person.noOwner')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </>
  );
}
