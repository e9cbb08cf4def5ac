import { List, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverRecord } from '../../api/casefile';
import {
  countryName,
  formatBirthDate,
  formatDay,
  formatParagraph,
  label,
  languageName,
} from '../../app/format';

const DATE_KEYS = new Set(['birthDate', 'since', 'until', 'ipEntryDate', 'permitFrom', 'on']);
/** Keys of the rules section the receiving agency reads (older records also stored the engine's internals). */
const RULES_KEYS = ['employment', 'permitFrom', 'benefits', 'agency', 'explanation'];
const HIDDEN = new Set(['birthDatePrecision', 'courses', 'id', 'rules', 'details', 'deadlines', 'baConsent']);

type Ctx = { t: TFunction; lang: string; precision?: string };

/** One value of the handover record in readable words: dates, countries, languages, codes translated. */
function Value({ k, v, c }: { k: string; v: unknown; c: Ctx }): ReactNode {
  const { t, lang } = c;
  if (v === null || v === undefined || v === '')
    return (
      <Text span c="dimmed">
        {t('record.none')}
      </Text>
    );
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (k === 'birthDate' && typeof v === 'string') return formatBirthDate(v, c.precision, lang);
  if (typeof v === 'string' && DATE_KEYS.has(k)) return formatDay(v, lang);
  if (k === 'nationalities' && Array.isArray(v)) return v.map((x) => countryName(String(x), lang)).join(', ');
  if (k === 'paragraph' && typeof v === 'string') return formatParagraph(v);
  if (k === 'kind' && typeof v === 'string') return label(t, 'residenceKind', v);
  if (k === 'relation' && typeof v === 'string') return label(t, 'relation', v);
  if (k === 'employment' && typeof v === 'string') return label(t, 'employment', v);
  if (k === 'benefits' && typeof v === 'string') return label(t, 'rechtskreis', v);
  if (k === 'agency' && typeof v === 'string') return t(`decision.agencyShort.${v}`, { defaultValue: v });
  if (k === 'source' && typeof v === 'string') return t(`caseFacts.levelSource.${v}`);
  if (k === 'level' && typeof v === 'string') return t(`level.${v}`, { defaultValue: v });
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  // Explanations written in two languages: the reader's, German otherwise.
  if (typeof v === 'object' && !Array.isArray(v) && 'de' in v) {
    const o = v as { de: string; en?: string };
    return lang === 'en' && o.en ? o.en : o.de;
  }
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? '' : String(x))).join(', ');
  return <ObjectList o={v as Record<string, unknown>} c={c} />;
}

function ObjectList({ o, c, keys }: { o: Record<string, unknown>; c: Ctx; keys?: string[] }) {
  const entries = keys
    ? keys.filter((k) => k in o).map((k) => [k, o[k]] as const)
    : Object.entries(o).filter(([k]) => !HIDDEN.has(k));
  const precision = typeof o.birthDatePrecision === 'string' ? o.birthDatePrecision : undefined;
  return (
    <dl className="record-dl">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{c.t(`record.field.${k}`, { defaultValue: c.t('caseFacts.recordField') })}</dt>
          <dd>
            <Value k={k} v={v} c={{ ...c, precision }} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function SectionContent({ sectionKey, content }: { sectionKey: string; content: unknown }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (content === null || content === undefined)
    return (
      <Text c="dimmed" size="sm">
        {t('record.none')}
      </Text>
    );
  if (Array.isArray(content)) {
    if (content.length === 0)
      return (
        <Text c="dimmed" size="sm">
          {t('record.emptyList')}
        </Text>
      );
    if (sectionKey === 'language')
      return (
        <List size="sm">
          {content.map((l: { code: string; level: string }) => (
            <List.Item key={l.code}>
              {languageName(l.code, lang)}: {t(`level.${l.level}`, { defaultValue: l.level })}
            </List.Item>
          ))}
        </List>
      );
    if (typeof content[0] === 'object')
      return (
        <Stack gap={4}>
          {content.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: record items have no id
            <ObjectList key={i} o={item as Record<string, unknown>} c={{ t, lang }} />
          ))}
        </Stack>
      );
    return (
      <List size="sm">
        {content.map((x) => (
          <List.Item key={String(x)}>{String(x)}</List.Item>
        ))}
      </List>
    );
  }
  if (typeof content === 'object')
    return (
      <ObjectList
        o={content as Record<string, unknown>}
        c={{ t, lang }}
        keys={sectionKey === 'rules' ? RULES_KEYS : undefined}
      />
    );
  return <Text size="sm">{String(content)}</Text>;
}

/** The handover record (Übergabebogen): its sections, then what is still missing. */
export function RecordView({ record }: { record: Partial<HandoverRecord> }) {
  const { t } = useTranslation();
  const sections = record.sections ?? [];
  const missing = record.missing ?? [];
  return (
    <Stack gap="md">
      {record.legalBasis ? (
        <Text size="xs" c="dimmed">
          {t('record.legalBasis')}: <bdi dir="ltr">{record.legalBasis}</bdi>
        </Text>
      ) : null}
      <section aria-labelledby="record-missing" data-testid="record-missing">
        <Title order={3} size="h6" id="record-missing" mb={4}>
          {t('record.checklist')}
        </Title>
        {missing.length === 0 ? (
          <Text size="sm">{t('record.complete')}</Text>
        ) : (
          <List size="sm">
            {missing.map((m) => (
              <List.Item key={m.key}>{t(`record.missing.${m.key}`, { defaultValue: m.label })}</List.Item>
            ))}
          </List>
        )}
      </section>
      <Table withRowBorders verticalSpacing="xs" data-testid="record-sections">
        <Table.Caption className="visually-hidden">{t('record.title')}</Table.Caption>
        <Table.Tbody>
          {sections.map((s) => (
            <Table.Tr key={s.key}>
              <Table.Th scope="row" w={200} style={{ verticalAlign: 'top' }}>
                {t(`record.section.${s.key}`, { defaultValue: s.title })}
              </Table.Th>
              <Table.Td>
                <SectionContent sectionKey={s.key} content={s.content} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
