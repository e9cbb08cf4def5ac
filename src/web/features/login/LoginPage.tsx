import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { useSession } from '../../auth/session';
import { changeLanguage, isLanguage, LANGUAGES } from '../../i18n';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const { login } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string; totp?: string }>({});
  // Shown once the server says this account has a second factor; the password stays typed in.
  const [needCode, setNeedCode] = useState(false);
  const [totp, setTotp] = useState('');
  const totpRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [ssoEnabled, setSsoEnabled] = useState(false);
  // After a refused single sign-on the server sends the browser back here with ?sso=…
  const ssoOutcome = new URLSearchParams(window.location.search).get('sso');
  const ssoMessage =
    ssoOutcome === 'abgelehnt'
      ? t('loginSso.refused')
      : ssoOutcome === 'fehler'
        ? t('loginSso.unavailable')
        : ssoOutcome === 'aus'
          ? t('loginSso.off')
          : null;

  useEffect(() => {
    api
      .get<{ enabled: boolean }>('/api/auth/oidc', undefined, { quiet401: true })
      .then((r) => setSsoEnabled(r.enabled))
      .catch(() => setSsoEnabled(false));
  }, []);

  useEffect(() => {
    document.title = `${t('login.title')} – ${t('app.name')}`;
  }, [t]);
  useEffect(() => {
    emailRef.current?.focus();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: typeof fieldErrors = {};
    if (!email.trim()) errs.email = t('login.emailRequired');
    if (!password) errs.password = t('login.passwordRequired');
    if (needCode && !totp.trim()) errs.totp = t('login.codeRequired');
    setFieldErrors(errs);
    if (errs.email || errs.password || errs.totp) {
      (errs.email ? emailRef : errs.password ? passwordRef : totpRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password, needCode ? totp.trim() : undefined);
    } catch (err) {
      const code = (err instanceof ApiError ? (err.body as { code?: string } | null)?.code : undefined) ?? '';
      if (code === 'second_factor_required' || code === 'invalid_second_factor') {
        // The password was right: ask for the code on its own field, in the server's words.
        setNeedCode(true);
        setTotp('');
        setFieldErrors(code === 'invalid_second_factor' ? { totp: (err as ApiError).message } : {});
        setTimeout(() => totpRef.current?.focus(), 0);
        return;
      }
      setNeedCode(false);
      setTotp('');
      // The server's message is already German and says what happened (wrong password, locked, …).
      setError(err instanceof ApiError && err.status !== 0 ? err.message : t('login.network'));
      setPassword('');
      passwordRef.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box bg="gray.0" mih="100vh">
      <Center mih="100vh" p="md" component="main" id="main">
        <Stack w="100%" maw={420} gap="lg">
          <Group gap={10}>
            <img src="/favicon.svg" alt="" width={36} height={36} />
            <Stack gap={0}>
              <Text fw={700} size="xl" c="blue.9">
                {t('app.name')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('app.tagline')}
              </Text>
            </Stack>
          </Group>
          <Paper withBorder shadow="xs" p="xl" radius="md">
            <form onSubmit={submit} noValidate aria-labelledby="login-title">
              <Stack gap="md">
                <Title order={1} size="h3" id="login-title">
                  {t('login.title')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('login.intro')}
                </Text>
                {ssoEnabled ? (
                  <>
                    {/* A plain link: the browser goes to the provider and comes back with a session. */}
                    <Button component="a" href="/api/auth/oidc/start" variant="filled" fullWidth>
                      {t('loginSso.button')}
                    </Button>
                    <Text size="sm" c="dimmed" ta="center">
                      {t('loginSso.or')}
                    </Text>
                  </>
                ) : null}
                {error || ssoMessage ? (
                  <Alert
                    color="red"
                    variant="light"
                    title={t('login.errorTitle')}
                    role="alert"
                    data-testid={error ? 'login-error' : 'sso-error'}
                  >
                    {error ?? ssoMessage}
                  </Alert>
                ) : null}
                <TextInput
                  ref={emailRef}
                  label={t('login.email')}
                  type="email"
                  name="email"
                  autoComplete="username"
                  required
                  value={email}
                  error={fieldErrors.email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                />
                <PasswordInput
                  ref={passwordRef}
                  label={t('login.password')}
                  name="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  error={fieldErrors.password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
                />
                {needCode ? (
                  <TextInput
                    ref={totpRef}
                    label={t('login.code')}
                    description={t('login.codeHint')}
                    name="totp"
                    autoComplete="one-time-code"
                    inputMode="text"
                    required
                    value={totp}
                    error={fieldErrors.totp}
                    onChange={(e) => setTotp(e.currentTarget.value)}
                  />
                ) : null}
                <Button type="submit" loading={busy} fullWidth>
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
          </Paper>
          <Group justify="space-between" align="center">
            <Text size="xs" c="dimmed">
              {t('login.privacy')}
            </Text>
            <Select
              aria-label={t('userMenu.language')}
              size="xs"
              w={120}
              value={i18n.language}
              allowDeselect={false}
              data={LANGUAGES.map((l) => ({ value: l.code, label: t(`lang.${l.code}`) }))}
              onChange={(v) => {
                if (isLanguage(v)) void changeLanguage(v);
              }}
            />
          </Group>
        </Stack>
      </Center>
    </Box>
  );
}
