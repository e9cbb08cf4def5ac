// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import {
  type RechtskreisChange,
  type ResidenceStatusBody,
  residenceStatusBody,
  residenceStatusOut,
} from '../../../../server/modules/residence/schema';
import type { ResidenceAnswer } from '../../../api/casefile';
import { type ApiCall, fakeApi, refusal, reply, session } from '../../../test/fake-api';
import { ids, person } from '../../../test/fixtures';
import { fieldError, renderApp } from '../../../test/render';
import { todayIso } from './common';
import { ResidenceSection } from './ResidenceSection';

const ROUTE = `POST /api/persons/:id/residence-status`;

/** The answer of POST …/residence-status (the server's schema): the person with the new status first. */
function answer(body: ResidenceStatusBody, change: RechtskreisChange): ResidenceAnswer {
  return residenceStatusOut.parse({
    ...person({ version: 4, rechtskreis: change ? change.to : 'asylblg' }),
    residence: {
      azrNumber: null,
      entryDate: null,
      wohnsitzauflage: null,
      history: [
        {
          id: '0191d2a0-0000-7000-8000-0000000000f9',
          kind: body.kind,
          paragraph: body.paragraph ?? null,
          since: body.since,
          until: body.until ?? null,
          document: body.document ?? null,
          workAnnotation: body.workAnnotation ?? null,
          asylumApplicationDate: body.asylumApplicationDate ?? null,
          asylumDecision: body.asylumDecision ?? null,
          livesInReceptionCentre: body.livesInReceptionCentre ?? null,
          recordedAt: '2026-12-04T10:00:00.000Z',
        },
      ],
    },
    rechtskreisChange: change,
  });
}

/** The body judged by the server's own schema (400 with its German issues), else answered with `change`. */
const saving = (change: RechtskreisChange) => (c: ApiCall) =>
  refusal(residenceStatusBody, c.body) ?? reply(201, answer(residenceStatusBody.parse(c.body), change));

function residenceApi(post: (c: ApiCall) => unknown) {
  return fakeApi({
    'GET /api/auth/me': () => session(['person:read', 'person:update']),
    [ROUTE]: post,
  });
}

/** The server's 400 issues for a body, by field (what `plugins/error-handler.ts` would answer). */
function serverIssues(body: unknown): Record<string, string> {
  const r = residenceStatusBody.safeParse(body);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

async function openForm() {
  const view = renderApp(<ResidenceSection p={person()} />);
  await view.user.click(await screen.findByRole('button', { name: 'Neuer Status' }));
  const form = await screen.findByTestId('status-form');
  return { ...view, form: within(form) };
}
const kindField = (f: ReturnType<typeof within>) => f.getByRole('combobox', { name: /^Status/ });

describe('Residence status (new status into the history)', () => {
  test('who leads the case after a switch is asked, not preset: without a choice nothing is sent', async () => {
    const net = residenceApi(() => reply(500, {}));
    const { user, form } = await openForm();
    expect(kindField(form)).toHaveProperty('required', true);
    expect(form.getByLabelText(/^Gültig ab/)).toHaveProperty('required', true);
    expect((form.getByLabelText(/^Gültig ab/) as HTMLInputElement).value).toBe(todayIso());
    expect(form.getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);

    await user.click(form.getByRole('button', { name: 'Status speichern' }));
    const group = form.getByRole('radiogroup');
    expect(fieldError(group)).toBe('Bitte eine Auswahl treffen');
    expect(net.bodies(ROUTE)).toEqual([]);

    await user.click(form.getByRole('radio', { name: 'Das Jobcenter bestimmt die Fachkraft' }));
    expect(fieldError(group)).toBeNull();
  });

  test('the kind decides the further questions (Gestattung: Dublin; Duldung: obstacle, identity)', async () => {
    residenceApi(() => reply(500, {}));
    const { user, form } = await openForm();
    const asked = () =>
      [
        'Wohnpflicht in Aufnahmeeinrichtung',
        'Dublin-Fall',
        'Selbst zu vertretendes',
        'Identität ungeklärt',
      ].filter((l) => form.queryByRole('combobox', { name: new RegExp(`^${l}`) }) !== null);
    expect(asked()).toEqual([]);
    await user.click(kindField(form));
    await user.click(form.getByRole('option', { name: 'Aufenthaltsgestattung' }));
    expect(asked()).toEqual(['Wohnpflicht in Aufnahmeeinrichtung', 'Dublin-Fall']);
    await user.click(kindField(form));
    await user.click(form.getByRole('option', { name: 'Duldung' }));
    expect(asked()).toEqual([
      'Wohnpflicht in Aufnahmeeinrichtung',
      'Selbst zu vertretendes',
      'Identität ungeklärt',
    ]);
    await user.click(kindField(form));
    await user.click(form.getByRole('option', { name: 'Aufenthaltserlaubnis' }));
    expect(asked()).toEqual([]);
    // An asylum application asks for the reception centre whatever the kind.
    fireEvent.change(form.getByLabelText('Asylantrag gestellt am'), { target: { value: '2024-02-01' } });
    expect(asked()).toEqual(['Wohnpflicht in Aufnahmeeinrichtung']);
  });

  test('sends exactly what was entered; a switch into SGB II is announced with the handover', async () => {
    const net = residenceApi(saving({ from: 'asylblg', to: 'sgb2', handoverId: ids.person }));
    const { user, form } = await openForm();
    await user.click(kindField(form));
    await user.click(form.getByRole('option', { name: 'Aufenthaltserlaubnis' }));
    await user.type(form.getByRole('textbox', { name: /^Paragraph/ }), ' 25(2) ');
    fireEvent.change(form.getByLabelText('Gültig bis'), { target: { value: '2029-06-30' } });
    await user.click(
      form.getByRole('radio', { name: 'Die bisherige Fachkraft behält den Fall (Herforder Modell)' }),
    );
    await user.click(form.getByRole('button', { name: 'Status speichern' }));

    const notice = await screen.findByTestId('rechtskreis-notice');
    expect(net.bodies(ROUTE)).toEqual([
      {
        kind: 'aufenthaltserlaubnis',
        paragraph: '25(2)',
        since: todayIso(),
        until: '2029-06-30',
        keepAdvisor: true,
      },
    ]);
    expect(net.calls[net.calls.length - 1].params.id).toBe(ids.person);
    expect(notice.textContent).toContain('Mit dem neuen Status wechselt die Person von AsylbLG nach SGB II.');
    expect(within(notice).getByRole('link', { name: 'Zu den Übergaben' }).getAttribute('href')).toBe(
      '/uebergaben?box=outbox',
    );
    expect(screen.queryByTestId('status-form')).toBeNull();
  });

  test("wrong values are refused on their fields before sending, in the server's words (kind missing, paragraph, until before since)", async () => {
    const net = residenceApi(saving(null));
    const { user, form } = await openForm();
    const paragraph = form.getByRole('textbox', { name: /^Paragraph/ });
    await user.type(paragraph, '25 Abs. 2');
    await user.click(form.getByRole('radio', { name: 'Das Jobcenter bestimmt die Fachkraft' }));
    await user.click(form.getByRole('button', { name: 'Status speichern' }));

    // The server's words (its zod schema, German messages): a missing choice of a list asks to choose.
    const server = serverIssues({ paragraph: '25 Abs. 2', since: todayIso(), keepAdvisor: false });
    expect(server).toEqual({ kind: 'Bitte auswählen', paragraph: 'Paragraph wie "25(2)", "24" oder "60a"' });
    await waitFor(() => expect(fieldError(kindField(form))).toBe(server.kind));
    expect(fieldError(paragraph)).toBe(server.paragraph);
    expect(fieldError(form.getByLabelText(/^Gültig ab/))).toBeNull();
    expect(net.bodies(ROUTE)).toEqual([]);

    // Kind and paragraph right, the end before the start: said on "Gültig bis" alone.
    await user.click(kindField(form));
    await user.click(form.getByRole('option', { name: 'Duldung' }));
    await user.clear(paragraph);
    await user.type(paragraph, '60a');
    fireEvent.change(form.getByLabelText('Gültig bis'), { target: { value: '2020-01-01' } });
    await user.click(form.getByRole('button', { name: 'Status speichern' }));
    await waitFor(() => expect(fieldError(form.getByLabelText('Gültig bis'))).toBe('liegt vor dem Beginn'));
    expect(fieldError(kindField(form))).toBeNull();
    expect(fieldError(paragraph)).toBeNull();
    expect(net.bodies(ROUTE)).toEqual([]);

    // Corrected: sent once, exactly the request.
    fireEvent.change(form.getByLabelText('Gültig bis'), { target: { value: '' } });
    await user.click(form.getByRole('button', { name: 'Status speichern' }));
    await waitFor(() => expect(net.bodies(ROUTE)).toHaveLength(1));
    expect(net.bodies(ROUTE)[0]).toEqual({
      kind: 'duldung',
      paragraph: '60a',
      since: todayIso(),
      keepAdvisor: false,
    });
  });

  test("the server's refusal of a field is shown on that field, with the server's text", async () => {
    const net = residenceApi(() =>
      reply(400, {
        error: 'Ungültige Eingabe',
        issues: [{ path: 'document', message: 'Dokument unbekannt (Testantwort)' }],
      }),
    );
    const { user, form } = await openForm();
    await user.click(kindField(form));
    await user.click(form.getByRole('option', { name: 'Duldung' }));
    await user.type(form.getByRole('textbox', { name: /^Dokument/ }), 'X');
    await user.click(form.getByRole('radio', { name: 'Das Jobcenter bestimmt die Fachkraft' }));
    await user.click(form.getByRole('button', { name: 'Status speichern' }));

    await waitFor(() =>
      expect(fieldError(form.getByRole('textbox', { name: /^Dokument/ }))).toBe(
        'Dokument unbekannt (Testantwort)',
      ),
    );
    expect(fieldError(kindField(form))).toBeNull();
    expect(form.getByRole('alert').textContent).toContain('Das hat nicht geklappt');
    expect(net.bodies(ROUTE)).toHaveLength(1);
  });

  test("a conflict says the record changed meanwhile, with the server's text, and keeps the form open", async () => {
    residenceApi(() =>
      reply(409, {
        error: 'Die Person wurde inzwischen geändert. Bitte neu laden.',
        code: 'version_conflict',
      }),
    );
    const { user, form } = await openForm();
    await user.click(kindField(form));
    await user.click(form.getByRole('option', { name: 'Duldung' }));
    await user.click(form.getByRole('radio', { name: 'Das Jobcenter bestimmt die Fachkraft' }));
    await user.click(form.getByRole('button', { name: 'Status speichern' }));
    const alert = await form.findByRole('alert');
    expect(alert.textContent).toContain('Inzwischen geändert');
    expect(alert.textContent).toContain('Die Person wurde inzwischen geändert. Bitte neu laden.');
    expect(screen.getByTestId('status-form')).toBeTruthy();
  });
});
