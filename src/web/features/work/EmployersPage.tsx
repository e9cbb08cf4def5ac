import { Button, Select, SimpleGrid, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPLOYER_SIZES } from '../../../domain/work/vocab';
import { issuesByField } from '../../api/client';
import { PageHeader } from '../../app/PageHeader';
import { useSession } from '../../auth/session';
import { ActionError } from '../persons/sections/common';
import { useEmployerCreate, useEmployers, useMunicipalities } from './api';
import { FormModal } from './FormModal';
import { word } from './words';

function NewEmployer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useEmployerCreate();
  const places = useMunicipalities();
  const [f, setF] = useState<Record<string, string>>({});
  const set = (k: string) => (v: string | null) => setF((x) => ({ ...x, [k]: v ?? '' }));
  const err = issuesByField(create.error);
  const submit = () => {
    const body: Record<string, unknown> = {};
    for (const k of [
      'name',
      'sector',
      'size',
      'street',
      'postcode',
      'city',
      'municipalityId',
      'betriebsnummer',
      'notes',
    ])
      if (f[k]) body[k] = f[k];
    if (f.contactName)
      body.contacts = [{ name: f.contactName, phone: f.contactPhone || null, email: f.contactEmail || null }];
    create.mutate(body, {
      onSuccess: () => {
        setF({});
        onClose();
      },
    });
  };
  const text = (k: string, required = false) => (
    <TextInput
      label={t(`work.emp.${k}`)}
      required={required}
      value={f[k] ?? ''}
      onChange={(e) => set(k)(e.currentTarget.value)}
      error={err[k] ?? (k.startsWith('contact') ? err[`contacts.0.${k.slice(7).toLowerCase()}`] : undefined)}
    />
  );
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={t('work.newEmployer')}
      onSubmit={submit}
      pending={create.isPending}
      error={create.error}
      fieldErrors={err}
    >
      {text('name', true)}
      <SimpleGrid cols={2}>
        {text('sector')}
        <Select
          label={t('work.emp.size')}
          clearable
          data={EMPLOYER_SIZES.map((s) => ({ value: s, label: word(t, 'sizes', s) }))}
          value={f.size || null}
          onChange={set('size')}
          error={err.size}
        />
        {text('street')}
        {text('postcode')}
        {text('city')}
        <Select
          label={t('work.emp.municipalityId')}
          clearable
          searchable
          data={(places.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
          value={f.municipalityId || null}
          onChange={set('municipalityId')}
          error={err.municipalityId}
        />
        {text('betriebsnummer')}
        {text('contactName')}
        {text('contactPhone')}
        {text('contactEmail')}
      </SimpleGrid>
    </FormModal>
  );
}

export function EmployersPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const list = useEmployers({ q });
  return (
    <Stack>
      <PageHeader
        title={t('work.employersTitle')}
        description={t('work.employersIntro')}
        actions={
          can('work:manage') ? (
            <Button onClick={() => setCreating(true)}>{t('work.newEmployer')}</Button>
          ) : null
        }
      />
      <TextInput label={t('work.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} maw={360} />
      {list.isPending ? (
        <Skeleton height={200} />
      ) : list.isError ? (
        <ActionError error={list.error} />
      ) : list.data.length === 0 ? (
        <Text>{t('work.noEmployers')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('work.emp.name')}</Table.Th>
                <Table.Th>{t('work.emp.sector')}</Table.Th>
                <Table.Th>{t('work.emp.municipalityId')}</Table.Th>
                <Table.Th>{t('work.emp.contact')}</Table.Th>
                <Table.Th>{t('work.emp.mentors')}</Table.Th>
                <Table.Th>{t('work.emp.openVacancies')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.name}</Table.Td>
                  <Table.Td>{e.sector ?? '—'}</Table.Td>
                  <Table.Td>{e.municipalityName ?? e.city ?? '—'}</Table.Td>
                  <Table.Td>
                    {e.contacts[0]
                      ? [e.contacts[0].name, e.contacts[0].phone].filter(Boolean).join(', ')
                      : '—'}
                  </Table.Td>
                  <Table.Td>{e.mentors.map((m) => m.name).join(', ') || '—'}</Table.Td>
                  <Table.Td>{e.openVacancies}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <NewEmployer opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
