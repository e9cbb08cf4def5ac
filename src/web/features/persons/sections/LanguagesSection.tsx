import { ActionIcon, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_LEVELS } from '../../../../domain/reference/languages';
import { ApiError, api, issuesByField } from '../../../api/client';
import type { Person } from '../../../api/types';
import { languageName } from '../../../app/format';
import { useSession } from '../../../auth/session';
import { ActionError, NotPermitted, usePersonUpdate } from './common';

/** Languages of the client groups (DOMAIN.md §8) and the usual others; ISO 639 codes the server accepts. */
const LANGUAGE_CODES = [
  'de',
  'en',
  'fr',
  'ar',
  'fa',
  'prs',
  'ps',
  'ckb',
  'kmr',
  'tr',
  'ti',
  'am',
  'so',
  'uk',
  'ru',
  'bg',
  'ro',
  'pl',
  'sq',
  'sr',
  'ur',
  'hi',
  'es',
  'it',
];

type Row = { code: string; level: string };

function LanguagesEditor({ p, onDone }: { p: Person; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const update = usePersonUpdate(p.id);
  // No preset level: a German level recorded by default (A1) would steer course allocation and the rules.
  const [rows, setRows] = useState<Row[]>(p.languages?.length ? p.languages : [{ code: 'de', level: '' }]);
  const [unchosen, setUnchosen] = useState(false);
  const codes = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    return LANGUAGE_CODES.map((c) => ({ value: c, label: languageName(c, i18n.language) })).sort((a, b) =>
      collator.compare(a.label, b.label),
    );
  }, [i18n.language]);
  const save = useMutation({
    mutationFn: (languages: Row[]) =>
      api.patch<Person>(`/api/persons/${p.id}`, { version: p.version, languages }),
    onSuccess: (person) => {
      update(person);
      onDone();
    },
    onError: (e) => {
      // Someone else saved in between: load the current version; nothing typed here is lost.
      if (e instanceof ApiError && e.status === 409)
        void qc.invalidateQueries({ queryKey: ['person', p.id] });
    },
  });
  const errors = issuesByField(save.error);
  const setRow = (i: number, r: Partial<Row>) =>
    setRows((rs) => rs.map((x, j) => (j === i ? { ...x, ...r } : x)));
  return (
    <Stack data-testid="languages-editor">
      <ActionError error={save.error} />
      {rows.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity before they are saved
        <Group key={i} align="flex-end" gap="sm" wrap="nowrap">
          <Select
            label={t('person.language.code')}
            searchable
            allowDeselect={false}
            value={r.code || null}
            placeholder={t('explicitChoice.choose')}
            data={codes}
            onChange={(v) => setRow(i, { code: v ?? r.code })}
            error={unchosen && !r.code ? t('explicitChoice.required') : errors[`languages.${i}.code`]}
            style={{ flex: 2 }}
          />
          <Select
            label={t('person.language.level')}
            allowDeselect={false}
            value={r.level || null}
            placeholder={t('explicitChoice.choose')}
            data={LANGUAGE_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`, { defaultValue: l }) }))}
            onChange={(v) => setRow(i, { level: v ?? r.level })}
            error={unchosen && !r.level ? t('explicitChoice.required') : errors[`languages.${i}.level`]}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            mb={2}
            aria-label={t('languages.removeLabel', { language: languageName(r.code, i18n.language) })}
            onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group justify="space-between">
        <Button variant="subtle" onClick={() => setRows((rs) => [...rs, { code: '', level: '' }])}>
          {t('languages.addRow')}
        </Button>
        <Group>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => {
              const complete = rows.every((r) => r.code && r.level);
              setUnchosen(!complete);
              if (complete) save.mutate(rows);
            }}
            loading={save.isPending}
          >
            {t('languages.save')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

export function LanguagesSection({ p, startEditing = false }: { p: Person; startEditing?: boolean }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const [editing, setEditing] = useState(startEditing);
  if (!p.languages) return <NotPermitted />;
  if (editing && can('person:update')) return <LanguagesEditor p={p} onDone={() => setEditing(false)} />;
  return (
    <Stack>
      {p.languages.length === 0 ? (
        <Text c="dimmed">{t('person.language.none')}</Text>
      ) : (
        <Table maw={520} data-testid="languages-table">
          <Table.Caption className="visually-hidden">{t('person.tabs.language')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('person.language.code')}</Table.Th>
              <Table.Th scope="col">{t('person.language.level')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.languages.map((l) => (
              <Table.Tr key={l.code}>
                <Table.Td>{languageName(l.code, i18n.language)}</Table.Td>
                <Table.Td>{t(`level.${l.level}`, { defaultValue: l.level })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {can('person:update') ? (
        <Group>
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('languages.edit')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
