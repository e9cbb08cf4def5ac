import { Button, Group, List, Paper, Select, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_LANGUAGES, planLanguageFor } from '../../../domain/plan/print';
import { formatDay, languageName } from '../../app/format';
import { Tag } from '../../app/Tag';
import { useSession } from '../../auth/session';
import { ActionError } from '../persons/sections/common';
import { type PlanOut, useComparison, usePlan } from './api';
import { PlanEditor } from './PlanEditor';

function PlanView({ plan }: { plan: PlanOut }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack>
      {plan.content.goals.map((g, gi) => (
        <Paper key={g.id} withBorder p="md">
          <Title order={3} size="h5" mb="xs">
            {t('plan.goalN', { n: gi + 1 })}: {g.text}
          </Title>
          {g.steps.length === 0 ? (
            <Text c="dimmed">{t('plan.noSteps')}</Text>
          ) : (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('plan.what')}</Table.Th>
                  <Table.Th>{t('plan.who')}</Table.Th>
                  <Table.Th>{t('plan.until')}</Table.Th>
                  <Table.Th>{t('plan.state')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {g.steps.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{s.text}</Table.Td>
                    <Table.Td>
                      {s.owner === 'partner' && s.ownerName
                        ? `${t('plan.owners.partner')}: ${s.ownerName}`
                        : t(`plan.owners.${s.owner}`)}
                    </Table.Td>
                    <Table.Td>{formatDay(s.dueOn, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Tag tone={s.status === 'done' ? 'green' : s.status === 'dropped' ? 'gray' : 'blue'}>
                        {t(`plan.status.${s.status}`)}
                      </Tag>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      ))}
    </Stack>
  );
}

function History({ personId, plan }: { personId: string; plan: PlanOut }) {
  const { t, i18n } = useTranslation();
  const [from, setFrom] = useState<string | null>(plan.version > 1 ? String(plan.version - 1) : null);
  const cmp = useComparison(personId, from ? Number(from) : null, plan.version);
  if (plan.versions.length < 2) return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('plan.history')}
        </Title>
        <Select
          label={t('plan.compareWith')}
          data={plan.versions
            .filter((v) => v.version !== plan.version)
            .map((v) => ({
              value: String(v.version),
              label: t('plan.versionLabel', {
                n: v.version,
                date: formatDay(v.createdAt.slice(0, 10), i18n.language),
                who: v.createdBy ?? '—',
              }),
            }))}
          value={from}
          onChange={setFrom}
          maw={420}
        />
        {cmp.data ? (
          cmp.data.changes.length === 0 ? (
            <Text c="dimmed">{t('plan.noChanges')}</Text>
          ) : (
            <List size="sm" data-testid="plan-changes">
              {cmp.data.changes.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: changes have no identity of their own
                <List.Item key={i}>
                  {t(`plan.change.${c.kind}`, {
                    goal: c.goal,
                    step: c.step ?? '',
                    field: c.field ? t(`plan.field.${c.field}`) : '',
                    before:
                      c.field === 'status' && c.before ? t(`plan.status.${c.before}`) : (c.before ?? '—'),
                    after: c.field === 'status' && c.after ? t(`plan.status.${c.after}`) : (c.after ?? '—'),
                  })}
                </List.Item>
              ))}
            </List>
          )
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The cooperation plan on the case file: the current version, editing, history, print in the client's language. */
export function PlanSection({ personId, languages }: { personId: string; languages: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const plan = usePlan(personId);
  const [editing, setEditing] = useState(false);
  const preferred = languages.map(planLanguageFor).find((l) => l && l !== 'de') ?? 'de';
  const [lang, setLang] = useState<string>(preferred);
  if (plan.isPending) return <Skeleton h={160} />;
  if (plan.isError) return <ActionError error={plan.error} />;
  if (editing) return <PlanEditor personId={personId} current={plan.data} onDone={() => setEditing(false)} />;
  const p = plan.data;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Text c="dimmed">
          {p
            ? t('plan.summary', {
                n: p.version,
                agreed: p.agreedOn ? formatDay(p.agreedOn, i18n.language) : t('plan.notAgreed'),
                review: p.reviewOn ? formatDay(p.reviewOn, i18n.language) : '—',
              })
            : t('plan.empty')}
        </Text>
        <Group align="flex-end">
          {p ? (
            <>
              <Select
                label={t('plan.printLanguage')}
                data={PLAN_LANGUAGES.map((l) => ({
                  value: l,
                  label: l === 'fa' ? t('plan.farsiDari') : languageName(l, i18n.language),
                }))}
                value={lang}
                onChange={(v) => setLang(v ?? 'de')}
                allowDeselect={false}
                w={200}
              />
              <Button
                component="a"
                variant="default"
                href={`/api/persons/${personId}/plan/print?lang=${lang}`}
                target="_blank"
              >
                {t('plan.print')}
              </Button>
            </>
          ) : null}
          {can('person:update') ? (
            <Button onClick={() => setEditing(true)}>{p ? t('plan.edit') : t('plan.write')}</Button>
          ) : null}
        </Group>
      </Group>
      {p ? <PlanView plan={p} /> : null}
      {p ? <History personId={personId} plan={p} /> : null}
    </Stack>
  );
}
