import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Table,
  Text,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { HANDOVER_STATES, type Handover } from '../../api/casefile';
import { api } from '../../api/client';
import { formatInstant, label } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { HandoverDetail, HandoverState } from './HandoverDetail';

/** Handovers to the reader's agency (inbox) and from it (outbox); open one to see its record and decide. */
export function HandoversPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const box = params.get('box') === 'outbox' ? 'outbox' : 'inbox';
  const state = params.get('state') ?? '';
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['handovers', box, state],
    queryFn: () => api.get<{ items: Handover[] }>('/api/handovers', { box, state }),
  });
  const update = (k: string, v: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (v) next.set(k, v);
        else next.delete(k);
        return next;
      },
      { replace: true },
    );
  const open = list.data?.items.find((h) => h.id === openId) ?? null;
  return (
    <>
      <PageHeader title={t('handover.pageTitle')} description={t('handover.pageIntro')} />
      <Paper withBorder>
        <Group
          px="md"
          py="sm"
          justify="space-between"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        >
          <SegmentedControl
            value={box}
            onChange={(v) => update('box', v === 'inbox' ? '' : v)}
            data={[
              { value: 'inbox', label: t('handover.inbox') },
              { value: 'outbox', label: t('handover.outbox') },
            ]}
            aria-label={t('handover.box')}
          />
          <Select
            label={t('handover.state')}
            placeholder={t('common.all')}
            clearable
            value={state || null}
            data={HANDOVER_STATES.map((s) => ({ value: s, label: t(`handoverState.${s}`) }))}
            onChange={(v) => update('state', v ?? '')}
            w={220}
          />
        </Group>
        {list.isPending ? (
          <Skeleton height={120} m="md" />
        ) : list.isError ? (
          <Alert color="red" role="alert" m="md">
            {list.error.message}
          </Alert>
        ) : list.data.items.length === 0 ? (
          <Text p="md" c="dimmed">
            {t(box === 'inbox' ? 'handover.emptyInbox' : 'handover.emptyOutbox')}
          </Text>
        ) : (
          <Table.ScrollContainer type="native" minWidth={860}>
            <Table data-testid="handover-table" highlightOnHover>
              <Table.Caption className="visually-hidden">
                {t(box === 'inbox' ? 'handover.inbox' : 'handover.outbox')}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('handover.person')}</Table.Th>
                  <Table.Th scope="col">{t('handover.kind')}</Table.Th>
                  <Table.Th scope="col">{box === 'inbox' ? t('handover.from') : t('handover.to')}</Table.Th>
                  <Table.Th scope="col">{t('handover.created')}</Table.Th>
                  <Table.Th scope="col">{t('handover.checklist')}</Table.Th>
                  <Table.Th scope="col">{t('handover.state')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('household.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((h) => (
                  <Table.Tr key={h.id} data-handover={h.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/personen/${h.person.id}`} fw={600}>
                        {h.person.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{label(t, 'handoverKind', h.kind)}</Table.Td>
                    <Table.Td>
                      {box === 'inbox' ? h.fromAgency : h.toAgency}
                      <Text size="xs" c="dimmed">
                        {(box === 'inbox' ? h.fromUser : h.toUser) ?? ''}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatInstant(h.createdAt, i18n.language)}
                    </Table.Td>
                    <Table.Td>
                      {(h.record.missing ?? []).length === 0
                        ? t('record.complete')
                        : t('handover.missingCount', { count: (h.record.missing ?? []).length })}
                    </Table.Td>
                    <Table.Td>
                      <HandoverState state={h.state} />
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => setOpenId(h.id)}
                        aria-label={t('handover.openLabel', { name: h.person.name })}
                      >
                        {t('common.open')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <HandoverDetail handover={open} onClose={() => setOpenId(null)} />
    </>
  );
}
