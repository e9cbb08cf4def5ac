import { Alert, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { api } from '../../api/client';
import type { PersonList } from '../../api/types';
import { formatNumber } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { useUser } from '../../auth/session';
import { PersonSearch } from '../persons/PersonSearch';
import { PersonTable } from '../persons/PersonTable';
import { Overview } from './Overview';

function IntakeStart() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <>
      <PageHeader
        title={t('start.eingangszone.title')}
        description={t('start.greeting', { name: user.displayName })}
        actions={
          <Button component={Link} to="/personen/neu" size="md">
            {t('start.eingangszone.newPerson')}
          </Button>
        }
      />
      <Alert color="blue" variant="light" mb="md">
        {t('start.eingangszone.intro')}
      </Alert>
      <Title order={2} size="h4" mb="sm">
        {t('start.eingangszone.searchTitle')}
      </Title>
      <PersonSearch />
    </>
  );
}

function MyCasesStart() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const cases = useQuery({
    queryKey: ['persons', 'mine', user.id],
    queryFn: () => api.get<PersonList>('/api/persons', { ownerId: user.id, limit: 100 }),
  });
  return (
    <>
      <PageHeader
        title={t('start.fachkraft.title')}
        description={t('start.fachkraft.intro')}
        actions={
          <Button component={Link} to="/personen" variant="default">
            {t('nav.search')}
          </Button>
        }
      />
      <Paper withBorder>
        <Group px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          <Text fw={600} data-testid="my-cases-count">
            {cases.data
              ? t('common.results', {
                  count: cases.data.total,
                  formatted: formatNumber(cases.data.total, i18n.language),
                })
              : t('shell.loading')}
          </Text>
        </Group>
        {cases.isPending ? (
          <Stack p="md">
            <Skeleton height={28} />
            <Skeleton height={28} />
          </Stack>
        ) : cases.isError ? (
          <Alert color="red" role="alert" m="md">
            {cases.error.message}
          </Alert>
        ) : cases.data.items.length === 0 ? (
          <Text p="md" c="dimmed">
            {t('start.fachkraft.empty')}
          </Text>
        ) : (
          <PersonTable items={cases.data.items} caption={t('start.fachkraft.title')} showOwner={false} />
        )}
      </Paper>
    </>
  );
}

function OverviewStart({ role }: { role: 'sprachberatung' | 'arbeitgeberservice' | 'koordination' }) {
  const { t } = useTranslation();
  const user = useUser();
  const dims =
    role === 'arbeitgeberservice'
      ? (['status', 'rechtskreis'] as const)
      : role === 'sprachberatung'
        ? (['rechtskreis', 'municipality'] as const)
        : (['rechtskreis', 'status', 'municipality'] as const);
  return (
    <>
      <PageHeader
        title={`${t('start.overview.title')} – ${role === 'arbeitgeberservice' ? user.agency.name : user.tenant.name}`}
        description={t(`start.overview.intro.${role}`)}
      />
      <Overview dimensions={[...dims]} />
    </>
  );
}

function PartnerStart() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('start.partner.title')} description={t('start.partner.intro')} />
      <PersonSearch />
    </>
  );
}

/** Each role starts where its daily work starts. */
export function StartPage() {
  const user = useUser();
  switch (user.role) {
    case 'eingangszone':
      return <IntakeStart />;
    case 'integrationsfachkraft':
      return <MyCasesStart />;
    case 'sprachberatung':
    case 'arbeitgeberservice':
    case 'koordination':
      return <OverviewStart role={user.role} />;
    case 'partner':
      // A course provider's day starts with its courses; other partner agencies look people up.
      return user.permissions.includes('courses:manage') ? (
        <Navigate to="/kurse" replace />
      ) : (
        <PartnerStart />
      );
    case 'admin':
      return <Navigate to="/verwaltung/benutzer" replace />;
  }
}
