import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OUTCOME_FIELDS } from '../../../domain/rules/outcome';
import type { Decision, ImpactAnswer } from '../../api/casefile';
import { api, issuesByField } from '../../api/client';
import { formatDay, formatNumber, label } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { directionOf } from '../../i18n';

const BarChart = lazy(() => import('../charts/BarChart'));

/** Dates on which the law changed (DOMAIN.md §3–5): one click to see who is affected. */
const KNOWN_CHANGES = [
  '2019-08-06',
  '2019-08-21',
  '2020-03-01',
  '2022-06-01',
  '2023-12-23',
  '2024-02-27',
  '2026-02-09',
  '2026-06-12',
];

function fieldValue(t: TFunction, lang: string, d: Decision, field: string): string {
  switch (field) {
    case 'employment':
      return label(t, 'employment', d.employment);
    case 'permitFrom':
      return d.permitFrom ? formatDay(d.permitFrom, lang) : '—';
    case 'baConsent':
      return d.baConsent === null
        ? '—'
        : d.baConsent
          ? t('impact.consentNeeded')
          : t('impact.consentNotNeeded');
    case 'benefits':
      return label(t, 'rechtskreis', d.benefits);
    case 'agency':
      return t(`decision.agencyShort.${d.agency}`, { defaultValue: d.agency });
    default:
      return '';
  }
}

/** Koordination: who gets a different answer on a day the law changes, compared with the day before. */
export function ImpactPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [on, setOn] = useState('2024-02-27');
  const run = useMutation({
    mutationFn: (day: string) => api.get<ImpactAnswer>('/api/rules/impact', { on: day }),
  });
  const errors = issuesByField(run.error);
  function submit(e: FormEvent) {
    e.preventDefault();
    run.mutate(on);
  }
  const data = run.data;
  const bars = data
    ? OUTCOME_FIELDS.map((f) => ({
        label: t(`impact.field.${f}`),
        value: data.items.filter((x) => x.changed.includes(f)).length,
      }))
    : [];
  return (
    <>
      <PageHeader title={t('impact.title')} description={t('impact.intro')} />
      <Stack gap="lg">
        <Paper
          withBorder
          p="md"
          component="form"
          onSubmit={submit}
          noValidate
          aria-labelledby="impact-form-title"
        >
          <Title order={2} size="h5" id="impact-form-title" mb="sm">
            {t('impact.formTitle')}
          </Title>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('impact.on')}
              type="date"
              required
              value={on}
              onChange={(e) => setOn(e.currentTarget.value)}
              error={errors['query.on'] ?? errors.on}
            />
            <Button type="submit" loading={run.isPending}>
              {t('impact.run')}
            </Button>
          </Group>
          <Group gap={6} mt="sm" aria-label={t('impact.known')} role="group">
            <Text size="sm" c="dimmed">
              {t('impact.known')}:
            </Text>
            {KNOWN_CHANGES.map((d) => (
              <Button
                key={d}
                size="compact-sm"
                variant="light"
                onClick={() => {
                  setOn(d);
                  run.mutate(d);
                }}
              >
                {formatDay(d, lang)}
              </Button>
            ))}
          </Group>
        </Paper>
        {run.isError ? (
          <Alert color="red" role="alert">
            {run.error.message}
          </Alert>
        ) : null}
        {run.isPending ? <Skeleton height={200} /> : null}
        {data ? (
          <>
            <Text fw={600} aria-live="polite" data-testid="impact-summary">
              {t('impact.summary', {
                date: formatDay(data.on, lang),
                evaluated: formatNumber(data.evaluated, lang),
                changed: formatNumber(data.items.length, lang),
                seconds: new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
                  maximumFractionDigits: 2,
                }).format(data.seconds),
              })}
            </Text>
            {data.items.length > 0 ? (
              <Stack gap="lg">
                <Paper
                  withBorder
                  p="md"
                  component="figure"
                  m={0}
                  maw={640}
                  aria-labelledby="impact-chart-title"
                >
                  <Title order={2} size="h5" id="impact-chart-title" component="figcaption" mb="xs">
                    {t('impact.chartTitle')}
                  </Title>
                  <Suspense fallback={<Skeleton height={180} />}>
                    <BarChart bars={bars} height={180} rtl={directionOf(lang) === 'rtl'} />
                  </Suspense>
                  <Text size="xs" c="dimmed">
                    {bars.map((b) => `${b.label}: ${b.value}`).join(' · ')}
                  </Text>
                </Paper>
                <Paper withBorder>
                  <Table.ScrollContainer type="native" minWidth={720}>
                    <Table data-testid="impact-table" verticalSpacing="xs">
                      <Table.Caption className="visually-hidden">{t('impact.tableCaption')}</Table.Caption>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">{t('person.name')}</Table.Th>
                          <Table.Th scope="col">{t('impact.changed')}</Table.Th>
                          <Table.Th scope="col">
                            {t('impact.before', { date: formatDay(data.on, lang) })}
                          </Table.Th>
                          <Table.Th scope="col">
                            {t('impact.after', { date: formatDay(data.on, lang) })}
                          </Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {data.items.map((x) => (
                          <Table.Tr key={x.id}>
                            <Table.Td>
                              <Anchor component={Link} to={`/personen/${x.id}`} fw={600}>
                                {x.name}
                              </Anchor>
                            </Table.Td>
                            <Table.Td>
                              {x.changed.map((f) => t(`impact.field.${f}`, { defaultValue: f })).join(', ')}
                            </Table.Td>
                            <Table.Td>
                              {x.changed.map((f) => (
                                <Text size="sm" key={f}>
                                  {t(`impact.field.${f}`, { defaultValue: f })}:{' '}
                                  {fieldValue(t, lang, x.before, f)}
                                </Text>
                              ))}
                            </Table.Td>
                            <Table.Td>
                              {x.changed.map((f) => (
                                <Text size="sm" key={f} fw={600}>
                                  {t(`impact.field.${f}`, { defaultValue: f })}:{' '}
                                  {fieldValue(t, lang, x.after, f)}
                                </Text>
                              ))}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </Paper>
              </Stack>
            ) : (
              <Text c="dimmed">{t('impact.none')}</Text>
            )}
          </>
        ) : null}
      </Stack>
    </>
  );
}
