import { Anchor, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../app/format';
import { Tag, type Tone } from '../../app/Tag';
import { ActionError } from '../persons/sections/common';
import { type TaskOut, taskTitle, type Urgency, useTaskChange } from './api';

const URGENCY_TONE: Record<Urgency, Tone> = { overdue: 'red', today: 'orange', soon: 'blue', later: 'gray' };

/**
 * Tasks as a table: done by checkbox (with the version, so a colleague's change meanwhile is a 409, not
 * lost), what to do with its legal basis, the person (a link into the case file), the due day.
 */
export function TaskList({ items, showPerson = true }: { items: TaskOut[]; showPerson?: boolean }) {
  const { t, i18n } = useTranslation();
  const change = useTaskChange();
  if (items.length === 0) return <Text c="dimmed">{t('tasks.empty')}</Text>;
  return (
    <Stack gap="xs">
      <ActionError error={change.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" data-testid="task-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48}>{t('tasks.doneColumn')}</Table.Th>
              <Table.Th>{t('tasks.what')}</Table.Th>
              {showPerson ? <Table.Th>{t('tasks.person')}</Table.Th> : null}
              <Table.Th>{t('tasks.due')}</Table.Th>
              <Table.Th>{t('tasks.assignee')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((task) => {
              const title = taskTitle(t, task);
              return (
                <Table.Tr key={task.id}>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('tasks.markDone', { title })}
                      checked={task.status === 'done'}
                      disabled={change.isPending || task.status === 'cancelled'}
                      onChange={(e) =>
                        change.mutate({ task, change: { status: e.currentTarget.checked ? 'done' : 'open' } })
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text fw={500}>{title}</Text>
                      {task.eventOn && task.eventOn !== task.dueOn ? (
                        <Text size="sm" c="dimmed">
                          {t(`tasks.event.${task.kind}`, {
                            defaultValue: t('tasks.eventDefault'),
                            date: formatDay(task.eventOn, i18n.language),
                          })}
                        </Text>
                      ) : null}
                      {task.legalBasis ? (
                        <Text size="sm" c="dimmed">
                          {t('tasks.basis', { basis: task.legalBasis })}
                        </Text>
                      ) : null}
                      {task.note ? <Text size="sm">{task.note}</Text> : null}
                      {task.letterUrl ? (
                        <Group>
                          <Button
                            component="a"
                            href={task.letterUrl}
                            target="_blank"
                            size="compact-sm"
                            variant="default"
                          >
                            {t('tasks.openLetter')}
                          </Button>
                        </Group>
                      ) : null}
                    </Stack>
                  </Table.Td>
                  {showPerson ? (
                    <Table.Td>
                      {task.person ? (
                        <Anchor component={Link} to={`/personen/${task.person.id}`}>
                          {task.person.name}
                        </Anchor>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                  ) : null}
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Text>{formatDay(task.dueOn, i18n.language)}</Text>
                      {task.urgency && task.urgency !== 'later' ? (
                        <Tag tone={URGENCY_TONE[task.urgency]}>{t(`tasks.urgency.${task.urgency}`)}</Tag>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {task.assignee.userName ?? t('tasks.teamOf', { agency: task.assignee.agencyName ?? '—' })}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
