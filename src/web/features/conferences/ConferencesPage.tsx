import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import type { conferenceOut, conferenceSummary } from '../../../server/modules/conferences/schema';
import { api, issuesByField } from '../../api/client';
import type { Agency, PersonList } from '../../api/types';
import { formatDay } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { ActionError } from '../persons/sections/common';

type Summary = z.infer<typeof conferenceSummary>;
type Conference = z.infer<typeof conferenceOut>;

function NewConference({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [agencyIds, setAgencyIds] = useState<string[]>([]);
  const [personIds, setPersonIds] = useState<string[]>([]);
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<Record<string, string>>({});
  const agencies = useQuery({
    queryKey: ['meta', 'agencies'],
    queryFn: () => api.get<Agency[]>('/api/meta/agencies'),
  });
  const hits = useQuery({
    queryKey: ['persons', 'pick', q],
    queryFn: () => api.get<PersonList>('/api/persons', { q, limit: 20 }),
    enabled: q.trim().length >= 2,
  });
  const create = useMutation({
    mutationFn: () => api.post<Conference>('/api/conferences', { title, heldOn, agencyIds, personIds }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['conferences'] });
      onClose();
    },
  });
  const err = issuesByField(create.error);
  const options = [
    ...Object.entries(picked).map(([value, label]) => ({ value, label })),
    ...(hits.data?.items ?? [])
      .filter((p) => !picked[p.id])
      .map((p) => ({ value: p.id, label: `${p.familyName}, ${p.givenNames}` })),
  ];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={t('conferences.newTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {create.error && Object.keys(err).length === 0 ? <ActionError error={create.error} /> : null}
          <TextInput
            label={t('conferences.titleLabel')}
            required
            data-autofocus
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={err.title}
          />
          <TextInput
            type="date"
            label={t('conferences.heldOn')}
            required
            value={heldOn}
            onChange={(e) => setHeldOn(e.currentTarget.value)}
            error={err.heldOn}
          />
          <MultiSelect
            label={t('conferences.agencies')}
            data={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
            value={agencyIds}
            onChange={setAgencyIds}
            searchable
            error={err.agencyIds}
          />
          <MultiSelect
            label={t('conferences.cases')}
            description={t('conferences.casesHint')}
            data={options}
            value={personIds}
            onChange={(ids) => {
              setPersonIds(ids);
              setPicked(
                Object.fromEntries(ids.map((id) => [id, options.find((o) => o.value === id)?.label ?? id])),
              );
            }}
            searchable
            searchValue={q}
            onSearchChange={setQ}
            filter={({ options: o }) => o}
            error={err.personIds}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('conferences.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Case conferences the own agency takes part in. */
export function ConferencesPage() {
  const { t, i18n } = useTranslation();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ['conferences'], queryFn: () => api.get<Summary[]>('/api/conferences') });
  return (
    <>
      <PageHeader
        title={t('conferences.title')}
        description={t('conferences.intro')}
        actions={<Button onClick={() => setCreating(true)}>{t('conferences.new')}</Button>}
      />
      <Paper withBorder>
        {list.isPending ? (
          <Skeleton h={160} />
        ) : list.isError ? (
          <ActionError error={list.error} />
        ) : list.data.length === 0 ? (
          <Text p="md" c="dimmed">
            {t('conferences.none')}
          </Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('conferences.heldOn')}</Table.Th>
                <Table.Th>{t('conferences.titleLabel')}</Table.Th>
                <Table.Th>{t('conferences.agencies')}</Table.Th>
                <Table.Th>{t('conferences.cases')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{formatDay(c.heldOn, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Link to={`/fallbesprechungen/${c.id}`}>{c.title}</Link>
                  </Table.Td>
                  <Table.Td>{c.agencies.join(', ')}</Table.Td>
                  <Table.Td>{c.cases}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <NewConference opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function Item({ conferenceId, item }: { conferenceId: string; item: Conference['items'][number] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [minutes, setMinutes] = useState(item.minutes ?? '');
  const [action, setAction] = useState('');
  const [due, setDue] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.patch<Conference>(`/api/conferences/${conferenceId}/items/${item.id}`, {
        version: item.version,
        minutes: minutes || null,
      }),
    onSuccess: (c) => qc.setQueryData(['conferences', conferenceId], c),
  });
  const agree = useMutation({
    mutationFn: () =>
      api.post(`/api/conferences/${conferenceId}/items/${item.id}/actions`, { title: action, dueOn: due }),
    onSuccess: () => {
      setAction('');
      setDue('');
      void qc.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
  const aErr = issuesByField(agree.error);
  if (!item.person)
    return (
      <Paper withBorder p="md">
        <Text c="dimmed">{t('conferences.hidden', { n: item.position })}</Text>
      </Paper>
    );
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h5">
          {item.position}. <Link to={`/personen/${item.person.id}`}>{item.person.name}</Link>
        </Title>
        <Textarea
          label={t('conferences.minutes')}
          autosize
          minRows={3}
          value={minutes}
          onChange={(e) => setMinutes(e.currentTarget.value)}
        />
        <ActionError error={save.error} />
        {save.isSuccess ? (
          <Text size="sm" role="status">
            {t('conferences.saved')}
          </Text>
        ) : null}
        <Group>
          <Button variant="default" loading={save.isPending} onClick={() => save.mutate()}>
            {t('conferences.saveMinutes')}
          </Button>
        </Group>
        <Group align="flex-end">
          <TextInput
            label={t('conferences.action')}
            value={action}
            onChange={(e) => setAction(e.currentTarget.value)}
            error={aErr.title}
            style={{ flex: 1 }}
          />
          <TextInput
            type="date"
            label={t('conferences.due')}
            value={due}
            onChange={(e) => setDue(e.currentTarget.value)}
            error={aErr.dueOn}
          />
          <Button loading={agree.isPending} onClick={() => agree.mutate()}>
            {t('conferences.agree')}
          </Button>
        </Group>
        {agree.isSuccess ? (
          <Alert color="green" role="status">
            {t('conferences.agreed')}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** One conference: each case as far as the own agency may see it, minutes and agreed actions. */
export function ConferencePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const conf = useQuery({
    queryKey: ['conferences', id],
    queryFn: () => api.get<Conference>(`/api/conferences/${id}`),
  });
  if (conf.isPending) return <Skeleton h={200} />;
  if (conf.isError) return <ActionError error={conf.error} />;
  const c = conf.data;
  return (
    <>
      <PageHeader
        title={c.title}
        description={`${formatDay(c.heldOn, i18n.language)} · ${c.agencies.join(', ')}`}
      />
      <Stack>
        <Text c="dimmed">{t('conferences.privacy')}</Text>
        {c.items.map((item) => (
          <Item key={item.id} conferenceId={c.id} item={item} />
        ))}
      </Stack>
    </>
  );
}
