import { Alert, Button, Group, List, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExitCheck, Handover } from '../../../api/casefile';
import { api } from '../../../api/client';
import type { Person } from '../../../api/types';
import { formatDay, formatInstant, label } from '../../../app/format';
import { Tag } from '../../../app/Tag';
import { HandoverDetail, HandoverState } from '../../handovers/HandoverDetail';
import { RequestHandoverModal } from '../../handovers/RequestHandover';

function ExitCheckCard({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const check = useQuery({
    queryKey: ['exit-check', personId],
    queryFn: () => api.get<ExitCheck>(`/api/persons/${personId}/exit-check`),
  });
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="exit-title" data-testid="exit-check">
      <Title order={3} size="h6" id="exit-title" mb="xs">
        {t('exit.title')}
      </Title>
      {check.isPending ? (
        <Skeleton height={40} />
      ) : check.isError ? (
        <Alert color="red" role="alert">
          {check.error.message}
        </Alert>
      ) : (
        <Stack gap={6}>
          <Text size="sm">
            {check.data.dueOn
              ? t(check.data.due ? 'exit.dueSince' : 'exit.dueOn', {
                  date: formatDay(check.data.dueOn, i18n.language),
                  months: check.data.maxStayMonths,
                })
              : t('exit.noEntry')}{' '}
            {check.data.due ? <Tag tone="orange">{t('exit.due')}</Tag> : null}
          </Text>
          {check.data.missing.length > 0 ? (
            <>
              <Text size="sm">{t('exit.missing')}</Text>
              <List size="sm">
                {check.data.missing.map((m) => (
                  <List.Item key={m.key}>{t(`record.missing.${m.key}`, { defaultValue: m.label })}</List.Item>
                ))}
              </List>
            </>
          ) : (
            <Text size="sm">{t('record.complete')}</Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}

/** Handovers of this person that involve the reader's agency, the request form, and the exit check. */
export function HandoverSection({ p }: { p: Person }) {
  const { t, i18n } = useTranslation();
  const [requesting, setRequesting] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['handovers', 'person', p.id],
    queryFn: () => api.get<{ items: Handover[] }>(`/api/persons/${p.id}/handovers`),
  });
  const pending = list.isPending;
  const error = list.error;
  const items = list.data?.items ?? [];
  const open = items.find((h) => h.id === openId) ?? null;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('handover.ofPerson')}
        </Title>
        <Button onClick={() => setRequesting(true)} data-testid="request-handover">
          {t('handover.request')}
        </Button>
      </Group>
      {pending ? (
        <Skeleton height={60} />
      ) : error ? (
        <Alert color="red" role="alert">
          {error.message}
        </Alert>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('handover.noneForPerson')}</Text>
      ) : (
        <Table.ScrollContainer type="native" minWidth={640}>
          <Table data-testid="person-handovers">
            <Table.Caption className="visually-hidden">{t('handover.ofPerson')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('handover.kind')}</Table.Th>
                <Table.Th scope="col">{t('handover.from')}</Table.Th>
                <Table.Th scope="col">{t('handover.to')}</Table.Th>
                <Table.Th scope="col">{t('handover.created')}</Table.Th>
                <Table.Th scope="col">{t('handover.state')}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('household.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((h) => (
                <Table.Tr key={h.id}>
                  <Table.Td>{label(t, 'handoverKind', h.kind)}</Table.Td>
                  <Table.Td>{h.fromAgency}</Table.Td>
                  <Table.Td>
                    {h.toAgency}
                    {h.toUser ? (
                      <Text size="xs" c="dimmed">
                        {h.toUser}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{formatInstant(h.createdAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    <HandoverState state={h.state} />
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="default" onClick={() => setOpenId(h.id)}>
                      {t('common.open')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ExitCheckCard personId={p.id} />
      <RequestHandoverModal
        p={p}
        opened={requesting}
        onClose={() => setRequesting(false)}
        onDone={() => setRequesting(false)}
      />
      <HandoverDetail handover={open} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
