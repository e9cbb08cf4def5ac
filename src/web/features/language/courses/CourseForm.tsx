import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, issuesByField } from '../../../api/client';
import { label } from '../../../app/format';
import { useUser } from '../../../auth/session';
import {
  CEFR_LEVELS,
  COURSE_STATUSES,
  type Course,
  TARGET_LEVELS,
  typeLabel,
  useCourseTypes,
  usePlaces,
  useProviders,
} from '../api';
import { ErrorAlert } from '../ui';

interface Draft {
  providerId: string | null;
  placeId: string | null;
  ref: string;
  type: string | null;
  entryLevels: string[];
  targetLevel: string | null;
  hours: number | string;
  schedule: string;
  startDate: string;
  endDate: string;
  seats: number | string;
  childcare: boolean;
  womenOnly: boolean;
  status: string;
}

const fromCourse = (c: Course | undefined): Draft => ({
  providerId: c?.provider.id ?? null,
  placeId: c?.place.id ?? null,
  ref: c?.ref ?? '',
  type: c?.type ?? null,
  entryLevels: c?.entryLevels ?? [],
  targetLevel: c?.targetLevel ?? null,
  hours: c?.hours ?? '',
  schedule: c?.schedule ?? '',
  startDate: c?.startDate ?? '',
  endDate: c?.endDate ?? '',
  seats: c?.seats ?? 20,
  childcare: c?.childcare ?? false,
  womenOnly: c?.womenOnly ?? false,
  status: c?.status ?? 'planned',
});

/**
 * Create a course or change one. A change carries the version read; if someone else saved in between the
 * server answers 409 and the form says so (nothing is overwritten).
 */
export function CourseForm({
  course,
  onSaved,
  onCancel,
}: {
  course?: Course;
  onSaved: (c: Course) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const user = useUser();
  const qc = useQueryClient();
  const provider = user.role === 'partner';
  const types = useCourseTypes();
  const places = usePlaces();
  const providers = useProviders();
  const [d, setD] = useState<Draft>(() => fromCourse(course));
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));

  const placeOptions = useMemo(() => {
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const p of places.data ?? []) {
      const g = groups.get(p.municipality) ?? [];
      g.push({
        value: p.id,
        label: p.kind === 'municipality' ? `${p.name} (${t('lp.course.centre')})` : p.name,
      });
      groups.set(p.municipality, g);
    }
    return [...groups.entries()].map(([group, items]) => ({ group, items }));
  }, [places.data, t]);

  const save = useMutation({
    mutationFn: async (): Promise<Course> => {
      const num = (v: number | string) => (v === '' ? undefined : Number(v));
      if (course) {
        return api.patch<Course>(`/api/courses/${course.id}`, {
          version: course.version,
          placeId: d.placeId ?? undefined,
          entryLevels: d.entryLevels,
          targetLevel: d.targetLevel,
          hours: num(d.hours),
          schedule: d.schedule.trim() || null,
          startDate: d.startDate || undefined,
          endDate: d.endDate || null,
          seats: num(d.seats),
          childcare: d.childcare,
          womenOnly: d.womenOnly,
          status: d.status,
        });
      }
      return api.post<Course>('/api/courses', {
        providerId: provider ? undefined : (d.providerId ?? undefined),
        placeId: d.placeId ?? undefined,
        ref: d.ref,
        type: d.type ?? undefined,
        entryLevels: d.entryLevels,
        targetLevel: d.targetLevel,
        hours: num(d.hours),
        schedule: d.schedule.trim() || undefined,
        startDate: d.startDate || undefined,
        endDate: d.endDate || undefined,
        seats: num(d.seats),
        childcare: d.childcare,
        womenOnly: d.womenOnly,
      });
    },
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ['lp', 'courses'] });
      qc.setQueryData(['lp', 'course', c.id], c);
      onSaved(c);
    },
  });
  const errors = issuesByField(save.error);
  const conflict = save.error instanceof ApiError && save.error.status === 409 && Boolean(course);

  const chooseType = (id: string | null) => {
    const info = types.data?.find((x) => x.id === id);
    setD((x) => ({
      ...x,
      type: id,
      // A new course starts with the type's usual levels and hours; the form keeps what was typed.
      entryLevels: x.entryLevels.length ? x.entryLevels : (info?.defaultEntryLevels ?? []),
      targetLevel: x.targetLevel ?? info?.defaultTargetLevel ?? null,
      hours: x.hours === '' ? (info?.defaultHours ?? '') : x.hours,
    }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate data-testid="course-form">
      <Stack>
        {conflict ? (
          <ErrorAlert error={save.error} title={t('lp.course.conflict')} />
        ) : save.isError && Object.keys(errors).length === 0 ? (
          <ErrorAlert error={save.error} />
        ) : null}
        {conflict ? (
          <Group>
            <Button
              variant="default"
              onClick={() => {
                void qc.invalidateQueries({ queryKey: ['lp', 'course', course?.id] });
                onCancel();
              }}
            >
              {t('lp.course.reload')}
            </Button>
          </Group>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {!course && !provider ? (
            <Select
              label={t('lp.course.provider')}
              data={(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              value={d.providerId}
              onChange={(v) => set('providerId', v)}
              error={errors.providerId}
              required
            />
          ) : null}
          <TextInput
            label={t('lp.course.ref')}
            value={d.ref}
            onChange={(e) => set('ref', e.currentTarget.value)}
            error={errors.ref}
            disabled={Boolean(course)}
            required
          />
          <Select
            label={t('lp.courseType')}
            data={(types.data ?? []).map((x) => ({ value: x.id, label: typeLabel(types.data, x.id, lang) }))}
            value={d.type}
            onChange={chooseType}
            error={errors.type}
            disabled={Boolean(course)}
            searchable
            required
          />
          <Select
            label={t('lp.place')}
            data={placeOptions}
            value={d.placeId}
            onChange={(v) => set('placeId', v)}
            error={errors.placeId}
            searchable
            required
          />
          <MultiSelect
            label={t('lp.course.entryLevels')}
            data={[...CEFR_LEVELS]}
            value={d.entryLevels}
            onChange={(v) => set('entryLevels', v)}
            error={errors.entryLevels ?? errors['entryLevels.0']}
            required
          />
          <Select
            label={t('lp.course.targetLevel')}
            data={[...TARGET_LEVELS]}
            value={d.targetLevel}
            onChange={(v) => set('targetLevel', v)}
            error={errors.targetLevel}
            clearable
          />
          <NumberInput
            label={t('lp.course.hours')}
            value={d.hours}
            onChange={(v) => set('hours', v)}
            error={errors.hours}
            min={1}
            max={2000}
          />
          <TextInput
            label={t('lp.course.schedule')}
            placeholder={t('lp.course.schedulePlaceholder')}
            value={d.schedule}
            onChange={(e) => set('schedule', e.currentTarget.value)}
            error={errors.schedule}
          />
          <TextInput
            type="date"
            label={t('lp.course.start')}
            value={d.startDate}
            onChange={(e) => set('startDate', e.currentTarget.value)}
            error={errors.startDate}
            required
          />
          <TextInput
            type="date"
            label={t('lp.course.end')}
            value={d.endDate}
            onChange={(e) => set('endDate', e.currentTarget.value)}
            error={errors.endDate}
          />
          <NumberInput
            label={t('lp.course.seats')}
            value={d.seats}
            onChange={(v) => set('seats', v)}
            error={errors.seats}
            min={0}
            max={1000}
            clampBehavior="none"
            required
          />
          {course ? (
            <Select
              label={t('lp.course.status')}
              data={COURSE_STATUSES.map((s) => ({ value: s, label: label(t, 'lp.courseStatus', s) }))}
              value={d.status}
              onChange={(v) => set('status', v ?? d.status)}
              error={errors.status}
              allowDeselect={false}
            />
          ) : null}
        </SimpleGrid>
        <Group>
          <Checkbox
            label={t('lp.course.childcare')}
            checked={d.childcare}
            onChange={(e) => set('childcare', e.currentTarget.checked)}
          />
          <Checkbox
            label={t('lp.course.womenOnly')}
            checked={d.womenOnly}
            onChange={(e) => set('womenOnly', e.currentTarget.checked)}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="course-save">
            {course ? t('common.save') : t('lp.courses.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
