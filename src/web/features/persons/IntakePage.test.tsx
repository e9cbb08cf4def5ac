// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { duplicateCheck, personCreate } from '../../../server/modules/persons/schema';
import { type ApiCall, fakeApi, refusal, reply, session } from '../../test/fake-api';
import { ids, person } from '../../test/fixtures';
import { fieldError, renderApp } from '../../test/render';
import { IntakePage } from './IntakePage';

const candidate = {
  id: '0191d2a0-0000-7000-8000-0000000000e1',
  name: 'Amina Hadad',
  nameOriginal: null,
  birthDate: '1990-05-14',
  birthDatePrecision: 'day',
  nationalities: ['SY'],
  agency: 'Integration Point',
  municipality: 'Herford',
  score: 0.91,
  reasons: ['Name ähnlich', 'Geburtsdatum gleich'],
};

/** The API of the intake: both bodies judged by the server's own schemas (400 with its German issues). */
function intakeApi({ duplicates = [] as (typeof candidate)[] } = {}) {
  return fakeApi({
    'GET /api/auth/me': () => session(['person:create', 'person:read']),
    'GET /api/meta/municipalities': () => [
      { id: ids.municipality, name: 'Herford', ags: '05758012', lat: 52.1, lon: 8.67 },
    ],
    'POST /api/persons/duplicate-check': (c: ApiCall) =>
      refusal(duplicateCheck, c.body) ?? { candidates: duplicates },
    'POST /api/persons': (c: ApiCall) => refusal(personCreate, c.body) ?? reply(201, person()),
  });
}

/** What the server would answer for a body, by field: its 400 issues, as `plugins/error-handler.ts` puts them. */
function serverIssues(body: unknown): Record<string, string> {
  const r = personCreate.safeParse(body);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

async function renderIntake() {
  const view = renderApp(<IntakePage />, { path: '/personen/neu', route: '/personen/neu' });
  await screen.findByRole('button', { name: 'Person anlegen' });
  return view;
}
const field = (name: string | RegExp) => screen.getByRole('textbox', { name });
const submit = () => screen.getByRole('button', { name: 'Person anlegen' });

describe('Intake (Erhebungsbogen, first part)', () => {
  test('without names nothing is created: the server names both fields, in German, on the fields', async () => {
    const net = intakeApi();
    const { user } = await renderIntake();
    expect(field(/^Vorname\(n\)/)).toHaveProperty('required', true);
    expect(field(/^Familienname/)).toHaveProperty('required', true);
    await user.click(submit());

    await waitFor(() => expect(fieldError(field(/^Vorname\(n\)/))).toBe('darf nicht leer sein'));
    expect(fieldError(field(/^Familienname/))).toBe('darf nicht leer sein');
    expect(field(/^Vorname\(n\)/).getAttribute('aria-invalid')).toBe('true');
    expect(fieldError(field('E-Mail'))).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('Bitte prüfen Sie die markierten Felder.');
    // No duplicate check without names; the refused create stored nothing.
    expect(net.bodies('POST /api/persons/duplicate-check')).toEqual([]);
    expect(net.unhandled).toEqual([]);
  });

  test('sends exactly the fields entered, after the duplicate check, once, then continues the intake', async () => {
    const net = intakeApi();
    const { user, router } = await renderIntake();
    await user.type(field(/^Vorname\(n\)/), ' Amina ');
    await user.type(field(/^Familienname/), 'Haddad');
    fireEvent.change(screen.getByLabelText('Geburtsdatum'), { target: { value: '1990-05-14' } });
    await user.type(field('E-Mail'), 'amina@example.org');
    await user.click(submit());

    await waitFor(() => expect(router.state.location.pathname).toBe(`/personen/${ids.person}/aufnahme`));
    const identity = {
      givenNames: 'Amina',
      familyName: 'Haddad',
      nameVariants: [],
      gender: 'u',
      birthDate: '1990-05-14',
      birthDatePrecision: 'day',
      nationalities: [],
    };
    expect(net.bodies('POST /api/persons/duplicate-check').at(-1)).toEqual(identity);
    expect(net.bodies('POST /api/persons')).toEqual([{ ...identity, email: 'amina@example.org' }]);
    const create = net.calls.find((c) => c.path === '/api/persons');
    expect(create?.headers['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    expect(create?.headers['x-csrf-token']).toBe('csrf-test');
  });

  test('birth date known as year or month only: the field follows the precision, the date the 01.01. rule', async () => {
    const net = intakeApi();
    const { user } = await renderIntake();
    await user.type(field(/^Vorname\(n\)/), 'Amina');
    await user.type(field(/^Familienname/), 'Haddad');

    await user.click(screen.getByRole('combobox', { name: 'Geburtsdatum bekannt als' }));
    await user.click(screen.getByRole('option', { name: 'nur Jahr' }));
    expect(screen.queryByLabelText('Geburtsdatum')).toBeNull();
    await user.type(field('Geburtsjahr'), '1985');
    await user.click(submit());
    await waitFor(() => expect(net.bodies('POST /api/persons')).toHaveLength(1));
    expect(net.bodies('POST /api/persons')[0]).toMatchObject({
      birthDate: '1985-01-01',
      birthDatePrecision: 'year',
    });
  });

  test('birth month only: sent as the first of that month with precision month', async () => {
    const net = intakeApi();
    const { user } = await renderIntake();
    await user.type(field(/^Vorname\(n\)/), 'Amina');
    await user.type(field(/^Familienname/), 'Haddad');
    await user.click(screen.getByRole('combobox', { name: 'Geburtsdatum bekannt als' }));
    await user.click(screen.getByRole('option', { name: 'nur Monat und Jahr' }));
    fireEvent.change(screen.getByLabelText('Geburtsmonat'), { target: { value: '2001-03' } });
    await user.click(submit());
    await waitFor(() => expect(net.bodies('POST /api/persons')).toHaveLength(1));
    expect(net.bodies('POST /api/persons')[0]).toMatchObject({
      birthDate: '2001-03-01',
      birthDatePrecision: 'month',
    });
  });

  test("a wrong value is refused on its field before sending, in the server's words (e-mail, entry before birth)", async () => {
    const net = intakeApi();
    const { user, router } = await renderIntake();
    await user.type(field(/^Vorname\(n\)/), 'Amina');
    await user.type(field(/^Familienname/), 'Haddad');
    fireEvent.change(screen.getByLabelText('Geburtsdatum'), { target: { value: '1990-05-14' } });
    fireEvent.change(screen.getByLabelText('Einreise nach Deutschland'), { target: { value: '1989-01-01' } });
    await user.type(field('E-Mail'), 'amina@');
    await user.click(submit());

    // The messages are the server's own for this body (the same schema, the same German words).
    const server = serverIssues({
      givenNames: 'Amina',
      familyName: 'Haddad',
      gender: 'u',
      birthDate: '1990-05-14',
      entryDate: '1989-01-01',
      email: 'amina@',
    });
    expect(server).toEqual({
      email: 'keine gültige E-Mail-Adresse',
      entryDate: 'Einreise liegt vor der Geburt',
    });
    await waitFor(() => expect(fieldError(field('E-Mail'))).toBe(server.email));
    expect(fieldError(screen.getByLabelText('Einreise nach Deutschland'))).toBe(server.entryDate);
    expect(fieldError(field(/^Vorname\(n\)/))).toBeNull();
    expect(fieldError(screen.getByLabelText('Geburtsdatum'))).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('Bitte prüfen Sie die markierten Felder.');
    expect(router.state.location.pathname).toBe('/personen/neu');
    // Nothing was created (the duplicate check on leaving the name fields stores nothing).
    expect(net.bodies('POST /api/persons')).toEqual([]);

    // Corrected, the same form is sent.
    await user.clear(field('E-Mail'));
    await user.type(field('E-Mail'), 'amina@example.org');
    fireEvent.change(screen.getByLabelText('Einreise nach Deutschland'), { target: { value: '2015-09-01' } });
    await user.click(submit());
    await waitFor(() => expect(net.bodies('POST /api/persons')).toHaveLength(1));
    expect(net.bodies('POST /api/persons')[0]).toMatchObject({
      email: 'amina@example.org',
      entryDate: '2015-09-01',
    });
  });

  test("the server's refusal of a field the form cannot judge is shown on that field", async () => {
    const net = fakeApi({
      'GET /api/auth/me': () => session(['person:create', 'person:read']),
      'GET /api/meta/municipalities': () => [
        { id: ids.municipality, name: 'Herford', ags: '05758012', lat: 52.1, lon: 8.67 },
      ],
      'POST /api/persons/duplicate-check': () => ({ candidates: [] }),
      // E.g. a municipality that left the region meanwhile: only the server knows.
      'POST /api/persons': () =>
        reply(400, {
          error: 'Ungültige Eingabe',
          issues: [{ path: 'familyName', message: 'Name schon vergeben (Testantwort)' }],
        }),
    });
    const { user } = await renderIntake();
    await user.type(field(/^Vorname\(n\)/), 'Amina');
    await user.type(field(/^Familienname/), 'Haddad');
    await user.click(submit());

    await waitFor(() => expect(fieldError(field(/^Familienname/))).toBe('Name schon vergeben (Testantwort)'));
    expect(fieldError(field(/^Vorname\(n\)/))).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('Bitte prüfen Sie die markierten Felder.');
    expect(net.bodies('POST /api/persons')).toHaveLength(1);
  });

  test('a birth year that is no year is refused on the year field, nothing is sent', async () => {
    const net = intakeApi();
    const { user } = await renderIntake();
    await user.type(field(/^Vorname\(n\)/), 'Amina');
    await user.type(field(/^Familienname/), 'Haddad');
    await user.click(screen.getByRole('combobox', { name: 'Geburtsdatum bekannt als' }));
    await user.click(screen.getByRole('option', { name: 'nur Jahr' }));
    await user.type(field('Geburtsjahr'), '85');
    await user.click(submit());

    await waitFor(() => expect(fieldError(field('Geburtsjahr'))).toBe('kein gültiges Datum (JJJJ-MM-TT)'));
    expect(net.bodies('POST /api/persons')).toEqual([]);
  });

  test('a possible duplicate stops the creation until "Trotzdem neu anlegen"', async () => {
    const net = intakeApi({ duplicates: [candidate] });
    const { user, router } = await renderIntake();
    await user.type(field(/^Vorname\(n\)/), 'Amina');
    await user.type(field(/^Familienname/), 'Haddad');
    await user.click(submit());

    await screen.findByText('Mögliche Dublette: 1 ähnliche Person gefunden');
    expect(screen.getByText('Amina Hadad')).toBeTruthy();
    expect(net.bodies('POST /api/persons')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Trotzdem neu anlegen' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/personen/${ids.person}/aufnahme`));
    expect(net.bodies('POST /api/persons')).toHaveLength(1);
  });

  test("a conflict (the same request still in progress) shows the server's text and keeps the input", async () => {
    fakeApi({
      'GET /api/auth/me': () => session(['person:create']),
      'GET /api/meta/municipalities': () => [],
      'POST /api/persons/duplicate-check': () => ({ candidates: [] }),
      'POST /api/persons': () =>
        reply(409, {
          error: 'Die gleiche Anfrage wird gerade noch bearbeitet.',
          code: 'idempotency_in_progress',
        }),
    });
    const { user } = await renderIntake();
    await user.type(field(/^Vorname\(n\)/), 'Amina');
    await user.type(field(/^Familienname/), 'Haddad');
    await user.click(submit());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Die gleiche Anfrage wird gerade noch bearbeitet.');
    expect((field(/^Vorname\(n\)/) as HTMLInputElement).value).toBe('Amina');
  });
});
