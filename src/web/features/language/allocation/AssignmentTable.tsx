import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  Pagination,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api } from '../../../api/client';
import { formatDay, formatNumber, label } from '../../../app/format';
import { Tag } from '../../../app/Tag';
import { type Run, type RunAssignment, type RunClient, typeLabel, useCourseTypes } from '../api';
import { NUM } from '../ui';

type View = 'assigned' | 'changed' | 'unassigned' | 'skipped';
const PAGE = 25;

/** Move one person to another course or take them out; the server checks feasibility and seats. */
function AdjustModal({
  run,
  client,
  onClose,
}: {
  run: Run;
  client: RunClient | RunAssignment;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const types = useCourseTypes();
  const current = 'courseId' in client ? client.courseId : null;
  const [course, setCourse] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (to: string | null) =>
      api.patch<Run>(`/api/allocations/${run.id}`, {
        version: run.version,
        changes: [{ client: client.personId, course: to }],
      }),
    onSuccess: (next) => {
      qc.setQueryData(['lp', 'run', run.id], next);
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409)
        void qc.invalidateQueries({ queryKey: ['lp', 'run', run.id] });
    },
  });
  // Courses of the person's course types first (the others are refused by the server, with the reason).
  const options = useMemo(() => {
    const fits = (c: Run['courses'][number]) => client.courseTypes.includes(c.type);
    return [...run.courses]
      .filter((c) => c.id !== current)
      .sort((a, b) => Number(fits(b)) - Number(fits(a)) || a.ref.localeCompare(b.ref))
      .map((c) => ({
        value: c.id,
        label: `${c.ref} · ${typeLabel(types.data, c.type, i18n.language)} · ${c.place} · ${t(
          'lp.adjust.free',
          {
            n: c.freeSeats - c.assigned,
          },
        )}`,
      }));
  }, [run.courses, client.courseTypes, current, types.data, i18n.language, t]);
  const issue =
    save.error instanceof ApiError
      ? (save.error.issues[0]?.message ?? save.error.message)
      : save.error?.message;
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      title={t('lp.adjust.title', { name: client.name })}
      size="lg"
    >
      <Stack>
        <Text size="sm">
          {t('lp.adjust.facts', {
            level: client.level,
            home: client.home,
            types: client.courseTypes.map((x) => typeLabel(types.data, x, i18n.language)).join(', '),
          })}
          {client.needsChildcare ? ` · ${t('lp.needsChildcare')}` : ''}
          {client.needsWomenOnly ? ` · ${t('lp.needsWomenOnly')}` : ''}
        </Text>
        {current ? (
          <Text size="sm">
            {t('lp.adjust.current')}: <strong>{'courseRef' in client ? client.courseRef : ''}</strong>
          </Text>
        ) : null}
        <Select
          label={t('lp.adjust.to')}
          placeholder={t('lp.adjust.choose')}
          data={options}
          value={course}
          onChange={setCourse}
          searchable
          data-autofocus
        />
        {save.isError ? (
          <Alert color="red" role="alert" title={t('lp.adjust.refused')} data-testid="adjust-error">
            {issue}
          </Alert>
        ) : null}
        <Group justify="space-between">
          {current ? (
            <Button variant="default" color="red" onClick={() => save.mutate(null)} loading={save.isPending}>
              {t('lp.adjust.unassign')}
            </Button>
          ) : (
            <span />
          )}
          <Group>
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button disabled={!course} onClick={() => save.mutate(course)} loading={save.isPending}>
              {t('lp.adjust.move')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}

export function AssignmentTable({ run }: { run: Run }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const types = useCourseTypes();
  const [view, setView] = useState<View>('assigned');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<RunClient | RunAssignment | null>(null);
  const editable = run.state === 'proposed';
  const refOf = useMemo(() => new Map(run.courses.map((c) => [c.id, c.ref])), [run.courses]);
  const changed = useMemo(
    () => run.assignments.filter((a) => a.fcfsCourseId !== a.courseId),
    [run.assignments],
  );
  const needle = q.trim().toLowerCase();
  const match = (name: string) => !needle || name.toLowerCase().includes(needle);
  const rows: (RunClient | RunAssignment)[] =
    view === 'assigned'
      ? run.assignments
      : view === 'changed'
        ? changed
        : view === 'unassigned'
          ? run.unassigned
          : [];
  const filtered = rows.filter((r) => match(r.name));
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE));
  const shown = filtered.slice((page - 1) * PAGE, page * PAGE);
  const skipped = run.skipped.filter((s) => match(s.name));

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          value={view}
          onChange={(v) => {
            setView(v as View);
            setPage(1);
          }}
          aria-label={t('lp.assign.viewLabel')}
          data={[
            {
              value: 'assigned',
              label: `${t('lp.assign.assigned')} (${formatNumber(run.assignments.length, lang)})`,
            },
            { value: 'changed', label: `${t('lp.assign.changed')} (${formatNumber(changed.length, lang)})` },
            {
              value: 'unassigned',
              label: `${t('lp.assign.unassigned')} (${formatNumber(run.unassigned.length, lang)})`,
            },
            {
              value: 'skipped',
              label: `${t('lp.assign.skipped')} (${formatNumber(run.skipped.length, lang)})`,
            },
          ]}
        />
        <TextInput
          type="search"
          aria-label={t('lp.assign.search')}
          placeholder={t('lp.assign.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          w={260}
        />
      </Group>
      {view === 'changed' ? (
        <Text size="sm" c="dimmed">
          {t('lp.assign.changedHint')}
        </Text>
      ) : null}
      {view === 'skipped' ? (
        <Table data-testid="skipped-table" striped>
          <Table.Caption className="visually-hidden">{t('lp.assign.skipped')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('lp.name')}</Table.Th>
              <Table.Th scope="col">{t('lp.assign.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {skipped.map((s) => (
              <Table.Tr key={s.personId}>
                <Table.Td>
                  <Anchor component={Link} to={`/personen/${s.personId}`} size="sm">
                    {s.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{label(t, 'lp.skip', s.reason)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <>
          <Table.ScrollContainer minWidth={900} type="native">
            <Table data-testid="assignment-table" striped verticalSpacing={6}>
              <Table.Caption className="visually-hidden">{t('lp.assign.title')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('lp.name')}</Table.Th>
                  <Table.Th scope="col">{t('lp.level')}</Table.Th>
                  <Table.Th scope="col">{t('lp.home')}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('lp.waitingDays')}
                  </Table.Th>
                  <Table.Th scope="col">{t('lp.assign.course')}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('lp.travel')}
                  </Table.Th>
                  <Table.Th scope="col">{t('lp.assign.fcfsCourse')}</Table.Th>
                  {editable ? (
                    <Table.Th scope="col">
                      <span className="visually-hidden">{t('lp.actions')}</span>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((r) => {
                  const a = 'courseId' in r ? r : null;
                  return (
                    <Table.Tr key={r.personId}>
                      <Table.Td>
                        <Anchor component={Link} to={`/personen/${r.personId}`} size="sm">
                          {r.name}
                        </Anchor>
                        <Group gap={4} mt={2}>
                          {r.needsChildcare ? <Tag tone="teal">{t('lp.childcareShort')}</Tag> : null}
                          {r.needsWomenOnly ? <Tag tone="violet">{t('lp.womenOnlyShort')}</Tag> : null}
                        </Group>
                      </Table.Td>
                      <Table.Td>{r.level}</Table.Td>
                      <Table.Td>{r.home}</Table.Td>
                      <Table.Td ta="end" style={NUM}>
                        {formatNumber(r.waitingDays, lang)}
                      </Table.Td>
                      <Table.Td>
                        {a ? (
                          <>
                            <Anchor component={Link} to={`/kurse/${a.courseId}`} size="sm" fw={600}>
                              {a.courseRef}
                            </Anchor>
                            <Text size="xs" c="dimmed">
                              {typeLabel(types.data, a.courseType, lang)} · {a.place}
                            </Text>
                          </>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t('lp.assign.none')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="end" style={NUM}>
                        {a?.travelMinutes != null ? t('lp.metrics.minutes', { n: a.travelMinutes }) : '—'}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={r.fcfsCourseId === a?.courseId ? 'dimmed' : undefined}>
                          {r.fcfsCourseId ? refOf.get(r.fcfsCourseId) : t('lp.assign.none')}
                        </Text>
                      </Table.Td>
                      {editable ? (
                        <Table.Td>
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setEditing(r)}
                            aria-label={t(a ? 'lp.assign.changeFor' : 'lp.assign.assignFor', {
                              name: r.name,
                            })}
                          >
                            {a ? t('lp.assign.change') : t('lp.assign.assign')}
                          </Button>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {filtered.length === 0 ? <Text c="dimmed">{t('lp.assign.empty')}</Text> : null}
          {pages > 1 ? (
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('lp.assign.range', {
                  from: formatNumber((page - 1) * PAGE + 1, lang),
                  to: formatNumber(Math.min(page * PAGE, filtered.length), lang),
                  total: formatNumber(filtered.length, lang),
                })}
              </Text>
              <Pagination
                total={pages}
                value={page}
                onChange={setPage}
                size="sm"
                getControlProps={(control) => ({ 'aria-label': t(`pager.${control}`) })}
                getItemProps={(p) => ({
                  'aria-label': `${t('common.page')} ${p}`,
                  'aria-current': p === page ? 'page' : undefined,
                })}
                aria-label={t('common.pagination')}
              />
            </Group>
          ) : null}
        </>
      )}
      {editing ? <AdjustModal run={run} client={editing} onClose={() => setEditing(null)} /> : null}
      <Text size="xs" c="dimmed">
        {t('lp.assign.asOf', { day: formatDay(run.asOf, lang) })}
      </Text>
    </Stack>
  );
}
