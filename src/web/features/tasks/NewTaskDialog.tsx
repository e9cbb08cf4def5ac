import { Button, Group, Modal, SegmentedControl, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { issuesByField } from '../../api/client';
import { ActionError } from '../persons/sections/common';
import { useTaskCreate } from './api';

/** A task by hand: what, by when, for whom (oneself or the team), optionally about a person. */
export function NewTaskDialog({
  opened,
  onClose,
  personId,
}: {
  opened: boolean;
  onClose: () => void;
  personId?: string;
}) {
  const { t } = useTranslation();
  const create = useTaskCreate();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [note, setNote] = useState('');
  const [forTeam, setForTeam] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = issuesByField(create.error);
  const close = () => {
    create.reset();
    setLocal({});
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!title.trim()) errs.title = t('tasks.titleRequired');
    if (!dueOn) errs.dueOn = t('tasks.dueRequired');
    setLocal(errs);
    if (Object.keys(errs).length > 0) return;
    create.mutate(
      {
        title: title.trim(),
        dueOn,
        note: note.trim() || undefined,
        personId,
        ...(forTeam ? { assigneeUserId: null } : {}),
      },
      {
        onSuccess: () => {
          setTitle('');
          setDueOn('');
          setNote('');
          close();
        },
      },
    );
  };
  const fieldErrors = Object.keys(server).some((k) => ['title', 'dueOn', 'note'].includes(k));
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('tasks.newTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {fieldErrors ? null : <ActionError error={create.error} />}
          <TextInput
            label={t('tasks.titleLabel')}
            required
            data-autofocus
            value={title}
            error={local.title ?? server.title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('tasks.dueLabel')}
            required
            value={dueOn}
            error={local.dueOn ?? server.dueOn}
            onChange={(e) => setDueOn(e.currentTarget.value)}
          />
          <Textarea
            label={t('tasks.noteLabel')}
            autosize
            minRows={2}
            value={note}
            error={server.note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <SegmentedControl
            aria-label={t('tasks.assignee')}
            value={forTeam ? 'team' : 'me'}
            onChange={(v) => setForTeam(v === 'team')}
            data={[
              { value: 'me', label: t('tasks.forMe') },
              { value: 'team', label: t('tasks.forTeam') },
            ]}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('tasks.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
