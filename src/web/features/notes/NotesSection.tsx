import {
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_CATEGORIES, type NOTE_VISIBILITIES, type NoteOut } from '../../../server/modules/notes/schema';
import type { PartnerOut } from '../../../server/modules/partners/schema';
import { api, issuesByField } from '../../api/client';
import { Tag } from '../../app/Tag';
import { useSession } from '../../auth/session';
import { usePartners } from '../partners/PartnersPage';
import { ActionError } from '../persons/sections/common';

const when = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang, {
    timeZone: 'Europe/Berlin',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));

function Referral({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const partners = usePartners({});
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const refer = useMutation({
    mutationFn: () =>
      api.post<{ handoverId: string }>(`/api/persons/${personId}/referrals`, { partnerId, reason }),
  });
  const err = issuesByField(refer.error);
  const chosen: PartnerOut | undefined = partners.data?.find((p) => p.id === partnerId);
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          refer.mutate();
        }}
        noValidate
      >
        <Stack gap="xs">
          <Text fw={600}>{t('partners.referTitle')}</Text>
          <Select
            label={t('partners.partner')}
            data={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={partnerId}
            onChange={setPartnerId}
            searchable
            error={err.partnerId}
          />
          {chosen && !chosen.agencyId ? (
            <Text size="sm" c="dimmed">
              {t('partners.outsideHint')}
            </Text>
          ) : null}
          <Textarea
            label={t('partners.reason')}
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={err.reason}
          />
          {refer.data ? (
            <Text role="status" c="green.9">
              {t('partners.referred')}
            </Text>
          ) : null}
          {refer.error && Object.keys(err).length === 0 ? <ActionError error={refer.error} /> : null}
          <Group>
            <Button type="submit" variant="default" loading={refer.isPending} disabled={!partnerId}>
              {t('partners.refer')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Notes on the case (own agency, or shared under consent) and the referral to a partner. */
export function NotesSection({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const qc = useQueryClient();
  const notes = useQuery({
    queryKey: ['notes', personId],
    queryFn: () => api.get<NoteOut[]>(`/api/persons/${personId}/notes`),
  });
  const [category, setCategory] = useState<string | null>('beratung');
  const [visibility, setVisibility] = useState<(typeof NOTE_VISIBILITIES)[number]>('agency');
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: () => api.post<NoteOut>(`/api/persons/${personId}/notes`, { category, visibility, text }),
    onSuccess: () => {
      setText('');
      void qc.invalidateQueries({ queryKey: ['notes', personId] });
    },
  });
  const err = issuesByField(add.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <Stack>
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <Group align="flex-end">
              <Select
                label={t('notes.category')}
                allowDeselect={false}
                data={NOTE_CATEGORIES.map((c) => ({ value: c, label: t(`notes.categories.${c}`) }))}
                value={category}
                onChange={setCategory}
                error={err.category}
              />
              <SegmentedControl
                aria-label={t('notes.visibility')}
                value={visibility}
                onChange={(v) => setVisibility(v === 'shared' ? 'shared' : 'agency')}
                data={[
                  { value: 'agency', label: t('notes.agencyOnly') },
                  { value: 'shared', label: t('notes.shared') },
                ]}
              />
            </Group>
            <Textarea
              label={t('notes.text')}
              autosize
              minRows={3}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={err.text}
            />
            {add.error && Object.keys(err).length === 0 ? <ActionError error={add.error} /> : null}
            <Group>
              <Button type="submit" loading={add.isPending}>
                {t('notes.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {notes.isPending ? (
        <Skeleton h={100} />
      ) : notes.isError ? (
        <ActionError error={notes.error} />
      ) : notes.data.length === 0 ? (
        <Text c="dimmed">{t('notes.none')}</Text>
      ) : (
        <Stack gap="xs" data-testid="note-list">
          {notes.data.map((n) => (
            <Paper key={n.id} withBorder p="sm">
              <Group gap="xs" mb={4}>
                <Tag tone="blue">{t(`notes.categories.${n.category}`)}</Tag>
                {n.visibility === 'shared' ? <Tag tone="teal">{t('notes.shared')}</Tag> : null}
                <Text size="sm" c="dimmed">
                  {when(n.createdAt, i18n.language)} · {n.author ?? '—'} · {n.agency}
                </Text>
              </Group>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{n.text}</Text>
            </Paper>
          ))}
        </Stack>
      )}
      {can('handover:manage') ? <Referral personId={personId} /> : null}
    </Stack>
  );
}
