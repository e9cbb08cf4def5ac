// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { runStartBody } from '../../../../server/modules/language/allocation/schema';
import { type ApiCall, fakeApi, reply, session } from '../../../test/fake-api';
import { fieldError, renderApp } from '../../../test/render';
import type { ConfirmAnswer, Metrics, Run, RunClient, RunListItem, WaitlistItem } from '../api';
import { AllocationPage } from './AllocationPage';

const RUN_ID = '0191d2a0-0000-7000-8000-00000000a001';
const AMINA = '0191d2a0-0000-7000-8000-00000000a101';
const OMAR = '0191d2a0-0000-7000-8000-00000000a102';
const COURSE_1 = '0191d2a0-0000-7000-8000-00000000a201';
const COURSE_2 = '0191d2a0-0000-7000-8000-00000000a202';

const metrics = (placed: number): Metrics => ({
  clients: 2,
  placed,
  unplaced: 2 - placed,
  waitingDaysTotal: 120,
  waitingDaysMean: 60,
  travelMinutesTotal: 30,
  travelMinutesMean: 30,
  womenDemandShare: 0.5,
  womenPlacedShare: 0.5,
  score: 1000 * placed,
});
const client = (personId: string, name: string, fcfsCourseId: string | null): RunClient => ({
  personId,
  name,
  level: 'A1',
  gender: 'f',
  home: 'Herford',
  waitingDays: 60,
  courseTypes: ['integration_general'],
  needsChildcare: false,
  needsWomenOnly: false,
  fcfsCourseId,
});

/** A proposed run as GET /api/allocations/:id answers it: Amina placed, Omar without a seat. */
function run(over: Partial<Run> = {}): Run {
  return {
    id: RUN_ID,
    version: 2,
    state: 'proposed',
    progress: 1,
    error: null,
    asOf: '2026-12-04',
    params: { asOf: '2026-12-04', horizonDays: 183, maxTravelMinutes: 60 },
    inputHash: 'h',
    createdAt: '2026-12-04T09:00:00.000Z',
    createdBy: null,
    confirmedAt: null,
    confirmedBy: null,
    counts: { clients: 2, courses: 2, seats: 2, skipped: 0 },
    metrics: {
      optimal: metrics(1),
      fcfs: metrics(1),
      proposal: metrics(1),
      gain: { placed: 0, waitingDaysTotal: 0, travelMinutesTotal: 0, score: 0 },
    },
    optimal: { score: 1000, optimal: true, seconds: 0.02 },
    proposal: { score: 1000, optimal: true, adjusted: false },
    assignments: [
      {
        ...client(AMINA, 'Amina Haddad', COURSE_1),
        courseId: COURSE_1,
        courseRef: 'IK-2027-01',
        courseType: 'integration_general',
        place: 'Herford',
        travelMinutes: 30,
      },
    ],
    unassigned: [client(OMAR, 'Omar Nasser', null)],
    skipped: [],
    courses: [COURSE_1, COURSE_2].map((id, i) => ({
      id,
      ref: `IK-2027-0${i + 1}`,
      type: 'integration_general',
      startDate: '2027-02-01',
      place: i === 0 ? 'Herford' : 'Bünde',
      entryLevels: ['A1'],
      freeSeats: 1,
      assigned: i === 0 ? 1 : 0,
      childcare: false,
      womenOnly: false,
    })),
    ...over,
  };
}

const waiting: WaitlistItem = {
  id: '0191d2a0-0000-7000-8000-00000000a301',
  version: 1,
  personId: OMAR,
  name: 'Omar Nasser',
  gender: 'm',
  municipality: 'Herford',
  level: 'A1',
  courseTypes: ['integration_general'],
  since: '2026-10-05',
  waitingDays: 60,
  needsChildcare: false,
  needsWomenOnly: false,
  status: 'waiting',
};

function allocationApi(routes: Record<string, (c: ApiCall) => unknown> = {}) {
  const listed: RunListItem[] = [];
  return fakeApi({
    'GET /api/auth/me': () => session(['allocation:run']),
    'GET /api/waitlist': () => ({ total: 1, items: [waiting] }),
    'GET /api/course-types': () => [],
    'GET /api/allocations': () => listed,
    'GET /api/allocations/:id': () => run(),
    ...routes,
  });
}

const PAGE = '/sprachkurse/zuteilung';
function renderPage(path = PAGE) {
  return renderApp(<AllocationPage />, { path, route: PAGE });
}

describe('Course allocation (Kurszuteilung)', () => {
  test('the run is started with exactly the limits entered, then shown as it progresses', async () => {
    let asked = 0;
    const net = allocationApi({
      'POST /api/allocations': () => reply(202, { id: RUN_ID }),
      // The solver reports progress first; the page asks again until the proposal is there.
      'GET /api/allocations/:id': () => (++asked === 1 ? run({ state: 'running', progress: 0.4 }) : run()),
    });
    const { user, router } = renderPage();
    const travel = await screen.findByRole('textbox', { name: 'Höchste Fahrzeit (einfach)' });
    const horizon = screen.getByRole('textbox', { name: 'Kursbeginn innerhalb von (Tagen)' });
    expect((travel as HTMLInputElement).value).toBe('60 min');
    expect((horizon as HTMLInputElement).value).toBe('183');
    await user.clear(travel);
    await user.type(travel, '45');
    await user.clear(horizon);
    await user.type(horizon, '90');
    await user.click(screen.getByRole('button', { name: 'Zuteilung berechnen' }));

    await screen.findByText('Zuteilung wird berechnet … 40 %');
    expect(net.bodies('POST /api/allocations')).toEqual([
      { maxTravelMinutes: 45, horizonDays: 90, wait: false },
    ]);
    expect(router.state.location.search).toBe(`?lauf=${RUN_ID}`);
    await screen.findByTestId('run-result', undefined, { timeout: 3000 });
    expect(asked).toBeGreaterThanOrEqual(2);
    expect(screen.getByRole('button', { name: 'Vorschlag bestätigen (1 Platz)' })).toBeTruthy();
  });

  test("a refused limit is named on its field, with the server's message", async () => {
    allocationApi({
      'POST /api/allocations': () =>
        reply(400, {
          error: 'Ungültige Eingabe',
          issues: [{ path: 'horizonDays', message: 'höchstens 730' }],
        }),
    });
    const { user } = renderPage();
    const horizon = await screen.findByRole('textbox', { name: 'Kursbeginn innerhalb von (Tagen)' });
    await user.click(screen.getByRole('button', { name: 'Zuteilung berechnen' }));
    await waitFor(() => expect(horizon.getAttribute('aria-invalid')).toBe('true'));
    const errorId = horizon
      .getAttribute('aria-describedby')
      ?.split(' ')
      .find((id) => id.endsWith('-error'));
    expect(document.getElementById(errorId ?? '')?.textContent).toBe('höchstens 730');
    expect(
      screen.getByRole('textbox', { name: 'Höchste Fahrzeit (einfach)' }).getAttribute('aria-invalid'),
    ).not.toBe('true');
    expect(screen.getByTestId('error-alert').textContent).toContain('Ungültige Eingabe');
  });

  test("a limit out of range is refused on its field before the run starts, in the server's words", async () => {
    const net = allocationApi({ 'POST /api/allocations': () => reply(202, { id: RUN_ID }) });
    const { user } = renderPage();
    const horizon = await screen.findByRole('textbox', { name: 'Kursbeginn innerhalb von (Tagen)' });
    await user.clear(horizon);
    await user.click(screen.getByRole('button', { name: 'Zuteilung berechnen' }));

    const server = runStartBody.safeParse({ maxTravelMinutes: 60, horizonDays: 0, wait: false });
    expect(server.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['horizonDays', 'mindestens 1'],
    ]);
    await waitFor(() => expect(fieldError(horizon)).toBe('mindestens 1'));
    expect(fieldError(screen.getByRole('textbox', { name: 'Höchste Fahrzeit (einfach)' }))).toBeNull();
    expect(net.bodies('POST /api/allocations')).toEqual([]);
  });

  test('confirming sends the version seen; the enrolments and letters are listed', async () => {
    const answer: ConfirmAnswer = {
      run: run({ state: 'confirmed', version: 3, confirmedAt: '2026-12-04T10:00:00.000Z' }),
      enrolments: [
        {
          id: '0191d2a0-0000-7000-8000-00000000a401',
          personId: AMINA,
          courseId: COURSE_1,
          letter: { lang: 'ar', url: `/api/enrolments/x/letter?lang=ar` },
        },
      ],
      tasks: 1,
    };
    const net = allocationApi({ 'POST /api/allocations/:id/confirm': () => answer });
    const { user } = renderPage(`${PAGE}?lauf=${RUN_ID}`);
    await user.click(await screen.findByRole('button', { name: 'Vorschlag bestätigen (1 Platz)' }));
    await user.click(screen.getByRole('button', { name: 'Bestätigen und Teilnahmen anlegen' }));

    const confirmed = await screen.findByTestId('confirmed');
    expect(net.bodies('POST /api/allocations/:id/confirm')).toEqual([{ version: 2 }]);
    expect(confirmed.textContent).toContain('1 Kursteilnahmen angelegt, 1 Aufgaben für die Fachkräfte.');
    const row = within(screen.getByTestId('enrolment-table')).getAllByRole('row')[1];
    expect(row.textContent).toContain('Amina Haddad');
    expect(within(row).getByRole('link', { name: 'nur Deutsch' }).getAttribute('href')).toBe(
      '/api/enrolments/x/letter?lang=de',
    );
  });

  test('a proposal changed meanwhile: the confirmation says so and creates nothing', async () => {
    allocationApi({
      'POST /api/allocations/:id/confirm': () =>
        reply(409, { error: 'Der Vorschlag wurde inzwischen geändert.', code: 'conflict' }),
    });
    const { user } = renderPage(`${PAGE}?lauf=${RUN_ID}`);
    await user.click(await screen.findByRole('button', { name: 'Vorschlag bestätigen (1 Platz)' }));
    await user.click(screen.getByRole('button', { name: 'Bestätigen und Teilnahmen anlegen' }));
    const alert = await screen.findByTestId('error-alert');
    expect(alert.textContent).toContain('Inzwischen geändert – bitte neu berechnen');
    expect(alert.textContent).toContain('Der Vorschlag wurde inzwischen geändert.');
    expect(screen.queryByTestId('confirmed')).toBeNull();
  });

  test('moving a person sends one change with the version seen; a refusal shows the reason', async () => {
    const net = allocationApi({
      'PATCH /api/allocations/:id': () =>
        reply(400, {
          error: 'Änderung nicht möglich',
          issues: [{ path: 'changes.0', message: 'Im Kurs IK-2027-02 ist kein Platz mehr frei.' }],
        }),
    });
    const { user } = renderPage(`${PAGE}?lauf=${RUN_ID}`);
    await user.click(await screen.findByRole('button', { name: 'Zuteilung von Amina Haddad ändern' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByRole('combobox', { name: 'Neuer Kurs' }));
    const options = dialog.getAllByRole('option');
    // The course she is in is not offered again.
    expect(options.map((o) => o.textContent?.split(' · ')[0])).toEqual(['IK-2027-02']);
    await user.click(options[0]);
    await user.click(dialog.getByRole('button', { name: 'Umsetzen' }));

    const refused = await screen.findByTestId('adjust-error');
    expect(refused.textContent).toContain('Nicht möglich');
    expect(refused.textContent).toContain('Im Kurs IK-2027-02 ist kein Platz mehr frei.');
    expect(net.bodies('PATCH /api/allocations/:id')).toEqual([
      { version: 2, changes: [{ client: AMINA, course: COURSE_2 }] },
    ]);
  });

  test('taking a person out sends course null; after a conflict the run is loaded again', async () => {
    let loads = 0;
    const net = allocationApi({
      'GET /api/allocations/:id': () => {
        loads++;
        return run();
      },
      'PATCH /api/allocations/:id': () =>
        reply(409, { error: 'Der Vorschlag wurde inzwischen geändert.', code: 'conflict' }),
    });
    const { user } = renderPage(`${PAGE}?lauf=${RUN_ID}`);
    await user.click(await screen.findByRole('button', { name: 'Zuteilung von Amina Haddad ändern' }));
    await user.click(screen.getByRole('button', { name: 'Herausnehmen' }));
    await screen.findByTestId('adjust-error');
    expect(net.bodies('PATCH /api/allocations/:id')).toEqual([
      { version: 2, changes: [{ client: AMINA, course: null }] },
    ]);
    await waitFor(() => expect(loads).toBe(2));
  });
});
