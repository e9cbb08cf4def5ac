import {
  Alert,
  Button,
  Checkbox,
  Code,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { catalogueCommitOut, travelCommitOut } from '../../../../server/modules/language/imports/schema';
import { api } from '../../../api/client';
import { type FileBody, readFile } from '../../../app/files';
import { formatDay, formatNumber } from '../../../app/format';
import { PageHeader } from '../../../app/PageHeader';
import { Tag } from '../../../app/Tag';
import { useUser } from '../../../auth/session';
import {
  type CataloguePreview,
  type RowError,
  type TravelPreview,
  typeLabel,
  useCourseTypes,
  usePlaces,
  useProviders,
} from '../api';
import { ErrorAlert, NUM, Section } from '../ui';
import { ErrorDigestNote } from './ErrorDigestNote';

type CatalogueCommit = z.infer<typeof catalogueCommitOut>;
type TravelCommit = z.infer<typeof travelCommitOut>;

/** The raw cells of a CSV line, to show a refused row as it was written (a simple split; XLSX rows are not shown). */
function rawCsvRows(content: string): string[][] {
  const lines = content.split(/\r?\n/);
  const head = lines[0] ?? '';
  const delim = [';', '\t', ','].find((d) => head.includes(d)) ?? ';';
  return lines.map((l) => l.split(delim).map((c) => c.replace(/^"|"$/g, '').trim()));
}

/** File or pasted text → the body the import routes take. Keyboard: a native file input and a text area. */
function FileChooser({ onChange, accept }: { onChange: (b: FileBody | null) => void; accept: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.currentTarget.files?.[0];
    setError(null);
    if (!f) return onChange(null);
    try {
      setText('');
      onChange(await readFile(f));
    } catch {
      setError(t('lp.import.readError'));
    }
  };
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <div>
        <Text component="label" htmlFor={id} fw={500} size="sm" display="block" mb={4}>
          {t('lp.import.file')}
        </Text>
        <input
          id={id}
          type="file"
          accept={accept}
          onChange={(e) => void pick(e)}
          data-testid="import-file"
          className="lp-file-input"
        />
        {error ? (
          <Text c="red.9" size="sm" role="alert">
            {error}
          </Text>
        ) : null}
      </div>
      <Textarea
        label={t('lp.import.paste')}
        description={t('lp.import.pasteHint')}
        value={text}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setText(v);
          onChange(v.trim() ? { format: 'csv', content: v, name: t('lp.import.pasted') } : null);
        }}
        autosize
        minRows={3}
        maxRows={8}
        styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
      />
    </SimpleGrid>
  );
}

function Summary({ items }: { items: { k: string; label: string; v: number; tone?: 'red' | 'green' }[] }) {
  const { i18n } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} data-testid="import-summary">
      {items.map((i) => (
        <Paper withBorder p="xs" key={i.k} data-testid={`summary-${i.k}`}>
          <Text size="xs" c="dimmed">
            {i.label}
          </Text>
          <Text fw={700} size="lg" c={i.tone === 'red' && i.v > 0 ? 'red.9' : undefined} style={NUM}>
            {formatNumber(i.v, i18n.language)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function errorsByRow(errors: RowError[]): Map<number, RowError[]> {
  const m = new Map<number, RowError[]>();
  for (const e of errors) m.set(e.row, [...(m.get(e.row) ?? []), e]);
  return m;
}

const ERROR_ROW = {
  background: 'var(--mantine-color-red-0)',
  boxShadow: 'inset 4px 0 0 var(--mantine-color-red-7)',
};

function CatalogueImport() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const qc = useQueryClient();
  const user = useUser();
  const types = useCourseTypes();
  const places = usePlaces();
  const providers = useProviders();
  const [file, setFile] = useState<FileBody | null>(null);
  const preview = useMutation({
    mutationFn: (f: FileBody) =>
      api.post<CataloguePreview>('/api/courses/import/preview', { format: f.format, content: f.content }),
  });
  const commit = useMutation({
    mutationFn: (f: FileBody) =>
      api.post<CatalogueCommit>('/api/courses/import/commit', {
        format: f.format,
        content: f.content,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['lp'] });
    },
  });
  const choose = (f: FileBody | null) => {
    setFile(f);
    preview.reset();
    commit.reset();
  };
  const placeName = useMemo(() => new Map((places.data ?? []).map((p) => [p.id, p.name])), [places.data]);
  const providerName = useMemo(
    () => new Map((providers.data ?? []).map((p) => [p.id, p.name])),
    [providers.data],
  );
  const p = preview.data;
  const byRow = p ? errorsByRow(p.errors) : new Map<number, RowError[]>();
  const raw = file?.format === 'csv' ? rawCsvRows(file.content) : [];
  // Every row of the file in order: the checked values, or — refused — the cells as written and the errors.
  const rowNumbers = p
    ? [...new Set([...p.rows.map((r) => r.row), ...p.errors.map((e) => e.row)])].sort((a, b) => a - b)
    : [];
  const parsed = new Map((p?.rows ?? []).map((r) => [r.row, r]));
  const refused = p ? p.summary.invalid > 0 : false;

  return (
    <Stack gap="md">
      <Text size="sm" maw={860}>
        {t('lp.import.catalogueIntro')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('lp.import.columns')}{' '}
        <Code>
          Kursnummer; {user.role === 'partner' ? '' : 'Träger; '}Kursart; Einstiegsniveau; Zielniveau; UE;
          Zeiten; Beginn; Ende; Plätze; Kinderbetreuung; Nur Frauen; Ort; Standort; Adresse
        </Code>
      </Text>
      <FileChooser onChange={choose} accept=".csv,.txt,.xlsx,text/csv" />
      <Group>
        <Button
          onClick={() => file && preview.mutate(file)}
          disabled={!file}
          loading={preview.isPending}
          data-testid="import-preview"
        >
          {t('lp.import.check')}
        </Button>
        {file ? (
          <Text size="sm" c="dimmed">
            {file.name}
          </Text>
        ) : null}
      </Group>
      <ErrorAlert error={preview.error} />
      {p ? (
        <Stack gap="sm" data-testid="catalogue-preview">
          <Title order={3} size="h5">
            {t('lp.import.previewTitle')}
          </Title>
          <Summary
            items={[
              { k: 'rows', label: t('lp.import.s.rows'), v: p.summary.rows },
              { k: 'valid', label: t('lp.import.s.valid'), v: p.summary.valid },
              { k: 'invalid', label: t('lp.import.s.invalid'), v: p.summary.invalid, tone: 'red' },
              { k: 'create', label: t('lp.import.s.create'), v: p.summary.create },
              { k: 'update', label: t('lp.import.s.update'), v: p.summary.update },
              { k: 'newPlaces', label: t('lp.import.s.newPlaces'), v: p.summary.newPlaces },
            ]}
          />
          {refused ? (
            <Alert color="red" role="alert" title={t('lp.import.refusedTitle')} data-testid="import-refused">
              {t('lp.import.refusedText', { n: p.summary.invalid })}
            </Alert>
          ) : null}
          <ErrorDigestNote digest={p} />
          <Table.ScrollContainer
            minWidth={1000}
            type="native"
            tabIndex={0}
            aria-label={t('lp.import.previewTitle')}
          >
            <Table data-testid="preview-table" verticalSpacing={4} fz="sm">
              <Table.Caption className="visually-hidden">{t('lp.import.previewTitle')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('lp.import.row')}</Table.Th>
                  <Table.Th scope="col">{t('lp.import.check')}</Table.Th>
                  <Table.Th scope="col">{t('lp.course.ref')}</Table.Th>
                  {user.role !== 'partner' ? (
                    <Table.Th scope="col">{t('lp.course.provider')}</Table.Th>
                  ) : null}
                  <Table.Th scope="col">{t('lp.courseType')}</Table.Th>
                  <Table.Th scope="col">{t('lp.course.levels')}</Table.Th>
                  <Table.Th scope="col">{t('lp.course.start')}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('lp.course.seats')}
                  </Table.Th>
                  <Table.Th scope="col">{t('lp.place')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rowNumbers.map((n) => {
                  const r = parsed.get(n);
                  const errs = byRow.get(n);
                  return (
                    <Table.Tr
                      key={n}
                      style={errs ? ERROR_ROW : undefined}
                      data-testid={errs ? 'preview-row-error' : 'preview-row'}
                      data-row={n}
                    >
                      <Table.Td style={NUM} fw={600}>
                        {n}
                      </Table.Td>
                      <Table.Td>
                        {errs ? (
                          <Stack gap={2}>
                            <Tag tone="red">{t('lp.import.error')}</Tag>
                            {errs.map((e) => (
                              <Text size="xs" c="red.9" key={`${e.column}-${e.message}`}>
                                <strong>{e.column}</strong>: {e.message}
                              </Text>
                            ))}
                          </Stack>
                        ) : r ? (
                          <Tag tone={r.action === 'create' ? 'green' : 'blue'}>
                            {t(`lp.import.action.${r.action}`)}
                          </Tag>
                        ) : null}
                      </Table.Td>
                      {r ? (
                        <>
                          <Table.Td>{r.ref}</Table.Td>
                          {user.role !== 'partner' ? (
                            <Table.Td>{providerName.get(r.providerId) ?? '—'}</Table.Td>
                          ) : null}
                          <Table.Td>{typeLabel(types.data, r.type, lang)}</Table.Td>
                          <Table.Td style={NUM}>
                            {r.entryLevels.join(', ')}
                            {r.targetLevel ? ` → ${r.targetLevel}` : ''}
                          </Table.Td>
                          <Table.Td style={NUM}>{formatDay(r.startDate, lang)}</Table.Td>
                          <Table.Td ta="end" style={NUM}>
                            {r.seats}
                          </Table.Td>
                          <Table.Td>
                            {r.placeId ? (placeName.get(r.placeId) ?? '—') : r.newVenue?.name}
                            {r.newVenue ? (
                              <>
                                {' '}
                                <Tag tone="orange">{t('lp.import.newPlace')}</Tag>
                              </>
                            ) : null}
                          </Table.Td>
                        </>
                      ) : (
                        <Table.Td colSpan={user.role !== 'partner' ? 7 : 6}>
                          <Text size="xs" ff="monospace" c="dark.6">
                            {(raw[n - 1] ?? []).join(' · ') || '—'}
                          </Text>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group>
            <Button
              onClick={() => file && commit.mutate(file)}
              disabled={!file || refused || p.summary.valid === 0}
              loading={commit.isPending}
              data-testid="import-commit"
            >
              {t('lp.import.commit', { n: p.summary.valid })}
            </Button>
            {refused ? (
              <Text size="sm" c="dimmed">
                {t('lp.import.commitBlocked')}
              </Text>
            ) : null}
          </Group>
          <ErrorAlert error={commit.error} />
          {commit.data ? (
            <Alert color="green" role="status" data-testid="import-done">
              {t('lp.import.done', {
                created: commit.data.created,
                updated: commit.data.updated,
                places: commit.data.places,
              })}{' '}
              <Link to="/kurse">{t('lp.import.toCatalogue')}</Link>
            </Alert>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}

function TravelImport() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<FileBody | null>(null);
  const [replace, setReplace] = useState(false);
  const preview = useMutation({
    mutationFn: (f: FileBody) =>
      api.post<TravelPreview>('/api/travel-times/import/preview', { format: f.format, content: f.content }),
  });
  const commit = useMutation({
    mutationFn: (f: FileBody) =>
      api.post<TravelCommit>('/api/travel-times/import/commit', {
        format: f.format,
        content: f.content,
        replace,
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['lp', 'travel'] }),
  });
  const choose = (f: FileBody | null) => {
    setFile(f);
    preview.reset();
    commit.reset();
  };
  const p = preview.data;
  return (
    <Stack gap="md">
      <Text size="sm" maw={860}>
        {t('lp.import.travelIntro')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('lp.import.travelLayouts')} <Code>von;nach;minuten</Code> · <Code>;Herford;Bünde</Code>
      </Text>
      <FileChooser onChange={choose} accept=".csv,.txt,.xlsx,text/csv" />
      <Group>
        <Button onClick={() => file && preview.mutate(file)} disabled={!file} loading={preview.isPending}>
          {t('lp.import.check')}
        </Button>
      </Group>
      <ErrorAlert error={preview.error} />
      {p ? (
        <Stack gap="sm" data-testid="travel-preview">
          <Summary
            items={[
              { k: 'entries', label: t('lp.import.s.entries'), v: p.entries.length },
              { k: 'invalid', label: t('lp.import.s.invalid'), v: p.rowsWithErrors, tone: 'red' },
            ]}
          />
          {p.errors.length > 0 ? (
            <Alert color="red" role="alert" title={t('lp.import.refusedTitle')}>
              {t('lp.import.refusedText', { n: p.rowsWithErrors })}
            </Alert>
          ) : null}
          <ErrorDigestNote digest={p} />
          <Table.ScrollContainer
            minWidth={600}
            type="native"
            tabIndex={0}
            aria-label={t('lp.import.previewTitle')}
          >
            <Table verticalSpacing={4} fz="sm">
              <Table.Caption className="visually-hidden">{t('lp.import.previewTitle')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('lp.import.row')}</Table.Th>
                  <Table.Th scope="col">{t('lp.import.from')}</Table.Th>
                  <Table.Th scope="col">{t('lp.import.to')}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('lp.travel')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.errors.map((e) => (
                  <Table.Tr key={`e-${e.row}-${e.column}`} style={ERROR_ROW}>
                    <Table.Td style={NUM} fw={600}>
                      {e.row}
                    </Table.Td>
                    <Table.Td colSpan={3}>
                      <Text size="xs" c="red.9">
                        <strong>{e.column}</strong>: {e.message}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
                {p.entries.slice(0, 200).map((e) => (
                  <Table.Tr key={`${e.fromId}-${e.toId}`}>
                    <Table.Td style={NUM}>{e.row}</Table.Td>
                    <Table.Td>{e.from}</Table.Td>
                    <Table.Td>{e.to}</Table.Td>
                    <Table.Td ta="end" style={NUM}>
                      {t('lp.metrics.minutes', { n: e.minutes })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {p.entries.length > 200 ? (
            <Text size="xs" c="dimmed">
              {t('lp.import.firstN', { n: 200 })}
            </Text>
          ) : null}
          <Checkbox
            label={t('lp.import.replace')}
            checked={replace}
            onChange={(e) => setReplace(e.currentTarget.checked)}
          />
          <Group>
            <Button
              onClick={() => file && commit.mutate(file)}
              disabled={!file || p.errors.length > 0 || p.entries.length === 0}
              loading={commit.isPending}
            >
              {t('lp.import.commitTravel', { n: p.entries.length })}
            </Button>
          </Group>
          <ErrorAlert error={commit.error} />
          {commit.data ? (
            <Alert color="green" role="status">
              {t(commit.data.replaced ? 'lp.import.travelDoneReplaced' : 'lp.import.travelDone', {
                imported: formatNumber(commit.data.imported, i18n.language),
              })}
            </Alert>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}

/** Imports of the course catalogue (CSV/XLSX) and of the public-transport matrix: preview, then all or nothing. */
export function ImportPage() {
  const { t } = useTranslation();
  const user = useUser();
  const provider = user.role === 'partner';
  return (
    <>
      <PageHeader title={t('lp.import.title')} description={t('lp.import.intro')} />
      <Section id="import" title={provider ? t('lp.import.catalogue') : t('lp.import.what')}>
        {provider ? (
          <CatalogueImport />
        ) : (
          <Tabs defaultValue="catalogue" keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="catalogue">{t('lp.import.catalogue')}</Tabs.Tab>
              <Tabs.Tab value="travel">{t('lp.import.travel')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="catalogue">
              <CatalogueImport />
            </Tabs.Panel>
            <Tabs.Panel value="travel">
              <TravelImport />
            </Tabs.Panel>
          </Tabs>
        )}
      </Section>
    </>
  );
}
