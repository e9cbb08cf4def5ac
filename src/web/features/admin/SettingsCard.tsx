import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EffectiveSettings } from '../../../domain/settings/tenant-settings';
import { api } from '../../api/client';
import { label } from '../../app/format';
import { ActionError } from '../persons/sections/common';

const RETENTION_KEYS = [
  'sgb2',
  'sgb3_only',
  'asylblg',
  'none',
] as const satisfies readonly (keyof EffectiveSettings['retentionYears'])[];

/**
 * The region's own periods: the maximum stay in the IP before the exit, and how long closed cases are
 * kept per Rechtskreis. Saved with the version read, so a parallel change answers 409 instead of vanishing.
 */
export function SettingsCard() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const settings = useQuery({
    queryKey: ['admin', 'settings'],
    queryFn: () => api.get<EffectiveSettings>('/api/admin/settings'),
  });
  const [draft, setDraft] = useState<EffectiveSettings | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data) setDraft(settings.data);
  }, [settings.data]);
  const save = useMutation({
    mutationFn: (s: EffectiveSettings) =>
      api.patch<EffectiveSettings>('/api/admin/settings', {
        version: s.version,
        ipMaxStayMonths: s.ipMaxStayMonths,
        retentionYears: s.retentionYears,
      }),
    onSuccess: (s) => {
      qc.setQueryData(['admin', 'settings'], s);
      setSaved(true);
      void qc.invalidateQueries({ queryKey: ['retention'] });
    },
    onError: () => void qc.invalidateQueries({ queryKey: ['admin', 'settings'] }),
  });
  const set = (change: Partial<EffectiveSettings>) => {
    setSaved(false);
    setDraft((d) => (d ? { ...d, ...change } : d));
  };
  const num = (v: string | number) => (typeof v === 'number' ? v : Number.NaN);
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="settings-title"
      data-testid="region-settings"
    >
      <Title order={2} size="h5" id="settings-title" mb="xs">
        {t('regionSettings.title')}
      </Title>
      {!draft ? (
        <Text c="dimmed">{t('shell.loading')}</Text>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(draft);
          }}
        >
          <Stack gap="sm">
            <NumberInput
              label={t('regionSettings.maxStay')}
              description={t('regionSettings.maxStayHint')}
              min={1}
              max={60}
              allowDecimal={false}
              value={draft.ipMaxStayMonths}
              onChange={(v) => set({ ipMaxStayMonths: num(v) })}
              maw={260}
            />
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              {RETENTION_KEYS.map((k) => (
                <NumberInput
                  key={k}
                  label={t('regionSettings.retention', { rechtskreis: label(t, 'rechtskreis', k) })}
                  min={1}
                  max={30}
                  allowDecimal={false}
                  value={draft.retentionYears[k]}
                  onChange={(v) => set({ retentionYears: { ...draft.retentionYears, [k]: num(v) } })}
                />
              ))}
            </SimpleGrid>
            <ActionError error={save.error} />
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('regionSettings.save')}
              </Button>
              {saved ? (
                <Text role="status" c="green.8" size="sm">
                  {t('regionSettings.saved')}
                </Text>
              ) : null}
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
