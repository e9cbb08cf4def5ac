import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ResidenceStatusBody, residenceStatusBody } from '../../../../server/modules/residence/schema';
import { ASYLUM_DECISIONS, type ResidenceAnswer, STATUS_KINDS } from '../../../api/casefile';
import { api } from '../../../api/client';
import type { Person } from '../../../api/types';
import { type FormValues, requestValidator, serverFieldErrors } from '../../../app/form';
import { formatDay, label } from '../../../app/format';
import { Tag } from '../../../app/Tag';
import { useSession } from '../../../auth/session';
import {
  ActionError,
  Field,
  NotPermitted,
  todayIso,
  triToValue,
  usePersonUpdate,
  valueToTri,
} from './common';

/**
 * The request's fields as the inputs hold them (dates and choices as text; flags yes/no/unknown). No preset
 * for keepAdvisor: who leads the case after a switch into SGB II is a decision, not a default.
 */
type StatusForm = FormValues<ResidenceStatusBody>;
const EMPTY: StatusForm = {
  kind: '',
  paragraph: '',
  since: '',
  until: '',
  document: '',
  workAnnotation: '',
  asylumApplicationDate: '',
  asylumDecision: '',
  asylumDecisionDate: '',
  livesInReceptionCentre: undefined,
  ownFaultObstacle: undefined,
  identityUnclear: undefined,
  registered: undefined,
  dublinCase: undefined,
  keepAdvisor: undefined,
};

function TriSelect({
  label: text,
  value,
  onChange,
  error,
}: {
  label: string;
  value: boolean | undefined;
  onChange: (v: boolean | undefined) => void;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={text}
      value={triToValue(value)}
      allowDeselect={false}
      data={[
        { value: '', label: t('common.unknown') },
        { value: 'yes', label: t('common.yes') },
        { value: 'no', label: t('common.no') },
      ]}
      onChange={(v) => onChange(valueToTri(v))}
      error={error}
    />
  );
}

export type RechtskreisChange = NonNullable<ResidenceAnswer['rechtskreisChange']>;

/** The request the form sends: what was entered, empty fields left out, flags only when answered. */
export function statusBody(s: StatusForm): Partial<ResidenceStatusBody> {
  return {
    kind: (s.kind || undefined) as ResidenceStatusBody['kind'] | undefined,
    paragraph: s.paragraph.trim() || undefined,
    since: s.since || undefined,
    until: s.until || undefined,
    document: s.document.trim() || undefined,
    workAnnotation: s.workAnnotation.trim() || undefined,
    asylumApplicationDate: s.asylumApplicationDate || undefined,
    asylumDecision: (s.asylumDecision || undefined) as ResidenceStatusBody['asylumDecision'],
    asylumDecisionDate: s.asylumDecisionDate || undefined,
    livesInReceptionCentre: s.livesInReceptionCentre,
    ownFaultObstacle: s.ownFaultObstacle,
    identityUnclear: s.identityUnclear,
    registered: s.registered,
    dublinCase: s.dublinCase,
    keepAdvisor: s.keepAdvisor,
  };
}
/** The server's request schema judges the status before it is sent. */
const validateStatus = requestValidator(residenceStatusBody, statusBody);

/** A new residence status: the history keeps the old one; a switch into SGB II creates the Jobcenter handover. */
export function NewStatusModal({
  p,
  opened,
  onClose,
  onSaved,
}: {
  p: Person;
  opened: boolean;
  onClose: () => void;
  onSaved: (change: RechtskreisChange | null) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const update = usePersonUpdate(p.id);
  const form = useForm<StatusForm>({
    initialValues: { ...EMPTY, since: todayIso() },
    // The server's rules, plus the web's own: who leads the case after a switch is a choice, never a default.
    validate: (v) => ({
      ...validateStatus(v),
      ...(v.keepAdvisor === undefined ? { keepAdvisor: t('explicitChoice.required') } : {}),
    }),
  });
  const f = form.getValues();
  const save = useMutation({
    mutationFn: (s: StatusForm) =>
      api.post<ResidenceAnswer>(`/api/persons/${p.id}/residence-status`, statusBody(s)),
    onSuccess: (answer) => {
      update(answer);
      void qc.invalidateQueries({ queryKey: ['handovers'] });
      form.setValues({ ...EMPTY, since: todayIso() });
      onSaved(answer.rechtskreisChange);
    },
    onError: (e: Error) => form.setErrors(serverFieldErrors(e)),
  });
  const errors = form.errors;
  const set = <K extends keyof StatusForm>(k: K, v: StatusForm[K]) => form.setFieldValue(k, v as never);
  const asylum = f.kind === 'gestattung' || f.kind === 'duldung' || f.asylumApplicationDate !== '';
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('residence.newTitle')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="status-form">
        <Stack>
          <Text size="sm" c="dimmed">
            {t('residence.newIntro')}
          </Text>
          <ActionError error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
            <Select
              label={t('person.residence.kind')}
              required
              value={f.kind || null}
              data={STATUS_KINDS.map((k) => ({ value: k, label: t(`residenceKind.${k}`) }))}
              onChange={(v) => set('kind', v ?? '')}
              error={errors.kind}
              data-autofocus
            />
            <TextInput
              label={t('residence.paragraph')}
              description={t('residence.paragraphHint')}
              value={f.paragraph}
              onChange={(e) => set('paragraph', e.currentTarget.value)}
              error={errors.paragraph}
            />
            <TextInput
              label={t('residence.since')}
              type="date"
              required
              value={f.since}
              onChange={(e) => set('since', e.currentTarget.value)}
              error={errors.since}
            />
            <TextInput
              label={t('residence.until')}
              type="date"
              value={f.until}
              onChange={(e) => set('until', e.currentTarget.value)}
              error={errors.until}
            />
            <TextInput
              label={t('person.residence.document')}
              value={f.document}
              onChange={(e) => set('document', e.currentTarget.value)}
              error={errors.document}
            />
            <TextInput
              label={t('person.residence.workAnnotation')}
              description={t('residence.workAnnotationHint')}
              value={f.workAnnotation}
              onChange={(e) => set('workAnnotation', e.currentTarget.value)}
              error={errors.workAnnotation}
            />
          </SimpleGrid>
          <Title order={3} size="h6">
            {t('residence.asylumTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
            <TextInput
              label={t('residence.asylumApplicationDate')}
              type="date"
              value={f.asylumApplicationDate}
              onChange={(e) => set('asylumApplicationDate', e.currentTarget.value)}
              error={errors.asylumApplicationDate}
            />
            <Select
              label={t('residence.asylumDecision')}
              clearable
              value={f.asylumDecision || null}
              data={ASYLUM_DECISIONS.map((k) => ({ value: k, label: t(`asylumDecision.${k}`) }))}
              onChange={(v) => set('asylumDecision', v ?? '')}
              error={errors.asylumDecision}
            />
            <TextInput
              label={t('residence.asylumDecisionDate')}
              type="date"
              value={f.asylumDecisionDate}
              onChange={(e) => set('asylumDecisionDate', e.currentTarget.value)}
              error={errors.asylumDecisionDate}
            />
            {asylum ? (
              <TriSelect
                label={t('residence.livesInReceptionCentre')}
                value={f.livesInReceptionCentre}
                onChange={(v) => set('livesInReceptionCentre', v)}
                error={errors.livesInReceptionCentre}
              />
            ) : null}
            <TriSelect
              label={t('residence.registered')}
              value={f.registered}
              onChange={(v) => set('registered', v)}
              error={errors.registered}
            />
            {f.kind === 'gestattung' ? (
              <TriSelect
                label={t('residence.dublinCase')}
                value={f.dublinCase}
                onChange={(v) => set('dublinCase', v)}
                error={errors.dublinCase}
              />
            ) : null}
            {f.kind === 'duldung' ? (
              <>
                <TriSelect
                  label={t('residence.ownFaultObstacle')}
                  value={f.ownFaultObstacle}
                  onChange={(v) => set('ownFaultObstacle', v)}
                  error={errors.ownFaultObstacle}
                />
                <TriSelect
                  label={t('residence.identityUnclear')}
                  value={f.identityUnclear}
                  onChange={(v) => set('identityUnclear', v)}
                  error={errors.identityUnclear}
                />
              </>
            ) : null}
          </SimpleGrid>
          <Radio.Group
            label={t('explicitChoice.keepAdvisorQuestion')}
            description={t('residence.keepAdvisorHint')}
            required
            value={f.keepAdvisor === undefined ? null : f.keepAdvisor ? 'keep' : 'jobcenter'}
            onChange={(v) => set('keepAdvisor', v === 'keep')}
            error={errors.keepAdvisor}
            data-testid="keep-advisor"
          >
            <Group mt="xs">
              <Radio value="keep" label={t('explicitChoice.keepAdvisorYes')} />
              <Radio value="jobcenter" label={t('explicitChoice.keepAdvisorNo')} />
            </Group>
          </Radio.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('residence.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Shown after a status change that moved the person into another Rechtskreis. */
export function RechtskreisNotice({ change, onClose }: { change: RechtskreisChange; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="blue"
      variant="light"
      title={t('residence.rkChangeTitle')}
      withCloseButton
      onClose={onClose}
      closeButtonLabel={t('common.close')}
      role="status"
      data-testid="rechtskreis-notice"
    >
      <Text size="sm">
        {/* A Rechtskreis the engine could not decide is not a place one moves "from". */}
        {change.from === 'review'
          ? t('caseFacts.rkChangeFromUnclear', { to: label(t, 'rechtskreis', change.to) })
          : t('residence.rkChangeText', {
              from: label(t, 'rechtskreis', change.from),
              to: label(t, 'rechtskreis', change.to),
            })}
      </Text>
      {change.handoverId ? (
        <Text size="sm" mt={4}>
          {t('residence.rkHandover')}{' '}
          <Anchor component={Link} to="/uebergaben?box=outbox">
            {t('residence.rkHandoverLink')}
          </Anchor>
        </Text>
      ) : null}
    </Alert>
  );
}

export function ResidenceSection({ p }: { p: Person }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  const [change, setChange] = useState<RechtskreisChange | null>(null);
  if (!p.residence) return <NotPermitted />;
  const r = p.residence;
  return (
    <Stack>
      {change ? <RechtskreisNotice change={change} onClose={() => setChange(null)} /> : null}
      <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0}>
        <Field name={t('person.residence.azrNumber')}>{r.azrNumber ?? '—'}</Field>
        <Field name={t('person.residence.entryDate')}>{formatDay(r.entryDate, i18n.language)}</Field>
        <Field name={t('person.residence.wohnsitzauflage')}>{r.wohnsitzauflage ?? '—'}</Field>
      </SimpleGrid>
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('person.residence.history')}
        </Title>
        {can('person:update') ? (
          <Button variant="default" onClick={() => setOpen(true)} data-testid="new-status">
            {t('residence.new')}
          </Button>
        ) : null}
      </Group>
      {r.history.length === 0 ? (
        <Text c="dimmed">{t('person.residence.noHistory')}</Text>
      ) : (
        <Table.ScrollContainer type="native" minWidth={720}>
          <Table data-testid="residence-history">
            <Table.Caption className="visually-hidden">{t('person.residence.history')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('person.residence.kind')}</Table.Th>
                <Table.Th scope="col">{t('person.residence.since')}</Table.Th>
                <Table.Th scope="col">{t('person.residence.until')}</Table.Th>
                <Table.Th scope="col">{t('person.residence.document')}</Table.Th>
                <Table.Th scope="col">{t('person.residence.asylum')}</Table.Th>
                <Table.Th scope="col">{t('person.residence.workAnnotation')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.history.map((h, i) => (
                <Table.Tr key={h.id}>
                  <Table.Td>
                    {label(t, 'residenceKind', h.kind)}
                    {h.paragraph ? (
                      <>
                        {' '}
                        <bdi dir="ltr">§ {h.paragraph}</bdi>
                      </>
                    ) : null}
                    {i === 0 ? (
                      <span style={{ marginInlineStart: 8 }}>
                        <Tag tone="green">{t('person.residence.current')}</Tag>
                      </span>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{formatDay(h.since, i18n.language)}</Table.Td>
                  <Table.Td>{formatDay(h.until, i18n.language)}</Table.Td>
                  <Table.Td>{h.document ?? '—'}</Table.Td>
                  <Table.Td>
                    {h.asylumDecision ? label(t, 'asylumDecision', h.asylumDecision) : '—'}
                    {h.asylumApplicationDate ? (
                      <Text size="xs" c="dimmed">
                        {t('residence.appliedOn', {
                          date: formatDay(h.asylumApplicationDate, i18n.language),
                        })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{h.workAnnotation ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {can('person:update') ? (
        <NewStatusModal
          p={p}
          opened={open}
          onClose={() => setOpen(false)}
          onSaved={(c) => {
            setOpen(false);
            setChange(c);
          }}
        />
      ) : null}
    </Stack>
  );
}
