import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CHILDCARE, DRIVING_LICENCES, SCHOOL_DEGREES } from '../../../domain/work/vocab';
import { ApiError, issuesByField } from '../../api/client';
import { useSession } from '../../auth/session';
import { ActionError } from '../persons/sections/common';
import { type ProfileOut, usePersonPlacements, usePersonVacancies, useProfile, useProfileSave } from './api';
import { OccupationPicker } from './OccupationPicker';
import { PlacementRow } from './VacancyPage';
import { word } from './words';

type Experience = ProfileOut['experience'][number];

/** A stable key per entry: the same occupation may appear twice (two employers). */
const keyOf = (x: Experience, all: Experience[]) =>
  `${x.escoUri}|${x.title}|${x.years}|${all.filter((y) => y.escoUri === x.escoUri && y.title === x.title && y.years === x.years).indexOf(x)}`;

function ProfileForm({ personId, profile }: { personId: string; profile: ProfileOut }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const save = useProfileSave(personId);
  const [f, setF] = useState<Record<string, unknown>>({});
  const [experience, setExperience] = useState<Experience[]>(profile.experience);
  const [adding, setAdding] = useState<{ uri: string | null; label: string | null; years: number }>({
    uri: null,
    label: null,
    years: 1,
  });
  useEffect(() => setExperience(profile.experience), [profile.experience]);
  const value = <K extends keyof ProfileOut>(k: K) => (k in f ? f[k] : profile[k]) as ProfileOut[K];
  const set = (k: string) => (v: unknown) => setF((x) => ({ ...x, [k]: v === '' ? null : v }));
  const err = issuesByField(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: Record<string, unknown> = { version: profile.version, ...f };
    if (JSON.stringify(experience) !== JSON.stringify(profile.experience))
      body.experience = experience.map(({ escoUri, title, years, country }) => ({
        escoUri,
        title,
        years,
        country,
      }));
    save.mutate(body, { onSuccess: () => setF({}) });
  };
  const readOnly = !can('work:manage');
  const training = value('training');
  const studies = value('studies');
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {!profile.employerRelease ? <Alert color="yellow">{t('work.noRelease')}</Alert> : null}
        {save.error && Object.keys(err).length === 0 ? <ActionError error={save.error} /> : null}
        {save.isSuccess && Object.keys(f).length === 0 ? (
          <Alert color="green">{t('work.profileSaved')}</Alert>
        ) : null}
        <Title order={3} size="h4">
          {t('work.experience')}
        </Title>
        {experience.length === 0 ? <Text size="sm">{t('work.noExperience')}</Text> : null}
        <List>
          {experience.map((x, i) => (
            <List.Item key={keyOf(x, experience)}>
              {`${x.title} – ${x.occupationLabel ?? ''}, ${t('work.yearsValue', { count: x.years })}`}{' '}
              {!readOnly ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => setExperience(experience.filter((_, k) => k !== i))}
                >
                  {t('work.remove')}
                </Button>
              ) : null}
            </List.Item>
          ))}
        </List>
        {err['experience.0.escoUri'] ? (
          <Text c="red" size="sm">
            {err['experience.0.escoUri']}
          </Text>
        ) : null}
        {!readOnly ? (
          <Group align="flex-end">
            <OccupationPicker
              label={t('work.addOccupation')}
              value={adding.uri}
              valueLabel={adding.label}
              onChange={(uri, label) => setAdding((a) => ({ ...a, uri, label }))}
            />
            <NumberInput
              label={t('work.years')}
              min={0}
              max={60}
              value={adding.years}
              onChange={(v) => setAdding((a) => ({ ...a, years: typeof v === 'number' ? v : 0 }))}
              w={120}
            />
            <Button
              variant="light"
              disabled={!adding.uri}
              onClick={() => {
                if (!adding.uri) return;
                setExperience([
                  ...experience,
                  {
                    escoUri: adding.uri,
                    title: adding.label ?? '',
                    years: adding.years,
                    country: null,
                    occupationLabel: adding.label ?? '',
                  },
                ]);
                setAdding({ uri: null, label: null, years: 1 });
              }}
            >
              {t('work.addExperience')}
            </Button>
          </Group>
        ) : null}
        <TrainingAndStudies
          readOnly={readOnly}
          training={training}
          studies={studies}
          onTraining={(list) => set('training')(list.map(({ occupationLabel: _l, ...x }) => x))}
          onStudies={(list) => set('studies')(list)}
          errors={err}
        />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <NumberInput
            label={t('work.schoolYears')}
            min={0}
            max={25}
            disabled={readOnly}
            value={value('schoolYears') ?? ''}
            onChange={(v) => set('schoolYears')(typeof v === 'number' ? v : null)}
            error={err.schoolYears}
          />
          <Select
            label={t('work.schoolDegree')}
            clearable
            disabled={readOnly}
            data={SCHOOL_DEGREES.map((d) => ({ value: d, label: word(t, 'degrees', d) }))}
            value={value('schoolDegree')}
            onChange={set('schoolDegree')}
            error={err.schoolDegree}
          />
          <MultiSelect
            label={t('work.drivingLicences')}
            disabled={readOnly}
            data={DRIVING_LICENCES.map((d) => ({ value: d, label: t('work.licenceClass', { c: d }) }))}
            value={value('drivingLicences')}
            onChange={set('drivingLicences')}
            error={err.drivingLicences}
          />
          <NumberInput
            label={t('work.maxTravel')}
            min={5}
            max={240}
            disabled={readOnly}
            value={value('maxTravelMinutes') ?? ''}
            onChange={(v) => set('maxTravelMinutes')(typeof v === 'number' ? v : null)}
            error={err.maxTravelMinutes}
          />
          <NumberInput
            label={t('work.hoursMin')}
            min={1}
            max={60}
            disabled={readOnly}
            value={value('hoursMin') ?? ''}
            onChange={(v) => set('hoursMin')(typeof v === 'number' ? v : null)}
            error={err.hoursMin}
          />
          <NumberInput
            label={t('work.hoursMax')}
            min={1}
            max={60}
            disabled={readOnly}
            value={value('hoursMax') ?? ''}
            onChange={(v) => set('hoursMax')(typeof v === 'number' ? v : null)}
            error={err.hoursMax}
          />
          <Select
            label={t('work.childcare')}
            allowDeselect={false}
            disabled={readOnly}
            data={CHILDCARE.map((c) => ({ value: c, label: word(t, 'childcareValues', c) }))}
            value={value('childcare')}
            onChange={set('childcare')}
            error={err.childcare}
          />
          <TextInput
            type="date"
            label={t('work.availableFrom')}
            disabled={readOnly}
            value={value('availableFrom') ?? ''}
            onChange={(e) => set('availableFrom')(e.currentTarget.value)}
            error={err.availableFrom}
          />
        </SimpleGrid>
        <Textarea
          label={t('work.wishes')}
          disabled={readOnly}
          value={value('wishes') ?? ''}
          onChange={(e) => set('wishes')(e.currentTarget.value)}
          error={err.wishes}
        />
        {!readOnly ? (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('work.saveProfile')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}

type Training = ProfileOut['training'][number];
type Study = ProfileOut['studies'][number];

/** Vocational training (with its ESCO occupation, so matching can use it) and studies, as short lists. */
function TrainingAndStudies(props: {
  readOnly: boolean;
  training: Training[];
  studies: Study[];
  onTraining: (list: Training[]) => void;
  onStudies: (list: Study[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const [occ, setOcc] = useState<{ uri: string | null; label: string | null }>({ uri: null, label: null });
  const [subject, setSubject] = useState('');
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('work.training')}
        </Title>
        <List>
          {props.training.map((x) => (
            <List.Item key={`${x.title}|${x.escoUri}`}>
              {x.title}
              {!props.readOnly ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => props.onTraining(props.training.filter((y) => y !== x))}
                >
                  {t('work.remove')}
                </Button>
              ) : null}
            </List.Item>
          ))}
        </List>
        {props.errors['training.0.escoUri'] ? (
          <Text c="red" size="sm">
            {props.errors['training.0.escoUri']}
          </Text>
        ) : null}
        {!props.readOnly ? (
          <Group align="flex-end">
            <OccupationPicker
              label={t('work.trainingOccupation')}
              value={occ.uri}
              valueLabel={occ.label}
              onChange={(uri, label) => setOcc({ uri, label })}
            />
            <Button
              variant="light"
              disabled={!occ.uri}
              onClick={() => {
                props.onTraining([
                  ...props.training,
                  {
                    title: occ.label ?? '',
                    escoUri: occ.uri,
                    country: null,
                    completed: true,
                    occupationLabel: occ.label,
                  },
                ]);
                setOcc({ uri: null, label: null });
              }}
            >
              {t('work.addTraining')}
            </Button>
          </Group>
        ) : null}
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('work.studies')}
        </Title>
        <List>
          {props.studies.map((x) => (
            <List.Item key={`${x.subject}|${x.degree}`}>
              {x.subject}
              {!props.readOnly ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => props.onStudies(props.studies.filter((y) => y !== x))}
                >
                  {t('work.remove')}
                </Button>
              ) : null}
            </List.Item>
          ))}
        </List>
        {!props.readOnly ? (
          <Group align="flex-end">
            <TextInput
              label={t('work.studySubject')}
              value={subject}
              onChange={(e) => setSubject(e.currentTarget.value)}
            />
            <Button
              variant="light"
              disabled={!subject.trim()}
              onClick={() => {
                props.onStudies([
                  ...props.studies,
                  { subject: subject.trim(), degree: null, country: null, completed: true },
                ]);
                setSubject('');
              }}
            >
              {t('work.addStudy')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </SimpleGrid>
  );
}

/** The person page's tab "Arbeit": competence profile, placements, and the open vacancies that fit. */
export function WorkSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const profile = useProfile(personId);
  const placements = usePersonPlacements(personId);
  const matches = usePersonVacancies(personId);
  if (profile.isPending) return <Skeleton height={200} />;
  if (profile.isError) {
    if (profile.error instanceof ApiError && profile.error.status === 403)
      return <Text>{t('work.noAccess')}</Text>;
    return <ActionError error={profile.error} />;
  }
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('work.profileTitle')}
      </Title>
      <Paper withBorder p="md">
        <ProfileForm personId={personId} profile={profile.data} />
      </Paper>
      <Title order={2} size="h3">
        {t('work.placementsTitle')}
      </Title>
      {placements.data && placements.data.length > 0 ? (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('work.vacancy')}</Table.Th>
              <Table.Th>{t('work.stage')}</Table.Th>
              <Table.Th>{t('work.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {placements.data.map((p) => (
              <PlacementRow key={p.id} p={p} showVacancy />
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text>{t('work.noPlacementsPerson')}</Text>
      )}
      <Title order={2} size="h3">
        {t('work.matchesTitle')}
      </Title>
      {matches.isPending ? (
        <Skeleton height={100} />
      ) : matches.isError ? (
        <ActionError error={matches.error} />
      ) : matches.data.length === 0 ? (
        <Text>{t('work.noMatches')}</Text>
      ) : (
        <List spacing="xs">
          {matches.data.slice(0, 15).map((m) => (
            <List.Item key={m.vacancy.id}>
              <Anchor
                component={Link}
                to={`/arbeit/stellen/${m.vacancy.id}`}
              >{`${m.vacancy.title}, ${m.vacancy.employerName} (${m.vacancy.municipalityName})`}</Anchor>{' '}
              {m.eligible ? (
                <Badge color="green" variant="light" c="dark.9">
                  {t('work.fits')}
                </Badge>
              ) : (
                <Badge color="gray" variant="light" c="dark.9">
                  {t('work.fitsNot')}
                </Badge>
              )}{' '}
              {m.permit ? (
                <Badge color="orange" variant="light" c="dark.9">
                  {t('work.permitRequired')}
                </Badge>
              ) : null}
              <Text size="sm">{[...m.reasons, ...m.excluded, ...m.missing].join(' · ')}</Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
