// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { targetCreate, targetUpdate } from '../../../server/modules/statistics/steering-schema';
import { type ApiCall, fakeApi, refusal, reply, session } from '../../test/fake-api';
import { ids } from '../../test/fixtures';
import { fieldError, renderApp } from '../../test/render';
import { SteeringPage } from './SteeringPage';
import { dashboard, plainTarget, targetId } from './test-fixtures';

// ECharts draws with layout jsdom does not have; the figures are pictures of numbers the tables also hold.
vi.mock('../charts/BarChart', () => ({ default: () => null }));

/**
 * The steering API: the dashboard, and targets judged by the server's own schemas plus its two checks
 * (a share above 1, a baseline not before the deadline) with the server's German messages.
 */
function steeringApi(routes: Parameters<typeof fakeApi>[0] = {}) {
  const check = (b: { indicatorId?: string; targetValue?: number }) =>
    b.indicatorId?.endsWith('_share') && (b.targetValue ?? 0) > 1
      ? reply(400, {
          error: 'Ein Anteil liegt zwischen 0 und 1 (0 % bis 100 %).',
          code: 'bad_request',
          issues: [{ path: 'targetValue', message: 'Ein Anteil liegt zwischen 0 und 1 (0 % bis 100 %)' }],
        })
      : null;
  return fakeApi({
    'GET /api/auth/me': () => session(['reports:dashboard', 'reports:drilldown', 'reports:manage']),
    'GET /api/meta/municipalities': () => [
      { id: ids.municipality, name: 'Herford', ags: '05758012', lat: 52.1, lon: 8.67 },
    ],
    'GET /api/statistics/dashboard': () => dashboard(),
    'POST /api/statistics/targets': (c: ApiCall) =>
      refusal(targetCreate, c.body) ??
      check(c.body as never) ??
      reply(201, plainTarget({ ...(c.body as object), id: '0191d2a0-0000-7000-8000-0000000000f2' })),
    'PATCH /api/statistics/targets/:id': (c: ApiCall) =>
      refusal(targetUpdate, c.body) ??
      check({ indicatorId: 'in_work_share', ...(c.body as object) }) ??
      plainTarget({ ...(c.body as object), version: 4 }),
    'DELETE /api/statistics/targets/:id': () => ({ deleted: true }),
    ...routes,
  });
}

async function renderPage() {
  const view = renderApp(<SteeringPage />, { path: '/steuerung', route: '/steuerung' });
  await screen.findByTestId('indicator-table');
  return view;
}
const dashboardCalls = (net: ReturnType<typeof fakeApi>) =>
  net.calls.filter((c) => c.path === '/api/statistics/dashboard');

describe('Steering dashboard: filter by nationality', () => {
  test('a nationality is chosen by its German name and sent as the filter; no codes on the screen', async () => {
    const net = steeringApi();
    const { user } = await renderPage();
    const select = screen.getByRole('combobox', { name: 'Staatsangehörigkeit' });
    await user.click(select);
    await user.type(select, 'syr');
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['Syrien']);
    await user.click(screen.getByRole('option', { name: 'Syrien' }));

    await waitFor(() => expect(dashboardCalls(net).at(-1)?.query.get('nationality')).toBe('SY'));
    expect(dashboardCalls(net)[0].query.get('nationality')).toBeNull();
    expect(dashboardCalls(net).at(-1)?.query.get('asOf')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(select).toHaveProperty('value', 'Syrien');

    // The other choices are names as well, "staatenlos" and "ungeklärt" among them.
    await user.clear(select);
    await user.type(select, 'staat');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toContain('staatenlos');
    expect(net.unhandled).toEqual([]);
  });
});

describe('Steering dashboard: targets', () => {
  test('a new target: the share typed in percent is sent as 0..1, then the dashboard is read anew', async () => {
    const net = steeringApi();
    const { user } = await renderPage();
    await user.click(screen.getByRole('button', { name: 'Ziel anlegen' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Ziel anlegen' }));
    await user.type(dialog.getByRole('textbox', { name: /^Bezeichnung/ }), 'Mehr in Arbeit');
    const value = dialog.getByRole('textbox', { name: /^Zielwert in Prozent/ });
    await user.clear(value);
    await user.type(value, '55,5');
    fireEvent.change(dialog.getByLabelText(/^Frist/), { target: { value: '2027-12-31' } });
    const before = dashboardCalls(net).length;
    await user.click(dialog.getByRole('button', { name: 'Speichern' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(net.bodies('POST /api/statistics/targets')).toEqual([
      {
        indicatorId: 'in_work_share',
        label: 'Mehr in Arbeit',
        targetValue: 0.555,
        direction: 'at_least',
        deadline: '2027-12-31',
        baselineOn: null,
      },
    ]);
    expect(dashboardCalls(net).length).toBeGreaterThan(before);
  });

  test('a change sends only the fields changed, with the version; the form shows the share in percent', async () => {
    const net = steeringApi();
    const { user } = await renderPage();
    await user.click(screen.getByRole('button', { name: 'Ziel „Hälfte in Arbeit“ bearbeiten' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Ziel ändern' }));
    const value = dialog.getByRole('textbox', { name: /^Zielwert in Prozent/ });
    expect(value).toHaveProperty('value', '50 %');
    await user.clear(value);
    await user.type(value, '60');
    await user.click(dialog.getByRole('combobox', { name: 'Richtung' }));
    await user.click(screen.getByRole('option', { name: 'höchstens' }));
    await user.click(dialog.getByRole('button', { name: 'Speichern' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(net.bodies('PATCH /api/statistics/targets/:id')).toEqual([
      { targetValue: 0.6, direction: 'at_most', version: 3 },
    ]);
    expect(net.calls.find((c) => c.method === 'PATCH')?.path).toBe(`/api/statistics/targets/${targetId}`);
  });

  test('a refused value is shown on its field, in German, and the form stays open', async () => {
    const net = steeringApi();
    const { user } = await renderPage();
    await user.click(screen.getByRole('button', { name: 'Ziel „Hälfte in Arbeit“ bearbeiten' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Ziel ändern' }));
    const value = dialog.getByRole('textbox', { name: /^Zielwert in Prozent/ });
    await user.clear(value);
    await user.type(value, '150');
    await user.click(dialog.getByRole('button', { name: 'Speichern' }));

    await waitFor(() => expect(fieldError(value)).toBe('Ein Anteil liegt zwischen 0 und 1 (0 % bis 100 %)'));
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(net.bodies('PATCH /api/statistics/targets/:id')).toEqual([{ targetValue: 1.5, version: 3 }]);
    expect(screen.getByRole('dialog', { name: 'Ziel ändern' })).toBeTruthy();
  });

  test('a baseline day not before the deadline: the server names the field', async () => {
    steeringApi({
      'PATCH /api/statistics/targets/:id': () =>
        reply(400, {
          error: 'Der Ausgangstag liegt nicht vor der Frist.',
          code: 'bad_request',
          issues: [{ path: 'baselineOn', message: 'Der Ausgangstag muss vor der Frist liegen' }],
        }),
    });
    const { user } = await renderPage();
    await user.click(screen.getByRole('button', { name: 'Ziel „Hälfte in Arbeit“ bearbeiten' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Ziel ändern' }));
    const baseline = dialog.getByLabelText(/^Ausgangstag/);
    fireEvent.change(baseline, { target: { value: '2028-01-01' } });
    await user.click(dialog.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(fieldError(baseline)).toBe('Der Ausgangstag muss vor der Frist liegen'));
  });

  test('changed meanwhile (409): says so, and "Neu laden" puts the current target into the form', async () => {
    const current = plainTarget({ targetValue: 0.45, label: 'Hälfte in Arbeit (neu)', version: 5 });
    const net = steeringApi({
      'PATCH /api/statistics/targets/:id': (c: ApiCall) =>
        (c.body as { version: number }).version === 5
          ? plainTarget({ ...current, ...(c.body as object), version: 6 })
          : reply(409, {
              error: 'Das Ziel wurde inzwischen von jemand anderem geändert. Bitte neu laden.',
              code: 'conflict',
              current,
            }),
    });
    const { user } = await renderPage();
    await user.click(screen.getByRole('button', { name: 'Ziel „Hälfte in Arbeit“ bearbeiten' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Ziel ändern' }));
    fireEvent.change(dialog.getByLabelText(/^Frist/), { target: { value: '2028-06-30' } });
    await user.click(dialog.getByRole('button', { name: 'Speichern' }));

    const alert = await dialog.findByRole('alert');
    expect(alert.textContent).toContain('Das Ziel wurde inzwischen geändert');
    await user.click(within(alert).getByRole('button', { name: 'Neu laden' }));
    expect(dialog.getByRole('textbox', { name: /^Zielwert in Prozent/ })).toHaveProperty('value', '45 %');
    expect(dialog.getByRole('textbox', { name: /^Bezeichnung/ })).toHaveProperty(
      'value',
      'Hälfte in Arbeit (neu)',
    );
    fireEvent.change(dialog.getByLabelText(/^Frist/), { target: { value: '2028-06-30' } });
    await user.click(dialog.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(net.bodies('PATCH /api/statistics/targets/:id')).toEqual([
      { deadline: '2028-06-30', version: 3 },
      { deadline: '2028-06-30', version: 5 },
    ]);
  });

  test('deleting asks first and sends the version', async () => {
    const net = steeringApi();
    const { user } = await renderPage();
    await user.click(screen.getByRole('button', { name: 'Ziel „Hälfte in Arbeit“ löschen' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Ziel löschen' }));
    expect(dialog.getByText(/Hälfte in Arbeit.*31\.12\.2027/)).toBeTruthy();
    await user.click(dialog.getByRole('button', { name: 'Abbrechen' }));
    expect(net.calls.filter((c) => c.method === 'DELETE')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Ziel „Hälfte in Arbeit“ löschen' }));
    await user.click(screen.getByRole('button', { name: 'Ja, löschen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const del = net.calls.filter((c) => c.method === 'DELETE');
    expect(del.map((c) => [c.path, c.query.get('version')])).toEqual([
      [`/api/statistics/targets/${targetId}`, '3'],
    ]);
  });

  test('without the right to manage targets, nothing offers a change', async () => {
    steeringApi({ 'GET /api/statistics/dashboard': () => dashboard({ mayManageTargets: false }) });
    await renderPage();
    expect(screen.queryByRole('button', { name: 'Ziel anlegen' })).toBeNull();
    expect(screen.queryByRole('button', { name: /bearbeiten|löschen/ })).toBeNull();
  });
});
