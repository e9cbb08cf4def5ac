import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Progress,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type RunStartBody, runStartBody } from '../../../../server/modules/language/allocation/schema';
import { ApiError, api } from '../../../api/client';
import { requestValidator, serverFieldErrors } from '../../../app/form';
import { formatInstant, formatNumber, label, languageName } from '../../../app/format';
import { PageHeader } from '../../../app/PageHeader';
import { Tag } from '../../../app/Tag';
import type { ConfirmAnswer, Run } from '../api';
import { ErrorAlert, NUM, Section } from '../ui';
import { AssignmentTable } from './AssignmentTable';
import { runKey, runQuery, runsQuery } from './queries';
import { RunResult } from './RunResult';
import { WaitlistOverview } from './WaitlistOverview';

const STATE_TONE = {
  running: 'blue',
  proposed: 'orange',
  confirmed: 'green',
  failed: 'red',
  discarded: 'gray',
} as const;

/** The run form's values as the number inputs hold them (a number, or the text being typed). */
interface RunValues {
  maxTravelMinutes: number | string;
  horizonDays: number | string;
}

/** The request: the limits entered, the run in the background (the page polls its progress). */
function runBody(v: RunValues): RunStartBody {
  return { maxTravelMinutes: Number(v.maxTravelMinutes), horizonDays: Number(v.horizonDays), wait: false };
}
/** The route's runStartBody judges the limits before the run is started. */
const validateRun = requestValidator(runStartBody, runBody);

function RunForm({ onStarted }: { onStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const form = useForm<RunValues>({
    initialValues: { maxTravelMinutes: 60, horizonDays: 183 },
    validate: validateRun,
  });
  const start = useMutation({
    mutationFn: (v: RunValues) => api.post<{ id: string }>('/api/allocations', runBody(v)),
    onSuccess: (r) => onStarted(r.id),
    // A refused value is named on its field (the alert below keeps the server's message).
    onError: (e: Error) => form.setErrors(serverFieldErrors(e)),
  });
  return (
    <Section id="run-form" title={t('lp.run.title')}>
      <form onSubmit={form.onSubmit((v) => start.mutate(v))}>
        <Text size="sm" c="dimmed" mb="sm" maw={760}>
          {t('lp.run.intro')}
        </Text>
        <Group align="flex-end" gap="md">
          <NumberInput
            label={t('lp.run.maxTravel')}
            {...form.getInputProps('maxTravelMinutes')}
            min={0}
            max={600}
            step={5}
            suffix=" min"
            w={200}
          />
          <NumberInput
            label={t('lp.run.horizon')}
            {...form.getInputProps('horizonDays')}
            min={1}
            max={730}
            w={240}
          />
          <Button type="submit" loading={start.isPending} data-testid="run-start">
            {t('lp.run.start')}
          </Button>
        </Group>
        {start.isError ? (
          <div style={{ marginTop: 12 }}>
            <ErrorAlert error={start.error} />
          </div>
        ) : null}
      </form>
    </Section>
  );
}

function ConfirmButton({ run, onConfirmed }: { run: Run; onConfirmed: (a: ConfirmAnswer) => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const confirm = useMutation({
    mutationFn: () => api.post<ConfirmAnswer>(`/api/allocations/${run.id}/confirm`, { version: run.version }),
    onSuccess: (a) => {
      qc.setQueryData(runKey(run.id), a.run);
      void qc.invalidateQueries({ queryKey: ['lp', 'runs'] });
      void qc.invalidateQueries({ queryKey: ['lp', 'waitlist'] });
      setOpen(false);
      onConfirmed(a);
    },
  });
  return (
    <>
      <Button size="md" onClick={() => setOpen(true)} data-testid="confirm-open">
        {t('lp.confirm.button', { count: run.assignments.length })}
      </Button>
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={open}
        onClose={() => setOpen(false)}
        title={t('lp.confirm.title')}
      >
        <Stack>
          <Text size="sm">
            {t('lp.confirm.text', { n: formatNumber(run.assignments.length, i18n.language) })}
          </Text>
          {confirm.isError ? (
            <ErrorAlert
              error={confirm.error}
              title={
                confirm.error instanceof ApiError && confirm.error.status === 409
                  ? t('lp.confirm.conflict')
                  : undefined
              }
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => confirm.mutate()} loading={confirm.isPending} data-testid="confirm-submit">
              {t('lp.confirm.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** After confirmation: the enrolments created and the letters to hand over, in the client's language. */
function Confirmed({ run, answer }: { run: Run; answer: ConfirmAnswer | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const byPerson = new Map(run.assignments.map((a) => [a.personId, a]));
  return (
    <Section id="confirmed" title={t('lp.confirmed.title')} testId="confirmed">
      <Alert color="green" mb="md">
        {answer
          ? t('lp.confirmed.text', {
              n: formatNumber(answer.enrolments.length, lang),
              tasks: formatNumber(answer.tasks, lang),
            })
          : t('lp.confirmed.earlier', { at: run.confirmedAt ? formatInstant(run.confirmedAt, lang) : '—' })}
      </Alert>
      {answer ? (
        <Table.ScrollContainer minWidth={700} type="native">
          <Table data-testid="enrolment-table" striped>
            <Table.Caption className="visually-hidden">{t('lp.confirmed.title')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('lp.name')}</Table.Th>
                <Table.Th scope="col">{t('lp.assign.course')}</Table.Th>
                <Table.Th scope="col">{t('lp.place')}</Table.Th>
                <Table.Th scope="col">{t('lp.confirmed.letter')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {answer.enrolments.map((e) => {
                const a = byPerson.get(e.personId);
                return (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/personen/${e.personId}`} size="sm">
                        {a?.name ?? e.personId}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{a?.courseRef}</Table.Td>
                    <Table.Td>{a?.place}</Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        <Anchor href={e.letter.url} target="_blank" rel="noopener" size="sm">
                          {t('lp.confirmed.letterIn', { lang: languageName(e.letter.lang, lang) })}
                        </Anchor>
                        {e.letter.lang !== 'de' ? (
                          <Anchor
                            href={e.letter.url.replace(/lang=[a-z]+/, 'lang=de')}
                            target="_blank"
                            rel="noopener"
                            size="sm"
                            c="dimmed"
                          >
                            {t('lp.confirmed.germanOnly')}
                          </Anchor>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text size="sm">{t('lp.confirmed.seePersons')}</Text>
      )}
    </Section>
  );
}

function RunView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const [answer, setAnswer] = useState<ConfirmAnswer | null>(null);
  const run = useQuery(runQuery(id));
  if (run.isPending) return <Skeleton height={240} />;
  if (run.isError) return <ErrorAlert error={run.error} />;
  const r = run.data;
  if (r.state === 'running') {
    return (
      <Paper withBorder p="md" data-testid="run-running">
        <Text fw={600} mb="xs" id="run-progress-label">
          {t('lp.run.running', { pct: Math.round(r.progress * 100) })}
        </Text>
        <Progress
          value={Math.max(3, r.progress * 100)}
          animated
          aria-labelledby="run-progress-label"
          data-testid="run-progress"
        />
      </Paper>
    );
  }
  if (r.state === 'failed') {
    return (
      <Alert color="red" role="alert" title={t('lp.run.failed')}>
        {r.error}
      </Alert>
    );
  }
  return (
    <Stack gap="lg" data-testid="run-result">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('lp.result.title', { at: formatInstant(r.createdAt, i18n.language) })}{' '}
          <Tag tone={STATE_TONE[r.state]}>{label(t, 'lp.runState', r.state)}</Tag>
        </Title>
        {r.state === 'proposed' ? <ConfirmButton run={r} onConfirmed={setAnswer} /> : null}
      </Group>
      <RunResult run={r} />
      {r.state === 'confirmed' ? <Confirmed run={r} answer={answer} /> : null}
      <Section id="assignments" title={t('lp.assign.title')} testId="assignments">
        {r.state === 'proposed' ? (
          <Text size="sm" c="dimmed" mb="sm">
            {t('lp.assign.intro')}
          </Text>
        ) : null}
        <AssignmentTable run={r} />
      </Section>
    </Stack>
  );
}

function RecentRuns({ current, onOpen }: { current: string | null; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const runs = useQuery(runsQuery());
  if (!runs.data || runs.data.length === 0) return null;
  return (
    <Section id="runs" title={t('lp.runs.title')}>
      <Table.ScrollContainer minWidth={600} type="native">
        <Table verticalSpacing={4} fz="sm">
          <Table.Caption className="visually-hidden">{t('lp.runs.title')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('lp.runs.at')}</Table.Th>
              <Table.Th scope="col">{t('lp.runs.state')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('lp.result.optimal')}
              </Table.Th>
              <Table.Th scope="col" ta="end">
                {t('lp.result.fcfs')}
              </Table.Th>
              <Table.Th scope="col">
                <span className="visually-hidden">{t('lp.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.data.map((r) => (
              <Table.Tr key={r.id} bg={r.id === current ? 'blue.0' : undefined}>
                <Table.Td>{formatInstant(r.createdAt, lang)}</Table.Td>
                <Table.Td>
                  <Tag tone={STATE_TONE[r.state]}>{label(t, 'lp.runState', r.state)}</Tag>
                </Table.Td>
                <Table.Td ta="end" style={NUM}>
                  {r.metrics ? formatNumber(r.metrics.optimal.placed, lang) : '—'}
                </Table.Td>
                <Table.Td ta="end" style={NUM}>
                  {r.metrics ? formatNumber(r.metrics.fcfs.placed, lang) : '—'}
                </Table.Td>
                <Table.Td>
                  {r.id === current ? (
                    <Text size="sm" c="dimmed">
                      {t('lp.runs.shown')}
                    </Text>
                  ) : (
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => onOpen(r.id)}
                      aria-label={t('lp.runs.openAt', { at: formatInstant(r.createdAt, lang) })}
                    >
                      {t('common.open')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

/** Kurszuteilung: the waitlist, an optimal run beside first come first served, adjust, confirm. */
export function AllocationPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const runId = params.get('lauf');
  const open = (id: string) => setParams({ lauf: id });
  return (
    <>
      <PageHeader title={t('lp.alloc.title')} description={t('lp.alloc.intro')} />
      <Stack gap="lg">
        <WaitlistOverview />
        <RunForm onStarted={open} />
        {runId ? <RunView key={runId} id={runId} /> : null}
        <RecentRuns current={runId} onOpen={open} />
      </Stack>
    </>
  );
}
