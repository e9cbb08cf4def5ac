// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { consentCreate, consentWithdraw } from '../../../../server/modules/consents/schema';
import { type ApiCall, fakeApi, refusal, reply, session } from '../../../test/fake-api';
import { consent, ids, person } from '../../../test/fixtures';
import { fieldError, renderApp } from '../../../test/render';
import { ConsentSection } from './ConsentSection';
import { todayIso } from './common';

const CREATE = 'POST /api/persons/:id/consents';
const WITHDRAW = 'POST /api/persons/:id/consents/:consentId/withdraw';
const agencies = [
  { id: ids.agencyJobcenter, kind: 'jobcenter', name: 'Jobcenter Herford' },
  { id: ids.agencyIp, kind: 'landkreis', name: 'Integration Point' },
];

/** The consent API: the create body judged by the server's own schema, the answer the new list. */
function consentApi(over: Record<string, (c: ApiCall) => unknown> = {}) {
  const existing = consent();
  return fakeApi({
    'GET /api/auth/me': () => session(['person:read', 'consent:manage']),
    'GET /api/meta/agencies': () => agencies,
    'GET /api/persons/:id/consents': () => [existing],
    [CREATE]: (c) => {
      const refused = refusal(consentCreate, c.body);
      if (refused) return refused;
      const b = consentCreate.parse(c.body);
      const created = consent({
        id: '0191d2a0-0000-7000-8000-0000000000d2',
        purpose: b.purpose,
        recipientAgency: agencies.find((a) => a.id === b.recipientAgencyId) ?? agencies[0],
        dataCategories: b.dataCategories,
        givenOn: b.givenOn,
        formLanguage: b.formLanguage,
        scanRef: b.scanRef ?? null,
      });
      return reply(201, [created, existing]);
    },
    ...over,
  });
}

async function openForm() {
  const view = renderApp(<ConsentSection p={person()} />);
  await screen.findByTestId('consent-table');
  await view.user.click(screen.getByRole('button', { name: 'Einwilligung erfassen' }));
  const form = within(await screen.findByTestId('consent-form'));
  return { ...view, form };
}
const checkbox = (f: ReturnType<typeof within>, name: string) => f.getByRole('checkbox', { name });

describe('Consent (purpose, recipient, data categories)', () => {
  test("required: purpose and recipient are named on their fields in the server's words before sending; one category at least", async () => {
    const net = consentApi();
    const { user, form } = await openForm();
    for (const name of [/^Zweck/, /^Empfangende Stelle/])
      expect(form.getByRole('combobox', { name })).toHaveProperty('required', true);
    // The identity is preset; taking it away leaves no category.
    expect((checkbox(form, 'Identität') as HTMLInputElement).checked).toBe(true);
    await user.click(checkbox(form, 'Identität'));
    await user.click(form.getByRole('button', { name: 'Einwilligung speichern' }));

    // The server's words (its zod schema, German messages): a missing choice of a list asks to choose.
    await waitFor(() =>
      expect(fieldError(form.getByRole('combobox', { name: /^Zweck/ }))).toBe('Bitte auswählen'),
    );
    expect(fieldError(form.getByRole('combobox', { name: /^Empfangende Stelle/ }))).toBe(
      'Pflichtangabe fehlt',
    );
    expect(fieldError(form.getByRole('group', { name: /^Datenbereiche/ }))).toBe(
      'mindestens eine Datenkategorie',
    );
    expect(fieldError(form.getByLabelText(/^Erteilt am/))).toBeNull();
    // The same words the server gives for this body; nothing was sent.
    const r = consentCreate.safeParse({ dataCategories: [], givenOn: todayIso(), formLanguage: 'de' });
    expect(Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))).toEqual({
      purpose: 'Bitte auswählen',
      recipientAgencyId: 'Pflichtangabe fehlt',
      dataCategories: 'mindestens eine Datenkategorie',
    });
    expect(net.bodies(CREATE)).toEqual([]);
  });

  test("the server's refusal of a field is shown on that field", async () => {
    const net = consentApi({
      [CREATE]: () =>
        reply(400, {
          error: 'Ungültige Eingabe',
          issues: [
            { path: 'recipientAgencyId', message: 'Diese Stelle gehört nicht zur Region (Testantwort)' },
          ],
        }),
    });
    const { user, form } = await openForm();
    await user.click(form.getByRole('combobox', { name: /^Zweck/ }));
    await user.click(form.getByRole('option', { name: 'Sprachkurs' }));
    await user.click(form.getByRole('combobox', { name: /^Empfangende Stelle/ }));
    await user.click(form.getByRole('option', { name: 'Jobcenter Herford' }));
    await user.click(form.getByRole('button', { name: 'Einwilligung speichern' }));
    await waitFor(() =>
      expect(fieldError(form.getByRole('combobox', { name: /^Empfangende Stelle/ }))).toBe(
        'Diese Stelle gehört nicht zur Region (Testantwort)',
      ),
    );
    expect(fieldError(form.getByRole('combobox', { name: /^Zweck/ }))).toBeNull();
    expect(net.bodies(CREATE)).toHaveLength(1);
    expect(screen.getByTestId('consent-form')).toBeTruthy();
  });

  test('the recipients are the agencies the server lists, by name', async () => {
    consentApi();
    const { user, form } = await openForm();
    await user.click(form.getByRole('combobox', { name: /^Empfangende Stelle/ }));
    expect(form.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Jobcenter Herford',
      'Integration Point',
    ]);
  });

  test('sends exactly what was entered and shows the new list', async () => {
    const net = consentApi();
    const { user, form } = await openForm();
    await user.click(form.getByRole('combobox', { name: /^Zweck/ }));
    await user.click(form.getByRole('option', { name: 'Sprachkurs' }));
    await user.click(form.getByRole('combobox', { name: /^Empfangende Stelle/ }));
    await user.click(form.getByRole('option', { name: 'Integration Point' }));
    await user.click(checkbox(form, 'Sprachen'));
    await user.click(checkbox(form, 'Gesundheit'));
    await user.click(form.getByRole('button', { name: 'Einwilligung speichern' }));

    await waitFor(() => expect(screen.queryByTestId('consent-form')).toBeNull());
    expect(net.bodies(CREATE)).toEqual([
      {
        purpose: 'sprachkurs',
        recipientAgencyId: ids.agencyIp,
        dataCategories: ['identity', 'language', 'health'],
        givenOn: todayIso(),
        formLanguage: 'de',
      },
    ]);
    const rows = within(screen.getByTestId('consent-table')).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1].textContent).toContain('Sprachkurs');
    expect(rows[1].textContent).toContain('Identität, Sprachen, Gesundheit');
  });

  test('a consent dated in the future is refused on "Erteilt am", nothing is sent', async () => {
    const net = consentApi();
    const { user, form } = await openForm();
    await user.click(form.getByRole('combobox', { name: /^Zweck/ }));
    await user.click(form.getByRole('option', { name: 'Sprachkurs' }));
    await user.click(form.getByRole('combobox', { name: /^Empfangende Stelle/ }));
    await user.click(form.getByRole('option', { name: 'Jobcenter Herford' }));
    const givenOn = form.getByLabelText(/^Erteilt am/);
    await user.clear(givenOn);
    await user.type(givenOn, '2099-01-01');
    await user.click(form.getByRole('button', { name: 'Einwilligung speichern' }));
    await waitFor(() => expect(fieldError(givenOn)).toBe('Datum liegt in der Zukunft'));
    expect(fieldError(form.getByRole('combobox', { name: /^Zweck/ }))).toBeNull();
    expect(net.bodies(CREATE)).toEqual([]);
  });

  test('withdrawal: the day is sent; a day before the consent is refused on the field', async () => {
    const net = consentApi({
      [WITHDRAW]: (c) =>
        refusal(consentWithdraw, c.body) ??
        reply(400, {
          error: 'Widerruf vor Erteilung',
          code: 'bad_request',
          issues: [{ path: 'withdrawnOn', message: 'liegt vor dem Tag der Einwilligung' }],
        }),
    });
    const { user } = renderApp(<ConsentSection p={person()} />);
    await user.click(
      await screen.findByRole('button', { name: 'Einwilligung für Jobcenter Herford widerrufen' }),
    );
    const day = screen.getByLabelText('Widerrufen am');
    expect((day as HTMLInputElement).value).toBe(todayIso());
    await user.clear(day);
    await user.type(day, '2026-01-01');
    await user.click(screen.getByRole('button', { name: 'Widerrufen' }));
    await waitFor(() => expect(fieldError(day)).toBe('liegt vor dem Tag der Einwilligung'));
    expect(net.bodies(WITHDRAW)).toEqual([{ withdrawnOn: '2026-01-01' }]);
    expect(net.calls.find((c) => c.path.endsWith('/withdraw'))?.params.consentId).toBe(consent().id);
  });

  test('withdrawing a consent withdrawn meanwhile shows the conflict', async () => {
    consentApi({
      [WITHDRAW]: () =>
        reply(409, { error: 'Die Einwilligung wurde schon am 12.03.2026 widerrufen.', code: 'conflict' }),
    });
    const { user } = renderApp(<ConsentSection p={person()} />);
    await user.click(
      await screen.findByRole('button', { name: 'Einwilligung für Jobcenter Herford widerrufen' }),
    );
    await user.click(screen.getByRole('button', { name: 'Widerrufen' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Inzwischen geändert');
    expect(alert.textContent).toContain('Die Einwilligung wurde schon am 12.03.2026 widerrufen.');
  });
});
