import {
  Alert,
  Button,
  Code,
  Group,
  List,
  Paper,
  PasswordInput,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderSVG } from 'uqr';
import type { z } from 'zod';
import type { recoveryCodesOut, secondFactorOut, setupOut } from '../../../server/modules/auth/schema';
import { ApiError, api, issuesByField } from '../../api/client';
import { PageHeader } from '../../app/PageHeader';
import { WARNING_ALERT_STYLES } from '../../app/Tag';
import { useSession } from '../../auth/session';
import { ChangePassword } from './ChangePassword';

type FactorState = z.infer<typeof secondFactorOut>;

const STATE = ['auth', 'second-factor'] as const;

/** The message the server gave for one field (German, or the user's language), else none. */
/** The server's message for one field, else none. */
const issueFor = (error: unknown, path: string): string | undefined => issuesByField(error)[path];

/** A form-level error for everything that is not about a field. */
function FormError({ error, fields }: { error: unknown; fields: string[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (error instanceof ApiError && fields.some((f) => issueFor(error, f))) return null;
  return (
    <Alert color="red" role="alert" title={t('security.failed')}>
      {error instanceof Error ? error.message : String(error)}
    </Alert>
  );
}

/**
 * The own account's second factor: set up (password → QR code → first code → recovery codes), new
 * recovery codes, switch off. Also the only page an administrator sees while the server requires the
 * factor and it is not set up yet (`mandatory`).
 */
export function SecondFactorPage({ mandatory = false }: { mandatory?: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { refresh } = useSession();
  const state = useQuery({ queryKey: STATE, queryFn: () => api.get<FactorState>('/api/auth/second-factor') });
  const [codes, setCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const finished = async () => {
    setCodes(null);
    setNotice(t('security.turnedOn'));
    await qc.invalidateQueries({ queryKey: STATE });
    // Under the administrators' rule the rest of the app opens only now.
    if (mandatory) await refresh();
  };

  return (
    <>
      <PageHeader title={t('security.title')} description={t('security.intro')} />
      <Stack maw={720}>
        {mandatory ? (
          <Alert styles={WARNING_ALERT_STYLES} title={t('security.mandatoryTitle')} role="status">
            {t('security.mandatory')}
          </Alert>
        ) : null}
        {notice ? (
          <Alert color="green" role="status" data-testid="security-notice">
            {notice}
          </Alert>
        ) : null}
        <Title order={2} size="h4">
          {t('security.factorTitle')}
        </Title>
        {state.isPending ? (
          <Skeleton h={160} />
        ) : state.isError ? (
          <FormError error={state.error} fields={[]} />
        ) : codes ? (
          <RecoveryCodes codes={codes} onDone={() => void finished()} />
        ) : !state.data.available ? (
          <Text>{t('security.sso')}</Text>
        ) : state.data.enabled ? (
          <Enabled
            state={state.data}
            onCodes={setCodes}
            onOff={() => {
              setNotice(t('security.turnedOff'));
              void qc.invalidateQueries({ queryKey: STATE });
            }}
          />
        ) : (
          <Setup onConfirmed={setCodes} />
        )}
        {mandatory || state.data?.available === false ? null : <ChangePassword />}
      </Stack>
    </>
  );
}

function PasswordStep({
  submitLabel,
  onSubmit,
  pending,
  error,
  color,
}: {
  submitLabel: string;
  onSubmit: (password: string) => void;
  pending: boolean;
  error: unknown;
  color?: string;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!password);
    if (password) onSubmit(password);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={error} fields={['password']} />
        <PasswordInput
          label={t('security.password')}
          description={t('security.passwordHint')}
          autoComplete="current-password"
          required
          value={password}
          error={missing ? t('login.passwordRequired') : issueFor(error, 'password')}
          onChange={(e) => setPassword(e.currentTarget.value)}
          visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
        />
        <Group>
          <Button type="submit" loading={pending} color={color}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Setup({ onConfirmed }: { onConfirmed: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const begin = useMutation({
    mutationFn: (password: string) =>
      api.post<z.infer<typeof setupOut>>('/api/auth/second-factor/setup', { password }),
  });
  const [code, setCode] = useState('');
  const confirm = useMutation({
    mutationFn: () => api.post<z.infer<typeof recoveryCodesOut>>('/api/auth/second-factor/confirm', { code }),
    onSuccess: (r) => onConfirmed(r.recoveryCodes),
  });
  // The QR code is drawn here from the otpauth address: the secret never goes to a third party.
  const qr = useMemo(
    () =>
      begin.data
        ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(begin.data.otpauthUri, { border: 2 }))}`
        : null,
    [begin.data],
  );
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Text>{t('security.statusOff')}</Text>
        {!begin.data ? (
          <PasswordStep
            submitLabel={t('security.start')}
            onSubmit={(p) => begin.mutate(p)}
            pending={begin.isPending}
            error={begin.error}
          />
        ) : (
          <Stack>
            <Text fw={600}>{t('security.step1')}</Text>
            {qr ? <img src={qr} alt={t('security.qrAlt')} width={200} height={200} /> : null}
            <Text size="sm">{t('security.manual')}</Text>
            <Code data-testid="totp-secret" style={{ fontSize: '1rem', letterSpacing: '0.1em' }}>
              {begin.data.secret.replace(/(.{4})/g, '$1 ').trim()}
            </Code>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                confirm.mutate();
              }}
              noValidate
            >
              <Stack gap="sm">
                <Text fw={600}>{t('security.step2')}</Text>
                <FormError error={confirm.error} fields={['code']} />
                <TextInput
                  label={t('security.code')}
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  maw={220}
                  required
                  value={code}
                  error={issueFor(confirm.error, 'code')}
                  onChange={(e) => setCode(e.currentTarget.value)}
                />
                <Group>
                  <Button type="submit" loading={confirm.isPending}>
                    {t('security.confirm')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={2} size="h4">
          {t('security.codesTitle')}
        </Title>
        <Text>{t('security.codesText')}</Text>
        <List data-testid="recovery-codes" listStyleType="none" spacing={4} ff="monospace" fz="lg">
          {codes.map((c) => (
            <List.Item key={c}>{c}</List.Item>
          ))}
        </List>
        <Group>
          <Button variant="default" onClick={() => window.print()}>
            {t('security.print')}
          </Button>
          <Button onClick={onDone}>{t('security.done')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Enabled({
  state,
  onCodes,
  onOff,
}: {
  state: FactorState;
  onCodes: (codes: string[]) => void;
  onOff: () => void;
}) {
  const { t } = useTranslation();
  const [action, setAction] = useState<'renew' | 'disable' | null>(null);
  const renew = useMutation({
    mutationFn: (password: string) =>
      api.post<z.infer<typeof recoveryCodesOut>>('/api/auth/second-factor/recovery-codes', { password }),
    onSuccess: (r) => onCodes(r.recoveryCodes),
  });
  const disable = useMutation({
    mutationFn: (password: string) => api.post('/api/auth/second-factor/disable', { password }),
    onSuccess: onOff,
  });
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Text fw={600}>{t('security.statusOn')}</Text>
        <Text>{t('security.codesLeft', { count: state.recoveryCodesLeft })}</Text>
        {action === null ? (
          <Group>
            <Button variant="default" onClick={() => setAction('renew')}>
              {t('security.renew')}
            </Button>
            {state.required ? null : (
              <Button variant="default" color="red" onClick={() => setAction('disable')}>
                {t('security.disable')}
              </Button>
            )}
          </Group>
        ) : (
          <Stack>
            {action === 'renew' ? <Text size="sm">{t('security.renewHint')}</Text> : null}
            <PasswordStep
              submitLabel={action === 'renew' ? t('security.renew') : t('security.disable')}
              color={action === 'disable' ? 'red' : undefined}
              onSubmit={(p) => (action === 'renew' ? renew.mutate(p) : disable.mutate(p))}
              pending={renew.isPending || disable.isPending}
              error={action === 'renew' ? renew.error : disable.error}
            />
            <Group>
              <Button variant="subtle" onClick={() => setAction(null)}>
                {t('security.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
        {state.required ? (
          <Text size="sm" c="dimmed">
            {t('security.disableMandatory')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
