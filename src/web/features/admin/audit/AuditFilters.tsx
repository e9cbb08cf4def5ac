import { Button, Group, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { AUDIT_ACTION_WORDS } from '../../../../domain/audit/wording';
import type { auditFilter, auditPersonHits } from '../../../../server/modules/audit/schema';
import { type ApiIssue, api, withQuery } from '../../../api/client';
import type { FormValues } from '../../../app/form';
import { roleLabel } from '../../../app/format';
import { actionWords } from './sentence';

/** The filter as its inputs hold it: the fields of the server's audit filter, each as text. */
export type AuditFilterValues = FormValues<z.input<typeof auditFilter>>;
export const NO_FILTER: AuditFilterValues = {
  person: '',
  user: '',
  action: '',
  outcome: '',
  from: '',
  to: '',
};

interface UserRow {
  id: string;
  displayName: string;
  role: string;
  agency: string;
}

/** The person picker: by name in any spelling (the lookup itself is logged on the server). */
function PersonPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const term = search.trim();
  const hits = useQuery({
    queryKey: ['audit-persons', term],
    queryFn: () => api.get<z.infer<typeof auditPersonHits>>(withQuery('/api/audit/persons', { q: term })),
    enabled: term.length >= 2 && term !== chosen?.label,
    staleTime: 30_000,
  });
  const options = (hits.data?.items ?? []).map((p) => ({
    value: p.id,
    label: p.birthYear ? t('auditViewer.personOption', { name: p.name, year: p.birthYear }) : p.name,
  }));
  const data = chosen && !options.some((o) => o.value === chosen.value) ? [chosen, ...options] : options;
  return (
    <Select
      label={t('auditViewer.person')}
      placeholder={t('auditViewer.personPlaceholder')}
      searchable
      clearable
      data={data}
      value={value || null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={term.length >= 2 && hits.isSuccess ? t('auditViewer.personNothing') : undefined}
      onChange={(id, option) => {
        setChosen(id ? option : null);
        onChange(id ?? '');
      }}
      data-testid="audit-person"
    />
  );
}

export function AuditFilters(props: {
  initial: AuditFilterValues;
  issues: ApiIssue[];
  onApply: (f: AuditFilterValues) => void;
}) {
  const { t, i18n } = useTranslation();
  const [f, setF] = useState(props.initial);
  const set = (k: keyof AuditFilterValues) => (v: string | null) => setF((x) => ({ ...x, [k]: v ?? '' }));
  const users = useQuery({
    queryKey: ['admin-users'],
    queryFn: () => api.get<UserRow[]>('/api/admin/users'),
  });
  const issue = (k: string) => props.issues.find((i) => i.path === `query.${k}`)?.message;
  const actions = Object.keys(AUDIT_ACTION_WORDS)
    .map((code) => ({ value: code, label: actionWords(t, code) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onApply(f);
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <PersonPicker value={f.person} onChange={set('person')} />
          <Select
            label={t('auditViewer.user')}
            placeholder={t('auditViewer.any')}
            searchable
            clearable
            data={(users.data ?? []).map((u) => ({
              value: u.id,
              label: `${u.displayName} · ${roleLabel(u.role, i18n.language)} · ${u.agency}`,
            }))}
            value={f.user || null}
            onChange={set('user')}
            error={issue('user')}
            data-testid="audit-user"
          />
          <Select
            label={t('auditViewer.actionLabel')}
            placeholder={t('auditViewer.any')}
            searchable
            clearable
            data={actions}
            value={f.action || null}
            onChange={set('action')}
          />
          <Select
            label={t('auditViewer.outcomeLabel')}
            placeholder={t('auditViewer.any')}
            clearable
            data={[
              { value: 'allowed', label: t('auditViewer.outcome.allowed') },
              { value: 'denied', label: t('auditViewer.outcome.denied') },
            ]}
            value={f.outcome || null}
            onChange={set('outcome')}
          />
          <TextInput
            type="date"
            label={t('auditViewer.from')}
            value={f.from}
            onChange={(e) => set('from')(e.currentTarget.value)}
            error={issue('from')}
          />
          <TextInput
            type="date"
            label={t('auditViewer.to')}
            value={f.to}
            onChange={(e) => set('to')(e.currentTarget.value)}
            error={issue('to')}
          />
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit" data-testid="audit-apply">
            {t('auditViewer.search')}
          </Button>
          <Button
            variant="default"
            onClick={() => {
              setF(NO_FILTER);
              props.onApply(NO_FILTER);
            }}
          >
            {t('auditViewer.reset')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
