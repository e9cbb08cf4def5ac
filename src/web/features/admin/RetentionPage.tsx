import { Alert, Button, Group, Modal, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionReport } from '../../api/casefile';
import { api } from '../../api/client';
import { formatDay, formatNumber, label } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { ActionError } from '../persons/sections/common';
import { SettingsCard } from './SettingsCard';

/** Deletion after the retention period (Art. 17 GDPR): a dry run first, then exactly the listed cases. */
export function RetentionPage() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const report = useQuery({
    queryKey: ['retention'],
    queryFn: () => api.get<RetentionReport>('/api/admin/retention'),
  });
  const execute = useMutation({
    mutationFn: (ids: string[]) => api.post<{ deleted: number }>('/api/admin/retention/execute', { ids }),
    onSuccess: (r) => {
      setDone(r.deleted);
      setConfirming(false);
      void qc.invalidateQueries({ queryKey: ['retention'] });
      void qc.invalidateQueries({ queryKey: ['persons'] });
    },
  });
  const items = report.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('retention.title')} description={t('retention.intro')} />
      <Stack>
        <SettingsCard />
        {done !== null ? (
          <Alert color="green" variant="light" role="status" data-testid="retention-done">
            {t('retention.done', { count: done })}
          </Alert>
        ) : null}
        <Paper withBorder>
          <Group
            px="md"
            py="sm"
            justify="space-between"
            style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
          >
            <Text fw={600} data-testid="retention-count">
              {report.data
                ? t('retention.count', {
                    count: items.length,
                    formatted: formatNumber(items.length, i18n.language),
                  })
                : t('shell.loading')}
            </Text>
            <Button color="red" disabled={items.length === 0} onClick={() => setConfirming(true)}>
              {t('retention.execute')}
            </Button>
          </Group>
          {report.isPending ? (
            <Skeleton height={100} m="md" />
          ) : report.isError ? (
            <Alert color="red" role="alert" m="md">
              {report.error.message}
            </Alert>
          ) : items.length === 0 ? (
            <Text p="md" c="dimmed">
              {t('retention.empty')}
            </Text>
          ) : (
            <Table.ScrollContainer type="native" minWidth={640}>
              <Table data-testid="retention-table">
                <Table.Caption className="visually-hidden">{t('retention.title')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('retention.case')}</Table.Th>
                    <Table.Th scope="col">{t('person.rechtskreis')}</Table.Th>
                    <Table.Th scope="col">{t('retention.closedOn')}</Table.Th>
                    <Table.Th scope="col">{t('retention.years')}</Table.Th>
                    <Table.Th scope="col">{t('retention.deleteFrom')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((x) => (
                    <Table.Tr key={x.id}>
                      <Table.Td>
                        <code>{x.id.slice(0, 8)}</code>
                      </Table.Td>
                      <Table.Td>{label(t, 'rechtskreis', x.rechtskreis)}</Table.Td>
                      <Table.Td>{formatDay(x.closedOn, i18n.language)}</Table.Td>
                      <Table.Td>{x.years}</Table.Td>
                      <Table.Td>{formatDay(x.deleteFrom, i18n.language)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('retention.confirmTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text>{t('retention.confirmText', { count: items.length })}</Text>
          <ActionError error={execute.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={execute.isPending}
              onClick={() => execute.mutate(items.map((x) => x.id))}
            >
              {t('retention.confirm', { count: items.length })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
