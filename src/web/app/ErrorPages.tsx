import { Alert, Button, Center, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { PageHeader } from './PageHeader';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" maw={640} data-testid="not-found">
      <PageHeader title={t('notFound.title')} description={t('notFound.text')} />
      <Button component={Link} to="/">
        {t('notFound.back')}
      </Button>
    </Paper>
  );
}

export function ForbiddenPage({ message }: { message?: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" maw={640}>
      <PageHeader title={t('error.forbidden')} description={message} />
      <Button component={Link} to="/">
        {t('notFound.back')}
      </Button>
    </Paper>
  );
}

function ErrorPanel({ headingLevel }: { headingLevel: 1 }) {
  const { t } = useTranslation();
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  useEffect(() => {
    document.title = `${t('error.title')} – ${t('app.name')}`;
  }, [t]);
  return (
    <Paper withBorder p="xl" maw={640} w="100%" data-testid="error-page">
      <Stack>
        <Title order={headingLevel} size="h2" id="page-title" tabIndex={-1}>
          {t('error.title')}
        </Title>
        <Text>{t('error.text')}</Text>
        <Alert color="gray" variant="light" title={t('error.details')}>
          <Code block>{detail}</Code>
        </Alert>
        <Group>
          <Button onClick={() => window.location.reload()}>{t('error.reload')}</Button>
          <Button variant="default" onClick={() => window.location.assign('/')}>
            {t('notFound.back')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Error boundary inside the shell: header and navigation stay usable. */
export function ErrorPage() {
  return <ErrorPanel headingLevel={1} />;
}

/** Error boundary of the whole app (e.g. the session could not be checked): a calm page, not a white screen. */
export function RootErrorPage() {
  return (
    <Center mih="100vh" p="md" bg="gray.0" component="main" id="main">
      <ErrorPanel headingLevel={1} />
    </Center>
  );
}
