import { Alert, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import type { Person } from '../../../api/types';

/** One fact in a description list (<dl>): a small label above its value. */
export function Field({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500} component="dt">
        {name}
      </Text>
      <Text component="dd" m={0} size="sm">
        {children ?? '—'}
      </Text>
    </div>
  );
}

/** A section the reader may not see: said plainly, nothing of it offered. */
export function NotPermitted() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" title={t('person.notPermitted')} data-testid="not-permitted">
      {t('person.notPermittedText')}
    </Alert>
  );
}

/** The server's message for a failed action, in an alert that screen readers announce. */
export function ActionError({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const conflict = error instanceof ApiError && error.status === 409;
  return (
    <Alert
      color="red"
      role="alert"
      title={title ?? (conflict ? t('casefile.conflict') : t('casefile.failed'))}
    >
      {error instanceof Error ? error.message : String(error)}
    </Alert>
  );
}

/** After a change that answers with the person, the page shows the new state without another request. */
export function usePersonUpdate(personId: string) {
  const qc = useQueryClient();
  return (p: Person) => {
    const { rechtskreisChange: _, ...person } = p as Person & { rechtskreisChange?: unknown };
    qc.setQueryData(['person', personId], person);
    void qc.invalidateQueries({ queryKey: ['status-card', personId] });
    void qc.invalidateQueries({ queryKey: ['persons'] });
  };
}

export const todayIso = (): string => {
  const d = new Date();
  const berlin = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
  return berlin;
};

/** Tri-state facts (yes / no / unknown) as a select value and back. */
export const triToValue = (v: boolean | undefined): string => (v === undefined ? '' : v ? 'yes' : 'no');
export const valueToTri = (v: string | null): boolean | undefined =>
  v === 'yes' ? true : v === 'no' ? false : undefined;
