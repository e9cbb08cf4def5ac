import { Alert, Skeleton, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FieldChangeOut } from '../../../../server/modules/persons/schema';
import { api } from '../../../api/client';
import { countryName, formatDay, formatInstant, label, languageName } from '../../../app/format';

export type FieldChange = FieldChangeOut;

/** A stored value in words: dates as dates, codes as names, lists joined — never JSON or a code. */
export function valueInWords(field: string, v: unknown, t: TFunction, lang: string): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return '—';
  switch (field) {
    case 'birthDate':
    case 'entryDate':
      return formatDay(String(v), lang);
    case 'nationalities':
      return (v as string[]).map((c) => countryName(c, lang)).join(', ');
    case 'gender':
      return label(t, 'gender', String(v));
    case 'birthDatePrecision':
      return label(t, 'precision', String(v));
    case 'referralSource':
      return label(t, 'referral', String(v));
    case 'languages':
      return (v as { code: string; level: string }[])
        .map((l) => `${languageName(l.code, lang)} (${label(t, 'level', l.level)})`)
        .join(', ');
    case 'municipalityId':
    case 'wohnsitzauflageMunicipalityId':
      return t('correction.municipalityChanged');
    default:
      return Array.isArray(v) ? v.join(', ') : String(v);
  }
}

/** "Änderungsverlauf": who changed which master-data field when, from what to what, and why. */
export function FieldHistory({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const history = useQuery({
    queryKey: ['person-history', personId],
    queryFn: () => api.get<FieldChange[]>(`/api/persons/${personId}/history`),
  });
  if (history.isPending) return <Skeleton height={120} />;
  if (history.isError)
    return (
      <Alert color="red" role="alert">
        {history.error.message}
      </Alert>
    );
  if (history.data.length === 0) return <Text c="dimmed">{t('correction.historyEmpty')}</Text>;
  return (
    <Table.ScrollContainer type="native" tabIndex={0} minWidth={760}>
      <Table data-testid="field-history">
        <Table.Caption className="visually-hidden">{t('correction.historyTitle')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('correction.when')}</Table.Th>
            <Table.Th scope="col">{t('correction.who')}</Table.Th>
            <Table.Th scope="col">{t('correction.what')}</Table.Th>
            <Table.Th scope="col">{t('correction.before')}</Table.Th>
            <Table.Th scope="col">{t('correction.after')}</Table.Th>
            <Table.Th scope="col">{t('correction.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.data.map((h) => (
            <Table.Tr key={h.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatInstant(h.changedAt, i18n.language)}
              </Table.Td>
              <Table.Td>{h.changedBy?.name ?? '—'}</Table.Td>
              <Table.Td>
                {t(`correction.field.${h.field}`, { defaultValue: t('correction.field.other') })}
              </Table.Td>
              <Table.Td>
                <bdi>{valueInWords(h.field, h.oldValue, t, i18n.language)}</bdi>
              </Table.Td>
              <Table.Td>
                <bdi>{valueInWords(h.field, h.newValue, t, i18n.language)}</bdi>
              </Table.Td>
              <Table.Td>{h.reason ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
