import {
  Alert,
  Button,
  Group,
  Modal,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../domain/access/roles';
import { ApiError, api, issuesByField } from '../../api/client';
import type { AdminUser, Agency } from '../../api/types';
import { roleLabel } from '../../app/format';

interface NewUserForm {
  displayName: string;
  email: string;
  role: string;
  agencyId: string;
  team: string;
  password: string;
}
const EMPTY: NewUserForm = { displayName: '', email: '', role: '', agencyId: '', team: '', password: '' };

/** Client-side checks mirror the server's, so most mistakes show before sending; the server has the last word. */
function validate(f: NewUserForm, t: (k: string) => string): Record<string, string> {
  const e: Record<string, string> = {};
  if (f.displayName.trim().length < 2) e.displayName = t('users.errors.displayName');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.email.trim())) e.email = t('users.errors.email');
  if (!f.role) e.role = t('users.errors.role');
  if (!f.agencyId) e.agencyId = t('users.errors.agency');
  if (f.password.length < 10) e.password = t('users.errors.password');
  return e;
}

export function CreateUserModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (email: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState<NewUserForm>(EMPTY);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const agencies = useQuery({
    queryKey: ['meta', 'agencies'],
    queryFn: () => api.get<Agency[]>('/api/meta/agencies'),
    staleTime: 3_600_000,
  });
  const create = useMutation({
    mutationFn: (f: NewUserForm) =>
      api.post<{ id: string }>('/api/admin/users', {
        displayName: f.displayName.trim(),
        email: f.email.trim(),
        role: f.role,
        agencyId: f.agencyId,
        team: f.team.trim() || undefined,
        password: f.password,
      }),
    onSuccess: (_, f) => {
      setForm(EMPTY);
      onCreated(f.email.trim().toLowerCase());
    },
  });
  const serverErrors = issuesByField(create.error);
  // A taken e-mail address is a conflict (409) about one field: show it there.
  if (create.error instanceof ApiError && create.error.status === 409)
    serverErrors.email = create.error.message;
  const errors = { ...serverErrors, ...clientErrors };
  const set = (k: keyof NewUserForm) => (v: string | null) => {
    setForm((f) => ({ ...f, [k]: v ?? '' }));
    setClientErrors((e) => {
      const { [k]: _, ...rest } = e;
      return rest;
    });
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    const errs = validate(form, t);
    setClientErrors(errs);
    if (Object.keys(errs).length > 0) return;
    create.mutate(form);
  }

  function close() {
    create.reset();
    setClientErrors({});
    onClose();
  }

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={close}
      title={t('users.create')}
      size="lg"
    >
      <form onSubmit={submit} noValidate data-testid="create-user-form">
        <Stack>
          {create.isError ? (
            <Alert color="red" role="alert" title={t('users.formError')}>
              {create.error.message}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('users.displayName')}
              required
              value={form.displayName}
              error={errors.displayName}
              onChange={(e) => set('displayName')(e.currentTarget.value)}
              data-autofocus
            />
            <TextInput
              label={t('users.email')}
              required
              type="email"
              value={form.email}
              error={errors.email}
              onChange={(e) => set('email')(e.currentTarget.value)}
            />
            <Select
              label={t('users.role')}
              required
              value={form.role || null}
              error={errors.role}
              data={ROLES.map((r) => ({ value: r, label: roleLabel(r, i18n.language) }))}
              onChange={set('role')}
            />
            <Select
              label={t('users.agency')}
              required
              searchable
              value={form.agencyId || null}
              error={errors.agencyId}
              data={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
              onChange={set('agencyId')}
            />
            <TextInput
              label={t('users.team')}
              value={form.team}
              error={errors.team}
              onChange={(e) => set('team')(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('users.password')}
              description={t('users.passwordHint')}
              required
              autoComplete="new-password"
              visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
              value={form.password}
              error={errors.password}
              onChange={(e) => set('password')(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function ResetPasswordModal({
  user,
  onClose,
  onDone,
}: {
  user: AdminUser | null;
  onClose: () => void;
  onDone: (email: string) => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [clientError, setClientError] = useState<string | null>(null);
  const reset = useMutation({
    mutationFn: (u: AdminUser) => api.post(`/api/admin/users/${u.id}/reset-password`, { password }),
    onSuccess: (_, u) => {
      setPassword('');
      onDone(u.email);
    },
  });
  const error =
    clientError ?? issuesByField(reset.error).password ?? (reset.error ? reset.error.message : undefined);
  function close() {
    setPassword('');
    setClientError(null);
    reset.reset();
    onClose();
  }
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={user !== null}
      onClose={close}
      title={t('users.resetPassword')}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (password.length < 10) return setClientError(t('users.errors.password'));
          setClientError(null);
          if (user) reset.mutate(user);
        }}
      >
        <Stack>
          <Text size="sm">
            {user?.displayName} ({user?.email})
          </Text>
          <PasswordInput
            label={t('users.newPassword')}
            description={t('users.passwordHint')}
            required
            autoComplete="new-password"
            visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
            value={password}
            error={error}
            onChange={(e) => setPassword(e.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={reset.isPending}>
              {t('users.resetPassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * A confirmed action on one account (lock it, reset its second factor): one question, one button, the
 * server's German message if it refuses.
 */
export function UserActionModal({
  user,
  action,
  title,
  question,
  confirmLabel,
  onClose,
  onDone,
}: {
  user: AdminUser | null;
  /** The last part of the route: /api/admin/users/:id/<action>. */
  action: 'disable' | 'reset-second-factor';
  title: string;
  question: string;
  confirmLabel: string;
  onClose: () => void;
  onDone: (u: AdminUser) => void;
}) {
  const { t } = useTranslation();
  const run = useMutation({
    mutationFn: (u: AdminUser) => api.post(`/api/admin/users/${u.id}/${action}`, {}),
    onSuccess: (_, u) => onDone(u),
  });
  function close() {
    run.reset();
    onClose();
  }
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={user !== null}
      onClose={close}
      title={title}
    >
      <Stack>
        {run.isError ? (
          <Alert color="red" role="alert">
            {run.error.message}
          </Alert>
        ) : null}
        <Text>{question}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" loading={run.isPending} onClick={() => user && run.mutate(user)}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
