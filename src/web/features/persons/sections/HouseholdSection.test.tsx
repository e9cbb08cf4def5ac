// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { householdMemberBody } from '../../../../server/modules/household/schema';
import { type ApiCall, fakeApi, refusal, reply, session } from '../../../test/fake-api';
import { person } from '../../../test/fixtures';
import { fieldError, renderApp } from '../../../test/render';
import { HouseholdSection } from './HouseholdSection';

const ADD = 'POST /api/persons/:id/household';

/** The household API: the body judged by the server's own schema, the answer the person. */
function householdApi(
  add: (c: ApiCall) => unknown = (c) =>
    refusal(householdMemberBody, c.body) ?? reply(201, person({ household: [] })),
) {
  return fakeApi({
    'GET /api/auth/me': () => session(['person:read', 'person:update']),
    [ADD]: add,
  });
}

async function renderSection() {
  const view = renderApp(<HouseholdSection p={person({ household: [] })} />);
  const form = within(await screen.findByRole('form', { name: 'Person zum Haushalt hinzufügen' }));
  return { ...view, form };
}
const add = (f: ReturnType<typeof within>) => f.getByRole('button', { name: 'Hinzufügen' });

describe('Household (members, childcare)', () => {
  test("a member without a given name is refused on the field before sending, in the server's words", async () => {
    const net = householdApi();
    const { user, form } = await renderSection();
    await user.click(add(form));

    const server = householdMemberBody.safeParse({ relation: 'child', givenNames: '' });
    expect(server.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['givenNames', 'darf nicht leer sein'],
    ]);
    await waitFor(() =>
      expect(fieldError(form.getByRole('textbox', { name: /^Vorname\(n\)/ }))).toBe('darf nicht leer sein'),
    );
    expect(net.bodies(ADD)).toEqual([]);
  });

  test('sends what was entered; the childcare need left alone is not sent (the server decides by age)', async () => {
    const net = householdApi();
    const { user, form } = await renderSection();
    await user.type(form.getByRole('textbox', { name: /^Vorname\(n\)/ }), 'Lina');
    fireEvent.change(form.getByLabelText('Geburtsdatum'), { target: { value: '2022-03-01' } });
    await user.click(add(form));
    await waitFor(() => expect(net.bodies(ADD)).toHaveLength(1));
    expect(net.bodies(ADD)[0]).toEqual({ relation: 'child', givenNames: 'Lina', birthDate: '2022-03-01' });

    // Ticked and unticked again: an answer now, sent as no.
    await user.type(form.getByRole('textbox', { name: /^Vorname\(n\)/ }), 'Omar');
    await user.click(form.getByRole('checkbox', { name: /^Kinderbetreuung nötig/ }));
    await user.click(form.getByRole('checkbox', { name: /^Kinderbetreuung nötig/ }));
    await user.click(add(form));
    await waitFor(() => expect(net.bodies(ADD)).toHaveLength(2));
    expect(net.bodies(ADD)[1]).toEqual({ relation: 'child', givenNames: 'Omar', needsChildcare: false });
  });

  test("the server's refusal is shown on its field", async () => {
    householdApi(() =>
      reply(400, {
        error: 'Ungültige Eingabe',
        issues: [{ path: 'birthDate', message: 'Datum liegt in der Zukunft' }],
      }),
    );
    const { user, form } = await renderSection();
    await user.type(form.getByRole('textbox', { name: /^Vorname\(n\)/ }), 'Lina');
    await user.click(add(form));
    await waitFor(() =>
      expect(fieldError(form.getByLabelText('Geburtsdatum'))).toBe('Datum liegt in der Zukunft'),
    );
    expect(fieldError(form.getByRole('textbox', { name: /^Vorname\(n\)/ }))).toBeNull();
  });
});
