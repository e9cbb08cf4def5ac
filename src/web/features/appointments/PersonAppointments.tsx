import { Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../persons/sections/common';
import { AppointmentList } from './AppointmentList';
import { useAppointments } from './api';
import { BookingDialog } from './BookingDialog';

const DAY = 86_400_000;

/** The appointments of one person on the case file: the last month and the next three. */
export function PersonAppointments({
  personId,
  languages,
}: {
  personId: string;
  languages: readonly string[];
}) {
  const { t } = useTranslation();
  const [booking, setBooking] = useState(false);
  const range = useMemo(() => {
    const now = Date.now();
    return { from: new Date(now - 30 * DAY).toISOString(), to: new Date(now + 90 * DAY).toISOString() };
  }, []);
  const list = useAppointments({ ...range, personId });
  return (
    <Stack>
      <Group justify="space-between">
        <Text c="dimmed">{t('appointments.personIntro')}</Text>
        <Button variant="default" onClick={() => setBooking(true)}>
          {t('appointments.bookButton')}
        </Button>
      </Group>
      {list.isPending ? (
        <Skeleton h={120} />
      ) : list.isError ? (
        <ActionError error={list.error} />
      ) : (
        <AppointmentList items={list.data} showPerson={false} />
      )}
      <BookingDialog
        opened={booking}
        onClose={() => setBooking(false)}
        personId={personId}
        languages={languages}
      />
    </Stack>
  );
}
