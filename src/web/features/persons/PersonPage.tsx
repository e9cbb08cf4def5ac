import {
  Alert,
  Anchor,
  Button,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import type { AuditTrail, Person } from '../../api/types';
import { ForbiddenPage, NotFoundPage } from '../../app/ErrorPages';
import { countryName, formatDay, formatInstant, label, roleLabel } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { Tag } from '../../app/Tag';
import { useSession, useUser } from '../../auth/session';
import { PersonAppointments } from '../appointments/PersonAppointments';
import { PersonLanguageSection } from '../language/person/PersonLanguageSection';
import { FittingMeasures } from '../measures/FittingMeasures';
import { NotesSection } from '../notes/NotesSection';
import { PlanSection } from '../plans/PlanSection';
import { RecognitionSection } from '../recognition/RecognitionSection';
import { PersonTasks } from '../tasks/PersonTasks';
import { WorkSection } from '../work/WorkSection';
import { CorrectionDialog } from './correction/CorrectionDialog';
import { FieldHistory } from './correction/FieldHistory';
import { RechtskreisBadge } from './PersonTable';
import { ConsentSection } from './sections/ConsentSection';
import { Field, NotPermitted } from './sections/common';
import { HandoverSection } from './sections/HandoverSection';
import { HouseholdSection } from './sections/HouseholdSection';
import { LanguagesSection } from './sections/LanguagesSection';
import { PersonActions } from './sections/PersonActions';
import { ResidenceSection } from './sections/ResidenceSection';
import { StatusDecisionCard } from './sections/StatusDecisionCard';

function StatusCard({ p }: { p: Person }) {
  const { t, i18n } = useTranslation();
  const current = p.residence?.history.find((h) => h.until === null) ?? p.residence?.history[0];
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="status-card-title"
      data-testid="status-card"
    >
      <Title order={2} size="h4" mb="sm" id="status-card-title">
        {t('person.statusCard')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" component="dl" m={0}>
        <Field name={t('person.caseStatus')}>
          <Tag tone="blue">{label(t, 'caseStatus', p.caseStatus)}</Tag>
        </Field>
        <Field name={t('person.rechtskreis')}>
          <RechtskreisBadge value={p.rechtskreis} />
        </Field>
        <Field name={t('person.owner')}>{p.owner?.name ?? t('person.noOwner')}</Field>
        <Field name={t('person.ownerAgency')}>{p.ownerAgency?.name ?? '—'}</Field>
        <Field name={t('person.birthDate')}>
          {formatDay(p.birthDate, i18n.language, p.birthDatePrecision)}
        </Field>
        <Field name={t('person.nationality')}>
          {p.nationalities.map((c) => countryName(c, i18n.language)).join(', ') || '—'}
        </Field>
        <Field name={t('person.municipality')}>{p.municipality ?? '—'}</Field>
        <Field name={t('person.gender')}>{label(t, 'gender', p.gender)}</Field>
        {current ? (
          <Field name={t('person.tabs.residence')}>
            {label(t, 'residenceKind', current.kind)}
            {current.paragraph ? (
              <>
                {' ('}
                <bdi dir="ltr">§ {current.paragraph} AufenthG</bdi>)
              </>
            ) : null}
          </Field>
        ) : null}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="md">
        {t('person.accessBasis')}: <bdi dir="ltr">{p.accessBasis}</bdi>
      </Text>
    </Paper>
  );
}

function ContactPanel({ p }: { p: Person }) {
  const { t } = useTranslation();
  if (!p.contact) return <NotPermitted />;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0}>
      <Field name={t('person.contact.phone')}>{p.contact.phone ?? '—'}</Field>
      <Field name={t('person.contact.email')}>{p.contact.email ?? '—'}</Field>
      <Field name={t('person.contact.address')}>{p.contact.address ?? '—'}</Field>
    </SimpleGrid>
  );
}

function ProfilePanel({ p }: { p: Person }) {
  const { t, i18n } = useTranslation();
  if (!p.profile) return <NotPermitted />;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0}>
      <Field name={t('person.profile.baCustomerNumber')}>{p.profile.baCustomerNumber ?? '—'}</Field>
      <Field name={t('person.profile.referralSource')}>
        {label(t, 'referral', p.profile.referralSource)}
      </Field>
      <Field name={t('person.profile.ipEntryDate')}>{formatDay(p.profile.ipEntryDate, i18n.language)}</Field>
    </SimpleGrid>
  );
}

function HealthPanel({ p }: { p: Person }) {
  const { t } = useTranslation();
  if (!p.health) return <NotPermitted />;
  return (
    <dl style={{ margin: 0 }}>
      <Field name={t('person.health.notes')}>{p.health.notes ?? '—'}</Field>
    </dl>
  );
}

function AuditPanel({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const audit = useQuery({
    queryKey: ['audit', personId],
    queryFn: () => api.get<AuditTrail>(`/api/persons/${personId}/audit`, { limit: 100 }),
  });
  if (audit.isPending) return <Skeleton height={120} />;
  if (audit.isError)
    return (
      <Alert color="red" role="alert">
        {audit.error.message}
      </Alert>
    );
  if (audit.data.items.length === 0) return <Text c="dimmed">{t('person.audit.empty')}</Text>;
  return (
    <Table.ScrollContainer type="native" tabIndex={0} minWidth={760}>
      <Table data-testid="audit-table">
        <Table.Caption className="visually-hidden">{t('person.audit.title')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('person.audit.at')}</Table.Th>
            <Table.Th scope="col">{t('person.audit.user')}</Table.Th>
            <Table.Th scope="col">{t('person.audit.agency')}</Table.Th>
            <Table.Th scope="col">{t('person.audit.action')}</Table.Th>
            <Table.Th scope="col">{t('person.audit.outcome')}</Table.Th>
            <Table.Th scope="col">{t('person.audit.legalBasis')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {audit.data.items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(a.at, i18n.language)}</Table.Td>
              <Table.Td>
                {a.user ?? '—'}
                {a.role ? (
                  <Text size="xs" c="dimmed">
                    {roleLabel(a.role, i18n.language)}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{a.agency ?? '—'}</Table.Td>
              <Table.Td>{t(`auditAction.${a.action}`, { defaultValue: t('auditAction.other') })}</Table.Td>
              <Table.Td>
                <Tag tone={a.outcome === 'denied' ? 'red' : 'green'}>{label(t, 'outcome', a.outcome)}</Tag>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{a.legalBasis ? <bdi dir="ltr">{a.legalBasis}</bdi> : '—'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const user = useUser();
  const { can } = useSession();
  const person = useQuery({ queryKey: ['person', id], queryFn: () => api.get<Person>(`/api/persons/${id}`) });
  const [correcting, setCorrecting] = useState(false);

  if (person.isPending) {
    return (
      <Stack>
        <Skeleton height={36} width="40%" />
        <Skeleton height={180} />
      </Stack>
    );
  }
  if (person.isError) {
    const err = person.error;
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) return <NotFoundPage />;
    if (err instanceof ApiError && err.status === 403) return <ForbiddenPage message={err.message} />;
    throw err;
  }
  const p = person.data;
  const mayAudit = user.role === 'admin' || (p.owner !== null && p.owner.id === user.id);
  const tabs: { value: string; label: string; panel: ReactNode }[] = [
    { value: 'residence', label: t('person.tabs.residence'), panel: <ResidenceSection p={p} /> },
    { value: 'household', label: t('person.tabs.household'), panel: <HouseholdSection p={p} /> },
    { value: 'language', label: t('person.tabs.language'), panel: <LanguagesSection p={p} /> },
    { value: 'consent', label: t('person.tabs.consent'), panel: <ConsentSection p={p} /> },
    {
      value: 'plan',
      label: t('plan.tab'),
      panel: <PlanSection personId={p.id} languages={(p.languages ?? []).map((l) => l.code)} />,
    },
    { value: 'measures', label: t('measures.tab'), panel: <FittingMeasures personId={p.id} /> },
    { value: 'recognition', label: t('recognition.tab'), panel: <RecognitionSection personId={p.id} /> },
    { value: 'tasks', label: t('tasks.tab'), panel: <PersonTasks personId={p.id} /> },
    { value: 'notes', label: t('notes.tab'), panel: <NotesSection personId={p.id} /> },
    {
      value: 'appointments',
      label: t('appointments.tab'),
      panel: <PersonAppointments personId={p.id} languages={(p.languages ?? []).map((l) => l.code)} />,
    },
    { value: 'contact', label: t('person.tabs.contact'), panel: <ContactPanel p={p} /> },
    { value: 'profile', label: t('person.tabs.profile'), panel: <ProfilePanel p={p} /> },
    { value: 'health', label: t('person.tabs.health'), panel: <HealthPanel p={p} /> },
    { value: 'courses', label: t('lp.person.tab'), panel: <PersonLanguageSection personId={p.id} /> },
  ];
  // The work tab (issue 14): for the staff who read the work side; the server decides on the profile.
  if (can('work:read'))
    tabs.splice(tabs.findIndex((x) => x.value === 'recognition') + 1, 0, {
      value: 'work',
      label: t('work.tab'),
      panel: <WorkSection personId={p.id} />,
    });
  if (can('handover:manage'))
    tabs.splice(4, 0, {
      value: 'handovers',
      label: t('person.tabs.handovers'),
      panel: <HandoverSection p={p} />,
    });
  tabs.push({ value: 'history', label: t('correction.historyTab'), panel: <FieldHistory personId={p.id} /> });
  if (mayAudit)
    tabs.push({ value: 'audit', label: t('person.tabs.audit'), panel: <AuditPanel personId={p.id} /> });

  return (
    <>
      <Anchor component={Link} to="/personen" size="sm" mb="xs" display="inline-block">
        ← {t('person.back')}
      </Anchor>
      <PageHeader
        title={`${p.familyName}, ${p.givenNames}`}
        description={
          p.nameOriginal || p.nameVariants.length > 0 ? (
            <Group gap="xs" component="span">
              {p.nameOriginal ? (
                <Text span dir="auto" fw={500}>
                  {p.nameOriginal}
                </Text>
              ) : null}
              {p.nameVariants.length > 0 ? (
                <Text span size="sm" c="dimmed">
                  {t('person.nameVariants')}: {p.nameVariants.join(', ')}
                </Text>
              ) : null}
            </Group>
          ) : undefined
        }
        actions={
          <Group gap="sm">
            {can('person:update') ? (
              <>
                <Button variant="default" onClick={() => setCorrecting(true)} data-testid="correction-open">
                  {t('correction.button')}
                </Button>
                {correcting ? <CorrectionDialog p={p} opened onClose={() => setCorrecting(false)} /> : null}
              </>
            ) : null}
            <PersonActions p={p} />
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <StatusCard p={p} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <StatusDecisionCard p={p} />
        </Grid.Col>
        <Grid.Col span={12}>
          <Paper withBorder p="md">
            <Tabs defaultValue="residence" keepMounted={false}>
              <Tabs.List>
                {tabs.map((tab) => (
                  <Tabs.Tab key={tab.value} value={tab.value}>
                    {tab.label}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {tabs.map((tab) => (
                <Tabs.Panel key={tab.value} value={tab.value} pt="md">
                  {tab.panel}
                </Tabs.Panel>
              ))}
            </Tabs>
          </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}
