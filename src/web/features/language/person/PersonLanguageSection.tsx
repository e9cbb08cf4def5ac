import '../i18n';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api, issuesByField } from '../../../api/client';
import { formatDay, label } from '../../../app/format';
import { Tag } from '../../../app/Tag';
import { useSession } from '../../../auth/session';
import {
  CEFR_LEVELS,
  LITERACY,
  type PersonLanguage,
  SKILLS,
  TEST_KINDS,
  typeLabel,
  useCourseTypes,
  type WaitlistEntry,
} from '../api';
import { ErrorAlert, NUM } from '../ui';

const todayIso = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

function Sub({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section>
      <Group justify="space-between" mb={6}>
        <Title order={3} size="h5">
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </section>
  );
}

function AssessmentModal({ personId, onClose }: { personId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [f, setF] = useState({
    assessedOn: todayIso(),
    testKind: 'placement_test' as string,
    hearing: null as string | null,
    reading: null as string | null,
    writing: null as string | null,
    speaking: null as string | null,
    overall: null as string | null,
    literacy: null as string | null,
    certificateRef: '',
    examiner: '',
  });
  const set = (k: keyof typeof f, v: string | null) => setF((x) => ({ ...x, [k]: v }));
  const save = useMutation({
    mutationFn: () =>
      api.post(`/api/persons/${personId}/language-assessments`, {
        assessedOn: f.assessedOn,
        testKind: f.testKind,
        hearing: f.hearing ?? undefined,
        reading: f.reading ?? undefined,
        writing: f.writing ?? undefined,
        speaking: f.speaking ?? undefined,
        overall: f.overall ?? undefined,
        literacy: f.literacy ?? undefined,
        certificateRef: f.certificateRef.trim() || undefined,
        examiner: f.examiner.trim() || undefined,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['lp', 'person', personId] });
      onClose();
    },
  });
  const errors = issuesByField(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const levels = [...CEFR_LEVELS];
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      title={t('lp.person.newAssessment')}
      size="lg"
    >
      <form onSubmit={submit} data-testid="assessment-form">
        <Stack>
          {save.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={save.error} /> : null}
          <SimpleGrid cols={2}>
            <TextInput
              type="date"
              label={t('lp.person.assessedOn')}
              value={f.assessedOn}
              onChange={(e) => set('assessedOn', e.currentTarget.value)}
              error={errors.assessedOn}
              required
              data-autofocus
            />
            <Select
              label={t('lp.person.testKind')}
              data={TEST_KINDS.map((k) => ({ value: k, label: label(t, 'lp.testKind', k) }))}
              value={f.testKind}
              onChange={(v) => set('testKind', v ?? f.testKind)}
              allowDeselect={false}
              error={errors.testKind}
            />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {t('lp.person.skillsHint')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {SKILLS.map((s) => (
              <Select
                key={s}
                label={t(`lp.skill.${s}`)}
                data={levels}
                value={f[s]}
                onChange={(v) => set(s, v)}
                clearable
                error={errors[s]}
              />
            ))}
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <Select
              label={t('lp.person.overall')}
              description={t('lp.person.overallHint')}
              data={levels}
              value={f.overall}
              onChange={(v) => set('overall', v)}
              clearable
              error={errors.overall}
            />
            <Select
              label={t('lp.person.literacy')}
              data={LITERACY.map((l) => ({ value: l, label: label(t, 'lp.literacyValue', l) }))}
              value={f.literacy}
              onChange={(v) => set('literacy', v)}
              clearable
              error={errors.literacy}
            />
            <TextInput
              label={t('lp.person.certificate')}
              value={f.certificateRef}
              onChange={(e) => set('certificateRef', e.currentTarget.value)}
              error={errors.certificateRef}
            />
            <TextInput
              label={t('lp.person.examiner')}
              value={f.examiner}
              onChange={(e) => set('examiner', e.currentTarget.value)}
              error={errors.examiner}
            />
          </SimpleGrid>
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

function WaitlistModal({
  personId,
  granted,
  onClose,
}: {
  personId: string;
  granted: string[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const types = useCourseTypes();
  const [courseTypes, setCourseTypes] = useState<string[]>(granted);
  const [since, setSince] = useState(todayIso());
  const [childcare, setChildcare] = useState<boolean | undefined>(undefined);
  const [womenOnly, setWomenOnly] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      api.post(`/api/persons/${personId}/waitlist`, {
        courseTypes: courseTypes.length ? courseTypes : undefined,
        since,
        needsChildcare: childcare,
        needsWomenOnly: womenOnly,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['lp', 'person', personId] });
      void qc.invalidateQueries({ queryKey: ['lp', 'waitlist'] });
      onClose();
    },
  });
  const errors = issuesByField(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const typeError = Object.entries(errors).find(([k]) => k.startsWith('courseTypes'))?.[1];
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      title={t('lp.person.addWaitlist')}
      size="lg"
    >
      <form onSubmit={submit}>
        <Stack>
          {save.isError && !typeError ? <ErrorAlert error={save.error} /> : null}
          <MultiSelect
            label={t('lp.person.courseTypes')}
            description={t('lp.person.courseTypesHint')}
            data={(types.data ?? []).map((x) => ({
              value: x.id,
              label: typeLabel(types.data, x.id, i18n.language),
            }))}
            value={courseTypes}
            onChange={setCourseTypes}
            error={typeError}
            searchable
            data-autofocus
          />
          <TextInput
            type="date"
            label={t('lp.person.since')}
            value={since}
            onChange={(e) => setSince(e.currentTarget.value)}
            error={errors.since}
          />
          <Select
            label={t('lp.needsChildcare')}
            data={[
              { value: '', label: t('lp.person.childcareDefault') },
              { value: 'yes', label: t('common.yes') },
              { value: 'no', label: t('common.no') },
            ]}
            value={childcare === undefined ? '' : childcare ? 'yes' : 'no'}
            onChange={(v) => setChildcare(v === 'yes' ? true : v === 'no' ? false : undefined)}
            allowDeselect={false}
          />
          <Checkbox
            label={t('lp.needsWomenOnly')}
            checked={womenOnly}
            onChange={(e) => setWomenOnly(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('lp.person.addWaitlist')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function WithdrawButton({ personId, entry }: { personId: string; entry: WaitlistEntry }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () =>
      api.patch(`/api/persons/${personId}/waitlist/${entry.id}`, {
        version: entry.version,
        status: 'withdrawn',
      }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['lp', 'person', personId] }),
  });
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        onClick={() => withdraw.mutate()}
        loading={withdraw.isPending}
      >
        {t('lp.person.withdraw')}
      </Button>
      <ErrorAlert error={withdraw.error} />
    </>
  );
}

/** "Sprache & Kurse" on the person page: assessments, entitlement, waitlist and enrolments with the course. */
export function PersonLanguageSection({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { can } = useSession();
  const types = useCourseTypes();
  const [modal, setModal] = useState<'assessment' | 'waitlist' | null>(null);
  const q = useQuery({
    queryKey: ['lp', 'person', personId],
    queryFn: () => api.get<PersonLanguage>(`/api/persons/${personId}/language`),
  });
  if (q.isPending) return <Skeleton height={160} />;
  if (q.isError) {
    if (q.error instanceof ApiError && q.error.status === 403)
      return (
        <Alert color="gray" variant="light" title={t('lp.forbidden')} data-testid="language-forbidden">
          {q.error.message}
        </Alert>
      );
    return <ErrorAlert error={q.error} />;
  }
  const d = q.data;
  const open = d.waitlist.find((w) => w.status === 'waiting' || w.status === 'offered');
  const mayRecord = can('language:record');
  const explanation = (e?: { de: string; en: string }) => (e ? (lang === 'en' ? e.en : e.de) : null);
  return (
    <Stack gap="lg" data-testid="person-language">
      <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0}>
        <div>
          <Text size="xs" c="dimmed" fw={500} component="dt">
            {t('lp.person.current')}
          </Text>
          <Text component="dd" m={0}>
            <Text span fw={700} size="lg" data-testid="current-level">
              {d.current?.overall ?? '—'}
            </Text>
            {d.current ? (
              <Text span size="xs" c="dimmed" display="block">
                {label(t, 'lp.testKind', d.current.testKind)}, {formatDay(d.current.assessedOn, lang)}
              </Text>
            ) : null}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed" fw={500} component="dt">
            {t('lp.person.literacy')}
          </Text>
          <Text component="dd" m={0} size="sm">
            {label(t, 'lp.literacyValue', d.current?.literacy)}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed" fw={500} component="dt">
            {t('lp.person.progress')}
          </Text>
          <Text component="dd" m={0} size="sm">
            {d.progress.first && d.progress.current
              ? t('lp.person.progressText', {
                  first: d.progress.first.level,
                  firstOn: formatDay(d.progress.first.on, lang),
                  best: d.progress.best,
                })
              : '—'}
          </Text>
        </div>
      </SimpleGrid>

      <Sub title={t('lp.person.enrolments')}>
        {d.enrolments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('lp.person.noEnrolments')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640} type="native">
            <Table fz="sm" verticalSpacing={4} data-testid="person-enrolments">
              <Table.Caption className="visually-hidden">{t('lp.person.enrolments')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('lp.assign.course')}</Table.Th>
                  <Table.Th scope="col">{t('lp.course.provider')}</Table.Th>
                  <Table.Th scope="col">{t('lp.place')}</Table.Th>
                  <Table.Th scope="col">{t('lp.course.start')}</Table.Th>
                  <Table.Th scope="col">{t('lp.participants.status')}</Table.Th>
                  <Table.Th scope="col">{t('lp.confirmed.letter')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.enrolments.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      {can('courses:read') ? (
                        <Anchor component={Link} to={`/kurse/${e.course.id}`} size="sm" fw={600}>
                          {e.course.ref}
                        </Anchor>
                      ) : (
                        <Text size="sm" fw={600}>
                          {e.course.ref}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {typeLabel(types.data, e.course.type, lang)}
                        {e.course.schedule ? ` · ${e.course.schedule}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>{e.course.provider}</Table.Td>
                    <Table.Td>
                      {e.course.place}
                      {e.course.address ? (
                        <Text size="xs" c="dimmed">
                          {e.course.address}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td style={NUM}>{formatDay(e.startDate, lang)}</Table.Td>
                    <Table.Td>
                      <Tag tone="blue">{label(t, 'lp.enrolmentStatus', e.status)}</Tag>
                      {e.resultLevel ? (
                        <Text size="xs">
                          {t('lp.participants.result')}: {e.resultLevel}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Anchor
                        href={`/api/enrolments/${e.id}/letter`}
                        target="_blank"
                        rel="noopener"
                        size="sm"
                      >
                        {t('lp.person.letter')}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Sub>

      <Sub
        title={t('lp.person.waitlist')}
        actions={
          mayRecord && !open ? (
            <Button size="xs" variant="default" onClick={() => setModal('waitlist')}>
              {t('lp.person.addWaitlist')}
            </Button>
          ) : null
        }
      >
        {d.waitlist.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('lp.person.noWaitlist')}
          </Text>
        ) : (
          <Table fz="sm" verticalSpacing={4} data-testid="person-waitlist">
            <Table.Caption className="visually-hidden">{t('lp.person.waitlist')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('lp.person.since')}</Table.Th>
                <Table.Th scope="col">{t('lp.person.courseTypes')}</Table.Th>
                <Table.Th scope="col">{t('lp.participants.status')}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('lp.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.waitlist.map((w) => (
                <Table.Tr key={w.id}>
                  <Table.Td style={NUM}>{formatDay(w.since, lang)}</Table.Td>
                  <Table.Td>
                    {w.courseTypes.map((x) => typeLabel(types.data, x, lang)).join(', ')}
                    <Group gap={4} mt={2}>
                      {w.needsChildcare ? <Tag tone="teal">{t('lp.childcareShort')}</Tag> : null}
                      {w.needsWomenOnly ? <Tag tone="violet">{t('lp.womenOnlyShort')}</Tag> : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Tag
                      tone={w.status === 'waiting' ? 'orange' : w.status === 'enrolled' ? 'green' : 'gray'}
                    >
                      {label(t, 'lp.waitStatus', w.status)}
                    </Tag>
                  </Table.Td>
                  <Table.Td>
                    {mayRecord && w.status === 'waiting' ? (
                      <WithdrawButton personId={personId} entry={w} />
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Sub>

      <Sub title={t('lp.person.entitlement')}>
        <Stack gap={4}>
          <Text size="sm">
            {d.entitlement.courseTypes.length
              ? d.entitlement.courseTypes.map((x) => typeLabel(types.data, x, lang)).join(', ')
              : t('lp.person.noEntitlement')}
          </Text>
          {explanation(d.entitlement.integrationCourse.explanation) ? (
            <Text size="xs" c="dimmed">
              {t('lp.person.ik')}: {explanation(d.entitlement.integrationCourse.explanation)}
            </Text>
          ) : null}
        </Stack>
      </Sub>

      <Sub
        title={t('lp.person.assessments')}
        actions={
          mayRecord ? (
            <Button size="xs" variant="default" onClick={() => setModal('assessment')}>
              {t('lp.person.newAssessment')}
            </Button>
          ) : null
        }
      >
        {d.assessments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('lp.person.noAssessments')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720} type="native">
            <Table fz="sm" verticalSpacing={4} data-testid="person-assessments">
              <Table.Caption className="visually-hidden">{t('lp.person.assessments')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('lp.person.assessedOn')}</Table.Th>
                  <Table.Th scope="col">{t('lp.person.testKind')}</Table.Th>
                  {SKILLS.map((s) => (
                    <Table.Th scope="col" key={s}>
                      {t(`lp.skill.${s}`)}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col">{t('lp.person.overall')}</Table.Th>
                  <Table.Th scope="col">{t('lp.person.literacy')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.assessments.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td style={NUM}>{formatDay(a.assessedOn, lang)}</Table.Td>
                    <Table.Td>
                      {label(t, 'lp.testKind', a.testKind)}
                      {a.certificateRef ? (
                        <Text size="xs" c="dimmed">
                          {a.certificateRef}
                        </Text>
                      ) : null}
                    </Table.Td>
                    {SKILLS.map((s) => (
                      <Table.Td key={s}>{a.skills[s] ?? '—'}</Table.Td>
                    ))}
                    <Table.Td fw={700}>{a.overall}</Table.Td>
                    <Table.Td>{label(t, 'lp.literacyValue', a.literacy)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Sub>
      {modal === 'assessment' ? <AssessmentModal personId={personId} onClose={() => setModal(null)} /> : null}
      {modal === 'waitlist' ? (
        <WaitlistModal
          personId={personId}
          granted={d.entitlement.courseTypes}
          onClose={() => setModal(null)}
        />
      ) : null}
    </Stack>
  );
}
