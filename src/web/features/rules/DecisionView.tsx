import { Alert, Button, Collapse, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LawData, StatusCard } from '../../api/casefile';
import { api } from '../../api/client';
import { formatDay, label } from '../../app/format';
import { Tag, type Tone, WARNING_ALERT_STYLES } from '../../app/Tag';
import { useSession } from '../../auth/session';
import { Field } from '../persons/sections/common';

const EMPLOYMENT_TONE: Record<string, Tone> = {
  allowed: 'green',
  permit_required: 'blue',
  banned: 'red',
  review: 'orange',
};
const COURSE_TONE: Record<string, Tone> = {
  entitled: 'green',
  obliged: 'violet',
  admissible: 'blue',
  eligible: 'green',
  none: 'gray',
  not_eligible: 'gray',
  review: 'orange',
};

/** "darf arbeiten ab 01.03.2025, Erlaubnis durch die Ausländerbehörde mit Zustimmung der BA" in plain words. */
export function employmentSentence(d: StatusCard, t: TFunction, lang: string): string {
  const date = d.permitFrom ? formatDay(d.permitFrom, lang) : null;
  let s: string;
  switch (d.employment) {
    case 'allowed':
      s = t('decision.employment.allowed');
      break;
    case 'permit_required':
      s = date ? t('decision.employment.permitFrom', { date }) : t('decision.employment.permit');
      if (d.baConsent === true) s += ` ${t('decision.employment.withConsent')}`;
      if (d.baConsent === false) s += ` ${t('decision.employment.withoutConsent')}`;
      break;
    case 'banned':
      s = date ? t('decision.employment.bannedUntil', { date }) : t('decision.employment.banned');
      break;
    default:
      s = t('decision.review');
  }
  return s;
}

/** The law data (rule titles, legal basis, validity) for the disclosure; only for roles that may read it. */
export function useLaw(on?: string) {
  const { can } = useSession();
  return useQuery({
    queryKey: ['law', on ?? 'today'],
    queryFn: () => api.get<{ law: LawData; versionId: string | null }>('/api/rules/law', { on }),
    enabled: can('rules:evaluate'),
    staleTime: 3_600_000,
  });
}

/** Names of facts the engine asks for, in the words of the trade: never a field name or a code. */
export function missingLabel(t: TFunction, item: string): string {
  const paragraph = /^status\.paragraph=(.+)$/.exec(item);
  if (paragraph) return t('caseFacts.paragraphNotCovered', { paragraph: paragraph[1] });
  const key = item
    .replace(/ \(.*\)$/, '')
    .replaceAll('.', '_')
    .replaceAll('=', '_');
  return t(`caseFacts.fact.${key}`, {
    defaultValue: t(`decision.missing.${key}`, { defaultValue: t('caseFacts.otherCase') }),
  });
}

type CitedRule = NonNullable<StatusCard['citedRules']>[number];

function RulesTable({ ids, rules }: { ids: string[]; rules: CitedRule[] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const rows = ids.map((id) => rules.find((x) => x.id === id)).filter((r): r is CitedRule => r !== undefined);
  return (
    <Table.ScrollContainer type="native" minWidth={560}>
      <Table fz="sm" verticalSpacing={4} data-testid="decision-rules">
        <Table.Caption className="visually-hidden">{t('decision.rulesCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('decision.rule')}</Table.Th>
            <Table.Th scope="col">{t('decision.basis')}</Table.Th>
            <Table.Th scope="col">{t('decision.validity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{en ? r.title.en : r.title.de}</Table.Td>
              <Table.Td>
                <bdi dir="ltr">{r.basis}</bdi>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {r.validTo
                  ? t('decision.validFromTo', {
                      from: formatDay(r.validFrom, i18n.language),
                      to: formatDay(r.validTo, i18n.language),
                    })
                  : t('decision.validFrom', { from: formatDay(r.validFrom, i18n.language) })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A law-data version is usually its day of entry into force: shown as a date of the reader's language. */
export function lawVersionLabel(version: string, lang: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(version) ? formatDay(version, lang) : version;
}

/**
 * The answer of the rules engine for one situation: what the person may do, who advises, which courses,
 * which deadlines — in plain words first, the explanation and the legal basis on demand.
 */
export function DecisionView({ d, headingLevel = 3 }: { d: StatusCard; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const en = lang === 'en';
  const [open, { toggle }] = useDisclosure(false);
  const law = useLaw(d.details.asOf ?? undefined);
  const disclosureId = useId();
  const c = d.courses;
  const courseLabel = (code: string) => {
    const fromLaw =
      law.data?.law.integrationCourseTypes.find((x) => x.type === code)?.label ??
      law.data?.law.bskModules.find((x) => x.module === code)?.label;
    return fromLaw ? (en ? fromLaw.en : fromLaw.de) : label(t, 'courseType', code);
  };
  const missingAll = [
    ...new Set([
      ...d.details.missing,
      ...c.integrationCourse.missing,
      ...c.berufssprachkurs.missing,
      ...c.jobBsk.missing,
      ...c.erstorientierung.missing,
    ]),
  ];
  // An expired document has its own notice; its date is not a fact to ask for.
  const missing = d.details.documentExpiredOn ? missingAll.filter((m) => m !== 'status.until') : missingAll;
  const allRules = [
    ...new Set([
      ...d.rules,
      ...c.integrationCourse.rules,
      ...c.berufssprachkurs.rules,
      ...c.jobBsk.rules,
      ...c.erstorientierung.rules,
    ]),
  ];
  const text = (x: { de: string; en: string }) => (en ? x.en : x.de);

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="sm" component="dl" m={0}>
        <Field name={t('decision.work')}>
          <Stack gap={4} component="span">
            <span>
              <Tag tone={EMPLOYMENT_TONE[d.employment] ?? 'gray'}>{label(t, 'employment', d.employment)}</Tag>
            </span>
            <span data-testid="decision-employment">{employmentSentence(d, t, lang)}</span>
            {d.details.permitMode ? (
              <Text span size="xs" c="dimmed">
                {t(`decision.permitMode.${d.details.permitMode}`)}
              </Text>
            ) : null}
          </Stack>
        </Field>
        <Field name={t('decision.advice')}>
          <Stack gap={4} component="span">
            <span data-testid="decision-agency">
              {t(`decision.agency.${d.agency}`, { defaultValue: d.agency })}
            </span>
            <Text span size="xs" c="dimmed">
              {t('decision.benefits')}: {label(t, 'rechtskreis', d.benefits)}
            </Text>
          </Stack>
        </Field>
        <Field name={t('decision.integrationCourse')}>
          <span data-testid="decision-ik">
            <Tag tone={COURSE_TONE[c.integrationCourse.status] ?? 'gray'}>
              {label(t, 'ikStatus', c.integrationCourse.status)}
            </Tag>
          </span>
          {c.integrationCourse.courseTypes.length > 0 ? (
            <Text size="xs" c="dimmed" mt={4}>
              {c.integrationCourse.courseTypes.map((x) => courseLabel(x.type)).join(', ')}
            </Text>
          ) : null}
          {c.integrationCourse.entitlementEnds ? (
            <Text size="xs" c="dimmed">
              {t('decision.entitlementEnds', { date: formatDay(c.integrationCourse.entitlementEnds, lang) })}
            </Text>
          ) : null}
        </Field>
        <Field name={t('decision.bsk')}>
          <Tag tone={COURSE_TONE[c.berufssprachkurs.status] ?? 'gray'}>
            {label(t, 'offerStatus', c.berufssprachkurs.status)}
          </Tag>
          {c.berufssprachkurs.modules.length > 0 ? (
            <Text size="xs" c="dimmed" mt={4}>
              {c.berufssprachkurs.modules.map((m) => courseLabel(m.module)).join(', ')}
            </Text>
          ) : null}
        </Field>
        <Field name={t('decision.jobBsk')}>
          <Tag tone={COURSE_TONE[c.jobBsk.status] ?? 'gray'}>{label(t, 'offerStatus', c.jobBsk.status)}</Tag>
        </Field>
        <Field name={t('decision.eok')}>
          <Tag tone={COURSE_TONE[c.erstorientierung.status] ?? 'gray'}>
            {label(t, 'offerStatus', c.erstorientierung.status)}
          </Tag>
        </Field>
      </SimpleGrid>

      {d.details.documentExpiredOn ? (
        <Alert
          color="orange"
          variant="light"
          styles={WARNING_ALERT_STYLES}
          title={t('caseFacts.expiredTitle')}
          data-testid="decision-expired"
        >
          <Text size="sm">
            {t('caseFacts.expiredText', { date: formatDay(d.details.documentExpiredOn, lang) })}
          </Text>
        </Alert>
      ) : null}

      {missing.length > 0 ? (
        <Alert
          color="orange"
          variant="light"
          styles={WARNING_ALERT_STYLES}
          title={t('decision.review')}
          data-testid="decision-missing"
        >
          <Text size="sm">{t('decision.missingIntro')}</Text>
          <List size="sm" mt={4}>
            {missing.map((m) => (
              <List.Item key={m}>{missingLabel(t, m)}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}

      {d.deadlines.length > 0 ? (
        <div>
          <Title order={(headingLevel + 1) as 3 | 4} size="h6" mb={4}>
            {t('decision.deadlines')}
          </Title>
          <List size="sm" spacing={2} data-testid="decision-deadlines">
            {d.deadlines.map((x) => (
              <List.Item key={`${x.kind}-${x.date}`}>
                <bdi>{text(x.label)}</bdi>:{' '}
                <strong>
                  <bdi>{formatDay(x.date, lang)}</bdi>
                </strong>{' '}
                {x.passed ? <Tag tone="gray">{t('decision.passed')}</Tag> : null}
                <Text span size="xs" c="dimmed">
                  {' '}
                  (<bdi dir="ltr">{x.basis}</bdi>)
                </Text>
              </List.Item>
            ))}
          </List>
        </div>
      ) : null}

      <div>
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={toggle}
          aria-expanded={open}
          aria-controls={disclosureId}
          px={0}
        >
          {open ? t('decision.hideWhy') : t('decision.showWhy')}
        </Button>
        <Collapse expanded={open} id={disclosureId}>
          <Stack gap="xs" pt="xs" data-testid="decision-explanation">
            <Text size="sm">{text(d.explanation)}</Text>
            {[c.integrationCourse, c.berufssprachkurs, c.jobBsk].map((x, i) => (
              <Text size="sm" key={['ik', 'bsk', 'job'][i]}>
                {text(x.explanation)}
              </Text>
            ))}
            <RulesTable ids={allRules} rules={d.citedRules ?? law.data?.law.rules ?? []} />
            <Text size="xs" c="dimmed">
              {t('decision.lawVersion', {
                version: lawVersionLabel(d.details.lawVersion, lang),
                asOf: d.details.asOf ? formatDay(d.details.asOf, lang) : '—',
              })}
            </Text>
          </Stack>
        </Collapse>
      </div>
    </Stack>
  );
}
