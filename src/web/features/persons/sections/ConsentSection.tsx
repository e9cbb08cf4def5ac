import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CLIENT_LANGUAGES } from '../../../../domain/reference/languages';
import { type ConsentCreate, consentCreate } from '../../../../server/modules/consents/schema';
import { CONSENT_PURPOSES, type Consent, DATA_CATEGORIES } from '../../../api/casefile';
import { api, issuesByField } from '../../../api/client';
import { agenciesQuery } from '../../../api/meta-queries';
import type { Person } from '../../../api/types';
import { type FormValues, requestValidator, serverFieldErrors } from '../../../app/form';
import { formatDay, label, languageName } from '../../../app/format';
import { Tag } from '../../../app/Tag';
import { useSession } from '../../../auth/session';
import { consentsKey, consentsQuery } from '../queries';
import { ActionError, todayIso } from './common';

/** The request's fields as the inputs hold them. */
type ConsentForm = FormValues<z.input<typeof consentCreate>>;

/** The request: what was entered, empty fields left out. */
function consentBody(c: ConsentForm): Partial<z.input<typeof consentCreate>> {
  return {
    purpose: (c.purpose || undefined) as ConsentCreate['purpose'] | undefined,
    recipientAgencyId: c.recipientAgencyId || undefined,
    dataCategories: c.dataCategories as ConsentCreate['dataCategories'],
    givenOn: c.givenOn || undefined,
    formLanguage: c.formLanguage,
    scanRef: c.scanRef || undefined,
  };
}
/** The route's schema judges the consent before it is sent. */
const validateConsent = requestValidator(consentCreate, consentBody);

function RecordConsent({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const form = useForm<ConsentForm>({
    initialValues: {
      purpose: '',
      recipientAgencyId: '',
      dataCategories: ['identity'],
      givenOn: todayIso(),
      formLanguage: 'de',
      scanRef: '',
    },
    validate: validateConsent,
  });
  const f = form.getValues();
  const agencies = useQuery(agenciesQuery());
  const save = useMutation({
    mutationFn: (c: ConsentForm) => api.post<Consent[]>(`/api/persons/${personId}/consents`, consentBody(c)),
    onSuccess: (list) => {
      qc.setQueryData(consentsKey(personId), list);
      void qc.invalidateQueries({ queryKey: ['audit', personId] });
      onDone();
    },
    onError: (e: Error) => form.setErrors(serverFieldErrors(e)),
  });
  const errors = form.errors;
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="consent-form">
      <Stack>
        <ActionError error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('consent.purpose')}
            required
            value={f.purpose || null}
            data={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`purpose.${p}`) }))}
            onChange={(v) => form.setFieldValue('purpose', v ?? '')}
            error={errors.purpose}
            data-autofocus
          />
          <Select
            label={t('consent.recipient')}
            required
            searchable
            value={f.recipientAgencyId || null}
            data={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
            onChange={(v) => form.setFieldValue('recipientAgencyId', v ?? '')}
            error={errors.recipientAgencyId}
          />
          <TextInput
            label={t('consent.givenOn')}
            type="date"
            required
            value={f.givenOn}
            onChange={(e) => form.setFieldValue('givenOn', e.currentTarget.value)}
            error={errors.givenOn}
          />
          <Select
            label={t('consent.formLanguage')}
            required
            allowDeselect={false}
            searchable
            value={f.formLanguage}
            data={CLIENT_LANGUAGES.map((l) => ({
              value: l,
              label: languageName(l, i18n.language),
            }))}
            onChange={(v) => form.setFieldValue('formLanguage', v ?? 'de')}
            error={errors.formLanguage}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('consent.categories')}
          description={t('consent.categoriesHint')}
          required
          value={f.dataCategories}
          onChange={(v) => form.setFieldValue('dataCategories', v)}
          error={errors.dataCategories}
        >
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" mt="xs">
            {DATA_CATEGORIES.map((c) => (
              <Checkbox key={c} value={c} label={t(`category.${c}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <TextInput
          label={t('consent.scanRef')}
          description={t('consent.scanRefHint')}
          value={f.scanRef}
          onChange={(e) => form.setFieldValue('scanRef', e.currentTarget.value)}
          error={errors.scanRef}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('consent.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function WithdrawModal({
  personId,
  consent,
  onClose,
}: {
  personId: string;
  consent: Consent | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [day, setDay] = useState(todayIso());
  const withdraw = useMutation({
    mutationFn: (c: Consent) =>
      api.post<Consent[]>(`/api/persons/${personId}/consents/${c.id}/withdraw`, { withdrawnOn: day }),
    onSuccess: (list) => {
      qc.setQueryData(consentsKey(personId), list);
      void qc.invalidateQueries({ queryKey: ['audit', personId] });
      onClose();
    },
  });
  const errors = issuesByField(withdraw.error);
  return (
    <Modal
      opened={consent !== null}
      onClose={onClose}
      title={t('consent.withdrawTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {consent ? (
        <Stack>
          <Text>
            {t('consent.withdrawText', {
              purpose: t(`purpose.${consent.purpose}`, { defaultValue: consent.purpose }),
              agency: consent.recipientAgency.name,
            })}
          </Text>
          <ActionError error={withdraw.error} />
          <TextInput
            label={t('consent.withdrawnOn')}
            type="date"
            value={day}
            onChange={(e) => setDay(e.currentTarget.value)}
            error={errors.withdrawnOn}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => withdraw.mutate(consent)} loading={withdraw.isPending}>
              {t('consent.withdraw')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

/** Consents per purpose and recipient: the basis of every partner agency's read. */
export function ConsentSection({ p, startOpen = false }: { p: Person; startOpen?: boolean }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const [adding, setAdding] = useState(startOpen);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const consents = useQuery(consentsQuery(p.id));
  const manage = can('consent:manage');
  return (
    <Stack>
      {consents.isPending ? (
        <Skeleton height={80} />
      ) : consents.isError ? (
        <Alert color="red" role="alert">
          {consents.error.message}
        </Alert>
      ) : consents.data.length === 0 ? (
        <Text c="dimmed">{t('consent.empty')}</Text>
      ) : (
        <Table.ScrollContainer type="native" minWidth={720}>
          <Table data-testid="consent-table">
            <Table.Caption className="visually-hidden">{t('consent.title')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('consent.purpose')}</Table.Th>
                <Table.Th scope="col">{t('consent.recipient')}</Table.Th>
                <Table.Th scope="col">{t('consent.categories')}</Table.Th>
                <Table.Th scope="col">{t('consent.period')}</Table.Th>
                <Table.Th scope="col">{t('consent.state')}</Table.Th>
                {manage ? (
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('household.actions')}</span>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {consents.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    {label(t, 'purpose', c.purpose)}
                    <Text size="xs" c="dimmed">
                      {t('consent.formIn', { language: languageName(c.formLanguage, i18n.language) })}
                      {c.scanRef ? ` · ${c.scanRef}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{c.recipientAgency.name}</Table.Td>
                  <Table.Td>{c.dataCategories.map((x) => label(t, 'category', x)).join(', ')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDay(c.givenOn, i18n.language)}
                    {c.withdrawnOn ? ` – ${formatDay(c.withdrawnOn, i18n.language)}` : ''}
                  </Table.Td>
                  <Table.Td>
                    {c.active ? (
                      <Tag tone="green">{t('consent.active')}</Tag>
                    ) : c.withdrawnOn ? (
                      <Tag tone="gray">{t('consent.withdrawn')}</Tag>
                    ) : (
                      <Tag tone="orange">{t('consent.notYet')}</Tag>
                    )}
                  </Table.Td>
                  {manage ? (
                    <Table.Td>
                      {c.withdrawnOn ? null : (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() => setWithdrawing(c)}
                          aria-label={t('consent.withdrawLabel', { agency: c.recipientAgency.name })}
                        >
                          {t('consent.withdraw')}
                        </Button>
                      )}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {manage ? (
        adding ? (
          <Paper withBorder p="sm" bg="gray.0" component="section" aria-labelledby="consent-add">
            <Title order={3} size="h6" id="consent-add" mb="sm">
              {t('consent.record')}
            </Title>
            <RecordConsent personId={p.id} onDone={() => setAdding(false)} />
          </Paper>
        ) : (
          <Group>
            <Button variant="default" onClick={() => setAdding(true)}>
              {t('consent.record')}
            </Button>
          </Group>
        )
      ) : null}
      <WithdrawModal personId={p.id} consent={withdrawing} onClose={() => setWithdrawing(null)} />
    </Stack>
  );
}
