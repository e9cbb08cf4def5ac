import {
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECOGNITION_RESULTS, RECOGNITION_STATUSES } from '../../../domain/recognition/deadline';
import type { RecognitionOut } from '../../../server/modules/recognition/schema';
import { ApiError, api, issuesByField } from '../../api/client';
import { formatDay } from '../../app/format';
import { Tag } from '../../app/Tag';
import { useSession } from '../../auth/session';
import { ActionError } from '../persons/sections/common';

type Form = Partial<Omit<RecognitionOut, 'id' | 'version' | 'decisionDueOn' | 'overdue' | 'legalBasis'>>;
const key = (personId: string) => ['recognitions', personId] as const;

function RecognitionForm({
  personId,
  current,
  opened,
  onClose,
}: {
  personId: string;
  current: RecognitionOut | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [f, setF] = useState<Form>(() =>
    current ? { ...current } : { status: 'preparing', regulated: false },
  );
  const set =
    <K extends keyof Form>(k: K) =>
    (v: Form[K]) =>
      setF((x) => ({ ...x, [k]: v === '' ? null : v }));
  const save = useMutation({
    mutationFn: () => {
      if (!current) return api.post<RecognitionOut>(`/api/persons/${personId}/recognitions`, f);
      // Only what changed is sent: a field sent alone changes that field alone.
      const changed = Object.fromEntries(
        Object.entries(f).filter(([k, v]) => (current as Record<string, unknown>)[k] !== v),
      );
      return api.patch<RecognitionOut>(`/api/persons/${personId}/recognitions/${current.id}`, {
        version: current.version,
        ...changed,
      });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key(personId) });
      void qc.invalidateQueries({ queryKey: ['tasks'] });
      onClose();
    },
  });
  const err = issuesByField(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const date = (k: 'appliedOn' | 'completeOn' | 'extendedUntil' | 'decisionOn') => (
    <TextInput
      type="date"
      label={t(`recognition.${k}`)}
      value={(f[k] as string) ?? ''}
      onChange={(e) => set(k)(e.currentTarget.value)}
      error={err[k]}
    />
  );
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={current ? t('recognition.editTitle') : t('recognition.newTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {save.error &&
          (Object.keys(err).length === 0 || (save.error instanceof ApiError && save.error.status === 409)) ? (
            <ActionError error={save.error} />
          ) : null}
          <TextInput
            label={t('recognition.qualification')}
            required
            data-autofocus
            value={f.qualification ?? ''}
            onChange={(e) => set('qualification')(e.currentTarget.value)}
            error={err.qualification}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('recognition.referenceOccupation')}
              required
              value={f.referenceOccupation ?? ''}
              onChange={(e) => set('referenceOccupation')(e.currentTarget.value)}
              error={err.referenceOccupation}
            />
            <TextInput
              label={t('recognition.authority')}
              value={f.authority ?? ''}
              onChange={(e) => set('authority')(e.currentTarget.value)}
            />
            <Select
              label={t('recognition.status')}
              allowDeselect={false}
              data={RECOGNITION_STATUSES.map((s) => ({ value: s, label: t(`recognition.statuses.${s}`) }))}
              value={f.status ?? 'preparing'}
              onChange={(v) => set('status')((v ?? 'preparing') as Form['status'])}
            />
            <Checkbox
              mt="xl"
              label={t('recognition.regulated')}
              checked={f.regulated ?? false}
              onChange={(e) => set('regulated')(e.currentTarget.checked)}
            />
            {date('appliedOn')}
            {date('completeOn')}
            {date('extendedUntil')}
            {date('decisionOn')}
            <Select
              label={t('recognition.result')}
              clearable
              data={RECOGNITION_RESULTS.map((r) => ({ value: r, label: t(`recognition.results.${r}`) }))}
              value={f.result ?? null}
              onChange={(v) => set('result')(v as Form['result'])}
              error={err.result}
            />
            <TextInput
              label={t('recognition.adaptationMeasure')}
              value={f.adaptationMeasure ?? ''}
              onChange={(e) => set('adaptationMeasure')(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('recognition.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Recognition procedures of a person, with the authority's decision deadline and whether it is overdue. */
export function RecognitionSection({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const list = useQuery({
    queryKey: key(personId),
    queryFn: () => api.get<RecognitionOut[]>(`/api/persons/${personId}/recognitions`),
  });
  const [editing, setEditing] = useState<RecognitionOut | 'new' | null>(null);
  return (
    <Stack>
      <Group justify="space-between">
        <Text c="dimmed">{t('recognition.intro')}</Text>
        {can('person:update') ? (
          <Button variant="default" onClick={() => setEditing('new')}>
            {t('recognition.new')}
          </Button>
        ) : null}
      </Group>
      {list.isPending ? (
        <Skeleton h={100} />
      ) : list.isError ? (
        <ActionError error={list.error} />
      ) : list.data.length === 0 ? (
        <Text c="dimmed">{t('recognition.none')}</Text>
      ) : (
        list.data.map((r) => (
          <Paper key={r.id} withBorder p="md">
            <Stack gap={4}>
              <Group justify="space-between">
                <Title order={3} size="h5">
                  {r.qualification} → {r.referenceOccupation}
                </Title>
                <Group gap="xs">
                  <Tag tone={r.status === 'decided' ? 'green' : 'blue'}>
                    {t(`recognition.statuses.${r.status}`)}
                  </Tag>
                  {r.overdue ? <Tag tone="red">{t('recognition.overdue')}</Tag> : null}
                </Group>
              </Group>
              {r.authority ? <Text size="sm">{r.authority}</Text> : null}
              {r.decisionDueOn ? (
                <Text size="sm">
                  {t('recognition.dueOn', {
                    date: formatDay(r.decisionDueOn, i18n.language),
                    basis: r.legalBasis,
                  })}
                </Text>
              ) : null}
              {r.result ? (
                <Text size="sm">
                  {t(`recognition.results.${r.result}`)}
                  {r.adaptationMeasure ? ` · ${r.adaptationMeasure}` : ''}
                </Text>
              ) : null}
              {can('person:update') ? (
                <Group>
                  <Button size="compact-sm" variant="subtle" onClick={() => setEditing(r)}>
                    {t('recognition.edit')}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </Paper>
        ))
      )}
      {editing ? (
        <RecognitionForm
          personId={personId}
          current={editing === 'new' ? null : editing}
          opened
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}
