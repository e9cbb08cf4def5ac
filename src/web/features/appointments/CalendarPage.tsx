import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, todayInGermany } from '../../../domain/reference/dates';
import { api } from '../../api/client';
import { formatDay } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { useUser } from '../../auth/session';
import { ActionError } from '../persons/sections/common';
import { AppointmentList } from './AppointmentList';
import { berlinInstant, useAppointments, useOffices, useRooms } from './api';
import { BookingDialog } from './BookingDialog';

/** Monday of the week a day falls in. */
function monday(iso: string): string {
  const wd = new Date(`${iso}T12:00:00Z`).getUTCDay();
  return addDays(iso, -((wd + 6) % 7));
}

/** The week's appointments: one's own, or a location's or a room's; booking; the personal calendar address. */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const me = useUser();
  const [week, setWeek] = useState(() => monday(todayInGermany()));
  const [view, setView] = useState<'mine' | 'office'>('mine');
  const [officeId, setOfficeId] = useState<string | null>(null);
  const [roomId, setRoomId] = useState<string | null>(null);
  const [booking, setBooking] = useState(false);
  const offices = useOffices();
  const rooms = useRooms();
  const filter = useMemo(
    () => ({
      from: berlinInstant(week, '00:00'),
      to: berlinInstant(addDays(week, 7), '00:00'),
      ...(view === 'mine' ? { staffUserId: me.id } : roomId ? { roomId } : officeId ? { officeId } : {}),
    }),
    [week, view, me.id, officeId, roomId],
  );
  const list = useAppointments(filter);
  const feed = useMutation({ mutationFn: () => api.post<{ url: string }>('/api/calendar/feed', {}) });
  return (
    <>
      <PageHeader
        title={t('appointments.title')}
        description={t('appointments.intro')}
        actions={<Button onClick={() => setBooking(true)}>{t('appointments.bookButton')}</Button>}
      />
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Group>
            <Button variant="default" onClick={() => setWeek(addDays(week, -7))}>
              {t('appointments.prevWeek')}
            </Button>
            <Text fw={600} aria-live="polite">
              {t('appointments.weekOf', {
                from: formatDay(week, i18n.language),
                to: formatDay(addDays(week, 6), i18n.language),
              })}
            </Text>
            <Button variant="default" onClick={() => setWeek(addDays(week, 7))}>
              {t('appointments.nextWeek')}
            </Button>
            <Button variant="subtle" onClick={() => setWeek(monday(todayInGermany()))}>
              {t('appointments.thisWeek')}
            </Button>
          </Group>
          <SegmentedControl
            aria-label={t('appointments.whose')}
            value={view}
            onChange={(v) => setView(v === 'office' ? 'office' : 'mine')}
            data={[
              { value: 'mine', label: t('appointments.mine') },
              { value: 'office', label: t('appointments.byOffice') },
            ]}
          />
        </Group>
        {view === 'office' ? (
          <Group>
            <Select
              label={t('appointments.office')}
              data={(offices.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
              value={officeId}
              onChange={(v) => {
                setOfficeId(v);
                setRoomId(null);
              }}
              clearable
            />
            <Select
              label={t('appointments.room')}
              data={(rooms.data ?? [])
                .filter((r) => !officeId || r.officeId === officeId)
                .map((r) => ({ value: r.id, label: `${r.name} (${r.officeName})` }))}
              value={roomId}
              onChange={setRoomId}
              clearable
            />
          </Group>
        ) : null}
        <Paper withBorder>
          {list.isPending ? (
            <Skeleton h={200} />
          ) : list.isError ? (
            <ActionError error={list.error} />
          ) : (
            <AppointmentList items={list.data} />
          )}
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text fw={600}>{t('appointments.feedTitle')}</Text>
            <Text size="sm">{t('appointments.feedText')}</Text>
            {feed.data ? (
              <Alert color="blue" role="status">
                <Stack gap="xs">
                  <Code style={{ wordBreak: 'break-all' }}>{feed.data.url}</Code>
                  <CopyButton value={feed.data.url}>
                    {({ copied, copy }) => (
                      <Button size="compact-sm" variant="default" onClick={copy}>
                        {copied ? t('appointments.copied') : t('appointments.copy')}
                      </Button>
                    )}
                  </CopyButton>
                </Stack>
              </Alert>
            ) : null}
            <ActionError error={feed.error} />
            <Group>
              <Button variant="default" loading={feed.isPending} onClick={() => feed.mutate()}>
                {t('appointments.feedButton')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
      <BookingDialog opened={booking} onClose={() => setBooking(false)} />
    </>
  );
}
