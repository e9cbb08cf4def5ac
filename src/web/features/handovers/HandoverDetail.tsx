import { Anchor, Button, Group, Modal, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Handover, HandoverAction } from '../../api/casefile';
import { api, issuesByField } from '../../api/client';
import { formatInstant, label } from '../../app/format';
import { Tag, type Tone } from '../../app/Tag';
import { useUser } from '../../auth/session';
import { ActionError, Field } from '../persons/sections/common';
import { RecordView } from './RecordView';

export const STATE_TONE: Record<string, Tone> = {
  requested: 'orange',
  accepted: 'blue',
  rejected: 'red',
  done: 'green',
  revoked: 'gray',
};

export function HandoverState({ state }: { state: string }) {
  const { t } = useTranslation();
  return <Tag tone={STATE_TONE[state] ?? 'gray'}>{label(t, 'handoverState', state)}</Tag>;
}

/** Which actions the reader's agency may take (the server decides again): the receiver decides, the sender may take back. */
export function actionsFor(h: Handover, agencyName: string): HandoverAction[] {
  const receiver = h.toAgency === agencyName;
  const sender = h.fromAgency === agencyName;
  const out: HandoverAction[] = [];
  if (receiver && h.state === 'requested') out.push('accept', 'reject');
  if (receiver && h.state === 'accepted') out.push('complete');
  if (sender && (h.state === 'requested' || h.state === 'accepted')) out.push('revoke');
  return out;
}

const NEEDS_REASON: ReadonlySet<HandoverAction> = new Set(['reject', 'revoke']);

/** One handover with its record and missing checklist, and the actions this side may take. */
export function HandoverDetail({ handover, onClose }: { handover: Handover | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState<HandoverAction | null>(null);
  const act = useMutation({
    mutationFn: ({ h, action }: { h: Handover; action: HandoverAction }) =>
      api.post<Handover>(`/api/handovers/${h.id}/${action}`, {
        version: h.version,
        reason: reason.trim() || undefined,
      }),
    onSuccess: (h) => {
      setReason('');
      setPending(null);
      void qc.invalidateQueries({ queryKey: ['handovers'] });
      void qc.invalidateQueries({ queryKey: ['person', h.person.id] });
      void qc.invalidateQueries({ queryKey: ['persons'] });
      onClose();
    },
    onError: () => void qc.invalidateQueries({ queryKey: ['handovers'] }),
  });
  const errors = issuesByField(act.error);
  function close() {
    act.reset();
    setReason('');
    setPending(null);
    onClose();
  }
  const h = handover;
  const actions = h ? actionsFor(h, user.agency.name) : [];
  const run = (action: HandoverAction) => {
    if (!h) return;
    if (NEEDS_REASON.has(action) && pending !== action) {
      setPending(action);
      return;
    }
    act.mutate({ h, action });
  };
  return (
    <Modal
      opened={h !== null}
      onClose={close}
      size="xl"
      title={
        h ? t('handover.detailTitle', { kind: label(t, 'handoverKind', h.kind), name: h.person.name }) : ''
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {h ? (
        <Stack data-testid="handover-detail">
          <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0} spacing="sm">
            <Field name={t('handover.person')}>
              <Anchor component={Link} to={`/personen/${h.person.id}`} onClick={close}>
                {h.person.name}
              </Anchor>
            </Field>
            <Field name={t('handover.state')}>
              <HandoverState state={h.state} />
            </Field>
            <Field name={t('handover.created')}>{formatInstant(h.createdAt, i18n.language)}</Field>
            <Field name={t('handover.from')}>
              {h.fromAgency}
              {h.fromUser ? ` · ${h.fromUser}` : ''}
            </Field>
            <Field name={t('handover.to')}>
              {h.toAgency}
              {h.toUser ? ` · ${h.toUser}` : ''}
            </Field>
            <Field name={t('handover.keepAdvisor')}>{h.keepAdvisor ? t('common.yes') : t('common.no')}</Field>
          </SimpleGrid>
          <dl style={{ margin: 0 }}>
            <Field name={t('handover.reason')}>{h.reason}</Field>
            {h.decisionReason ? <Field name={t('handover.decisionReason')}>{h.decisionReason}</Field> : null}
          </dl>
          <RecordView record={h.record} />
          <ActionError error={act.error} />
          {actions.length > 0 ? (
            <Stack gap="sm">
              {pending ? (
                <Textarea
                  label={t(`handover.reasonFor.${pending}`)}
                  required
                  autosize
                  minRows={2}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  error={errors.reason}
                  data-autofocus
                />
              ) : null}
              <Group justify="flex-end">
                {actions.map((a) => (
                  <Button
                    key={a}
                    variant={a === 'accept' || a === 'complete' || a === pending ? 'filled' : 'default'}
                    color={a === 'reject' || a === 'revoke' ? 'red' : undefined}
                    loading={act.isPending && act.variables?.action === a}
                    onClick={() => run(a)}
                  >
                    {pending === a ? t(`handover.confirm.${a}`) : t(`handover.action.${a}`)}
                  </Button>
                ))}
              </Group>
            </Stack>
          ) : null}
        </Stack>
      ) : null}
    </Modal>
  );
}
