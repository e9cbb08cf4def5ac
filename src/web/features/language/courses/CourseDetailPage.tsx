import {
  Anchor,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, issuesByField } from '../../../api/client';
import { ForbiddenPage, NotFoundPage } from '../../../app/ErrorPages';
import { formatDay, formatNumber, label } from '../../../app/format';
import { PageHeader } from '../../../app/PageHeader';
import { Tag } from '../../../app/Tag';
import { useSession, useUser } from '../../../auth/session';
import { todayIso } from '../../persons/sections/common';
import {
  CEFR_LEVELS,
  type Course,
  ENROLMENT_STATUSES,
  type Participant,
  typeLabel,
  useCourseTypes,
} from '../api';
import { ErrorAlert, NUM, Section } from '../ui';
import { ClassList } from './ClassList';
import { CourseForm } from './CourseForm';
import { levelsText, STATUS_TONE } from './CoursesPage';

function Fact({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500} component="dt">
        {name}
      </Text>
      <Text component="dd" m={0} size="sm">
        {children}
      </Text>
    </div>
  );
}

/** Seats in one step (providers report them often): with the version read, 409 on a concurrent change. */
function SeatsForm({ course }: { course: Course }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [seats, setSeats] = useState<number | string>(course.seats);
  const save = useMutation({
    mutationFn: () =>
      api.patch<Course>(`/api/courses/${course.id}`, { version: course.version, seats: Number(seats) }),
    onSuccess: (c) => {
      qc.setQueryData(['lp', 'course', c.id], c);
      void qc.invalidateQueries({ queryKey: ['lp', 'courses'] });
    },
  });
  const errors = issuesByField(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} data-testid="seats-form">
      <Group align="flex-end" gap="sm">
        <NumberInput
          label={t('lp.course.seats')}
          value={seats}
          onChange={setSeats}
          min={0}
          max={1000}
          clampBehavior="none"
          w={140}
          error={errors.seats}
        />
        <Button
          type="submit"
          variant="default"
          loading={save.isPending}
          disabled={Number(seats) === course.seats}
        >
          {t('lp.course.saveSeats')}
        </Button>
      </Group>
      {save.isError && !errors.seats ? (
        <div style={{ marginTop: 8 }}>
          <ErrorAlert
            error={save.error}
            title={
              save.error instanceof ApiError && save.error.status === 409
                ? t('lp.course.conflict')
                : undefined
            }
          />
        </div>
      ) : null}
      {save.isSuccess ? (
        <Text size="sm" c="#1b4d2a" mt={4} role="status">
          {t('lp.course.seatsSaved')}
        </Text>
      ) : null}
    </form>
  );
}

/** Attendance and result of one participant (provider or language advisor). */
function EnrolmentModal({
  courseId,
  started,
  p,
  onClose,
}: {
  courseId: string;
  /** Before the first lesson nobody "nimmt teil" or has "abgeschlossen" (the server refuses it too). */
  started: boolean;
  p: Participant;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [status, setStatus] = useState(p.status);
  const [attendance, setAttendance] = useState<number | string>(p.attendancePercent ?? '');
  const [result, setResult] = useState<string | null>(p.resultLevel);
  const [certificate, setCertificate] = useState(p.certificateRef ?? '');
  const save = useMutation({
    mutationFn: () =>
      api.patch(`/api/enrolments/${p.enrolmentId}`, {
        version: p.version,
        status,
        attendancePercent: attendance === '' ? undefined : Number(attendance),
        resultLevel: result ?? undefined,
        certificateRef: certificate.trim() || undefined,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['lp', 'participants', courseId] });
      void qc.invalidateQueries({ queryKey: ['lp', 'course', courseId] });
      onClose();
    },
  });
  const errors = issuesByField(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      title={t('lp.participants.edit', { name: p.name })}
    >
      <form onSubmit={submit}>
        <Stack>
          {save.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={save.error} /> : null}
          <Select
            label={t('lp.participants.status')}
            data={ENROLMENT_STATUSES.map((s) => ({
              value: s,
              label: label(t, 'lp.enrolmentStatus', s),
              disabled: !started && (s === 'attending' || s === 'completed'),
            }))}
            value={status}
            onChange={(v) => setStatus(v ?? status)}
            allowDeselect={false}
            error={errors.status}
            data-autofocus
          />
          <NumberInput
            label={t('lp.participants.attendance')}
            value={attendance}
            onChange={setAttendance}
            min={0}
            max={100}
            clampBehavior="none"
            suffix=" %"
            error={errors.attendancePercent}
          />
          <Select
            label={t('lp.participants.result')}
            description={t('lp.participants.resultHint')}
            data={[...CEFR_LEVELS]}
            value={result}
            onChange={setResult}
            clearable
            error={errors.resultLevel}
          />
          <TextInput
            label={t('lp.participants.certificate')}
            value={certificate}
            onChange={(e) => setCertificate(e.currentTarget.value)}
            error={errors.certificateRef}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Participants({ course }: { course: Course }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const user = useUser();
  const { can } = useSession();
  const [editing, setEditing] = useState<Participant | null>(null);
  const list = useQuery({
    queryKey: ['lp', 'participants', course.id],
    queryFn: () => api.get<Participant[]>(`/api/courses/${course.id}/participants`),
  });
  // Providers see name, level and the enrolment only; the case file needs a consent for their agency.
  const linkPersons = user.role !== 'partner';
  return (
    <Section id="participants" title={t('lp.participants.title')} testId="participants">
      {list.isPending ? (
        <Skeleton height={80} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.length === 0 ? (
        <Text c="dimmed">{t('lp.participants.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760} type="native">
          <Table striped data-testid="participant-table">
            <Table.Caption className="visually-hidden">{t('lp.participants.title')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('lp.name')}</Table.Th>
                <Table.Th scope="col">{t('lp.participants.currentLevel')}</Table.Th>
                <Table.Th scope="col">{t('lp.participants.status')}</Table.Th>
                <Table.Th scope="col">{t('lp.course.start')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('lp.participants.attendance')}
                </Table.Th>
                <Table.Th scope="col">{t('lp.participants.result')}</Table.Th>
                {can('courses:manage') ? (
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('lp.actions')}</span>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((p) => (
                <Table.Tr key={p.enrolmentId}>
                  <Table.Td>
                    {linkPersons ? (
                      <Anchor component={Link} to={`/personen/${p.personId}`} size="sm">
                        {p.name}
                      </Anchor>
                    ) : (
                      p.name
                    )}
                  </Table.Td>
                  <Table.Td>{p.currentLevel ?? '—'}</Table.Td>
                  <Table.Td>
                    <Tag tone={p.status === 'dropped_out' || p.status === 'cancelled' ? 'gray' : 'blue'}>
                      {label(t, 'lp.enrolmentStatus', p.status)}
                    </Tag>
                  </Table.Td>
                  <Table.Td style={NUM}>{formatDay(p.startDate, lang)}</Table.Td>
                  <Table.Td ta="end" style={NUM}>
                    {p.attendancePercent === null ? '—' : `${formatNumber(p.attendancePercent, lang)} %`}
                  </Table.Td>
                  <Table.Td>
                    {p.resultLevel ?? '—'}
                    {p.certificateRef ? (
                      <Text size="xs" c="dimmed">
                        {p.certificateRef}
                      </Text>
                    ) : null}
                  </Table.Td>
                  {can('courses:manage') ? (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setEditing(p)}
                        aria-label={t('lp.participants.editFor', { name: p.name })}
                      >
                        {t('lp.participants.record')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing ? (
        <EnrolmentModal
          courseId={course.id}
          started={course.startDate <= todayIso()}
          p={editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Section>
  );
}

export function CourseDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  const types = useCourseTypes();
  const course = useQuery({
    queryKey: ['lp', 'course', id],
    queryFn: () => api.get<Course>(`/api/courses/${id}`),
    staleTime: 0,
  });
  if (course.isPending) return <Skeleton height={240} />;
  if (course.isError) {
    const e = course.error;
    if (e instanceof ApiError && (e.status === 404 || e.status === 400)) return <NotFoundPage />;
    if (e instanceof ApiError && e.status === 403) return <ForbiddenPage message={e.message} />;
    throw e;
  }
  const c = course.data;
  return (
    <>
      <Anchor component={Link} to="/kurse" size="sm" mb="xs" display="inline-block">
        ← {t('lp.course.back')}
      </Anchor>
      <PageHeader
        title={`${c.ref} – ${typeLabel(types.data, c.type, lang, c.typeLabel)}`}
        description={`${c.provider.name} · ${c.place.name}`}
        actions={
          can('courses:manage') && !editing ? (
            <Button variant="default" onClick={() => setEditing(true)} data-testid="course-edit">
              {t('lp.course.edit')}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        {editing ? (
          <Section id="course-edit" title={t('lp.course.editTitle')}>
            <CourseForm course={c} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
          </Section>
        ) : (
          <Section id="course-facts" title={t('lp.course.facts')} testId="course-facts">
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" component="dl" m={0}>
              <Fact name={t('lp.course.status')}>
                <Tag tone={STATUS_TONE[c.status] ?? 'gray'}>{label(t, 'lp.courseStatus', c.status)}</Tag>
              </Fact>
              <Fact name={t('lp.course.levels')}>{levelsText(c)}</Fact>
              <Fact name={t('lp.course.hours')}>
                {t('lp.course.hoursN', { n: formatNumber(c.hours, lang) })}
              </Fact>
              <Fact name={t('lp.course.schedule')}>{c.schedule ?? '—'}</Fact>
              <Fact name={t('lp.course.period')}>
                {formatDay(c.startDate, lang)} – {formatDay(c.endDate, lang)}
              </Fact>
              <Fact name={t('lp.place')}>
                {c.place.name}
                {c.place.address ? (
                  <Text size="xs" c="dimmed" span display="block">
                    {c.place.address}
                  </Text>
                ) : null}
              </Fact>
              <Fact name={t('lp.course.seatsTaken')}>
                <span data-testid="course-seats">
                  {formatNumber(c.taken, lang)} / {formatNumber(c.seats, lang)}
                </span>{' '}
                ({t('lp.course.freeN', { n: formatNumber(c.free, lang) })})
              </Fact>
              <Fact name={t('lp.course.features')}>
                <Group gap={4} component="span">
                  {c.childcare ? <Tag tone="teal">{t('lp.course.childcare')}</Tag> : null}
                  {c.womenOnly ? <Tag tone="violet">{t('lp.course.womenOnly')}</Tag> : null}
                  {!c.childcare && !c.womenOnly ? '—' : null}
                </Group>
              </Fact>
            </SimpleGrid>
            {can('courses:manage') ? (
              <div style={{ marginTop: 16 }}>
                <SeatsForm course={c} />
              </div>
            ) : null}
          </Section>
        )}
        {can('courses:manage') ? <ClassList course={c} /> : null}
        <Participants course={c} />
      </Stack>
    </>
  );
}

export function NewCoursePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('lp.courses.create')} description={t('lp.course.createIntro')} />
      <Section id="course-new" title={t('lp.course.facts')}>
        <CourseForm onSaved={(c) => navigate(`/kurse/${c.id}`)} onCancel={() => navigate('/kurse')} />
      </Section>
    </>
  );
}
