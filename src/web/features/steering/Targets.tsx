import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INDICATOR_IDS, type TargetDirection, unitOf } from '../../../domain/statistics/targets';
import type { DashboardOut, TargetOut } from '../../../server/modules/statistics/steering-schema';
import { ApiError, api, issuesByField } from '../../api/client';
import { formatDay } from '../../app/format';
import { ActionError } from '../persons/sections/common';
import { useShown } from './DashboardParts';
import { changedFields, createBody, type TargetDraft, toDraft } from './target-draft';

type Dash = DashboardOut;
const FIELDS = ['indicatorId', 'label', 'targetValue', 'direction', 'deadline', 'baselineOn'];
const DASHBOARD = ['steering', 'dashboard'];

/** The target as the server has it now, from a 409 answer (`{ error, code, current }`). */
const currentOf = (error: unknown): TargetOut | null => {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const body = error.body as { current?: TargetOut } | null;
  return body?.current ?? null;
};
const isStale = (error: unknown) => error instanceof ApiError && error.status === 409;

/** Targets: current value, distance, trend and the verdict; the coordination adds, changes and removes them. */
export function Targets({ dash, names }: { dash: Dash; names: (id: string, label: string) => string }) {
  const { t, i18n } = useTranslation();
  const shown = useShown();
  const [editing, setEditing] = useState<TargetOut | 'new' | null>(null);
  const [removing, setRemoving] = useState<TargetOut | null>(null);
  const label = (id: string) =>
    names(id, dash.indicators.find((i) => i.id === id)?.label ?? t('steering.dash.otherIndicator'));
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          {t('steering.dash.targets')}
        </Title>
        {dash.mayManageTargets ? (
          <Button size="xs" variant="default" onClick={() => setEditing('new')}>
            {t('steering.dash.addTarget')}
          </Button>
        ) : null}
      </Group>
      {dash.targets.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('steering.dash.noTargets')}
        </Text>
      ) : (
        <Table data-testid="targets-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('steering.dash.target')}</Table.Th>
              <Table.Th>{t('steering.dash.targetValue')}</Table.Th>
              <Table.Th>{t('steering.dash.deadline')}</Table.Th>
              <Table.Th>{t('steering.dash.current')}</Table.Th>
              <Table.Th>{t('steering.dash.distance')}</Table.Th>
              <Table.Th>{t('steering.dash.projected')}</Table.Th>
              <Table.Th>{t('steering.dash.verdict')}</Table.Th>
              {dash.mayManageTargets ? <Table.Th>{t('steering.dash.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dash.targets.map((x) => (
              <Table.Tr key={x.id} data-target={x.label}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {x.label}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {label(x.indicatorId)}
                    {` · ${x.direction === 'at_most' ? t('steering.dash.atMost') : t('steering.dash.atLeast')}`}
                  </Text>
                </Table.Td>
                <Table.Td>{shown(x.indicatorId, x.targetValue)}</Table.Td>
                <Table.Td>{formatDay(x.deadline, i18n.language)}</Table.Td>
                <Table.Td>{shown(x.indicatorId, x.current)}</Table.Td>
                <Table.Td>{shown(x.indicatorId, x.distance)}</Table.Td>
                <Table.Td>{shown(x.indicatorId, x.projected)}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={
                      x.verdict === 'reached' || x.verdict === 'on_track'
                        ? 'green'
                        : x.verdict === 'unknown'
                          ? 'gray'
                          : 'red'
                    }
                  >
                    {t(`steering.dash.verdicts.${x.verdict}`)}
                  </Badge>
                </Table.Td>
                {dash.mayManageTargets ? (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="xs"
                        variant="subtle"
                        aria-label={t('steering.dash.editOf', { label: x.label })}
                        onClick={() => setEditing(x)}
                      >
                        {t('steering.dash.edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={t('steering.dash.removeOf', { label: x.label })}
                        onClick={() => setRemoving(x)}
                      >
                        {t('steering.dash.remove')}
                      </Button>
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing ? (
        <TargetForm
          target={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          names={label}
        />
      ) : null}
      {removing ? <RemoveTarget target={removing} onClose={() => setRemoving(null)} /> : null}
    </Paper>
  );
}

/** "Changed meanwhile": the server's text and a button that reads the target anew. */
function Stale({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" role="alert" title={t('steering.dash.staleTitle')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{error instanceof Error ? error.message : t('steering.dash.staleText')}</Text>
        <Button size="xs" variant="default" onClick={onReload}>
          {t('steering.dash.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}

/**
 * Create a target or change one: a change sends only the fields that differ from the target as read, with
 * its version (PATCH; a change made meanwhile answers 409). Shares are typed in percent and sent as 0..1.
 */
export function TargetForm({
  target,
  onClose,
  names,
}: {
  target?: TargetOut;
  onClose: () => void;
  names: (id: string) => string;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [base, setBase] = useState<TargetOut | undefined>(target);
  const [f, setF] = useState<TargetDraft>(() => toDraft(target));
  const [local, setLocal] = useState<Record<string, string>>({});
  const share = unitOf(f.indicatorId) === 'share';
  const save = useMutation({
    mutationFn: async () => {
      if (!base) return api.post('/api/statistics/targets', createBody(f));
      const changes = changedFields(base, f);
      return changes ? api.patch(`/api/statistics/targets/${base.id}`, changes) : null;
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: DASHBOARD });
      onClose();
    },
  });
  const server = issuesByField(save.error);
  const errors = { ...server, ...local };
  const stale = isStale(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!f.label.trim()) errs.label = t('steering.dash.labelRequired');
    if (f.value === '') errs.targetValue = t('steering.dash.valueRequired');
    if (!f.deadline) errs.deadline = t('steering.dash.deadlineRequired');
    setLocal(errs);
    if (Object.keys(errs).length === 0) save.mutate();
  };
  const reload = () => {
    const current = currentOf(save.error);
    if (current) {
      setBase(current);
      setF(toDraft(current));
    }
    save.reset();
    void qc.invalidateQueries({ queryKey: DASHBOARD });
    if (!current) onClose();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={base ? t('steering.dash.editTarget') : t('steering.dash.addTarget')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {stale ? <Stale error={save.error} onReload={reload} /> : null}
          <TextInput
            label={t('steering.dash.label')}
            description={t('steering.dash.labelHint')}
            required
            data-autofocus
            value={f.label}
            error={errors.label}
            onChange={(e) => setF({ ...f, label: e.currentTarget.value })}
          />
          <Select
            label={t('steering.indicatorColumn')}
            searchable
            data={INDICATOR_IDS.map((id) => ({ value: id, label: names(id) }))}
            value={f.indicatorId}
            allowDeselect={false}
            error={errors.indicatorId}
            nothingFoundMessage={t('steering.nothingFound')}
            onChange={(v) => v && setF({ ...f, indicatorId: v })}
          />
          <Select
            label={t('steering.dash.direction')}
            data={[
              { value: 'at_least', label: t('steering.dash.atLeast') },
              { value: 'at_most', label: t('steering.dash.atMost') },
            ]}
            value={f.direction}
            allowDeselect={false}
            error={errors.direction}
            onChange={(v) => v && setF({ ...f, direction: v as TargetDirection })}
          />
          <NumberInput
            label={share ? t('steering.dash.targetPercent') : t('steering.dash.targetValue')}
            required
            min={0}
            value={f.value}
            error={errors.targetValue}
            decimalSeparator=","
            suffix={share ? ' %' : undefined}
            onChange={(v) => setF({ ...f, value: v })}
          />
          <TextInput
            type="date"
            required
            label={t('steering.dash.deadline')}
            value={f.deadline}
            error={errors.deadline}
            onChange={(e) => setF({ ...f, deadline: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('steering.dash.baseline')}
            description={t('steering.dash.baselineHint')}
            value={f.baselineOn}
            error={errors.baselineOn}
            onChange={(e) => setF({ ...f, baselineOn: e.currentTarget.value })}
          />
          {save.isError && !stale && !Object.keys(server).some((k) => FIELDS.includes(k)) ? (
            <ActionError error={save.error} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('steering.dash.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('steering.dash.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Deleting a target asks first; a change made meanwhile (409) says so and offers to read the targets anew. */
function RemoveTarget({ target, onClose }: { target: TargetOut; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.del(`/api/statistics/targets/${target.id}?version=${target.version}`),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: DASHBOARD });
      onClose();
    },
  });
  const stale = isStale(remove.error);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('steering.dash.removeTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <Text size="sm">
          {t('steering.dash.removeQuestion', {
            label: target.label,
            deadline: formatDay(target.deadline, i18n.language),
          })}
        </Text>
        {stale ? (
          <Stale
            error={remove.error}
            onReload={() => {
              void qc.invalidateQueries({ queryKey: DASHBOARD });
              onClose();
            }}
          />
        ) : remove.isError ? (
          <ActionError error={remove.error} />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('steering.dash.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} disabled={stale} onClick={() => remove.mutate()}>
            {t('steering.dash.removeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
