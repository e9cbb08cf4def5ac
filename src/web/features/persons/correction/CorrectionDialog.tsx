import {
  Alert,
  Button,
  Fieldset,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BIRTH_DATE_PRECISIONS, GENDERS, personUpdate } from '../../../../server/modules/persons/schema';
import { ApiError, api } from '../../../api/client';
import type { Person } from '../../../api/types';
import { type FieldOf, requestValidator, serverFieldErrors } from '../../../app/form';
import { nationalityOptions } from '../../../app/format';
import { usePersonUpdate } from '../sections/common';
import { type CorrectionForm, formFieldOf, formOf, patchOf } from './fields';

/** A request path to the form field showing it (birthDate is typed in birthInput; list items on their list). */
const fieldOf: FieldOf = (path) => formFieldOf(path) ?? path;

/**
 * "Stammdaten korrigieren": names and spellings, birth date and its precision, nationality (also
 * staatenlos / ungeklärt), gender, contact, AZR number, entry date, BA customer number. Only what the
 * reader may see is offered; only what changed is sent; identity data needs a reason. When someone else
 * saved meanwhile (409), the dialog offers to apply the same changes to the current record.
 */
export function CorrectionDialog({
  p,
  opened,
  onClose,
}: {
  p: Person;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const apply = usePersonUpdate(p.id);
  const [base, setBase] = useState<{ form: CorrectionForm; version: number }>(() => ({
    form: formOf(p),
    version: p.version,
  }));
  // The record the edit started from, for the validation (which runs outside of rendering).
  const baseRef = useRef(base);
  baseRef.current = base;
  const editor = useForm<CorrectionForm>({
    initialValues: formOf(p),
    // The route's personUpdate judges exactly the PATCH the dialog would send (only what changed).
    validate: (v) =>
      requestValidator(
        personUpdate,
        (x: CorrectionForm) => patchOf(baseRef.current.form, x, baseRef.current.version).body,
        fieldOf,
      )(v),
  });
  const form = editor.getValues();
  const countries = useMemo(() => nationalityOptions(i18n.language), [i18n.language]);
  const pending = patchOf(base.form, form, base.version);

  const save = useMutation({
    mutationFn: () => api.patch<Person>(`/api/persons/${p.id}`, pending.body),
    onSuccess: (updated) => {
      apply(updated);
      void qc.invalidateQueries({ queryKey: ['person-history', p.id] });
      onClose();
    },
    onError: (e: Error) => editor.setErrors(serverFieldErrors(e, fieldOf)),
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const errors = editor.errors;

  /** 409: take the record as it is now and keep the editor's changes on top of it. */
  function reapply() {
    const current = save.error instanceof ApiError ? (save.error.body as { current?: Person } | null) : null;
    const fresh = current?.current ?? null;
    void (async () => {
      const latest = fresh ?? (await api.get<Person>(`/api/persons/${p.id}`));
      const latestForm = formOf(latest);
      const mine = patchOf(base.form, form, base.version).body;
      const merged: CorrectionForm = { ...latestForm, reason: form.reason };
      for (const k of Object.keys(form) as (keyof CorrectionForm)[])
        if (JSON.stringify(base.form[k]) !== JSON.stringify(form[k]))
          (merged as unknown as Record<string, unknown>)[k] = form[k];
      if ('birthDate' in mine) {
        merged.birthInput = form.birthInput;
        merged.birthDatePrecision = form.birthDatePrecision;
      }
      setBase({ form: latestForm, version: latest.version });
      editor.setValues(merged);
      apply(latest);
      save.reset();
    })();
  }

  const set =
    <K extends keyof CorrectionForm>(k: K) =>
    (v: CorrectionForm[K]) =>
      editor.setFieldValue(k, v as never);
  const text = (k: keyof CorrectionForm) => editor.getInputProps(k);

  function submit() {
    if (pending.empty) {
      onClose();
      return;
    }
    save.mutate();
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('correction.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="xl"
      data-testid="correction-dialog"
    >
      <form onSubmit={editor.onSubmit(submit)} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('correction.intro')}
          </Text>
          {save.isError && !conflict ? (
            <Alert color="red" role="alert" title={t('correction.failed')}>
              {save.error.message}
            </Alert>
          ) : null}
          {conflict ? (
            <Alert color="orange" role="alert" title={t('correction.conflictTitle')}>
              <Stack gap="xs">
                <Text size="sm">{t('correction.conflictText')}</Text>
                <Group>
                  <Button size="xs" onClick={reapply} data-testid="correction-reapply">
                    {t('correction.reapply')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : null}
          <Fieldset legend={t('correction.identity')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('intake.givenNames')} required {...text('givenNames')} />
              <TextInput label={t('intake.familyName')} required {...text('familyName')} />
              <TextInput label={t('intake.nameOriginal')} dir="auto" {...text('nameOriginal')} />
              <TagsInput
                label={t('intake.nameVariants')}
                description={t('correction.variantsHint')}
                value={form.nameVariants}
                error={errors.nameVariants}
                onChange={set('nameVariants')}
              />
              <Select
                label={t('intake.gender')}
                allowDeselect={false}
                value={form.gender}
                error={errors.gender}
                data={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
                onChange={(v) => set('gender')(v ?? form.gender)}
              />
              <MultiSelect
                label={t('intake.nationalities')}
                searchable
                maxValues={5}
                value={form.nationalities}
                error={errors.nationalities}
                data={countries}
                onChange={set('nationalities')}
              />
              <Select
                label={t('intake.birthPrecision')}
                allowDeselect={false}
                value={form.birthDatePrecision}
                data={BIRTH_DATE_PRECISIONS.map((x) => ({ value: x, label: t(`precision.${x}`) }))}
                error={errors.birthDatePrecision}
                onChange={(v) =>
                  editor.setValues({
                    birthDatePrecision: (v ?? 'day') as CorrectionForm['birthDatePrecision'],
                    birthInput: '',
                  })
                }
              />
              {form.birthDatePrecision === 'year' ? (
                <TextInput
                  label={t('intake.birthYear')}
                  inputMode="numeric"
                  maxLength={4}
                  {...text('birthInput')}
                />
              ) : form.birthDatePrecision === 'month' ? (
                <TextInput label={t('intake.birthMonth')} type="month" {...text('birthInput')} />
              ) : (
                <TextInput label={t('intake.birthDate')} type="date" {...text('birthInput')} />
              )}
            </SimpleGrid>
          </Fieldset>
          {p.residence || p.profile ? (
            <Fieldset legend={t('correction.numbers')}>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                {p.residence ? (
                  <TextInput
                    label={t('correction.field.azrNumber')}
                    inputMode="numeric"
                    {...text('azrNumber')}
                  />
                ) : null}
                {p.residence ? (
                  <TextInput label={t('intake.entryDate')} type="date" {...text('entryDate')} />
                ) : null}
                {p.profile ? (
                  <TextInput label={t('person.profile.baCustomerNumber')} {...text('baCustomerNumber')} />
                ) : null}
              </SimpleGrid>
            </Fieldset>
          ) : null}
          {p.contact ? (
            <Fieldset legend={t('correction.contact')}>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput label={t('person.contact.phone')} type="tel" {...text('phone')} />
                <TextInput label={t('person.contact.email')} type="email" {...text('email')} />
                <TextInput label={t('person.contact.address')} {...text('address')} />
              </SimpleGrid>
            </Fieldset>
          ) : null}
          <Textarea
            label={t('correction.reason')}
            description={pending.identity ? t('correction.reasonRequired') : t('correction.reasonOptional')}
            required={pending.identity}
            autosize
            minRows={2}
            maxLength={500}
            {...text('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('correction.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={conflict} data-testid="correction-save">
              {t('correction.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
