// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { personUpdate } from '../../../../server/modules/persons/schema';
import { type ApiCall, fakeApi, refusal, reply, session } from '../../../test/fake-api';
import { ids, person } from '../../../test/fixtures';
import { fieldError, renderApp } from '../../../test/render';
import { CorrectionDialog } from './CorrectionDialog';

const PATCH = 'PATCH /api/persons/:id';

/** The PATCH judged by the server's own schema (400 with its German issues), else the updated person. */
function correctionApi(patch: (c: ApiCall) => unknown = (c) => refusal(personUpdate, c.body) ?? person()) {
  return fakeApi({
    'GET /api/auth/me': () => session(['person:read', 'person:update']),
    [PATCH]: patch,
  });
}

async function openDialog() {
  const view = renderApp(<CorrectionDialog p={person()} opened onClose={() => {}} />);
  const dialog = within(await screen.findByTestId('correction-dialog'));
  return { ...view, dialog };
}
const save = (d: ReturnType<typeof within>) => d.getByRole('button', { name: 'Änderungen speichern' });

describe('Correction of master data (Stammdaten korrigieren)', () => {
  test("a wrong value is refused on its field before sending, in the server's words", async () => {
    const net = correctionApi();
    const { user, dialog } = await openDialog();
    const azr = dialog.getByRole('textbox', { name: 'AZR-Nummer' });
    await user.type(azr, '12ab');
    await user.type(dialog.getByRole('textbox', { name: /^Grund der Änderung/ }), 'Tippfehler');
    await user.click(save(dialog));

    const server = personUpdate.safeParse({ version: 3, azrNumber: '12ab', reason: 'Tippfehler' });
    expect(server.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['azrNumber', 'AZR-Nummer: 6–16 Ziffern'],
    ]);
    await waitFor(() => expect(fieldError(azr)).toBe('AZR-Nummer: 6–16 Ziffern'));
    expect(fieldError(dialog.getByRole('textbox', { name: 'E-Mail' }))).toBeNull();
    expect(net.bodies(PATCH)).toEqual([]);
  });

  test('a field left alone is not sent: only what changed, with the version', async () => {
    const net = correctionApi();
    const { user, dialog } = await openDialog();
    await user.type(dialog.getByRole('textbox', { name: 'E-Mail' }), ' amina@example.org ');
    await user.click(save(dialog));

    await waitFor(() => expect(net.bodies(PATCH)).toHaveLength(1));
    expect(net.bodies(PATCH)).toEqual([{ email: 'amina@example.org', version: 3 }]);
    expect(net.calls.find((c) => c.method === 'PATCH')?.params.id).toBe(ids.person);
  });

  test('an identity correction is sent with its reason', async () => {
    const net = correctionApi();
    const { user, dialog } = await openDialog();
    const given = dialog.getByRole('textbox', { name: /^Vorname\(n\)/ });
    await user.clear(given);
    await user.type(given, 'Aminah');
    await user.type(dialog.getByRole('textbox', { name: /^Grund der Änderung/ }), 'Schreibweise laut Pass');
    await user.click(save(dialog));

    await waitFor(() => expect(net.bodies(PATCH)).toHaveLength(1));
    expect(net.bodies(PATCH)[0]).toEqual({
      givenNames: 'Aminah',
      reason: 'Schreibweise laut Pass',
      version: 3,
    });
  });

  test("the server's refusal (identity change without a reason) is shown on the reason field", async () => {
    const message =
      'Für Name, Geburtsdatum, Staatsangehörigkeit, Geschlecht und AZR-Nummer ist ein Änderungsgrund nötig';
    const net = correctionApi(() =>
      reply(400, {
        error: 'Bitte den Grund der Änderung angeben',
        issues: [{ path: 'reason', message }],
      }),
    );
    const { user, dialog } = await openDialog();
    const family = dialog.getByRole('textbox', { name: /^Familienname/ });
    await user.clear(family);
    await user.type(family, 'Hadad');
    await user.click(save(dialog));

    const reason = dialog.getByRole('textbox', { name: /^Grund der Änderung/ });
    await waitFor(() => expect(fieldError(reason)).toBe(message));
    expect(fieldError(family)).toBeNull();
    expect(dialog.getByRole('alert').textContent).toContain('Die Änderung wurde nicht gespeichert');
    expect(net.bodies(PATCH)).toEqual([{ familyName: 'Hadad', version: 3 }]);
  });
});
