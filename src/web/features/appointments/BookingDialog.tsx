import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPOINTMENT_KINDS } from '../../../server/modules/appointments/schema';
import { ApiError, issuesByField } from '../../api/client';
import { languageName } from '../../app/format';
import { berlinInstant, useBook, useInterpreters, useOffices, useRooms } from './api';

/**
 * Book an appointment: where (main office or satellite, room), when, what, and whether an interpreter
 * is needed and who comes. The database refuses double bookings; the refusal names the clash on its field.
 */
export function BookingDialog({
  opened,
  onClose,
  personId,
  languages = [],
}: {
  opened: boolean;
  onClose: () => void;
  personId?: string;
  /** The person's languages: the interpreter choice starts with these. */
  languages?: readonly string[];
}) {
  const { t, i18n } = useTranslation();
  const offices = useOffices();
  const rooms = useRooms();
  const book = useBook();
  const [officeId, setOfficeId] = useState<string | null>(null);
  const [roomId, setRoomId] = useState<string | null>(null);
  const [day, setDay] = useState('');
  const [from, setFrom] = useState('09:00');
  const [to, setTo] = useState('10:00');
  const [kind, setKind] = useState<string | null>('beratung');
  const [language, setLanguage] = useState<string | null>(null);
  const [interpreterId, setInterpreterId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const interpreters = useInterpreters(language);
  const server = issuesByField(book.error);
  const clash = book.error instanceof ApiError && book.error.status === 409;

  const languageChoices = useMemo(() => {
    const codes = [
      ...new Set([
        ...languages.filter((l) => l !== 'de'),
        'ar',
        'fa',
        'prs',
        'ps',
        'ti',
        'ku',
        'tr',
        'uk',
        'ru',
        'so',
        'en',
        'fr',
      ]),
    ];
    return codes.map((c) => ({ value: c, label: languageName(c, i18n.language) }));
  }, [languages, i18n.language]);

  const close = () => {
    book.reset();
    setLocal({});
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!officeId) errs.officeId = t('appointments.officeRequired');
    if (!day) errs.startsAt = t('appointments.dayRequired');
    if (!kind) errs.kind = t('appointments.kindRequired');
    if (day && to <= from) errs.endsAt = t('appointments.endAfterStart');
    setLocal(errs);
    if (Object.keys(errs).length > 0) return;
    book.mutate(
      {
        kind,
        officeId,
        roomId,
        personId,
        startsAt: berlinInstant(day, from),
        endsAt: berlinInstant(day, to),
        interpreterLanguage: language,
        interpreterId,
        note: note.trim() || undefined,
      },
      { onSuccess: close },
    );
  };
  const err = (f: string) => local[f] ?? server[f];
  return (
    <Modal
      opened={opened}
      onClose={close}
      size="lg"
      title={t('appointments.bookTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {book.error && (clash || Object.keys(server).length === 0) ? (
            <Alert
              color="red"
              role="alert"
              title={clash ? t('appointments.clashTitle') : t('appointments.failed')}
            >
              {book.error.message}
            </Alert>
          ) : null}
          <Select
            label={t('appointments.kind')}
            required
            data={APPOINTMENT_KINDS.map((k) => ({ value: k, label: t(`appointments.kinds.${k}`) }))}
            value={kind}
            onChange={setKind}
            error={err('kind')}
            allowDeselect={false}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('appointments.office')}
              required
              data={(offices.data ?? []).map((o) => ({
                value: o.id,
                label: o.kind === 'satellite' ? t('appointments.satellite', { name: o.name }) : o.name,
              }))}
              value={officeId}
              onChange={(v) => {
                setOfficeId(v);
                setRoomId(null);
              }}
              error={err('officeId')}
              searchable
            />
            <Select
              label={t('appointments.room')}
              placeholder={t('appointments.noRoom')}
              data={(rooms.data ?? [])
                .filter((r) => r.officeId === officeId)
                .map((r) => ({ value: r.id, label: r.name }))}
              value={roomId}
              onChange={setRoomId}
              error={err('roomId')}
              disabled={!officeId}
              clearable
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="date"
              label={t('appointments.day')}
              required
              value={day}
              onChange={(e) => setDay(e.currentTarget.value)}
              error={err('startsAt')}
            />
            <TextInput
              type="time"
              label={t('appointments.from')}
              required
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
            />
            <TextInput
              type="time"
              label={t('appointments.to')}
              required
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              error={err('endsAt') ?? err('staffUserId')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('appointments.interpreterLanguage')}
              placeholder={t('appointments.noInterpreter')}
              data={languageChoices}
              value={language}
              onChange={(v) => {
                setLanguage(v);
                setInterpreterId(null);
              }}
              clearable
              searchable
            />
            <Select
              label={t('appointments.interpreter')}
              placeholder={
                language ? t('appointments.interpreterOpen') : t('appointments.chooseLanguageFirst')
              }
              data={(interpreters.data ?? []).map((i) => ({
                value: i.id,
                label: i.organisation ? `${i.name} (${i.organisation})` : i.name,
              }))}
              value={interpreterId}
              onChange={setInterpreterId}
              error={err('interpreterId')}
              disabled={!language}
              clearable
            />
          </SimpleGrid>
          <Textarea
            label={t('appointments.note')}
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={book.isPending}>
              {t('appointments.book')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
