import {
  Alert,
  Button,
  Grid,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES } from '../../../domain/reference/countries';
import { CEFR_LEVELS } from '../../../domain/reference/languages';
import { ASYLUM_DECISIONS, STATUS_KINDS, type StatusCard } from '../../api/casefile';
import { ApiError, api } from '../../api/client';
import { countryName } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { todayIso, triToValue, valueToTri } from '../persons/sections/common';
import { DecisionView } from './DecisionView';

interface Form {
  asOf: string;
  nationality: string;
  entryDate: string;
  kind: string;
  paragraph: string;
  since: string;
  until: string;
  asylumApplicationDate: string;
  asylumDecision: string;
  livesInReceptionCentre: boolean | undefined;
  registered: boolean | undefined;
  germanLevel: string;
}

/** "Prüfen ohne Person": the rules engine for a situation described by hand; nothing is stored or logged as a person. */
export function RulesCheckPage() {
  const { t, i18n } = useTranslation();
  const [f, setF] = useState<Form>({
    asOf: todayIso(),
    nationality: '',
    entryDate: '',
    kind: '',
    paragraph: '',
    since: '',
    until: '',
    asylumApplicationDate: '',
    asylumDecision: '',
    livesInReceptionCentre: undefined,
    registered: undefined,
    germanLevel: '',
  });
  const countries = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    return [...COUNTRY_CODES]
      .map((c) => ({ value: c, label: countryName(c, i18n.language) }))
      .filter((c) => c.label !== c.value)
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [i18n.language]);
  const evaluate = useMutation({
    mutationFn: (x: Form) =>
      api.post<StatusCard>('/api/rules/evaluate', {
        id: 'prüfung',
        asOf: x.asOf || null,
        nationality: x.nationality || null,
        entryDate: x.entryDate || null,
        germanLevel: x.germanLevel || null,
        status: x.kind
          ? {
              kind: x.kind,
              paragraph: x.paragraph.trim() || null,
              since: x.since || null,
              until: x.until || null,
              asylumApplicationDate: x.asylumApplicationDate || null,
              asylumDecision: x.asylumDecision || null,
              livesInReceptionCentre: x.livesInReceptionCentre ?? null,
              registered: x.registered ?? null,
            }
          : null,
      }),
  });
  const issue = (path: string) =>
    evaluate.error instanceof ApiError
      ? evaluate.error.issues.find((i) => i.path === path)?.message
      : undefined;
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setF((x) => ({ ...x, [k]: v }));
  const tri = (k: 'livesInReceptionCentre' | 'registered', text: string) => (
    <Select
      label={text}
      allowDeselect={false}
      value={triToValue(f[k])}
      data={[
        { value: '', label: t('common.unknown') },
        { value: 'yes', label: t('common.yes') },
        { value: 'no', label: t('common.no') },
      ]}
      onChange={(v) => set(k, valueToTri(v))}
    />
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    evaluate.mutate(f);
  }
  return (
    <>
      <PageHeader title={t('rulesCheck.title')} description={t('rulesCheck.intro')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="rc-form">
            <Stack>
              <Title order={2} size="h5" id="rc-form">
                {t('rulesCheck.situation')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label={t('rulesCheck.asOf')}
                  type="date"
                  value={f.asOf}
                  onChange={(e) => set('asOf', e.currentTarget.value)}
                  error={issue('asOf')}
                />
                <Select
                  label={t('person.nationality')}
                  searchable
                  clearable
                  value={f.nationality || null}
                  data={countries}
                  onChange={(v) => set('nationality', v ?? '')}
                />
                <TextInput
                  label={t('person.residence.entryDate')}
                  type="date"
                  value={f.entryDate}
                  onChange={(e) => set('entryDate', e.currentTarget.value)}
                />
                <Select
                  label={t('rulesCheck.germanLevel')}
                  clearable
                  value={f.germanLevel || null}
                  data={CEFR_LEVELS}
                  onChange={(v) => set('germanLevel', v ?? '')}
                />
                <Select
                  label={t('person.residence.kind')}
                  clearable
                  value={f.kind || null}
                  data={STATUS_KINDS.map((k) => ({ value: k, label: t(`residenceKind.${k}`) }))}
                  onChange={(v) => set('kind', v ?? '')}
                />
                <TextInput
                  label={t('residence.paragraph')}
                  description={t('residence.paragraphHint')}
                  value={f.paragraph}
                  onChange={(e) => set('paragraph', e.currentTarget.value)}
                />
                <TextInput
                  label={t('residence.since')}
                  type="date"
                  value={f.since}
                  onChange={(e) => set('since', e.currentTarget.value)}
                />
                <TextInput
                  label={t('residence.until')}
                  type="date"
                  value={f.until}
                  onChange={(e) => set('until', e.currentTarget.value)}
                />
                <TextInput
                  label={t('residence.asylumApplicationDate')}
                  type="date"
                  value={f.asylumApplicationDate}
                  onChange={(e) => set('asylumApplicationDate', e.currentTarget.value)}
                />
                <Select
                  label={t('residence.asylumDecision')}
                  clearable
                  value={f.asylumDecision || null}
                  data={ASYLUM_DECISIONS.map((k) => ({ value: k, label: t(`asylumDecision.${k}`) }))}
                  onChange={(v) => set('asylumDecision', v ?? '')}
                />
                {tri('livesInReceptionCentre', t('residence.livesInReceptionCentre'))}
                {tri('registered', t('residence.registered'))}
              </SimpleGrid>
              <Group justify="flex-end">
                <Button type="submit" loading={evaluate.isPending}>
                  {t('rulesCheck.run')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Paper
            withBorder
            p="md"
            component="section"
            aria-labelledby="rc-result"
            data-testid="rules-check-result"
          >
            <Title order={2} size="h5" id="rc-result" mb="sm">
              {t('rulesCheck.result')}
            </Title>
            {evaluate.isError ? (
              <Alert color="red" role="alert">
                {evaluate.error.message}
              </Alert>
            ) : evaluate.data ? (
              <DecisionView d={evaluate.data} />
            ) : (
              <Text c="dimmed">{t('rulesCheck.empty')}</Text>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}
