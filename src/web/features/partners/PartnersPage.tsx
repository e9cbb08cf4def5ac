import {
  Anchor,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerOut } from '../../../server/modules/partners/schema';
import { api } from '../../api/client';
import { languageName } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { Tag } from '../../app/Tag';
import { ActionError } from '../persons/sections/common';

export const usePartners = (f: { language?: string | null; q?: string }) =>
  useQuery({
    queryKey: ['partners', f],
    queryFn: () =>
      api.get<PartnerOut[]>('/api/partners', { language: f.language ?? undefined, q: f.q || undefined }),
  });

/** The partner network: who offers what, in which languages, when open, whom to call. */
export function PartnersPage() {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [language, setLanguage] = useState<string | null>(null);
  const list = usePartners({ q, language });
  const langs = ['ar', 'fa', 'prs', 'ps', 'ti', 'ku', 'tr', 'uk', 'ru', 'so', 'en', 'fr'];
  return (
    <>
      <PageHeader title={t('partners.title')} description={t('partners.intro')} />
      <Stack>
        <Group align="flex-end">
          <TextInput
            label={t('partners.search')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={320}
          />
          <Select
            label={t('partners.language')}
            clearable
            placeholder={t('partners.anyLanguage')}
            data={langs.map((l) => ({ value: l, label: languageName(l, i18n.language) }))}
            value={language}
            onChange={setLanguage}
          />
        </Group>
        {list.isPending ? (
          <Skeleton h={200} />
        ) : list.isError ? (
          <ActionError error={list.error} />
        ) : list.data.length === 0 ? (
          <Text c="dimmed">{t('partners.none')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="partner-list">
            {list.data.map((p) => (
              <Paper key={p.id} withBorder p="md">
                <Stack gap={6}>
                  <Group justify="space-between">
                    <Title order={2} size="h5">
                      {p.name}
                    </Title>
                    <Tag tone={p.agencyId ? 'green' : 'gray'}>
                      {p.agencyId ? t('partners.inLotse') : t(`partners.kinds.${p.kind}`)}
                    </Tag>
                  </Group>
                  {p.services ? <Text size="sm">{p.services}</Text> : null}
                  {p.languages.length > 0 ? (
                    <Text size="sm">
                      {t('partners.languages')}:{' '}
                      {p.languages.map((l) => languageName(l, i18n.language)).join(', ')}
                    </Text>
                  ) : null}
                  {p.openingHours ? (
                    <Text size="sm">
                      {t('partners.open')}: {p.openingHours}
                    </Text>
                  ) : null}
                  {p.address ? <Text size="sm">{p.address}</Text> : null}
                  <Text size="sm">
                    {[p.phone, p.email].filter(Boolean).join(' · ')}
                    {p.website ? (
                      <>
                        {' · '}
                        <Anchor href={p.website} target="_blank" rel="noreferrer">
                          {t('partners.website')}
                        </Anchor>
                      </>
                    ) : null}
                  </Text>
                  {p.contacts.map((c) => (
                    <Text key={c.id} size="sm">
                      {c.name}
                      {c.role ? ` (${c.role})` : ''}
                      {c.email ? (
                        <>
                          {' · '}
                          <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor>
                        </>
                      ) : null}
                    </Text>
                  ))}
                </Stack>
              </Paper>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </>
  );
}
