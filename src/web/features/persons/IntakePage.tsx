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
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BIRTH_DATE_PRECISIONS, GENDERS, REFERRAL_SOURCES } from '../../../server/modules/persons/schema';
import type { DuplicateCandidate } from '../../api/casefile';
import { ApiError, api, issuesByField, newIdempotencyKey } from '../../api/client';
import { municipalitiesQuery } from '../../api/meta-queries';
import type { Person } from '../../api/types';
import { nationalityOptions } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { DuplicateCandidates } from './intake/DuplicateCandidates';

const REFERRALS = REFERRAL_SOURCES;
const PRECISIONS = BIRTH_DATE_PRECISIONS;

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
    gender: f.gender,
    birthDate: birthDateOf(f),
    birthDatePrecision: f.birthPrecision,
    nationalities: f.nationalities,
  };
}

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
  const [form, setForm] = useState<Form>(EMPTY);
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
      const r = await api.post<{ candidates: DuplicateCandidate[] }>('/api/persons/duplicate-check', body);
      return { sig, candidates: r.candidates };
    },
    onSuccess: (r) => setChecked(r),
  });
  const create = useMutation({
    mutationFn: (f: Form) =>
      api.post<Person>(
        '/api/persons',
        {
          ...checkBody(f),
          referralSource: f.referralSource || undefined,
          municipalityId: f.municipalityId || undefined,
          wohnsitzauflageMunicipalityId: f.wohnsitzauflageMunicipalityId || undefined,
          azrNumber: f.azrNumber.trim() || undefined,
          baCustomerNumber: f.baCustomerNumber.trim() || undefined,
          entryDate: f.entryDate || undefined,
          phone: f.phone.trim() || undefined,
          email: f.email.trim() || undefined,
          address: f.address.trim() || undefined,
        },
        { headers: { 'idempotency-key': idempotencyKey } },
      ),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: ['persons'] });
      qc.setQueryData(['person', p.id], p);
      navigate(`/personen/${p.id}/aufnahme`);
    },
  });
  // The duplicate check validates the same fields first: its refusal lands on the fields as well.
  const errors = { ...issuesByField(check.error), ...issuesByField(create.error) };
  const birthError = errors.birthDate;
  const nationalityError =
    errors.nationalities ?? Object.entries(errors).find(([k]) => k.startsWith('nationalities.'))?.[1];
  const set = (k: keyof Form) => (v: string | null) => setForm((f) => ({ ...f, [k]: v ?? '' }));
  const text = (k: keyof Form) => ({
    value: form[k] as string,
    // A list's issue is reported on its item (nameVariants.0): shown on the list's field.
    error: errors[k] ?? Object.entries(errors).find(([path]) => path.startsWith(`${k}.`))?.[1],
    onChange: (e: { currentTarget: { value: string } }) => set(k)(e.currentTarget.value),
  });
  const namesKnown = form.givenNames.trim() !== '' && form.familyName.trim() !== '';
  const sig = JSON.stringify(checkBody(form));
  const current = checked && checked.sig === sig ? checked.candidates : null;

  /** On leaving a name or birth field: check as soon as both names are there (nothing is stored). */
  function checkOnBlur() {
    if (namesKnown && checked?.sig !== sig && !check.isPending) check.mutate(form);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!namesKnown) {
      create.mutate(form); // the server names the missing fields
      return;
    }
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
    e instanceof ApiError && e.issues.length > 0
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
            <form onSubmit={submit} noValidate data-testid="intake-form">
              <Stack gap="lg">
                {create.isError || check.isError ? (
                  <Alert color="red" role="alert" title={errorTitle(create.error ?? check.error)}>
                    {(create.error ?? check.error)?.message}
                  </Alert>
                ) : null}
                <Fieldset legend={`1. ${t('intake.section.access')}`}>
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <Select
                      label={t('intake.referralSource')}
                      clearable
                      value={form.referralSource || null}
                      error={errors.referralSource}
                      data={REFERRALS.map((r) => ({ value: r, label: t(`referral.${r}`) }))}
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
                      error={errors.nameVariants ?? errors['nameVariants.0']}
                      onBlur={checkOnBlur}
                    />
                    <Select
                      label={t('intake.gender')}
                      required
                      allowDeselect={false}
                      value={form.gender}
                      error={errors.gender}
                      data={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
                      onChange={set('gender')}
                    />
                    <MultiSelect
                      label={t('intake.nationalities')}
                      searchable
                      clearable
                      maxValues={5}
                      value={form.nationalities}
                      error={nationalityError}
                      data={countries}
                      onChange={(v) => setForm((f) => ({ ...f, nationalities: v }))}
                      onBlur={checkOnBlur}
                    />
                    <Select
                      label={t('intake.birthPrecision')}
                      allowDeselect={false}
                      value={form.birthPrecision}
                      data={PRECISIONS.map((p) => ({ value: p, label: t(`precision.${p}`) }))}
                      onChange={set('birthPrecision')}
                    />
                    {form.birthPrecision === 'year' ? (
                      <TextInput
                        label={t('intake.birthYear')}
                        inputMode="numeric"
                        maxLength={4}
                        {...text('birthYear')}
                        error={birthError}
                        onBlur={checkOnBlur}
                      />
                    ) : form.birthPrecision === 'month' ? (
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
                      value={form.municipalityId || null}
                      error={errors.municipalityId}
                      data={municipalityOptions}
                      onChange={set('municipalityId')}
                    />
                    <Select
                      label={t('intake.wohnsitzauflage')}
                      clearable
                      searchable
                      value={form.wohnsitzauflageMunicipalityId || null}
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
                      onCreateAnyway={() => create.mutate(form)}
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
