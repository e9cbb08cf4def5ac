import { Alert, Anchor, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import type { Person } from '../../api/types';
import { ForbiddenPage, NotFoundPage } from '../../app/ErrorPages';
import { PageHeader } from '../../app/PageHeader';
import { useSession } from '../../auth/session';
import { RequestHandoverModal } from '../handovers/RequestHandover';
import { ConsentSection } from './sections/ConsentSection';
import { HouseholdSection } from './sections/HouseholdSection';
import { LanguagesSection } from './sections/LanguagesSection';
import { ResidenceSection } from './sections/ResidenceSection';

function Section({
  n,
  id,
  title,
  hint,
  children,
}: {
  n: number;
  id: string;
  title: string;
  hint: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id} data-testid={`intake-${id}`}>
      <Title order={2} size="h4" id={id}>
        {n}. {title}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {hint}
      </Text>
      {children}
    </Paper>
  );
}

/** The rest of the intake form for a person just created: each part can be done now or later in the case file. */
export function IntakeContinuePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const [handing, setHanding] = useState(false);
  const [handed, setHanded] = useState<string | null>(null);
  const person = useQuery({ queryKey: ['person', id], queryFn: () => api.get<Person>(`/api/persons/${id}`) });
  if (person.isPending) return <Skeleton height={200} />;
  if (person.isError) {
    const err = person.error;
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) return <NotFoundPage />;
    if (err instanceof ApiError && err.status === 403) return <ForbiddenPage message={err.message} />;
    throw err;
  }
  const p = person.data;
  const name = `${p.familyName}, ${p.givenNames}`;
  return (
    <>
      <PageHeader
        title={t('intake.continueTitle', { name })}
        description={t('intake.continueIntro')}
        actions={
          <Button component={Link} to={`/personen/${p.id}`} variant="default">
            {t('intake.toFile')}
          </Button>
        }
      />
      <Stack gap="lg" maw={1100}>
        <Alert color="green" variant="light" role="status" data-testid="intake-created">
          {t('intake.created', { name })}
        </Alert>
        <Section n={3} id="household" title={t('intake.section.household')} hint={t('intake.hint.household')}>
          <HouseholdSection p={p} />
        </Section>
        <Section n={4} id="residence" title={t('intake.section.residence')} hint={t('intake.hint.residence')}>
          <ResidenceSection p={p} />
        </Section>
        <Section n={5} id="languages" title={t('intake.section.languages')} hint={t('intake.hint.languages')}>
          <LanguagesSection p={p} startEditing={(p.languages ?? []).length === 0} />
        </Section>
        <Section n={6} id="consent" title={t('intake.section.consent')} hint={t('intake.hint.consent')}>
          <ConsentSection p={p} />
        </Section>
        {handed ? (
          <Alert color="green" variant="light" role="status" data-testid="handover-sent">
            {handed}{' '}
            <Anchor component={Link} to="/uebergaben?box=outbox">
              {t('handover.toOutbox')}
            </Anchor>
          </Alert>
        ) : null}
        <Group justify="flex-end">
          {can('handover:manage') ? (
            <Button variant="default" onClick={() => setHanding(true)} data-testid="request-handover">
              {t('handover.request')}
            </Button>
          ) : null}
          <Button component={Link} to={`/personen/${p.id}`}>
            {t('intake.finish')}
          </Button>
        </Group>
      </Stack>
      <RequestHandoverModal
        p={p}
        opened={handing}
        onClose={() => setHanding(false)}
        onDone={(h) => {
          setHanding(false);
          setHanded(t('handover.sent', { agency: h.toAgency }));
        }}
      />
    </>
  );
}
