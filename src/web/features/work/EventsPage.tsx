import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EVENT_KINDS } from '../../../domain/work/vocab';
import type { WorkEventOut } from '../../../server/modules/work/schema';
import { api, issuesByField } from '../../api/client';
import type { PersonList } from '../../api/types';
import { formatDay } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { useSession } from '../../auth/session';
import { ActionError } from '../persons/sections/common';
import { useEmployers, useMunicipalities, workKeys } from './api';
import { FormModal } from './FormModal';
import { word } from './words';

function useEventMutation<B>(fn: (b: B) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: workKeys.all }) });
}

function NewEvent({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useEventMutation((b: Record<string, unknown>) => api.post('/api/work-events', b));
  const places = useMunicipalities();
  const [f, setF] = useState<Record<string, string>>({ kind: 'job_fair' });
  const set = (k: string) => (v: string | null) => setF((x) => ({ ...x, [k]: v ?? '' }));
  const err = issuesByField(create.error);
  const submit = () => {
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(f)) if (v) body[k] = v;
    create.mutate(body, {
      onSuccess: () => {
        setF({ kind: 'job_fair' });
        onClose();
      },
    });
  };
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('work.events.new')}
      onSubmit={submit}
      pending={create.isPending}
      error={create.error}
      fieldErrors={err}
    >
      <TextInput
        label={t('work.events.title_')}
        required
        data-autofocus
        value={f.title ?? ''}
        onChange={(e) => set('title')(e.currentTarget.value)}
        error={err.title}
      />
      <SimpleGrid cols={2}>
        <Select
          label={t('work.kind')}
          allowDeselect={false}
          data={EVENT_KINDS.map((k) => ({ value: k, label: word(t, 'events.kinds', k) }))}
          value={f.kind}
          onChange={set('kind')}
          error={err.kind}
        />
        <TextInput
          type="date"
          label={t('work.events.heldOn')}
          required
          value={f.heldOn ?? ''}
          onChange={(e) => set('heldOn')(e.currentTarget.value)}
          error={err.heldOn}
        />
        <Select
          label={t('work.emp.municipalityId')}
          clearable
          data={(places.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
          value={f.municipalityId || null}
          onChange={set('municipalityId')}
          error={err.municipalityId}
        />
        <TextInput
          label={t('work.events.place')}
          value={f.place ?? ''}
          onChange={(e) => set('place')(e.currentTarget.value)}
          error={err.place}
        />
      </SimpleGrid>
      <TextInput
        label={t('work.events.audience')}
        value={f.audience ?? ''}
        onChange={(e) => set('audience')(e.currentTarget.value)}
        error={err.audience}
      />
    </FormModal>
  );
}

export function EventsPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: [...workKeys.all, 'events'],
    queryFn: () => api.get<WorkEventOut[]>('/api/work-events'),
  });
  return (
    <Stack>
      <PageHeader
        title={t('work.events.pageTitle')}
        description={t('work.events.intro')}
        actions={
          can('work:manage') ? (
            <Button onClick={() => setCreating(true)}>{t('work.events.new')}</Button>
          ) : null
        }
      />
      {list.isPending ? (
        <Skeleton height={160} />
      ) : list.isError ? (
        <ActionError error={list.error} />
      ) : list.data.length === 0 ? (
        <Text>{t('work.events.none')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('work.events.title_')}</Table.Th>
              <Table.Th>{t('work.kind')}</Table.Th>
              <Table.Th>{t('work.events.heldOn')}</Table.Th>
              <Table.Th>{t('work.events.place')}</Table.Th>
              <Table.Th>{t('work.events.guests')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/arbeit/veranstaltungen/${e.id}`}>
                    {e.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{word(t, 'events.kinds', e.kind)}</Table.Td>
                <Table.Td>{formatDay(e.heldOn, i18n.language)}</Table.Td>
                <Table.Td>{[e.municipalityName, e.place].filter(Boolean).join(', ') || '—'}</Table.Td>
                <Table.Td>
                  {t('work.events.counts', { c: e.clients, e: e.employers, a: e.attended })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <NewEvent opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

function GuestRow({ eventId, g }: { eventId: string; g: WorkEventOut['guests'][number] }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [followUp, setFollowUp] = useState(g.followUp ?? '');
  const record = useEventMutation((b: Record<string, unknown>) =>
    api.post(`/api/work-events/${eventId}/guests/${g.id}/attendance`, b),
  );
  return (
    <Table.Tr>
      <Table.Td>
        {g.personId ? (
          <Anchor component={Link} to={`/personen/${g.personId}`}>
            {g.name}
          </Anchor>
        ) : (
          g.name
        )}
        <Text size="xs" c="dimmed">
          {g.personId ? t('work.events.client') : t('work.employer')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Checkbox
          label={t('work.events.attended')}
          disabled={!can('work:manage')}
          checked={g.attended === true}
          onChange={(e) => record.mutate({ attended: e.currentTarget.checked })}
        />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" align="flex-end">
          <TextInput
            size="xs"
            label={t('work.events.followUp')}
            disabled={!can('work:manage')}
            value={followUp}
            onChange={(e) => setFollowUp(e.currentTarget.value)}
          />
          {can('work:manage') ? (
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => record.mutate({ followUp })}
              loading={record.isPending}
            >
              {t('work.save')}
            </Button>
          ) : null}
        </Group>
        <ActionError error={record.error} />
      </Table.Td>
    </Table.Tr>
  );
}

export function EventPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const ev = useQuery({
    queryKey: [...workKeys.all, 'event', id],
    queryFn: () => api.get<WorkEventOut>(`/api/work-events/${id}`),
  });
  const employers = useEmployers();
  const [q, setQ] = useState('');
  const [dq] = useDebouncedValue(q, 250);
  const people = useQuery({
    queryKey: ['persons', 'invite', dq],
    queryFn: () =>
      api.get<PersonList>('/api/persons', {
        q: dq,
        limit: 8,
      }),
    enabled: dq.trim().length >= 2,
  });
  const inviteMut = useEventMutation((b: Record<string, unknown>) =>
    api.post(`/api/work-events/${id}/guests`, b),
  );
  if (ev.isPending) return <Skeleton height={200} />;
  if (ev.isError) return <ActionError error={ev.error} />;
  const e = ev.data;
  return (
    <Stack>
      <PageHeader
        title={e.title}
        description={`${word(t, 'events.kinds', e.kind)} · ${formatDay(e.heldOn, i18n.language)}${e.place ? ` · ${e.place}` : ''}`}
      />
      {can('work:manage') ? (
        <Group align="flex-end">
          <Select
            label={t('work.events.inviteClient')}
            searchable
            searchValue={q}
            onSearchChange={setQ}
            filter={({ options }) => options}
            data={(people.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.givenNames} ${p.familyName}`,
            }))}
            value={null}
            onChange={(v) => v && inviteMut.mutate({ personId: v })}
            w={300}
          />
          <Select
            label={t('work.events.inviteEmployer')}
            searchable
            data={(employers.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            value={null}
            onChange={(v) => v && inviteMut.mutate({ employerId: v })}
            w={300}
          />
        </Group>
      ) : null}
      <ActionError error={inviteMut.error} />
      {e.guests.length === 0 ? (
        <Text>{t('work.events.noGuests')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('work.events.guest')}</Table.Th>
              <Table.Th>{t('work.events.attended')}</Table.Th>
              <Table.Th>{t('work.events.followUp')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {e.guests.map((g) => (
              <GuestRow key={g.id} eventId={e.id} g={g} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
