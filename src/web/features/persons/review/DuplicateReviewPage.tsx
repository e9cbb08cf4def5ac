import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  ReviewList,
  ReviewPair,
  ReviewRun,
  ReviewSide,
} from '../../../../server/modules/persons/review-schema';
import { api } from '../../../api/client';
import { countryName, formatDay, formatInstant, formatNumber, label } from '../../../app/format';
import { PageHeader } from '../../../app/PageHeader';
import { Pager } from '../../../app/Pager';
import { Tag, type Tone } from '../../../app/Tag';
import { ActionError } from '../sections/common';

/** Evidence for the same person is blue, evidence against it orange (as at intake). */
const REASON_TONE = (code: string): Tone => (code.endsWith('_mismatch') ? 'orange' : 'blue');

const reviewKey = (page: number) => ['duplicate-review', page] as const;

/** One record of a pair: what a clerk compares with the documents in hand. */
function Side({ s, pairId }: { s: ReviewSide; pairId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const facts: [string, string][] = [
    [t('person.birthDate'), formatDay(s.birthDate, lang, s.birthDatePrecision)],
    [t('review.nationality'), s.nationalities.map((n) => countryName(n, lang)).join(', ') || '–'],
    [t('review.gender'), label(t, 'gender', s.gender)],
    [t('review.municipality'), s.municipality ?? '–'],
    [t('review.agency'), s.agency ?? '–'],
    [t('review.registeredOn'), formatDay(s.registeredOn, lang)],
  ];
  return (
    <Stack gap={4}>
      <Radio value={s.id} label={t('review.keepThis')} aria-describedby={`${pairId}-${s.id}-name`} />
      <Anchor component={Link} to={`/personen/${s.id}`} fw={600} id={`${pairId}-${s.id}-name`}>
        {s.name}
      </Anchor>
      {s.nameOriginal ? (
        <Text size="sm" dir="auto">
          <bdi>{s.nameOriginal}</bdi>
        </Text>
      ) : null}
      {s.nameVariants.length > 0 ? (
        <Text size="sm" c="dimmed">
          {t('review.variants')}: {s.nameVariants.join(', ')}
        </Text>
      ) : null}
      <dl className="fact-list">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </Stack>
  );
}

function PairCard({ pair, page }: { pair: ReviewPair; page: number }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  // The record registered first stays unless the clerk chooses otherwise: it carries the longer history.
  const older = pair.a.registeredAt <= pair.b.registeredAt ? pair.a : pair.b;
  const [survivor, setSurvivor] = useState<string>(older.id);
  const decide = useMutation({
    mutationFn: (decision: 'merge' | 'distinct') => {
      const keep = survivor === pair.a.id ? pair.a : pair.b;
      const other = keep === pair.a ? pair.b : pair.a;
      return api.post(
        `/api/duplicates/review/${pair.id}/decision`,
        decision === 'distinct'
          ? { decision, version: pair.version }
          : {
              decision,
              version: pair.version,
              survivorId: keep.id,
              survivorVersion: keep.version,
              duplicateVersion: other.version,
            },
      );
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: reviewKey(page) }),
  });
  const titleId = `pair-${pair.id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h5" id={titleId}>
            {pair.a.name} · {pair.b.name}
          </Title>
          <Text size="sm">
            {t('review.score', { score: formatNumber(Math.round(pair.score * 100), i18n.language) })}
          </Text>
        </Group>
        <ul className="tag-list" aria-label={t('duplicates.reasons')}>
          {pair.reasons.map((r) => (
            <li key={r}>
              <Tag tone={REASON_TONE(r)}>{label(t, 'dupReason', r)}</Tag>
            </li>
          ))}
        </ul>
        <Radio.Group value={survivor} onChange={setSurvivor} label={t('review.whichStays')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            <Side s={pair.a} pairId={pair.id} />
            <Side s={pair.b} pairId={pair.id} />
          </SimpleGrid>
        </Radio.Group>
        {decide.isError ? <ActionError error={decide.error} /> : null}
        <Group>
          <Button
            onClick={() => decide.mutate('merge')}
            loading={decide.isPending && decide.variables === 'merge'}
          >
            {t('review.merge')}
          </Button>
          <Button
            variant="default"
            onClick={() => decide.mutate('distinct')}
            loading={decide.isPending && decide.variables === 'distinct'}
          >
            {t('review.distinct')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function LastRun({ run }: { run: ReviewRun | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (!run) return <Text>{t('review.neverRun')}</Text>;
  return (
    <Text>
      {t('review.lastRun', {
        when: formatInstant(run.finishedAt ?? run.startedAt, lang),
        records: formatNumber(run.records, lang),
        proposed: formatNumber(run.proposed, lang),
      })}
    </Text>
  );
}

/**
 * The duplicate review queue (issue 12): after importing lists, a clerk goes through the pairs the
 * matcher proposes — side by side — and merges them or confirms two different people (never proposed
 * again). Every decision is audited on the server.
 */
export function DuplicateReviewPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: reviewKey(page),
    queryFn: () => api.get<ReviewList>('/api/duplicates/review', { page }),
  });
  const run = useMutation({
    mutationFn: () => api.post<ReviewRun>('/api/duplicates/review/run'),
    onSuccess: () => {
      setPage(1);
      return qc.invalidateQueries({ queryKey: ['duplicate-review'] });
    },
  });
  return (
    <>
      <PageHeader title={t('review.title')} description={t('review.intro')} />
      <Stack>
        <Paper withBorder p="md">
          <Group justify="space-between" align="center">
            {list.data ? <LastRun run={list.data.lastRun} /> : <Skeleton h={20} w={320} />}
            <Button onClick={() => run.mutate()} loading={run.isPending}>
              {t('review.run')}
            </Button>
          </Group>
          {run.isPending ? (
            <Text size="sm" c="dimmed" role="status" mt="xs">
              {t('review.running')}
            </Text>
          ) : null}
          {run.isError ? <ActionError error={run.error} /> : null}
        </Paper>
        {list.isPending ? (
          <Skeleton h={200} />
        ) : list.isError ? (
          <ActionError error={list.error} />
        ) : list.data.pairs.length === 0 ? (
          <Alert color="green" title={t('review.noneTitle')}>
            {t('review.none')}
          </Alert>
        ) : (
          <>
            <Text role="status">{t('review.count', { count: list.data.total })}</Text>
            {list.data.pairs.map((p) => (
              <PairCard key={p.id} pair={p} page={page} />
            ))}
            <Pager pages={Math.ceil(list.data.total / list.data.pageSize)} page={page} onChange={setPage} />
          </>
        )}
      </Stack>
    </>
  );
}
