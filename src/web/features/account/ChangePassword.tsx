import { Alert, Button, Group, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { okOut } from '../../../server/modules/auth/schema';
import { api, issuesByField } from '../../api/client';

/** The server's message for one field, else none. */
const issueFor = (error: unknown, path: string): string | undefined => issuesByField(error)[path];

/** Change the own password with the current one; the server ends every other session. */
export function ChangePassword() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [local, setLocal] = useState<{ current?: string; next?: string; repeat?: string }>({});
  const change = useMutation({
    mutationFn: () =>
      api.post<z.infer<typeof okOut>>('/api/auth/password', {
        currentPassword: current,
        newPassword: next,
      }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setRepeat('');
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: typeof local = {};
    if (!current) errs.current = t('login.passwordRequired');
    if (!next) errs.next = t('security.newPasswordRequired');
    else if (next !== repeat) errs.repeat = t('security.repeatMismatch');
    setLocal(errs);
    if (!errs.current && !errs.next && !errs.repeat) change.mutate();
  };
  const fieldError = issueFor(change.error, 'currentPassword') || issueFor(change.error, 'newPassword');
  return (
    <Paper withBorder p="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('security.passwordTitle')}
          </Title>
          {change.isSuccess ? (
            <Alert color="green" role="status">
              {t('security.passwordChanged', { count: change.data.sessionsEnded ?? 0 })}
            </Alert>
          ) : null}
          {change.isError && !fieldError ? (
            <Alert color="red" role="alert" title={t('security.failed')}>
              {change.error.message}
            </Alert>
          ) : null}
          <PasswordInput
            label={t('security.currentPassword')}
            autoComplete="current-password"
            required
            value={current}
            error={local.current ?? issueFor(change.error, 'currentPassword')}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
          />
          <PasswordInput
            label={t('security.newPassword')}
            description={t('security.newPasswordHint')}
            autoComplete="new-password"
            required
            value={next}
            error={local.next ?? issueFor(change.error, 'newPassword')}
            onChange={(e) => setNext(e.currentTarget.value)}
            visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
          />
          <PasswordInput
            label={t('security.repeatPassword')}
            autoComplete="new-password"
            required
            value={repeat}
            error={local.repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('security.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
