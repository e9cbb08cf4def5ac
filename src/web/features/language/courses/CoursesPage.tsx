import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Pagination,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api } from '../../../api/client';
import { formatDay, formatNumber, label } from '../../../app/format';
import { PageHeader } from '../../../app/PageHeader';
import { Tag } from '../../../app/Tag';
import { useSession, useUser } from '../../../auth/session';
import {
  COURSE_STATUSES,
  type Course,
  type CourseList,
  typeLabel,
  useCourseTypes,
  useMunicipalities,
  useProviders,
} from '../api';
import { ErrorAlert, NUM } from '../ui';

const PAGE = 50;
export const STATUS_TONE: Record<string, 'blue' | 'green' | 'gray' | 'red'> = {
  planned: 'blue',
  running: 'green',
  finished: 'gray',
  cancelled: 'red',
};

export function levelsText(c: Pick<Course, 'entryLevels' | 'targetLevel'>): string {
  return `${c.entryLevels.join(', ')}${c.targetLevel ? ` → ${c.targetLevel}` : ''}`;
}

/** A provider's own figures at a glance: courses, seats, taken and free. */
function ProviderSummary({ items }: { items: Course[] }) {
  const { t, i18n } = useTranslation();
  const sum = (f: (c: Course) => number) => items.reduce((s, c) => s + f(c), 0);
  const facts = [
    { k: 'courses', v: items.length },
    { k: 'running', v: items.filter((c) => c.status === 'running').length },
    { k: 'planned', v: items.filter((c) => c.status === 'planned').length },
    { k: 'seats', v: sum((c) => c.seats) },
    { k: 'taken', v: sum((c) => c.taken) },
    { k: 'free', v: sum((c) => (c.status === 'planned' || c.status === 'running' ? c.free : 0)) },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} mb="lg" data-testid="provider-summary">
      {facts.map((f) => (
        <Paper withBorder p="sm" key={f.k}>
          <Text size="xs" c="dimmed">
            {t(`lp.courses.summary.${f.k}`)}
          </Text>
          <Text fw={700} size="xl" style={NUM}>
            {formatNumber(f.v, i18n.language)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

export function CourseTable({ items, caption }: { items: Course[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const types = useCourseTypes();
  return (
    <Table.ScrollContainer minWidth={980} type="native">
      <Table striped highlightOnHover data-testid="course-table" verticalSpacing={6}>
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('lp.course.ref')}</Table.Th>
            <Table.Th scope="col">{t('lp.courseType')}</Table.Th>
            <Table.Th scope="col">{t('lp.course.provider')}</Table.Th>
            <Table.Th scope="col">{t('lp.place')}</Table.Th>
            <Table.Th scope="col">{t('lp.course.start')}</Table.Th>
            <Table.Th scope="col">{t('lp.course.levels')}</Table.Th>
            <Table.Th scope="col" ta="end" style={{ whiteSpace: 'nowrap' }}>
              {t('lp.course.seatsTaken')}
            </Table.Th>
            <Table.Th scope="col">{t('lp.course.features')}</Table.Th>
            <Table.Th scope="col">{t('lp.course.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/kurse/${c.id}`}
                  fw={600}
                  size="sm"
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {c.ref}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{typeLabel(types.data, c.type, lang, c.typeLabel)}</Text>
                <Text size="xs" c="dimmed">
                  {t('lp.course.hoursN', { n: formatNumber(c.hours, lang) })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{c.provider.name}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{c.place.name}</Text>
                {c.place.name !== c.place.municipality ? (
                  <Text size="xs" c="dimmed">
                    {c.place.municipality}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td style={NUM}>{formatDay(c.startDate, lang)}</Table.Td>
              <Table.Td style={NUM}>{levelsText(c)}</Table.Td>
              <Table.Td ta="end" style={NUM}>
                {formatNumber(c.taken, lang)} / {formatNumber(c.seats, lang)}
                <Text size="xs" c={c.free > 0 ? '#1b4d2a' : 'dimmed'}>
                  {t('lp.course.freeN', { n: formatNumber(c.free, lang) })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {c.childcare ? <Tag tone="teal">{t('lp.childcareShort')}</Tag> : null}
                  {c.womenOnly ? <Tag tone="violet">{t('lp.womenOnlyShort')}</Tag> : null}
                </Group>
              </Table.Td>
              <Table.Td>
                <Tag tone={STATUS_TONE[c.status] ?? 'gray'}>{label(t, 'lp.courseStatus', c.status)}</Tag>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Kurskatalog (for providers: their own courses), filtered by course type, place, provider and status. */
export function CoursesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const user = useUser();
  const { can } = useSession();
  const provider = user.role === 'partner';
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? '';
  const page = Math.max(1, Number(params.get('seite') ?? '1') || 1);
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    next.delete('seite');
    setParams(next, { replace: true });
  };
  const types = useCourseTypes();
  const municipalities = useMunicipalities();
  const providers = useProviders();
  const query = {
    type: get('art'),
    municipalityId: get('kommune'),
    providerId: get('traeger'),
    status: get('status'),
    freeSeats: get('frei') === '1' ? 'true' : '',
    limit: PAGE,
    offset: (page - 1) * PAGE,
  };
  const courses = useQuery({
    queryKey: ['lp', 'courses', query],
    queryFn: () => api.get<CourseList>('/api/courses', query),
    placeholderData: keepPreviousData,
  });
  const all = useQuery({
    queryKey: ['lp', 'courses', 'mine'],
    queryFn: () => api.get<CourseList>('/api/courses', { limit: 500 }),
    enabled: provider,
  });
  const title = provider ? t('lp.courses.mine', { provider: user.agency.name }) : t('lp.courses.title');
  if (courses.isError && courses.error instanceof ApiError && courses.error.status === 403) {
    return (
      <>
        <PageHeader title={title} />
        <Alert color="gray" title={t('lp.forbidden')}>
          {courses.error.message}
        </Alert>
      </>
    );
  }
  const pages = courses.data ? Math.max(1, Math.ceil(courses.data.total / PAGE)) : 1;
  return (
    <>
      <PageHeader
        title={title}
        description={provider ? t('lp.courses.mineIntro') : t('lp.courses.intro')}
        actions={
          can('courses:manage') ? (
            <>
              <Button component={Link} to="/kurse/neu">
                {t('lp.courses.create')}
              </Button>
              <Button component={Link} to="/sprache/import" variant="default">
                {t('lp.courses.import')}
              </Button>
            </>
          ) : null
        }
      />
      {provider && all.data ? <ProviderSummary items={all.data.items} /> : null}
      <Paper withBorder>
        <Group
          p="md"
          gap="md"
          align="flex-end"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Select
            label={t('lp.courseType')}
            placeholder={t('common.all')}
            data={(types.data ?? []).map((x) => ({ value: x.id, label: typeLabel(types.data, x.id, lang) }))}
            value={get('art') || null}
            onChange={(v) => set('art', v)}
            clearable
            searchable
            w={260}
          />
          <Select
            label={t('lp.municipality')}
            placeholder={t('common.all')}
            data={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
            value={get('kommune') || null}
            onChange={(v) => set('kommune', v)}
            clearable
            searchable
            w={200}
          />
          {!provider ? (
            <Select
              label={t('lp.course.provider')}
              placeholder={t('common.all')}
              data={(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              value={get('traeger') || null}
              onChange={(v) => set('traeger', v)}
              clearable
              w={260}
            />
          ) : null}
          <Select
            label={t('lp.course.status')}
            placeholder={t('common.all')}
            data={COURSE_STATUSES.map((s) => ({ value: s, label: label(t, 'lp.courseStatus', s) }))}
            value={get('status') || null}
            onChange={(v) => set('status', v)}
            clearable
            w={160}
          />
          <Checkbox
            label={t('lp.courses.freeOnly')}
            checked={get('frei') === '1'}
            onChange={(e) => set('frei', e.currentTarget.checked ? '1' : null)}
            mb={8}
          />
        </Group>
        <Group px="md" py="sm" justify="space-between">
          <Text fw={600} data-testid="course-count" aria-live="polite">
            {courses.data
              ? t('lp.courses.count', {
                  count: courses.data.total,
                  formatted: formatNumber(courses.data.total, lang),
                })
              : t('shell.loading')}
          </Text>
        </Group>
        {courses.isPending ? (
          <Stack p="md">
            <Skeleton height={28} />
            <Skeleton height={28} />
          </Stack>
        ) : courses.isError ? (
          <div style={{ padding: 16 }}>
            <ErrorAlert error={courses.error} />
          </div>
        ) : courses.data.items.length === 0 ? (
          <Text p="md" c="dimmed">
            {t('lp.courses.empty')}
          </Text>
        ) : (
          <CourseTable items={courses.data.items} caption={title} />
        )}
        {pages > 1 ? (
          <Group justify="center" p="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <Pagination
              total={pages}
              value={page}
              onChange={(p) => {
                const next = new URLSearchParams(params);
                next.set('seite', String(p));
                setParams(next);
              }}
              getControlProps={(control) => ({ 'aria-label': t(`pager.${control}`) })}
              getItemProps={(p) => ({
                'aria-label': `${t('common.page')} ${p}`,
                'aria-current': p === page ? 'page' : undefined,
              })}
              aria-label={t('common.pagination')}
            />
          </Group>
        ) : null}
      </Paper>
    </>
  );
}
