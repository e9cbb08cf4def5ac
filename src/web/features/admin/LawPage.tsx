import {
  Alert,
  Button,
  FileButton,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { formatDay } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { useSession } from '../../auth/session';
import { todayIso } from '../persons/sections/common';

/**
 * Administration of the law data: upload an edited copy (rules with basis and validity, safe countries,
 * course types) that takes effect on a day. The server validates it and names every problem by its path.
 */
export function LawPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const [inForceFrom, setInForceFrom] = useState(todayIso());
  const [note, setNote] = useState('');
  const [json, setJson] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (data: unknown) => api.post<{ id: string }>('/api/rules/law', { inForceFrom, note, data }),
  });
  const issues = save.error instanceof ApiError ? save.error.issues : [];
  const fieldIssue = (k: string) => issues.find((i) => i.path === k)?.message;
  const dataIssues = issues.filter(
    (i) => i.path === 'data' || i.path.startsWith('data.') || i.path.startsWith('data['),
  );

  async function loadShipped() {
    const { DEFAULT_LAW } = await import('../../../domain/rules/law-default');
    setJson(JSON.stringify(DEFAULT_LAW, null, 2));
  }
  async function loadCurrent() {
    setLoadError(null);
    try {
      const r = await api.get<{ law: unknown }>('/api/rules/law', { on: inForceFrom });
      setJson(JSON.stringify(r.law, null, 2));
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : String(e));
    }
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    setParseError(null);
    let data: unknown;
    try {
      data = JSON.parse(json);
    } catch (err) {
      setParseError(t('law.parseError', { message: err instanceof Error ? err.message : String(err) }));
      return;
    }
    save.mutate(data);
  }
  return (
    <>
      <PageHeader title={t('law.title')} description={t('law.intro')} />
      <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate maw={1100}>
        <Stack>
          {save.isSuccess ? (
            <Alert color="green" variant="light" role="status" data-testid="law-saved">
              {t('law.saved', { date: formatDay(inForceFrom, i18n.language) })}
            </Alert>
          ) : null}
          {save.isError ? (
            <Alert color="red" role="alert" title={save.error.message} data-testid="law-issues">
              {dataIssues.length > 0 ? (
                <List size="sm">
                  {dataIssues.slice(0, 50).map((i) => (
                    <List.Item key={`${i.path}-${i.message}`}>
                      <code>{i.path}</code>: {i.message}
                    </List.Item>
                  ))}
                </List>
              ) : null}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('law.inForceFrom')}
              type="date"
              required
              value={inForceFrom}
              onChange={(e) => setInForceFrom(e.currentTarget.value)}
              error={fieldIssue('inForceFrom')}
            />
            <TextInput
              label={t('law.note')}
              description={t('law.noteHint')}
              required
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={fieldIssue('note')}
            />
          </SimpleGrid>
          <Group gap="sm">
            <Title order={2} size="h6">
              {t('law.template')}:
            </Title>
            <Button variant="default" size="compact-sm" onClick={() => void loadShipped()}>
              {t('law.loadShipped')}
            </Button>
            {can('rules:evaluate') ? (
              <Button variant="default" size="compact-sm" onClick={() => void loadCurrent()}>
                {t('law.loadCurrent')}
              </Button>
            ) : null}
            <FileButton accept="application/json,.json" onChange={(f) => void f?.text().then(setJson)}>
              {(props) => (
                <Button variant="default" size="compact-sm" {...props}>
                  {t('law.loadFile')}
                </Button>
              )}
            </FileButton>
          </Group>
          {loadError ? (
            <Text c="red.9" size="sm">
              {loadError}
            </Text>
          ) : null}
          <Textarea
            label={t('law.data')}
            description={t('law.dataHint')}
            required
            autosize
            minRows={12}
            maxRows={28}
            value={json}
            onChange={(e) => setJson(e.currentTarget.value)}
            error={
              parseError ??
              (dataIssues.length > 0 ? t('law.dataInvalid', { count: dataIssues.length }) : undefined)
            }
            styles={{ input: { fontFamily: 'ui-monospace, monospace', fontSize: 13 } }}
            spellCheck={false}
            dir="ltr"
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('law.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}
