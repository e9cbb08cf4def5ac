import { Alert, Paper, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';

export const NUM: CSSProperties = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' };

/** A titled card: a <section> named by its heading. */
export function Section({
  id,
  title,
  children,
  actions,
  testId,
}: {
  id: string;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-title`} data-testid={testId}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, flexWrap: 'wrap' }}>
        <Title order={2} size="h4" id={`${id}-title`} mb="sm">
          {title}
        </Title>
        {actions}
      </div>
      {children}
    </Paper>
  );
}

/**
 * The words for where an issue is: the field's label and the row of a list ("Zeile 4, Plätze: "), never the
 * wire path ("rows.3.seats"); a field without a label shows the message alone.
 */
function issueLabel(
  t: TFunction,
  i18n: { exists: (key: string) => boolean },
  path: string | undefined,
): string {
  if (!path) return '';
  const parts = path.split('.');
  const row = parts.find((p) => /^\d+$/.test(p));
  const field = [...parts].reverse().find((p) => !/^\d+$/.test(p));
  const words = [
    row === undefined ? null : t('lp.row', { n: Number(row) + 1 }),
    field && i18n.exists(`lp.fields.${field}`) ? t(`lp.fields.${field}`) : null,
  ].filter(Boolean);
  return words.length > 0 ? `${words.join(', ')}: ` : '';
}

/** The server's answer to a failed request, announced to screen readers; issues listed by field. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const conflict = error instanceof ApiError && error.status === 409;
  const forbidden = error instanceof ApiError && error.status === 403;
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <Alert
      color={forbidden ? 'gray' : 'red'}
      role="alert"
      title={title ?? (conflict ? t('lp.conflict') : forbidden ? t('lp.forbidden') : t('lp.failed'))}
      data-testid="error-alert"
    >
      <Text size="sm">{error instanceof Error ? error.message : String(error)}</Text>
      {issues.length > 0 ? (
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
          {issues.slice(0, 10).map((i) => (
            <li key={`${i.path}-${i.message}`}>
              <Text size="sm" span>
                {issueLabel(t, i18n, i.path)}
                {i.message}
              </Text>
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
