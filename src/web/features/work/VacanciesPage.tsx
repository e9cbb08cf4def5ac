import {
  Alert,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TARGET_LEVELS } from '../../../domain/reference/languages';
import { DRIVING_LICENCES, VACANCY_KINDS, VACANCY_STATUSES } from '../../../domain/work/vocab';
import type { TableFormat } from '../../../server/modules/common-schema';
import { issuesByField } from '../../api/client';
import { readFile } from '../../app/files';
import { formatDay } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { useSession } from '../../auth/session';
import { ActionError } from '../persons/sections/common';
import { useEmployers, useMunicipalities, useVacancies, useVacancyCreate, useVacancyImport } from './api';
import { FormModal } from './FormModal';
import { OccupationPicker } from './OccupationPicker';
import { word } from './words';

function NewVacancy({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useVacancyCreate();
  const employers = useEmployers();
  const places = useMunicipalities();
  const [f, setF] = useState<Record<string, unknown>>({ kind: 'job', openings: 1, shiftWork: false });
  const [occLabel, setOccLabel] = useState<string | null>(null);
  const set = (k: string) => (v: unknown) =>
    setF((x) => ({ ...x, [k]: v === '' || v === null ? undefined : v }));
  const err = issuesByField(create.error);
  const submit = () => {
    create.mutate(f, {
      onSuccess: () => {
        setF({ kind: 'job', openings: 1, shiftWork: false });
        onClose();
      },
    });
  };
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={t('work.newVacancy')}
      onSubmit={submit}
      pending={create.isPending}
      error={create.error}
      fieldErrors={err}
    >
      <Select
        label={t('work.employer')}
        required
        searchable
        data={(employers.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
        value={(f.employerId as string) ?? null}
        onChange={set('employerId')}
        error={err.employerId}
      />
      <TextInput
        label={t('work.vacancyTitle')}
        required
        value={(f.title as string) ?? ''}
        onChange={(e) => set('title')(e.currentTarget.value)}
        error={err.title}
      />
      <OccupationPicker
        label={t('work.occupation')}
        description={t('work.occupationHint')}
        required
        value={(f.escoUri as string) ?? null}
        valueLabel={occLabel}
        onChange={(uri, label) => {
          set('escoUri')(uri);
          setOccLabel(label);
        }}
        error={err.escoUri}
      />
      <SimpleGrid cols={2}>
        <Select
          label={t('work.kind')}
          required
          allowDeselect={false}
          data={VACANCY_KINDS.map((k) => ({ value: k, label: word(t, 'kinds', k) }))}
          value={(f.kind as string) ?? 'job'}
          onChange={set('kind')}
          error={err.kind}
        />
        <Select
          label={t('work.place')}
          required
          searchable
          data={(places.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
          value={(f.municipalityId as string) ?? null}
          onChange={set('municipalityId')}
          error={err.municipalityId}
        />
        <TextInput
          type="date"
          label={t('work.start')}
          required
          value={(f.startDate as string) ?? ''}
          onChange={(e) => set('startDate')(e.currentTarget.value)}
          error={err.startDate}
        />
        <TextInput
          type="date"
          label={t('work.end')}
          value={(f.endDate as string) ?? ''}
          onChange={(e) => set('endDate')(e.currentTarget.value)}
          error={err.endDate}
        />
        <Select
          label={t('work.minLevel')}
          clearable
          placeholder={t('work.noCondition')}
          data={[...TARGET_LEVELS]}
          value={(f.minLevel as string) ?? null}
          onChange={set('minLevel')}
          error={err.minLevel}
        />
        <Select
          label={t('work.drivingLicence')}
          clearable
          placeholder={t('work.noCondition')}
          data={DRIVING_LICENCES.map((d) => ({ value: d, label: t('work.licenceClass', { c: d }) }))}
          value={(f.drivingLicence as string) ?? null}
          onChange={set('drivingLicence')}
          error={err.drivingLicence}
        />
        <NumberInput
          label={t('work.hoursMin')}
          min={1}
          max={60}
          value={(f.hoursMin as number) ?? ''}
          onChange={(v) => set('hoursMin')(typeof v === 'number' ? v : undefined)}
          error={err.hoursMin}
        />
        <NumberInput
          label={t('work.hoursMax')}
          min={1}
          max={60}
          value={(f.hoursMax as number) ?? ''}
          onChange={(v) => set('hoursMax')(typeof v === 'number' ? v : undefined)}
          error={err.hoursMax}
        />
        <NumberInput
          label={t('work.openings')}
          min={1}
          max={500}
          value={(f.openings as number) ?? 1}
          onChange={(v) => set('openings')(typeof v === 'number' ? v : undefined)}
          error={err.openings}
        />
        <Select
          label={t('work.shiftWork')}
          allowDeselect={false}
          data={[
            { value: 'no', label: t('work.no') },
            { value: 'yes', label: t('work.yes') },
          ]}
          value={f.shiftWork ? 'yes' : 'no'}
          onChange={(v) => setF((x) => ({ ...x, shiftWork: v === 'yes' }))}
        />
      </SimpleGrid>
      <Textarea
        label={t('work.description')}
        value={(f.description as string) ?? ''}
        onChange={(e) => set('description')(e.currentTarget.value)}
        error={err.description}
      />
    </FormModal>
  );
}

function ImportVacancies() {
  const { t } = useTranslation();
  const preview = useVacancyImport(true);
  const commit = useVacancyImport(false);
  const [file, setFile] = useState<{ format: TableFormat; content: string } | null>(null);
  const p = preview.data as
    | {
        total?: number;
        errorCount?: number;
        newEmployers?: string[];
        errors?: { row: number; column: string; message: string }[];
      }
    | undefined;
  return (
    <Stack gap="xs">
      <Group>
        <input
          type="file"
          aria-label={t('work.importFile')}
          accept=".csv,.xlsx"
          onChange={async (e) => {
            const f = e.currentTarget.files?.[0];
            if (!f) return;
            const content = await readFile(f);
            setFile(content);
            commit.reset();
            preview.mutate(content);
          }}
        />
        {file && p && p.errorCount === 0 ? (
          <Button onClick={() => commit.mutate(file)} loading={commit.isPending}>
            {t('work.importCommit', { n: p.total })}
          </Button>
        ) : null}
      </Group>
      {p ? (
        <Alert
          color={p.errorCount ? 'red' : 'blue'}
          title={t('work.importPreview', { n: p.total, e: p.errorCount })}
        >
          {p.newEmployers?.length ? (
            <Text size="sm">{t('work.importNewEmployers', { names: p.newEmployers.join(', ') })}</Text>
          ) : null}
          {(p.errors ?? []).slice(0, 10).map((e) => (
            <Text size="sm" key={`${e.row}-${e.column}`}>
              {t('work.importRowError', { row: e.row, column: e.column, message: e.message })}
            </Text>
          ))}
        </Alert>
      ) : null}
      {commit.isSuccess ? (
        <Alert color="green">
          {t('work.imported', { n: (commit.data as { imported: number }).imported })}
        </Alert>
      ) : null}
      <ActionError error={preview.error ?? commit.error} />
    </Stack>
  );
}

export function VacanciesPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string | null>('open');
  const [kind, setKind] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useVacancies({ q, status: status ?? undefined, kind: kind ?? undefined });
  return (
    <Stack>
      <PageHeader
        title={t('work.vacanciesTitle')}
        description={t('work.vacanciesIntro')}
        actions={
          can('work:manage') ? (
            <Button onClick={() => setCreating(true)}>{t('work.newVacancy')}</Button>
          ) : null
        }
      />
      <Group align="flex-end">
        <TextInput label={t('work.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        <Select
          label={t('work.status')}
          clearable
          placeholder={t('work.all')}
          data={VACANCY_STATUSES.map((s) => ({ value: s, label: word(t, 'statuses', s) }))}
          value={status}
          onChange={setStatus}
        />
        <Select
          label={t('work.kind')}
          clearable
          placeholder={t('work.all')}
          data={VACANCY_KINDS.map((k) => ({ value: k, label: word(t, 'kinds', k) }))}
          value={kind}
          onChange={setKind}
        />
      </Group>
      {list.isPending ? (
        <Skeleton height={200} />
      ) : list.isError ? (
        <ActionError error={list.error} />
      ) : list.data.length === 0 ? (
        <Text>{t('work.noVacancies')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('work.vacancyTitle')}</Table.Th>
                <Table.Th>{t('work.employer')}</Table.Th>
                <Table.Th>{t('work.kind')}</Table.Th>
                <Table.Th>{t('work.place')}</Table.Th>
                <Table.Th>{t('work.start')}</Table.Th>
                <Table.Th>{t('work.minLevel')}</Table.Th>
                <Table.Th>{t('work.proposalsHires')}</Table.Th>
                <Table.Th>{t('work.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td>
                    <Link to={`/arbeit/stellen/${v.id}`}>{v.title}</Link>
                  </Table.Td>
                  <Table.Td>{v.employerName}</Table.Td>
                  <Table.Td>{word(t, 'kinds', v.kind)}</Table.Td>
                  <Table.Td>{v.municipalityName}</Table.Td>
                  <Table.Td>{formatDay(v.startDate, i18n.language)}</Table.Td>
                  <Table.Td>{v.minLevel ?? '—'}</Table.Td>
                  <Table.Td>
                    {t('work.proposalsHiresValue', { p: v.proposals, h: v.hires, o: v.openings })}
                  </Table.Td>
                  <Table.Td>{word(t, 'statuses', v.status)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {can('work:manage') ? (
        <Stack gap="xs">
          <Text fw={600}>{t('work.importTitle')}</Text>
          <Text size="sm">{t('work.importHint')}</Text>
          <ImportVacancies />
        </Stack>
      ) : null}
      <NewVacancy opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
