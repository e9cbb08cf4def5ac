import { Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../persons/sections/common';
import { useInbox } from './api';
import { NewTaskDialog } from './NewTaskDialog';
import { TaskList } from './TaskList';

/** The open tasks and deadlines of one person, on the case file. */
export function PersonTasks({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const open = useInbox({ scope: 'mine', status: 'open', personId, page: 1 });
  return (
    <Stack>
      <Group justify="space-between">
        <Text c="dimmed">{t('tasks.personIntro')}</Text>
        <Button variant="default" onClick={() => setCreating(true)}>
          {t('tasks.new')}
        </Button>
      </Group>
      {open.isPending ? (
        <Skeleton h={120} />
      ) : open.isError ? (
        <ActionError error={open.error} />
      ) : (
        <TaskList items={open.data.items} showPerson={false} />
      )}
      <NewTaskDialog opened={creating} onClose={() => setCreating(false)} personId={personId} />
    </Stack>
  );
}
