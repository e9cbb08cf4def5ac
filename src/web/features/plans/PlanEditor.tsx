import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STEP_OWNERS, STEP_STATUSES } from '../../../domain/plan/plan';
import { ApiError, issuesByField } from '../../api/client';
import { useFittingMeasures } from '../measures/api';
import { newId, type PlanContent, type PlanOut, useSavePlan } from './api';

type Goal = PlanContent['goals'][number];
type Step = Goal['steps'][number];

const emptyStep = (): Step => ({
  id: newId(),
  text: '',
  owner: undefined as never,
  dueOn: '',
  status: 'open',
});

/**
 * Writing the plan: goals, and under each goal the steps — what, who, by when, status, and optionally
 * a measure from the catalogue (fitting ones first). Saved as a whole; the server keeps every version.
 */
export function PlanEditor({
  personId,
  current,
  onDone,
}: {
  personId: string;
  current: PlanOut | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSavePlan(personId);
  const fitting = useFittingMeasures(personId);
  const [goals, setGoals] = useState<Goal[]>(
    () => structuredClone(current?.content.goals) ?? [{ id: newId(), text: '', steps: [emptyStep()] }],
  );
  const [agreedOn, setAgreedOn] = useState(current?.agreedOn ?? '');
  const errors = issuesByField(save.error);
  const stale = save.error instanceof ApiError && save.error.status === 409;
  const measureOptions = (fitting.data ?? []).map((f) => ({
    value: f.measure.id,
    label: `${f.fits ? '✓ ' : ''}${f.measure.title} (${f.measure.provider})`,
  }));

  const setGoal = (gi: number, g: Partial<Goal>) =>
    setGoals((gs) => gs.map((x, i) => (i === gi ? { ...x, ...g } : x)));
  const setStep = (gi: number, si: number, s: Partial<Step>) =>
    setGoals((gs) =>
      gs.map((g, i) =>
        i === gi ? { ...g, steps: g.steps.map((x, j) => (j === si ? { ...x, ...s } : x)) } : g,
      ),
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { baseVersion: current?.version ?? 0, goals, agreedOn: agreedOn || null },
      { onSuccess: onDone },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('plan.editTitle')}>
      <Stack>
        {stale ? (
          <Alert color="orange" role="alert" title={t('plan.staleTitle')}>
            {save.error?.message}
          </Alert>
        ) : save.error && Object.keys(errors).length === 0 ? (
          <Alert color="red" role="alert">
            {save.error.message}
          </Alert>
        ) : Object.keys(errors).length > 0 ? (
          <Alert color="red" role="alert">
            {t('plan.fixFields')}
          </Alert>
        ) : null}
        <TextInput
          type="date"
          label={t('plan.agreedOn')}
          description={t('plan.agreedHint')}
          value={agreedOn}
          onChange={(e) => setAgreedOn(e.currentTarget.value)}
          maw={260}
        />
        {goals.map((g, gi) => (
          <Paper key={g.id} withBorder p="md">
            <Stack gap="sm">
              <Group align="flex-end">
                <Textarea
                  label={t('plan.goalN', { n: gi + 1 })}
                  required
                  autosize
                  style={{ flex: 1 }}
                  value={g.text}
                  error={errors[`goals.${gi}.text`]}
                  onChange={(e) => setGoal(gi, { text: e.currentTarget.value })}
                />
                <Button
                  variant="subtle"
                  color="red.9"
                  onClick={() => setGoals((gs) => gs.filter((_, i) => i !== gi))}
                  disabled={goals.length === 1}
                >
                  {t('plan.removeGoal')}
                </Button>
              </Group>
              <Table.ScrollContainer minWidth={900}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('plan.what')}</Table.Th>
                      <Table.Th w={190}>{t('plan.who')}</Table.Th>
                      <Table.Th w={170}>{t('plan.until')}</Table.Th>
                      <Table.Th w={140}>{t('plan.state')}</Table.Th>
                      <Table.Th w={60}>
                        <span className="visually-hidden">{t('plan.remove')}</span>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {g.steps.map((s, si) => {
                      const path = `goals.${gi}.steps.${si}`;
                      return (
                        <Table.Tr key={s.id}>
                          <Table.Td>
                            <Stack gap={4}>
                              <TextInput
                                aria-label={t('plan.stepText', { n: si + 1 })}
                                value={s.text}
                                error={errors[`${path}.text`]}
                                onChange={(e) => setStep(gi, si, { text: e.currentTarget.value })}
                              />
                              <Select
                                aria-label={t('plan.measure')}
                                placeholder={t('plan.measurePlaceholder')}
                                data={measureOptions}
                                value={s.measureId ?? null}
                                onChange={(v) => setStep(gi, si, { measureId: v })}
                                clearable
                                searchable
                                size="xs"
                              />
                            </Stack>
                          </Table.Td>
                          <Table.Td>
                            <Stack gap={4}>
                              <Select
                                aria-label={t('plan.whoFor', { n: si + 1 })}
                                placeholder={t('plan.choose')}
                                data={STEP_OWNERS.map((o) => ({ value: o, label: t(`plan.owners.${o}`) }))}
                                value={s.owner ?? null}
                                error={errors[`${path}.owner`]}
                                onChange={(v) =>
                                  setStep(gi, si, { owner: (v ?? undefined) as Step['owner'] })
                                }
                              />
                              {s.owner === 'partner' ? (
                                <TextInput
                                  aria-label={t('plan.partnerName')}
                                  placeholder={t('plan.partnerName')}
                                  size="xs"
                                  value={s.ownerName ?? ''}
                                  onChange={(e) => setStep(gi, si, { ownerName: e.currentTarget.value })}
                                />
                              ) : null}
                            </Stack>
                          </Table.Td>
                          <Table.Td>
                            <TextInput
                              type="date"
                              aria-label={t('plan.untilFor', { n: si + 1 })}
                              value={s.dueOn}
                              error={errors[`${path}.dueOn`]}
                              onChange={(e) => setStep(gi, si, { dueOn: e.currentTarget.value })}
                            />
                          </Table.Td>
                          <Table.Td>
                            <Select
                              aria-label={t('plan.stateFor', { n: si + 1 })}
                              allowDeselect={false}
                              data={STEP_STATUSES.map((x) => ({ value: x, label: t(`plan.status.${x}`) }))}
                              value={s.status}
                              onChange={(v) => setStep(gi, si, { status: (v ?? 'open') as Step['status'] })}
                            />
                          </Table.Td>
                          <Table.Td>
                            <ActionIcon
                              variant="subtle"
                              color="red.9"
                              aria-label={t('plan.removeStep', { n: si + 1 })}
                              onClick={() => setGoal(gi, { steps: g.steps.filter((_, j) => j !== si) })}
                            >
                              ✕
                            </ActionIcon>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Group>
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => setGoal(gi, { steps: [...g.steps, emptyStep()] })}
                >
                  {t('plan.addStep')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
        <Group>
          <Button
            variant="default"
            onClick={() => setGoals((gs) => [...gs, { id: newId(), text: '', steps: [emptyStep()] }])}
          >
            {t('plan.addGoal')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('plan.saveHint')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('plan.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
