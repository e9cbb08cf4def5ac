import { Alert, Button, Menu, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { AdminUser } from '../../api/types';
import { roleLabel } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { Tag } from '../../app/Tag';
import { useUser } from '../../auth/session';
import { CreateUserModal, ResetPasswordModal, UserActionModal } from './UserForms';

function StatusBadge({ u }: { u: AdminUser }) {
  const { t } = useTranslation();
  if (u.disabled) return <Tag tone="gray">{t('users.disabled')}</Tag>;
  if (u.locked) return <Tag tone="orange">{t('users.locked')}</Tag>;
  return <Tag tone="green">{t('users.active')}</Tag>;
}

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const me = useUser();
  const qc = useQueryClient();
  const users = useQuery({
    queryKey: ['admin', 'users'],
    queryFn: () => api.get<AdminUser[]>('/api/admin/users'),
  });
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<AdminUser | null>(null);
  const [disabling, setDisabling] = useState<AdminUser | null>(null);
  const [resettingFactor, setResettingFactor] = useState<AdminUser | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const done = (message: string) => {
    setNotice(message);
    void qc.invalidateQueries({ queryKey: ['admin', 'users'] });
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.intro')}
        actions={
          <Button onClick={() => setCreating(true)} data-testid="create-user">
            {t('users.create')}
          </Button>
        }
      />
      <Stack>
        <div aria-live="polite">
          {notice ? (
            <Alert
              color="green"
              variant="light"
              withCloseButton
              closeButtonLabel={t('common.close')}
              onClose={() => setNotice(null)}
              data-testid="notice"
            >
              {notice}
            </Alert>
          ) : null}
        </div>
        <Paper withBorder>
          {users.isPending ? (
            <Stack p="md">
              <Skeleton height={28} />
              <Skeleton height={28} />
              <Skeleton height={28} />
            </Stack>
          ) : users.isError ? (
            <Alert color="red" role="alert" m="md">
              {users.error.message}
            </Alert>
          ) : (
            <Table.ScrollContainer type="native" minWidth={900}>
              <Table verticalSpacing="xs" highlightOnHover data-testid="users-table">
                <Table.Caption className="visually-hidden">{t('users.tableCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('users.displayName')}</Table.Th>
                    <Table.Th scope="col">{t('users.email')}</Table.Th>
                    <Table.Th scope="col">{t('users.role')}</Table.Th>
                    <Table.Th scope="col">{t('users.agency')}</Table.Th>
                    <Table.Th scope="col">{t('users.team')}</Table.Th>
                    <Table.Th scope="col">{t('users.status')}</Table.Th>
                    <Table.Th scope="col">
                      <span className="visually-hidden">{t('users.actions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {users.data.map((u) => (
                    <Table.Tr key={u.id} data-email={u.email}>
                      <Table.Td fw={500}>{u.displayName}</Table.Td>
                      <Table.Td>{u.email}</Table.Td>
                      <Table.Td>{roleLabel(u.role, i18n.language)}</Table.Td>
                      <Table.Td>{u.agency}</Table.Td>
                      <Table.Td>
                        {u.team ?? (
                          <Text span c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge u={u} />
                      </Table.Td>
                      <Table.Td ta="end">
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <Button
                              variant="subtle"
                              size="compact-sm"
                              aria-label={t('users.actionsFor', { name: u.displayName })}
                            >
                              {t('users.actions')} ▾
                            </Button>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item onClick={() => setResetting(u)}>{t('users.resetPassword')}</Menu.Item>
                            <Menu.Item disabled={u.id === me.id} onClick={() => setResettingFactor(u)}>
                              {t('users.resetSecondFactor')}
                            </Menu.Item>
                            <Menu.Item
                              color="red.9"
                              disabled={u.disabled || u.id === me.id}
                              onClick={() => setDisabling(u)}
                            >
                              {t('users.disable')}
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      </Stack>
      <CreateUserModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(email) => {
          setCreating(false);
          done(t('users.created', { email }));
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={(email) => {
          setResetting(null);
          done(t('users.resetDone', { email }));
        }}
      />
      <UserActionModal
        user={disabling}
        action="disable"
        title={t('users.disableTitle')}
        question={t('users.disableConfirm', { name: disabling?.displayName ?? '' })}
        confirmLabel={t('users.disable')}
        onClose={() => setDisabling(null)}
        onDone={(u) => {
          setDisabling(null);
          done(t('users.disabledDone', { email: u.email }));
        }}
      />
      <UserActionModal
        user={resettingFactor}
        action="reset-second-factor"
        title={t('users.resetSecondFactor')}
        question={t('users.resetSecondFactorConfirm', { name: resettingFactor?.displayName ?? '' })}
        confirmLabel={t('users.resetSecondFactor')}
        onClose={() => setResettingFactor(null)}
        onDone={(u) => {
          setResettingFactor(null);
          done(t('users.resetSecondFactorDone', { name: u.displayName }));
        }}
      />
    </>
  );
}
