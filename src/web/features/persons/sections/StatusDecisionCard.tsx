import { Alert, Paper, Skeleton, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { StatusCard } from '../../../api/casefile';
import { api } from '../../../api/client';
import type { Person } from '../../../api/types';
import { DecisionView } from '../../rules/DecisionView';
import { NotPermitted } from './common';

/** The rules engine's answer for this person today: work, advice, courses, deadlines, with the law on demand. */
export function StatusDecisionCard({ p }: { p: Person }) {
  const { t } = useTranslation();
  const allowed = p.visibleCategories.includes('residence');
  const card = useQuery({
    queryKey: ['status-card', p.id],
    queryFn: () => api.get<StatusCard>(`/api/persons/${p.id}/status-card`),
    enabled: allowed,
  });
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="decision-card-title"
      data-testid="status-decision"
    >
      <Title order={2} size="h4" mb="sm" id="decision-card-title">
        {t('decision.title')}
      </Title>
      {!allowed ? (
        <NotPermitted />
      ) : card.isPending ? (
        <Skeleton height={160} />
      ) : card.isError ? (
        <Alert color="red" role="alert">
          {card.error.message}
        </Alert>
      ) : (
        <DecisionView d={card.data} />
      )}
    </Paper>
  );
}
