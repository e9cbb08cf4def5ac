import {
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type HouseholdMemberBody, householdMemberBody } from '../../../../server/modules/household/schema';
import { HOUSEHOLD_RELATIONS } from '../../../api/casefile';
import { api } from '../../../api/client';
import type { Person } from '../../../api/types';
import { type FormValues, requestValidator, serverFieldErrors } from '../../../app/form';
import { formatDay, label } from '../../../app/format';
import { Tag } from '../../../app/Tag';
import { useSession } from '../../../auth/session';
import { ActionError, NotPermitted, usePersonUpdate } from './common';

/** The request's fields as the inputs hold them; needsChildcare stays unknown until the box is touched. */
type MemberForm = Omit<FormValues<HouseholdMemberBody>, 'memberPersonId'>;
const EMPTY: MemberForm = {
  relation: 'child',
  givenNames: '',
  familyName: '',
  birthDate: '',
  needsChildcare: undefined,
};

/** The request: what was entered; the childcare need left alone lets the server decide from the age. */
function memberBody(m: MemberForm): Partial<HouseholdMemberBody> {
  return {
    relation: m.relation as HouseholdMemberBody['relation'],
    givenNames: m.givenNames,
    familyName: m.familyName || undefined,
    birthDate: m.birthDate || undefined,
    needsChildcare: m.needsChildcare,
  };
}
/** The route's householdMemberBody judges the member before it is sent. */
const validateMember = requestValidator(householdMemberBody, memberBody);

function AddMember({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const form = useForm<MemberForm>({ initialValues: EMPTY, validate: validateMember });
  const f = form.getValues();
  const update = usePersonUpdate(personId);
  const add = useMutation({
    mutationFn: (m: MemberForm) => api.post<Person>(`/api/persons/${personId}/household`, memberBody(m)),
    onSuccess: (p) => {
      update(p);
      form.setValues(EMPTY);
    },
    onError: (e: Error) => form.setErrors(serverFieldErrors(e)),
  });
  const errors = form.errors;
  return (
    <Paper
      withBorder
      p="sm"
      bg="gray.0"
      component="form"
      onSubmit={form.onSubmit((m) => add.mutate(m))}
      noValidate
      aria-labelledby="hh-add"
    >
      <Stack gap="sm">
        <Title order={3} size="h6" id="hh-add">
          {t('household.add')}
        </Title>
        <ActionError error={add.error} />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
          <Select
            label={t('household.relation')}
            required
            allowDeselect={false}
            value={f.relation}
            data={HOUSEHOLD_RELATIONS.map((r) => ({ value: r, label: t(`relation.${r}`) }))}
            onChange={(v) => form.setFieldValue('relation', v ?? 'other')}
            error={errors.relation}
          />
          <TextInput
            label={t('household.givenNames')}
            required
            value={f.givenNames}
            onChange={(e) => form.setFieldValue('givenNames', e.currentTarget.value)}
            error={errors.givenNames}
          />
          <TextInput
            label={t('household.familyName')}
            value={f.familyName}
            onChange={(e) => form.setFieldValue('familyName', e.currentTarget.value)}
            error={errors.familyName}
          />
          <TextInput
            label={t('household.birthDate')}
            type="date"
            value={f.birthDate}
            onChange={(e) => form.setFieldValue('birthDate', e.currentTarget.value)}
            error={errors.birthDate}
          />
        </SimpleGrid>
        <Group justify="space-between">
          <Checkbox
            label={t('household.needsChildcare')}
            description={t('household.childcareHint')}
            checked={f.needsChildcare ?? false}
            onChange={(e) => form.setFieldValue('needsChildcare', e.currentTarget.checked)}
            error={errors.needsChildcare}
          />
          <Button type="submit" variant="default" loading={add.isPending}>
            {t('household.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Household members and children, with the childcare need that course planning depends on. */
export function HouseholdSection({ p }: { p: Person }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const update = usePersonUpdate(p.id);
  const remove = useMutation({
    mutationFn: (memberId: string) => api.del<Person>(`/api/persons/${p.id}/household/${memberId}`),
    onSuccess: update,
  });
  if (!p.household) return <NotPermitted />;
  const editable = can('person:update');
  const childcare = p.household.filter((m) => m.needsChildcare).length;
  return (
    <Stack>
      {p.household.length === 0 ? (
        <Text c="dimmed">{t('household.empty')}</Text>
      ) : (
        <>
          {childcare > 0 ? (
            <Text size="sm" data-testid="childcare-summary">
              {t('household.childcareSummary', { count: childcare })}
            </Text>
          ) : null}
          <Table.ScrollContainer type="native" minWidth={560}>
            <Table data-testid="household-table">
              <Table.Caption className="visually-hidden">{t('household.title')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('household.name')}</Table.Th>
                  <Table.Th scope="col">{t('household.relation')}</Table.Th>
                  <Table.Th scope="col">{t('household.birthDate')}</Table.Th>
                  <Table.Th scope="col">{t('household.childcare')}</Table.Th>
                  {editable ? (
                    <Table.Th scope="col">
                      <span className="visually-hidden">{t('household.actions')}</span>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.household.map((m) => {
                  const name = [m.givenNames, m.familyName].filter(Boolean).join(' ');
                  return (
                    <Table.Tr key={m.id}>
                      <Table.Td>{name}</Table.Td>
                      <Table.Td>{label(t, 'relation', m.relation)}</Table.Td>
                      <Table.Td>
                        {formatDay(m.birthDate, i18n.language)}
                        {m.ageYears !== null ? ` (${t('household.age', { count: m.ageYears })})` : ''}
                      </Table.Td>
                      <Table.Td>
                        {m.needsChildcare ? <Tag tone="violet">{t('household.childcareNeeded')}</Tag> : '—'}
                      </Table.Td>
                      {editable ? (
                        <Table.Td>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            loading={remove.isPending && remove.variables === m.id}
                            onClick={() => remove.mutate(m.id)}
                            aria-label={t('household.removeLabel', { name })}
                          >
                            {t('household.remove')}
                          </Button>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      <ActionError error={remove.error} />
      {editable ? <AddMember personId={p.id} /> : null}
    </Stack>
  );
}
