import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CONTRACT_TYPES, DECLINED_BY, type PlacementStatus, WAGE_BRACKETS } from '../../../domain/work/vocab';
import { issuesByField } from '../../api/client';
import { formatDay } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { useSession } from '../../auth/session';
import { ActionError } from '../persons/sections/common';
import {
  type PlacementOut,
  useCandidates,
  usePlacementMove,
  usePropose,
  useVacancy,
  useVacancyPlacements,
} from './api';
import { FormModal } from './FormModal';
import { word } from './words';

/** Moves that need more than a click: a hire (start and contract), a decline (who and why). */
function MoveDialog({ p, to, onClose }: { p: PlacementOut; to: 'hired' | 'declined'; onClose: () => void }) {
  const { t } = useTranslation();
  const move = usePlacementMove();
  const [f, setF] = useState<Record<string, unknown>>({});
  const set = (k: string) => (v: unknown) =>
    setF((x) => ({ ...x, [k]: v === '' || v === null ? undefined : v }));
  const err = issuesByField(move.error);
  const submit = () => {
    move.mutate({ id: p.id, version: p.version, status: to, ...f }, { onSuccess: onClose });
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t(`work.move.${to}Title`, { name: p.personName })}
      onSubmit={submit}
      pending={move.isPending}
      error={move.error}
      fieldErrors={err}
    >
      {to === 'hired' ? (
        <>
          <TextInput
            type="date"
            label={t('work.start')}
            required
            data-autofocus
            value={(f.startDate as string) ?? ''}
            onChange={(e) => set('startDate')(e.currentTarget.value)}
            error={err.startDate}
          />
          <Select
            label={t('work.contractType')}
            required
            data={CONTRACT_TYPES.map((c) => ({ value: c, label: word(t, 'contracts', c) }))}
            value={(f.contractType as string) ?? null}
            onChange={set('contractType')}
            error={err.contractType}
          />
          <TextInput
            type="number"
            label={t('work.hours')}
            value={(f.hours as number | undefined)?.toString() ?? ''}
            onChange={(e) => set('hours')(e.currentTarget.value ? Number(e.currentTarget.value) : undefined)}
            error={err.hours}
          />
          <Select
            label={t('work.wage')}
            clearable
            data={WAGE_BRACKETS.map((w) => ({ value: w, label: word(t, 'wages', w) }))}
            value={(f.wageBracket as string) ?? null}
            onChange={set('wageBracket')}
            error={err.wageBracket}
          />
        </>
      ) : (
        <>
          <Select
            label={t('work.declinedBy')}
            required
            data={DECLINED_BY.map((d) => ({ value: d, label: word(t, 'declinedByValues', d) }))}
            value={(f.declinedBy as string) ?? null}
            onChange={set('declinedBy')}
            error={err.declinedBy}
          />
          <TextInput
            label={t('work.declinedReason')}
            value={(f.declinedReason as string) ?? ''}
            onChange={(e) => set('declinedReason')(e.currentTarget.value)}
            error={err.declinedReason}
          />
        </>
      )}
    </FormModal>
  );
}

export function PlacementRow({ p, showVacancy }: { p: PlacementOut; showVacancy?: boolean }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const move = usePlacementMove();
  const [dialog, setDialog] = useState<'hired' | 'declined' | null>(null);
  const [permitOn, setPermitOn] = useState('');
  const err = issuesByField(move.error);
  const step = (to: PlacementStatus) =>
    to === 'hired' || to === 'declined'
      ? setDialog(to)
      : move.mutate({ id: p.id, version: p.version, status: to });
  return (
    <Table.Tr>
      <Table.Td>
        {showVacancy ? (
          <Anchor
            component={Link}
            to={`/arbeit/stellen/${p.vacancyId}`}
          >{`${p.vacancyTitle}, ${p.employerName}`}</Anchor>
        ) : (
          <Anchor component={Link} to={`/personen/${p.personId}`}>
            {p.personName}
          </Anchor>
        )}
      </Table.Td>
      <Table.Td>
        <Badge
          variant="light"
          c="dark.9"
          color={p.status === 'hired' ? 'green' : p.status === 'declined' ? 'gray' : 'blue'}
        >
          {word(t, 'pipeline', p.status)}
        </Badge>
        {p.status === 'hired' && p.startDate ? (
          <Text size="sm">{t('work.startsOn', { day: formatDay(p.startDate, i18n.language) })}</Text>
        ) : null}
        {p.status === 'declined' ? (
          <Text size="sm">{`${word(t, 'declinedByValues', p.declinedBy)}: ${p.declinedReason ?? '—'}`}</Text>
        ) : null}
        {p.permitRequestedOn ? (
          <Text size="sm">
            {p.consentDeemedOn
              ? t('work.permitPending', {
                  on: formatDay(p.permitRequestedOn, i18n.language),
                  deemed: formatDay(p.consentDeemedOn, i18n.language),
                })
              : t('work.permitDecided', { result: word(t, 'permitResults', p.permitResult) })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        {can('work:manage') ? (
          <Stack gap={4}>
            <Group gap="xs">
              {p.nextSteps.map((s) => (
                <Button
                  key={s}
                  size="compact-sm"
                  variant={s === 'declined' ? 'default' : 'light'}
                  onClick={() => step(s)}
                  loading={move.isPending}
                >
                  {t(`work.move.${s}`)}
                </Button>
              ))}
            </Group>
            {!p.permitRequestedOn && p.nextSteps.length > 0 ? (
              <Group gap="xs" align="flex-end">
                <TextInput
                  type="date"
                  size="xs"
                  label={t('work.permitRequestedOn')}
                  value={permitOn}
                  onChange={(e) => setPermitOn(e.currentTarget.value)}
                  error={err.permitRequestedOn}
                />
                <Button
                  size="compact-sm"
                  variant="default"
                  disabled={!permitOn}
                  onClick={() => move.mutate({ id: p.id, version: p.version, permitRequestedOn: permitOn })}
                >
                  {t('work.permitRecord')}
                </Button>
              </Group>
            ) : null}
            <Group gap="xs">
              <Anchor href={`/api/placements/${p.id}/permit-declaration`} target="_blank" size="sm">
                {t('work.permitDeclaration')}
              </Anchor>
              <Anchor href={`/api/placements/${p.id}/profile-extract`} target="_blank" size="sm">
                {t('work.profileExtract')}
              </Anchor>
            </Group>
            {move.error && Object.keys(err).length === 0 ? <ActionError error={move.error} /> : null}
          </Stack>
        ) : null}
        {dialog ? <MoveDialog p={p} to={dialog} onClose={() => setDialog(null)} /> : null}
      </Table.Td>
    </Table.Tr>
  );
}

export function VacancyPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const vacancy = useVacancy(id);
  const candidates = useCandidates(id, can('work:manage'));
  const placements = useVacancyPlacements(id);
  const propose = usePropose(id);
  if (vacancy.isPending) return <Skeleton height={300} />;
  if (vacancy.isError) return <ActionError error={vacancy.error} />;
  const v = vacancy.data;
  const fact = (label: string, value: string) => (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text>{value}</Text>
    </div>
  );
  return (
    <Stack>
      <PageHeader title={v.title} description={`${v.employerName} · ${v.municipalityName}`} />
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          {fact(t('work.kind'), word(t, 'kinds', v.kind))}
          {fact(t('work.occupation'), v.occupationLabel)}
          {fact(t('work.start'), formatDay(v.startDate, i18n.language))}
          {fact(t('work.minLevel'), v.minLevel ?? t('work.noCondition'))}
          {fact(
            t('work.hoursRange'),
            v.hoursMin ? t('work.hoursValue', { min: v.hoursMin, max: v.hoursMax ?? v.hoursMin }) : '—',
          )}
          {fact(t('work.shiftWork'), v.shiftWork ? t('work.yes') : t('work.no'))}
          {fact(
            t('work.drivingLicence'),
            v.drivingLicence ? t('work.licenceClass', { c: v.drivingLicence }) : t('work.noCondition'),
          )}
          {fact(
            t('work.status'),
            `${word(t, 'statuses', v.status)} · ${t('work.proposalsHiresValue', { p: v.proposals, h: v.hires, o: v.openings })}`,
          )}
        </SimpleGrid>
      </Paper>

      <Title order={2} size="h3">
        {t('work.placementsTitle')}
      </Title>
      {placements.data && placements.data.length > 0 ? (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('work.person')}</Table.Th>
              <Table.Th>{t('work.stage')}</Table.Th>
              <Table.Th>{t('work.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {placements.data.map((p) => (
              <PlacementRow key={p.id} p={p} />
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text>{t('work.noPlacements')}</Text>
      )}

      {can('work:manage') ? (
        <>
          <Title order={2} size="h3">
            {t('work.candidatesTitle')}
          </Title>
          <Text size="sm">{t('work.candidatesIntro')}</Text>
          <ActionError error={propose.error} />
          {candidates.isPending ? (
            <Skeleton height={160} />
          ) : candidates.isError ? (
            <ActionError error={candidates.error} />
          ) : candidates.data.candidates.length === 0 ? (
            <Text>{t('work.noCandidates')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={800}>
              <Table striped aria-label={t('work.candidatesTitle')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('work.person')}</Table.Th>
                    <Table.Th>{t('work.score')}</Table.Th>
                    <Table.Th>{t('work.why')}</Table.Th>
                    <Table.Th>{t('work.missing')}</Table.Th>
                    <Table.Th>{t('work.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {candidates.data.candidates.map((c) => (
                    <Table.Tr key={c.personId}>
                      <Table.Td>
                        <Anchor component={Link} to={`/personen/${c.personId}`}>
                          {c.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{c.score}</Table.Td>
                      <Table.Td>
                        <List size="sm">
                          {c.reasons.map((r) => (
                            <List.Item key={r}>{r}</List.Item>
                          ))}
                        </List>
                      </Table.Td>
                      <Table.Td>
                        {c.permit ? (
                          <Badge color="orange" variant="light" c="dark.9">
                            {t('work.permitRequired')}
                          </Badge>
                        ) : null}
                        <List size="sm">
                          {c.permit ? <List.Item>{c.permit.text}</List.Item> : null}
                          {c.missing
                            .filter((m) => !c.permit || !m.includes('Beschäftigungserlaubnis'))
                            .map((m) => (
                              <List.Item key={m}>{m}</List.Item>
                            ))}
                        </List>
                      </Table.Td>
                      <Table.Td>
                        {c.placementId ? (
                          <Text size="sm">{t('work.alreadyProposed')}</Text>
                        ) : (
                          <Button
                            size="compact-sm"
                            onClick={() => propose.mutate(c.personId)}
                            loading={propose.isPending && propose.variables === c.personId}
                          >
                            {t('work.propose')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {candidates.data && candidates.data.notProposed.length > 0 ? (
            <details>
              <summary>{t('work.notProposed', { n: candidates.data.notProposed.length })}</summary>
              <List size="sm" mt="xs">
                {candidates.data.notProposed.map((c) => (
                  <List.Item key={c.personId}>{`${c.name}: ${c.excluded.join('; ')}`}</List.Item>
                ))}
              </List>
            </details>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
