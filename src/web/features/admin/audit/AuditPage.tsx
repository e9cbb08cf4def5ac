import { Alert, Button, Group, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { auditPage } from '../../../../server/modules/audit/schema';
import { ApiError, api, withQuery } from '../../../api/client';
import { formatInstant, formatNumber, roleLabel } from '../../../app/format';
import { PageHeader } from '../../../app/PageHeader';
import { Pager } from '../../../app/Pager';
import { AuditFilters, type AuditFilterValues, NO_FILTER } from './AuditFilters';
import { auditSentence } from './sentence';

const PAGE = 50;

/**
 * The data-protection officer's view of the log: who read person X, what did user Y do. Rows in words
 * ("Lesen verweigert — keine Einwilligung"); the same filters export as CSV. Every look is itself logged.
 */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<AuditFilterValues>(NO_FILTER);
  const [page, setPage] = useState(1);
  const log = useQuery({
    queryKey: ['audit', filter, page],
    queryFn: () =>
      api.get<z.infer<typeof auditPage>>(
        withQuery('/api/audit', { ...filter, limit: PAGE, offset: (page - 1) * PAGE }),
      ),
    placeholderData: keepPreviousData,
  });
  const issues = log.error instanceof ApiError ? log.error.issues : [];
  const total = log.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  return (
    <>
      <PageHeader title={t('auditViewer.title')} description={t('auditViewer.intro')} />
      <Stack>
        <AuditFilters
          initial={filter}
          issues={issues}
          onApply={(f) => {
            setFilter(f);
            setPage(1);
          }}
        />
        <Paper withBorder>
          <Group
            px="md"
            py="sm"
            justify="space-between"
            style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
          >
            <Text fw={600} data-testid="audit-count" aria-live="polite">
              {log.data
                ? t('auditViewer.count', { count: total, formatted: formatNumber(total, i18n.language) })
                : t('shell.loading')}
            </Text>
            <Button
              component="a"
              variant="default"
              href={withQuery('/api/audit/export.csv', { ...filter })}
              download="protokoll.csv"
              data-testid="audit-export"
            >
              {t('auditViewer.export')}
            </Button>
          </Group>
          {log.isPending ? (
            <Skeleton height={120} m="md" />
          ) : log.isError && !log.data ? (
            <Alert color="red" role="alert" m="md">
              {log.error.message}
            </Alert>
          ) : total === 0 ? (
            <Text p="md" c="dimmed">
              {t('auditViewer.empty')}
            </Text>
          ) : (
            <Table.ScrollContainer type="native" minWidth={720}>
              <Table data-testid="audit-table" striped>
                <Table.Caption className="visually-hidden">{t('auditViewer.title')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('auditViewer.at')}</Table.Th>
                    <Table.Th scope="col">{t('auditViewer.who')}</Table.Th>
                    <Table.Th scope="col">{t('auditViewer.whom')}</Table.Th>
                    <Table.Th scope="col">{t('auditViewer.what')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(log.data?.items ?? []).map((x) => (
                    <Table.Tr key={x.id} data-outcome={x.outcome}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatInstant(x.at, i18n.language)}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{x.user ?? t('auditViewer.system')}</Text>
                        <Text size="xs" c="dimmed">
                          {[x.role ? roleLabel(x.role, i18n.language) : null, x.agency]
                            .filter(Boolean)
                            .join(' · ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>{x.person ?? '—'}</Table.Td>
                      <Table.Td c={x.outcome === 'denied' ? 'red.9' : undefined}>
                        {auditSentence(t, x, i18n.language)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Pager pages={pages} page={page} onChange={setPage} />
        </Paper>
      </Stack>
    </>
  );
}
