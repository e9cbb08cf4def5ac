import { Alert, Button, Group, Radio, Skeleton, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ATTENDANCE_STATES, type classListOut } from '../../../../server/modules/language/courses/schema';
import { ApiError, api, issuesByField } from '../../../api/client';
import { formatDay, formatNumber } from '../../../app/format';
import { todayIso } from '../../persons/sections/common';
import type { Course } from '../api';
import { ErrorAlert, NUM, Section } from '../ui';

type State = (typeof ATTENDANCE_STATES)[number];
type ClassListAnswer = z.infer<typeof classListOut>;

/**
 * Attendance of one lesson day for the whole class: a radio per participant, "alle anwesend", one save
 * (one request, all or nothing). Replaces one dialog per participant (75 clicks for 15 people).
 */
export function ClassList({ course }: { course: Course }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const qc = useQueryClient();
  const today = todayIso();
  const started = course.startDate <= today;
  const [day, setDay] = useState(started ? today : course.startDate);
  const [states, setStates] = useState<Record<string, State | undefined>>({});
  const list = useQuery({
    queryKey: ['lp', 'attendance', course.id, day],
    queryFn: () => api.get<ClassListAnswer>(`/api/courses/${course.id}/attendance`, { day }),
    enabled: started && /^\d{4}-\d\d-\d\d$/.test(day),
  });
  // A newly loaded day shows what was recorded that day; nothing is preset for a day not yet recorded.
  useEffect(() => {
    if (list.data)
      setStates(Object.fromEntries(list.data.rows.map((r) => [r.enrolmentId, r.state ?? undefined])));
  }, [list.data]);
  const save = useMutation({
    mutationFn: () =>
      api.put<ClassListAnswer>(`/api/courses/${course.id}/attendance`, {
        day,
        entries: (list.data?.rows ?? []).map((r) => ({
          enrolmentId: r.enrolmentId,
          state: states[r.enrolmentId],
        })),
      }),
    onSuccess: (answer) => {
      qc.setQueryData(['lp', 'attendance', course.id, day], answer);
      void qc.invalidateQueries({ queryKey: ['lp', 'participants', course.id] });
    },
  });
  const errors = issuesByField(save.error);
  const rows = list.data?.rows ?? [];
  const missing = rows.filter((r) => !states[r.enrolmentId]).length;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Section id="class-list" title={t('classList.title', { date: formatDay(day, lang) })} testId="class-list">
      {!started ? (
        <Text c="dimmed">{t('classList.notStarted', { date: formatDay(course.startDate, lang) })}</Text>
      ) : (
        <form onSubmit={submit} noValidate>
          <Group align="flex-end" mb="sm">
            <TextInput
              type="date"
              label={t('classList.day')}
              value={day}
              min={course.startDate}
              max={course.endDate && course.endDate < today ? course.endDate : today}
              onChange={(e) => {
                setDay(e.currentTarget.value);
                save.reset();
              }}
              error={errors.day}
              w={200}
            />
            <Button
              variant="default"
              disabled={rows.length === 0}
              onClick={() => setStates(Object.fromEntries(rows.map((r) => [r.enrolmentId, 'present'])))}
            >
              {t('classList.allPresent')}
            </Button>
          </Group>
          {list.isPending ? (
            <Skeleton height={80} />
          ) : list.isError ? (
            <ErrorAlert error={list.error} />
          ) : rows.length === 0 ? (
            <Text c="dimmed">{t('classList.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={640} type="native">
              <Table striped data-testid="class-list-table">
                <Table.Caption className="visually-hidden">
                  {t('classList.title', { date: formatDay(day, lang) })}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('classList.name')}</Table.Th>
                    <Table.Th scope="col">{t('classList.state')}</Table.Th>
                    <Table.Th scope="col" ta="end">
                      {t('classList.share')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r, i) => (
                    <Table.Tr key={r.enrolmentId}>
                      <Table.Th scope="row" fw={400}>
                        {r.name}
                      </Table.Th>
                      <Table.Td>
                        <Radio.Group
                          aria-label={t('classList.stateFor', { name: r.name })}
                          value={states[r.enrolmentId] ?? null}
                          onChange={(v) => setStates((s) => ({ ...s, [r.enrolmentId]: v as State }))}
                          error={errors[`entries.${i}.state`] ?? errors[`entries.${i}.enrolmentId`]}
                        >
                          <Group gap="md">
                            {ATTENDANCE_STATES.map((s) => (
                              <Radio key={s} value={s} label={t(`classList.${s}`)} />
                            ))}
                          </Group>
                        </Radio.Group>
                      </Table.Td>
                      <Table.Td ta="end" style={NUM}>
                        {r.attendancePercent === null ? '—' : `${formatNumber(r.attendancePercent, lang)} %`}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {save.isError && !errors.day ? (
            <ErrorAlert
              error={save.error}
              title={
                save.error instanceof ApiError && save.error.status === 400
                  ? t('classList.failed')
                  : undefined
              }
            />
          ) : null}
          {save.isSuccess ? (
            <Alert color="green" variant="light" mt="sm" role="status" data-testid="class-list-saved">
              {t('classList.saved', { count: rows.length })}
            </Alert>
          ) : null}
          <Group justify="flex-end" mt="sm">
            {missing > 0 && rows.length > 0 ? (
              <Text size="sm" c="dimmed">
                {t('classList.missing', { count: missing })}
              </Text>
            ) : null}
            <Button type="submit" loading={save.isPending} disabled={rows.length === 0 || missing > 0}>
              {t('classList.save')}
            </Button>
          </Group>
        </form>
      )}
    </Section>
  );
}
