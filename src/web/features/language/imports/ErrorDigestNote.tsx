import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../app/format';

/** The server lists only the first errors of a large file; this says how many there are, per column. */
export function ErrorDigestNote({
  digest,
}: {
  digest: { errors: unknown[]; errorCount: number; errorsByColumn: { column: string; count: number }[] };
}) {
  const { t, i18n } = useTranslation();
  if (digest.errorCount <= digest.errors.length) return null;
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <Alert color="orange" data-testid="import-more-errors" title={t('inputLimits.moreErrorsTitle')}>
      <Text size="sm">
        {t('inputLimits.moreErrors', { shown: n(digest.errors.length), total: n(digest.errorCount) })}
      </Text>
      <Text size="sm">
        {t('inputLimits.byColumn')}{' '}
        {digest.errorsByColumn.map((c) => `${c.column}: ${n(c.count)}`).join(' · ')}
      </Text>
    </Alert>
  );
}
