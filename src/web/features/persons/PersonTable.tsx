import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { PersonListItem } from '../../api/types';
import { countryName, formatDay, label } from '../../app/format';
import { Tag, type Tone } from '../../app/Tag';

const RK_TONE: Record<string, Tone> = {
  asylblg: 'orange',
  sgb2: 'blue',
  sgb3_only: 'teal',
  none: 'gray',
  review: 'red',
};

export function RechtskreisBadge({ value }: { value: string | null }) {
  const { t } = useTranslation();
  // Not visible to this reader (consent without case data): a dash, as for any missing value.
  if (value === null) return <>—</>;
  return <Tag tone={RK_TONE[value] ?? 'gray'}>{label(t, 'rechtskreis', value)}</Tag>;
}

/**
 * A list of persons: the name is a real link (Tab + Enter), the whole row is clickable for the mouse.
 * `caption` names the table for screen readers.
 */
export function PersonTable({
  items,
  caption,
  showOwner = true,
}: {
  items: PersonListItem[];
  caption: string;
  showOwner?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer type="native" minWidth={760}>
      <Table highlightOnHover verticalSpacing="xs" striped={false} data-testid="person-table">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }} className="visually-hidden">
          {caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('person.name')}</Table.Th>
            <Table.Th scope="col">{t('person.birthDate')}</Table.Th>
            <Table.Th scope="col">{t('person.nationality')}</Table.Th>
            <Table.Th scope="col">{t('person.municipality')}</Table.Th>
            <Table.Th scope="col">{t('person.rechtskreis')}</Table.Th>
            <Table.Th scope="col">{t('person.caseStatus')}</Table.Th>
            {showOwner ? <Table.Th scope="col">{t('person.owner')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id} className="row-link" onClick={() => navigate(`/personen/${p.id}`)}>
              <Table.Td>
                <Link
                  to={`/personen/${p.id}`}
                  onClick={(e) => e.stopPropagation()}
                  style={{ fontWeight: 600, color: 'var(--mantine-color-blue-9)' }}
                >
                  {p.familyName}, {p.givenNames}
                </Link>
                {p.nameOriginal ? (
                  <Text size="xs" c="dimmed">
                    <bdi>{p.nameOriginal}</bdi>
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{formatDay(p.birthDate, i18n.language, p.birthDatePrecision)}</Table.Td>
              <Table.Td>
                {p.nationalities.map((c) => countryName(c, i18n.language)).join(', ') || '—'}
              </Table.Td>
              <Table.Td>{p.municipality ?? '—'}</Table.Td>
              <Table.Td>
                <RechtskreisBadge value={p.rechtskreis} />
              </Table.Td>
              <Table.Td>{label(t, 'caseStatus', p.caseStatus)}</Table.Td>
              {showOwner ? (
                <Table.Td>
                  {p.ownerName ?? (
                    <Text span c="dimmed" size="sm">
                      {t('person.noOwner')}
                    </Text>
                  )}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
