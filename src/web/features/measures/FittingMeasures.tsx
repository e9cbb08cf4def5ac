import { Anchor, List, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../app/format';
import { Tag } from '../../app/Tag';
import { ActionError } from '../persons/sections/common';
import { type Fitting, useFittingMeasures } from './api';

function Reasons({ items, tone }: { items: Fitting['met']; tone: 'met' | 'missing' | 'unknown' }) {
  if (items.length === 0) return null;
  const mark = tone === 'met' ? '✓' : tone === 'missing' ? '✗' : '?';
  return (
    <List size="sm" listStyleType="none" spacing={2}>
      {items.map((r) => (
        <List.Item key={r.code}>
          <span aria-hidden="true">{mark} </span>
          {r.text}
        </List.Item>
      ))}
    </List>
  );
}

/** The catalogue for one person: fitting measures first, each with why it fits or what is missing. */
export function FittingMeasures({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const q = useFittingMeasures(personId);
  if (q.isPending) return <Skeleton h={160} />;
  if (q.isError) return <ActionError error={q.error} />;
  if (q.data.length === 0) return <Text c="dimmed">{t('measures.none')}</Text>;
  return (
    <Stack>
      <Text c="dimmed">{t('measures.personIntro')}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="fitting-measures">
        {q.data.map((f) => (
          <Paper key={f.measure.id} withBorder p="md">
            <Stack gap={6}>
              <Title order={3} size="h5">
                {f.measure.title}
              </Title>
              <Text size="sm">
                {t(`measures.types.${f.measure.type}`)} · {f.measure.provider}
                {f.measure.startDate
                  ? ` · ${t('measures.from', { date: formatDay(f.measure.startDate, i18n.language) })}`
                  : ''}
              </Text>
              <div>
                {f.fits ? (
                  <Tag tone="green">{t('measures.fits')}</Tag>
                ) : f.missing.length > 0 ? (
                  <Tag tone="gray">{t('measures.doesNotFit')}</Tag>
                ) : (
                  <Tag tone="orange">{t('measures.check')}</Tag>
                )}
              </div>
              <Reasons items={f.met} tone="met" />
              <Reasons items={f.missing} tone="missing" />
              <Reasons items={f.unknown} tone="unknown" />
              {f.measure.contactName ? (
                <Text size="sm">
                  {t('measures.contact')}: {f.measure.contactName}
                  {f.measure.contactEmail ? (
                    <>
                      {' '}
                      · <Anchor href={`mailto:${f.measure.contactEmail}`}>{f.measure.contactEmail}</Anchor>
                    </>
                  ) : null}
                </Text>
              ) : null}
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
