import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCandidate } from '../../../api/casefile';
import { countryName, formatDay, formatNumber, label } from '../../../app/format';
import { Tag, type Tone, WARNING_ALERT_STYLES } from '../../../app/Tag';

/** Evidence for the same person is blue, evidence against it orange (src/domain/duplicates/reasons.ts). */
const REASON_TONE = (code: string): Tone =>
  code.endsWith('_mismatch') || code === 'common_name' ? 'orange' : 'blue';

export function CandidateSummary({ c }: { c: DuplicateCandidate }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text fw={600}>{c.name}</Text>
        {c.nameOriginal ? (
          <Text span dir="auto">
            <bdi>{c.nameOriginal}</bdi>
          </Text>
        ) : null}
        <Text span size="sm" c="dimmed">
          {t('duplicates.score', { score: formatNumber(Math.round(c.score * 100), lang) })}
        </Text>
      </Group>
      <Text size="sm">
        {[
          `${t('person.birthDate')}: ${formatDay(c.birthDate, lang, c.birthDatePrecision)}`,
          c.nationalities.map((n) => countryName(n, lang)).join(', ') || null,
          c.municipality,
          c.agency,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      <ul className="tag-list" aria-label={t('duplicates.reasons')}>
        {c.reasons.map((r) => (
          <li key={r}>
            <Tag tone={REASON_TONE(r)}>{label(t, 'dupReason', r)}</Tag>
          </li>
        ))}
      </ul>
    </Stack>
  );
}

/**
 * The duplicate warning at intake: possible matches with their reasons, before anything is created.
 * "Das ist dieselbe Person → öffnen" leads to the existing case; "Trotzdem neu anlegen" creates a new one.
 */
export function DuplicateCandidates({
  candidates,
  onCreateAnyway,
  creating,
}: {
  candidates: DuplicateCandidate[];
  onCreateAnyway: () => void;
  creating: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="light"
      styles={WARNING_ALERT_STYLES}
      title={t('duplicates.title', { count: candidates.length })}
      data-testid="duplicate-warning"
      role="region"
      aria-label={t('duplicates.title', { count: candidates.length })}
    >
      <Stack gap="sm">
        <Text size="sm">{t('duplicates.intro')}</Text>
        {candidates.map((c) => (
          <Paper key={c.id} withBorder p="sm" data-testid="duplicate-candidate">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
              <CandidateSummary c={c} />
              <Button component={Link} to={`/personen/${c.id}`} variant="default" size="sm">
                {t('duplicates.open')}
              </Button>
            </Group>
          </Paper>
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCreateAnyway} loading={creating}>
            {t('duplicates.createAnyway')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
