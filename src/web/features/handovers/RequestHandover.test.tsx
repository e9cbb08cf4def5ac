// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, test } from 'vitest';
import { handoverOut, handoverRequestBody } from '../../../server/modules/handovers/schema';
import { useSession } from '../../auth/session';
import { type ApiCall, fakeApi, refusal, reply, session } from '../../test/fake-api';
import { ids, person } from '../../test/fixtures';
import { fieldError, renderApp } from '../../test/render';
import { RequestHandoverModal } from './RequestHandover';

const SEND = 'POST /api/persons/:id/handovers';

const created = handoverOut.parse({
  id: '0191d2a0-0000-7000-8000-0000000000e9',
  kind: 'case',
  state: 'requested',
  reason: 'Umzug nach Herford',
  decisionReason: null,
  keepAdvisor: false,
  record: {},
  version: 1,
  createdAt: '2026-12-04T10:00:00.000Z',
  updatedAt: '2026-12-04T10:00:00.000Z',
  person: { id: ids.person, name: 'Amina Haddad' },
  fromAgency: 'Integration Point',
  toAgency: 'Jobcenter Herford',
  fromUser: null,
  toUser: null,
});

/** The handover API: the body judged by the server's own schema, else the new handover. */
function handoverApi(
  send: (c: ApiCall) => unknown = (c) => refusal(handoverRequestBody, c.body) ?? reply(201, created),
) {
  return fakeApi({
    'GET /api/auth/me': () => session(['person:read', 'handover:manage']),
    'GET /api/meta/agencies': () => [
      { id: ids.agencyJobcenter, kind: 'jobcenter', name: 'Jobcenter Herford' },
      { id: ids.agencyIp, kind: 'landkreis', name: 'Integration Point' },
    ],
    'GET /api/meta/staff': () => [],
    [SEND]: send,
  });
}

/** As in the app, the form opens only for a logged-in user (it offers agencies other than the user's). */
function WhenLoggedIn({ children }: { children: ReactNode }) {
  return useSession().user ? children : null;
}

async function openForm() {
  const view = renderApp(
    <WhenLoggedIn>
      <RequestHandoverModal p={person()} opened onClose={() => {}} onDone={() => {}} />
    </WhenLoggedIn>,
  );
  const form = within(await screen.findByTestId('handover-form'));
  return { ...view, form };
}
const receiver = (f: ReturnType<typeof within>) => f.getByRole('combobox', { name: /^Empfangende Stelle/ });
const reason = (f: ReturnType<typeof within>) => f.getByRole('textbox', { name: /^Grund/ });
const send = (f: ReturnType<typeof within>) => f.getByRole('button', { name: 'Übergabe anfragen' });

describe('Handover request (Fall übergeben oder weiterleiten)', () => {
  test("without receiver and reason nothing is sent; both are named in the server's words", async () => {
    const net = handoverApi();
    const { user, form } = await openForm();
    await user.click(send(form));

    const server = handoverRequestBody.safeParse({ kind: 'case', reason: '' });
    const words = Object.fromEntries((server.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(words).toEqual({ toAgencyId: 'Pflichtangabe fehlt', reason: 'Bitte einen Grund angeben' });
    await waitFor(() => expect(fieldError(receiver(form))).toBe(words.toAgencyId));
    expect(fieldError(reason(form))).toBe(words.reason);
    expect(net.bodies(SEND)).toEqual([]);
  });

  test('sends exactly the request: receiver and reason, no advisor and no keepAdvisor left alone', async () => {
    const net = handoverApi();
    const { user, form } = await openForm();
    await user.click(receiver(form));
    await user.click(await screen.findByRole('option', { name: 'Jobcenter Herford' }));
    await user.type(reason(form), 'Umzug nach Herford');
    await user.click(send(form));

    await waitFor(() => expect(net.bodies(SEND)).toHaveLength(1));
    expect(net.bodies(SEND)[0]).toEqual({
      kind: 'case',
      toAgencyId: ids.agencyJobcenter,
      reason: 'Umzug nach Herford',
    });
  });

  test("the server's refusal of the receiver is shown on that field", async () => {
    handoverApi(() =>
      reply(400, {
        error: 'Diese Stelle kann den Fall nicht übernehmen',
        issues: [{ path: 'toAgencyId', message: 'Jobcenter kann keinen Fall übernehmen (Testantwort)' }],
      }),
    );
    const { user, form } = await openForm();
    await user.click(receiver(form));
    await user.click(await screen.findByRole('option', { name: 'Jobcenter Herford' }));
    await user.type(reason(form), 'Umzug nach Herford');
    await user.click(send(form));

    await waitFor(() =>
      expect(fieldError(receiver(form))).toBe('Jobcenter kann keinen Fall übernehmen (Testantwort)'),
    );
    expect(fieldError(reason(form))).toBeNull();
  });
});
