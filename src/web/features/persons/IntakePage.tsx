import {
  Alert,
  Button,
  Grid,
  Group,
  List,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import {
  BIRTH_DATE_PRECISIONS,
  type DuplicateCheck,
  GENDERS,
  type PersonCreate,
  personCreate,
  REFERRAL_SOURCES,
} from '../../../server/modules/persons/schema';
import type { DuplicateCandidates as CandidatesAnswer, DuplicateCandidate } from '../../api/casefile';
import { ApiError, api, newIdempotencyKey } from '../../api/client';
import { municipalitiesQuery } from '../../api/meta-queries';
import type { Person } from '../../api/types';
import { type FieldOf, requestValidator, serverFieldErrors } from '../../app/form';
import { nationalityOptions } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { DuplicateCandidates } from './intake/DuplicateCandidates';

interface Form {
  referralSource: string;
  givenNames: string;
  familyName: string;
  nameOriginal: string;
  nameVariants: string;
  gender: string;
  birthPrecision: string;
  birthDay: string;
  birthMonth: string;
  birthYear: string;
  nationalities: string[];
  municipalityId: string;
  wohnsitzauflageMunicipalityId: string;
  azrNumber: string;
  baCustomerNumber: string;
  entryDate: string;
  phone: string;
  email: string;
  address: string;
}

const EMPTY: Form = {
  referralSource: '',
  givenNames: '',
  familyName: '',
  nameOriginal: '',
  nameVariants: '',
  gender: 'u',
  birthPrecision: 'day',
  birthDay: '',
  birthMonth: '',
  birthYear: '',
  nationalities: [],
  municipalityId: '',
  wohnsitzauflageMunicipalityId: '',
  azrNumber: '',
  baCustomerNumber: '',
  entryDate: '',
  phone: '',
  email: '',
  address: '',
};

/** The birth date as the server wants it: year-only and month-only dates follow the 01.01. convention. */
function birthDateOf(f: Form): string | undefined {
  if (f.birthPrecision === 'year')
    return /^\d{4}$/.test(f.birthYear.trim())
      ? `${f.birthYear.trim()}-01-01`
      : f.birthYear.trim() || undefined;
  if (f.birthPrecision === 'month') return f.birthMonth ? `${f.birthMonth}-01` : undefined;
  return f.birthDay || undefined;
}

const variantsOf = (f: Form) =>
  f.nameVariants
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

function checkBody(f: Form) {
  return {
    givenNames: f.givenNames.trim(),
    familyName: f.familyName.trim(),
    nameOriginal: f.nameOriginal.trim() || undefined,
    nameVariants: variantsOf(f),
    gender: f.gender as PersonCreate['gender'],
    birthDate: birthDateOf(f),
    birthDatePrecision: f.birthPrecision as DuplicateCheck['birthDatePrecision'],
    nationalities: f.nationalities,
  };
}

/** The creation request: the identity of the check plus what else was entered (empty fields are not sent). */
function createBody(f: Form): z.input<typeof personCreate> {
  return {
    ...checkBody(f),
    referralSource: (f.referralSource || undefined) as PersonCreate['referralSource'],
    municipalityId: f.municipalityId || undefined,
    wohnsitzauflageMunicipalityId: f.wohnsitzauflageMunicipalityId || undefined,
    azrNumber: f.azrNumber.trim() || undefined,
    baCustomerNumber: f.baCustomerNumber.trim() || undefined,
    entryDate: f.entryDate || undefined,
    phone: f.phone.trim() || undefined,
    email: f.email.trim() || undefined,
    address: f.address.trim() || undefined,
  };
}

/** A request path to the form field showing it: list items on their list, the precision on its select. */
const fieldOf: FieldOf = (path) => {
  const head = path.split('.')[0];
  return head === 'birthDatePrecision' ? 'birthPrecision' : head;
};
/** The server's creation schema judges the form before anything is sent, with the server's words. */
const validate = requestValidator(personCreate, createBody, fieldOf);

function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="intake-fieldset">
      <legend>
        <Title order={2} size="h5" component="span">
          {legend}
        </Title>
      </legend>
      {children}
    </fieldset>
  );
}

/** What the shared intake form (Erhebungsbogen) covers, and where each part is completed. */
function Steps() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="aside" aria-labelledby="intake-steps">
      <Title order={2} size="h5" id="intake-steps" mb="xs">
        {t('intake.stepsTitle')}
      </Title>
      <List type="ordered" size="sm" spacing={4}>
        <List.Item fw={600}>{t('intake.section.access')}</List.Item>
        <List.Item fw={600}>{t('intake.section.person')}</List.Item>
        <List.Item>{t('intake.section.household')}</List.Item>
        <List.Item>{t('intake.section.residence')}</List.Item>
        <List.Item>{t('intake.section.languages')}</List.Item>
        <List.Item>{t('intake.section.consent')}</List.Item>
      </List>
      <Text size="xs" c="dimmed" mt="sm">
        {t('intake.stepsHint')}
      </Text>
    </Paper>
  );
}

/**
 * The shared intake (gemeinsamer Erhebungsbogen), first part: access and person. The duplicate check runs
 * as soon as name and birth date are known, and again before creating; household, residence status,
 * languages and consent follow on the next page (or later in the case file).
 */
export function IntakePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const form = useForm<Form>({ initialValues: EMPTY, validate });
  const values = form.getValues();
  // The form was refused before sending: the same notice as for the server's refusal.
  const [refused, setRefused] = useState(false);
  const showServerIssues = (e: Error) => form.setErrors(serverFieldErrors(e, fieldOf));
  const [checked, setChecked] = useState<{ sig: string; candidates: DuplicateCandidate[] } | null>(null);
  const warningRef = useRef<HTMLDivElement>(null);
  // One key per intake: a double click or a resend after a lost answer creates the person once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const municipalities = useQuery(municipalitiesQuery());
  const countries = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    return nationalityOptions(i18n.language, collator);
  }, [i18n.language]);
  const municipalityOptions = (municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }));

  const check = useMutation({
    mutationFn: async (f: Form) => {
      const body = checkBody(f);
      const sig = JSON.stringify(body);
      const r = await api.post<CandidatesAnswer>('/api/persons/duplicate-check', body);
      return { sig, candidates: r.candidates };
    },
    onSuccess: (r) => setChecked(r),
    onError: showServerIssues,
  });
  const create = useMutation({
    mutationFn: (f: Form) =>
      api.post<Person>('/api/persons', createBody(f), { headers: { 'idempotency-key': idempotencyKey } }),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: ['persons'] });
      qc.setQueryData(['person', p.id], p);
      navigate(`/personen/${p.id}/aufnahme`);
    },
    onError: showServerIssues,
  });
  // Issues by form field: the form's own check, or the server's refusal (the duplicate check validates the
  // same fields first: its refusal lands on the fields as well).
  const errors = form.errors;
  const birthError = errors.birthDate;
  const set = (k: keyof Form) => (v: string | null) => form.setFieldValue(k, v ?? '');
  const text = (k: keyof Form) => form.getInputProps(k);
  const namesKnown = values.givenNames.trim() !== '' && values.familyName.trim() !== '';
  const sig = JSON.stringify(checkBody(values));
  const current = checked && checked.sig === sig ? checked.candidates : null;

  /** On leaving a name or birth field: check as soon as both names are there (nothing is stored). */
  function checkOnBlur() {
    if (namesKnown && checked?.sig !== sig && !check.isPending) check.mutate(values);
  }

  async function submit(form: Form) {
    setRefused(false);
    let candidates = current;
    if (candidates === null) {
      try {
        candidates = (await check.mutateAsync(form)).candidates;
      } catch (e) {
        // Refused input (400): the same fields fail the creation too, so nothing is stored — but the
        // creation names every wrong field of the whole form, not only those the check looks at.
        if (e instanceof ApiError && e.status === 400) create.mutate(form);
        return;
      }
    }
    if (candidates.length > 0) {
      warningRef.current?.focus();
      return;
    }
    create.mutate(form);
  }

  // A field error asks to look at the fields; a conflict or another failure says what happened.
  const errorTitle = (e: unknown) =>
    refused || (e instanceof ApiError && e.issues.length > 0)
      ? t('intake.formError')
      : e instanceof ApiError && e.status === 409
        ? t('casefile.conflict')
        : t('casefile.failed');

  return (
    <>
      <PageHeader title={t('intake.title')} description={t('intake.intro')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 9 }}>
          <Paper withBorder p="lg">
            <form
              onSubmit={form.onSubmit(submit, () => setRefused(true))}
              noValidate
              data-testid="intake-form"
            >
              <Stack gap="lg">
                {refused || create.isError || check.isError ? (
                  <Alert color="red" role="alert" title={errorTitle(create.error ?? check.error)}>
                    {refused ? null : (create.error ?? check.error)?.message}
                  </Alert>
                ) : null}
                <Fieldset legend={`1. ${t('intake.section.access')}`}>
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <Select
                      label={t('intake.referralSource')}
                      clearable
                      value={values.referralSource || null}
                      error={errors.referralSource}
                      data={REFERRAL_SOURCES.map((r) => ({ value: r, label: t(`referral.${r}`) }))}
                      onChange={set('referralSource')}
                    />
                    <TextInput label={t('intake.entryDate')} type="date" {...text('entryDate')} />
                  </SimpleGrid>
                </Fieldset>
                <Fieldset legend={`2. ${t('intake.section.person')}`}>
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <TextInput
                      label={t('intake.givenNames')}
                      required
                      {...text('givenNames')}
                      onBlur={checkOnBlur}
                    />
                    <TextInput
                      label={t('intake.familyName')}
                      required
                      {...text('familyName')}
                      onBlur={checkOnBlur}
                    />
                    <TextInput
                      label={t('intake.nameOriginal')}
                      description={t('intake.nameOriginalHint')}
                      dir="auto"
                      {...text('nameOriginal')}
                      onBlur={checkOnBlur}
                    />
                    <TextInput
                      label={t('intake.nameVariants')}
                      description={t('intake.nameVariantsHint')}
                      {...text('nameVariants')}
                      onBlur={checkOnBlur}
                    />
                    <Select
                      label={t('intake.gender')}
                      required
                      allowDeselect={false}
                      value={values.gender}
                      error={errors.gender}
                      data={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
                      onChange={set('gender')}
                    />
                    <MultiSelect
                      label={t('intake.nationalities')}
                      searchable
                      clearable
                      maxValues={5}
                      value={values.nationalities}
                      error={errors.nationalities}
                      data={countries}
                      onChange={(v) => form.setFieldValue('nationalities', v)}
                      onBlur={checkOnBlur}
                    />
                    <Select
                      label={t('intake.birthPrecision')}
                      allowDeselect={false}
                      value={values.birthPrecision}
                      error={errors.birthPrecision}
                      data={BIRTH_DATE_PRECISIONS.map((p) => ({ value: p, label: t(`precision.${p}`) }))}
                      onChange={set('birthPrecision')}
                    />
                    {values.birthPrecision === 'year' ? (
                      <TextInput
                        label={t('intake.birthYear')}
                        inputMode="numeric"
                        maxLength={4}
                        {...text('birthYear')}
                        error={birthError}
                        onBlur={checkOnBlur}
                      />
                    ) : values.birthPrecision === 'month' ? (
                      <TextInput
                        label={t('intake.birthMonth')}
                        type="month"
                        {...text('birthMonth')}
                        error={birthError}
                        onBlur={checkOnBlur}
                      />
                    ) : (
                      <TextInput
                        label={t('intake.birthDate')}
                        type="date"
                        {...text('birthDay')}
                        error={birthError}
                        onBlur={checkOnBlur}
                      />
                    )}
                  </SimpleGrid>
                  <Title order={3} size="h6" mt="md" mb="xs">
                    {t('intake.residenceAndNumbers')}
                  </Title>
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <Select
                      label={t('intake.municipality')}
                      clearable
                      searchable
                      value={values.municipalityId || null}
                      error={errors.municipalityId}
                      data={municipalityOptions}
                      onChange={set('municipalityId')}
                    />
                    <Select
                      label={t('intake.wohnsitzauflage')}
                      clearable
                      searchable
                      value={values.wohnsitzauflageMunicipalityId || null}
                      error={errors.wohnsitzauflageMunicipalityId}
                      data={municipalityOptions}
                      onChange={set('wohnsitzauflageMunicipalityId')}
                    />
                    <TextInput
                      label={t('person.residence.azrNumber')}
                      inputMode="numeric"
                      {...text('azrNumber')}
                    />
                    <TextInput label={t('person.profile.baCustomerNumber')} {...text('baCustomerNumber')} />
                  </SimpleGrid>
                  <Title order={3} size="h6" mt="md" mb="xs">
                    {t('person.tabs.contact')}
                  </Title>
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <TextInput label={t('person.contact.phone')} type="tel" {...text('phone')} />
                    <TextInput label={t('person.contact.email')} type="email" {...text('email')} />
                    <TextInput label={t('person.contact.address')} {...text('address')} />
                  </SimpleGrid>
                </Fieldset>

                <div ref={warningRef} tabIndex={-1} aria-live="polite">
                  {check.isError ? (
                    <Alert color="red" role="alert">
                      {check.error.message}
                    </Alert>
                  ) : current && current.length > 0 ? (
                    <DuplicateCandidates
                      candidates={current}
                      creating={create.isPending}
                      onCreateAnyway={() => create.mutate(values)}
                    />
                  ) : current ? (
                    <Text size="sm" c="dimmed" data-testid="no-duplicates">
                      {t('duplicates.none')}
                    </Text>
                  ) : null}
                </div>

                <Group justify="flex-end">
                  <Button type="submit" loading={create.isPending || check.isPending}>
                    {t('intake.submit')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <Steps />
        </Grid.Col>
      </Grid>
    </>
  );
}
