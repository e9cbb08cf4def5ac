import { Anchor, Button, Group, Menu, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay, languageName } from '../../app/format';
import { Tag } from '../../app/Tag';
import { ActionError } from '../persons/sections/common';
import { type AppointmentOut, berlinDay, timeSpan, useAppointmentChange } from './api';

/** Appointments by day: when, what, where, who; interpreter asked for or booked; actions per row. */
export function AppointmentList({
  items,
  showPerson = true,
}: {
  items: AppointmentOut[];
  showPerson?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const change = useAppointmentChange();
  if (items.length === 0) return <Text c="dimmed">{t('appointments.empty')}</Text>;
  return (
    <Stack gap="xs">
      <ActionError error={change.error} />
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" data-testid="appointment-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('appointments.when')}</Table.Th>
              <Table.Th>{t('appointments.kind')}</Table.Th>
              {showPerson ? <Table.Th>{t('appointments.person')}</Table.Th> : null}
              <Table.Th>{t('appointments.where')}</Table.Th>
              <Table.Th>{t('appointments.staff')}</Table.Th>
              <Table.Th>{t('appointments.interpreter')}</Table.Th>
              <Table.Th>
                <span className="visually-hidden">{t('appointments.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((a) => (
              <Table.Tr key={a.id} style={a.status === 'cancelled' ? { opacity: 0.6 } : undefined}>
                <Table.Td>
                  <Text fw={500}>{formatDay(berlinDay(a.startsAt), i18n.language)}</Text>
                  <Text size="sm">{timeSpan(a, i18n.language)}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Text>{t(`appointments.kinds.${a.kind}`)}</Text>
                    {a.status !== 'planned' ? (
                      <Tag tone={a.status === 'done' ? 'green' : 'gray'}>
                        {t(`appointments.status.${a.status}`)}
                      </Tag>
                    ) : null}
                  </Group>
                </Table.Td>
                {showPerson ? (
                  <Table.Td>
                    {a.person ? (
                      <Anchor component={Link} to={`/personen/${a.person.id}`}>
                        {a.person.name}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                ) : null}
                <Table.Td>
                  <Text>
                    {a.office.kind === 'satellite'
                      ? t('appointments.satellite', { name: a.office.name })
                      : a.office.name}
                  </Text>
                  {a.room ? (
                    <Text size="sm" c="dimmed">
                      {a.room.name}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{a.staff.name}</Table.Td>
                <Table.Td>
                  {a.interpreterLanguage ? (
                    <Stack gap={2}>
                      <Text>{languageName(a.interpreterLanguage, i18n.language)}</Text>
                      {a.interpreter ? (
                        <Text size="sm">{a.interpreter.name}</Text>
                      ) : (
                        <Tag tone="orange">{t('appointments.interpreterOpen')}</Tag>
                      )}
                    </Stack>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  <Menu withinPortal position="bottom-end">
                    <Menu.Target>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        aria-label={t('appointments.actionsFor', { when: timeSpan(a, i18n.language) })}
                      >
                        …
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item component="a" href={`/api/appointments/${a.id}/ics`}>
                        {t('appointments.ics')}
                      </Menu.Item>
                      {a.person ? (
                        <Menu.Item component="a" href={`/api/appointments/${a.id}/letter`} target="_blank">
                          {t('appointments.letter')}
                        </Menu.Item>
                      ) : null}
                      {a.status === 'planned' ? (
                        <>
                          <Menu.Item onClick={() => change.mutate({ a, change: { status: 'done' } })}>
                            {t('appointments.markDone')}
                          </Menu.Item>
                          <Menu.Item onClick={() => change.mutate({ a, change: { status: 'no_show' } })}>
                            {t('appointments.markNoShow')}
                          </Menu.Item>
                          <Menu.Item
                            color="red.9"
                            onClick={() => change.mutate({ a, change: { status: 'cancelled' } })}
                          >
                            {t('appointments.cancel')}
                          </Menu.Item>
                        </>
                      ) : null}
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
