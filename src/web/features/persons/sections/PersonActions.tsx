import { Button, Group, Menu, Modal, Radio, Skeleton, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_LANGUAGES } from '../../../../server/modules/client-rights/schema';
import type { DuplicateCandidates } from '../../../api/casefile';
import { api } from '../../../api/client';
import type { Person } from '../../../api/types';
import { useSession } from '../../../auth/session';
import { CandidateSummary } from '../intake/DuplicateCandidates';
import { ActionError, usePersonUpdate } from './common';

const EXPORT_LANGUAGE_NAMES: Record<string, string> = {
  de: 'Deutsch',
  en: 'English',
  ar: 'العربية',
  fa: 'فارسی',
  uk: 'Українська',
};

/** Art. 15 GDPR: all data as a JSON file, or a printable page in the client's language (new tab). */
function ExportMenu({ p }: { p: Person }) {
  const { t } = useTranslation();
  const base = `/api/persons/${p.id}/export`;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" data-testid="export-menu">
          {t('export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={base} download>
          {t('export.json')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>{t('export.print')}</Menu.Label>
        {EXPORT_LANGUAGES.map((l) => (
          <Menu.Item
            key={l}
            component="a"
            href={`${base}?format=html&lang=${l}`}
            target="_blank"
            rel="noopener"
            lang={l}
            dir={l === 'ar' || l === 'fa' ? 'rtl' : 'ltr'}
          >
            {EXPORT_LANGUAGE_NAMES[l]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** Merge a duplicate into this person: every history stays, the merge is audited. */
function MergeModal({ p, opened, onClose }: { p: Person; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const update = usePersonUpdate(p.id);
  const [choice, setChoice] = useState<string | null>(null);
  const candidates = useQuery({
    queryKey: ['duplicates-of', p.id],
    enabled: opened,
    queryFn: async () =>
      (
        await api.post<DuplicateCandidates>('/api/persons/duplicate-check', {
          givenNames: p.givenNames,
          familyName: p.familyName,
          nameOriginal: p.nameOriginal ?? undefined,
          nameVariants: p.nameVariants,
          birthDate: p.birthDate ?? undefined,
          birthDatePrecision: p.birthDatePrecision,
          nationalities: p.nationalities,
          gender: p.gender,
        })
      ).candidates.filter((c) => c.id !== p.id),
  });
  const merge = useMutation({
    mutationFn: async (duplicateId: string) => {
      const dup = await api.get<Person>(`/api/persons/${duplicateId}`);
      return api.post<Person>(`/api/persons/${p.id}/merge`, {
        duplicateId,
        version: p.version,
        duplicateVersion: dup.version,
      });
    },
    onSuccess: (person) => {
      update(person);
      void qc.invalidateQueries({ queryKey: ['audit', p.id] });
      void qc.invalidateQueries({ queryKey: ['duplicates-of', p.id] });
      setChoice(null);
      onClose();
    },
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={t('merge.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <Text size="sm">{t('merge.intro', { name: `${p.givenNames} ${p.familyName}` })}</Text>
        <ActionError error={merge.error} />
        {candidates.isPending ? (
          <Skeleton height={80} />
        ) : candidates.isError ? (
          <ActionError error={candidates.error} />
        ) : candidates.data.length === 0 ? (
          <Text c="dimmed">{t('merge.none')}</Text>
        ) : (
          <Radio.Group label={t('merge.choose')} value={choice} onChange={setChoice}>
            <Stack gap="sm" mt="xs">
              {candidates.data.map((c) => (
                <Radio key={c.id} value={c.id} label={<CandidateSummary c={c} />} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            disabled={!choice}
            loading={merge.isPending}
            onClick={() => choice && merge.mutate(choice)}
          >
            {t('merge.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function PersonActions({ p }: { p: Person }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [merging, setMerging] = useState(false);
  const mayMerge = can('person:merge') && can('person:create');
  if (!can('person:export') && !mayMerge) return null;
  return (
    <Group gap="sm">
      {can('person:export') ? <ExportMenu p={p} /> : null}
      {mayMerge ? (
        <>
          <Button variant="default" onClick={() => setMerging(true)}>
            {t('merge.button')}
          </Button>
          <MergeModal p={p} opened={merging} onClose={() => setMerging(false)} />
        </>
      ) : null}
    </Group>
  );
}
