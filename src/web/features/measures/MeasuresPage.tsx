import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEASURE_TYPES } from '../../../domain/measures/fit';
import { CEFR_LEVELS } from '../../../domain/reference/languages';
import { MEASURE_RECHTSKREISE } from '../../../server/modules/measures/schema';
import { ApiError, issuesByField } from '../../api/client';
import { readFile } from '../../app/files';
import { formatDay } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { useSession } from '../../auth/session';
import { ActionError } from '../persons/sections/common';
import { useMeasureCreate, useMeasureImport, useMeasures } from './api';

function NewMeasure({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useMeasureCreate();
  const [f, setF] = useState<Record<string, unknown>>({ type: 'coaching', rechtskreise: [] });
  const set = (k: string) => (v: unknown) => setF((x) => ({ ...x, [k]: v === '' ? undefined : v }));
  const err = issuesByField(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(f, {
      onSuccess: () => {
        setF({ type: 'coaching', rechtskreise: [] });
        onClose();
      },
    });
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={t('measures.newTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {create.error && Object.keys(err).length === 0 ? <ActionError error={create.error} /> : null}
          <TextInput
            label={t('measures.title_')}
            required
            data-autofocus
            error={err.title}
            value={(f.title as string) ?? ''}
            onChange={(e) => set('title')(e.currentTarget.value)}
          />
          <SimpleGrid cols={2}>
            <Select
              label={t('measures.type')}
              required
              allowDeselect={false}
              data={MEASURE_TYPES.map((x) => ({ value: x, label: t(`measures.types.${x}`) }))}
              value={(f.type as string) ?? null}
              onChange={set('type')}
              error={err.type}
            />
            <TextInput
              label={t('measures.provider')}
              required
              error={err.provider}
              value={(f.provider as string) ?? ''}
              onChange={(e) => set('provider')(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t('measures.start')}
              value={(f.startDate as string) ?? ''}
              onChange={(e) => set('startDate')(e.currentTarget.value)}
              error={err.startDate}
            />
            <TextInput
              type="date"
              label={t('measures.end')}
              value={(f.endDate as string) ?? ''}
              onChange={(e) => set('endDate')(e.currentTarget.value)}
              error={err.endDate}
            />
            <MultiSelect
              label={t('measures.rechtskreise')}
              placeholder={t('measures.all')}
              data={MEASURE_RECHTSKREISE.map((x) => ({ value: x, label: t(`measures.rk.${x}`) }))}
              value={(f.rechtskreise as string[]) ?? []}
              onChange={set('rechtskreise')}
            />
            <Select
              label={t('measures.minLevel')}
              placeholder={t('measures.noCondition')}
              clearable
              data={[...CEFR_LEVELS]}
              value={(f.minLevel as string) ?? null}
              onChange={set('minLevel')}
            />
            <NumberInput
              label={t('measures.minAge')}
              min={0}
              max={99}
              value={(f.minAge as number) ?? ''}
              onChange={(v) => set('minAge')(typeof v === 'number' ? v : undefined)}
              error={err.minAge}
            />
            <NumberInput
              label={t('measures.maxAge')}
              min={0}
              max={99}
              value={(f.maxAge as number) ?? ''}
              onChange={(v) => set('maxAge')(typeof v === 'number' ? v : undefined)}
              error={err.maxAge}
            />
            <Select
              label={t('measures.gender')}
              placeholder={t('measures.all')}
              clearable
              data={[
                { value: 'f', label: t('measures.women') },
                { value: 'm', label: t('measures.men') },
              ]}
              value={(f.gender as string) ?? null}
              onChange={set('gender')}
            />
            <NumberInput
              label={t('measures.places')}
              min={0}
              value={(f.places as number) ?? ''}
              onChange={(v) => set('places')(typeof v === 'number' ? v : undefined)}
            />
            <TextInput
              label={t('measures.contact')}
              value={(f.contactName as string) ?? ''}
              onChange={(e) => set('contactName')(e.currentTarget.value)}
            />
            <TextInput
              label={t('measures.contactEmail')}
              type="email"
              value={(f.contactEmail as string) ?? ''}
              onChange={(e) => set('contactEmail')(e.currentTarget.value)}
              error={err.contactEmail}
            />
          </SimpleGrid>
          <Textarea
            label={t('measures.description')}
            autosize
            minRows={2}
            value={(f.description as string) ?? ''}
            onChange={(e) => set('description')(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('measures.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ImportMeasures() {
  const { t } = useTranslation();
  const id = useId();
  const imp = useMeasureImport();
  const issues = imp.error instanceof ApiError ? imp.error.issues : [];
  return (
    <Stack gap="xs">
      <label htmlFor={id}>
        <Text size="sm" fw={500}>
          {t('measures.importLabel')}
        </Text>
      </label>
      <input
        id={id}
        type="file"
        accept=".csv,.xlsx"
        onChange={async (e) => {
          const file = e.currentTarget.files?.[0];
          if (file) imp.mutate(await readFile(file));
        }}
      />
      {imp.data ? (
        <Alert color="green" role="status">
          {t('measures.imported', { count: imp.data.imported })}
        </Alert>
      ) : null}
      {imp.error ? (
        <Alert color="red" role="alert" title={imp.error.message}>
          {issues.slice(0, 20).map((i) => (
            <Text key={i.path} size="sm">
              {i.path.replace(/^rows\.(\d+)\./, t('measures.rowColumn', { row: '$1' }))}: {i.message}
            </Text>
          ))}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** The measures catalogue of all agencies and partners: search, filter, add, import and export. */
export function MeasuresPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const [q, setQ] = useState('');
  const [type, setType] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useMeasures({ q, type: type ?? undefined });
  return (
    <>
      <PageHeader
        title={t('measures.pageTitle')}
        description={t('measures.intro')}
        actions={
          <Group>
            <Button component="a" href="/api/measures/export" variant="default">
              {t('measures.export')}
            </Button>
            <Button component="a" href="/api/measures/export?format=xlsx" variant="default">
              {t('measures.exportXlsx')}
            </Button>
            {can('measures:manage') ? (
              <Button onClick={() => setCreating(true)}>{t('measures.new')}</Button>
            ) : null}
          </Group>
        }
      />
      <Stack>
        <Group align="flex-end">
          <TextInput
            label={t('measures.search')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={320}
          />
          <Select
            label={t('measures.type')}
            clearable
            placeholder={t('measures.all')}
            data={MEASURE_TYPES.map((x) => ({ value: x, label: t(`measures.types.${x}`) }))}
            value={type}
            onChange={setType}
          />
        </Group>
        <Paper withBorder>
          {list.isPending ? (
            <Skeleton h={200} />
          ) : list.isError ? (
            <ActionError error={list.error} />
          ) : list.data.length === 0 ? (
            <Text p="md" c="dimmed">
              {t('measures.none')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table data-testid="measure-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('measures.title_')}</Table.Th>
                    <Table.Th>{t('measures.type')}</Table.Th>
                    <Table.Th>{t('measures.provider')}</Table.Th>
                    <Table.Th>{t('measures.when')}</Table.Th>
                    <Table.Th>{t('measures.contact')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>{m.title}</Table.Td>
                      <Table.Td>{t(`measures.types.${m.type}`)}</Table.Td>
                      <Table.Td>{m.provider}</Table.Td>
                      <Table.Td>
                        {m.startDate
                          ? `${formatDay(m.startDate, i18n.language)}${m.endDate ? ` – ${formatDay(m.endDate, i18n.language)}` : ''}`
                          : t('measures.ongoing')}
                      </Table.Td>
                      <Table.Td>{m.contactName ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
        {can('measures:manage') ? (
          <Paper withBorder p="md">
            <ImportMeasures />
          </Paper>
        ) : null}
      </Stack>
      <NewMeasure opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
