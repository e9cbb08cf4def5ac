// Renders a page or section as the app does: Mantine (test mode: no transitions, no portals), TanStack
// Query, the real session provider (asking the fake API who is logged in) and a memory router.
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { theme } from '../app/theme';
import { SessionProvider } from '../auth/session';

export function renderApp(
  ui: ReactElement,
  { path = '/', route = '*' }: { path?: string; route?: string } = {},
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 30_000 }, mutations: { retry: false } },
  });
  // Any other address (where a form navigates to after saving) shows a marker only.
  const routes = [{ path: route, element: ui }];
  if (route !== '*') routes.push({ path: '*', element: <p data-testid="elsewhere" /> });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup({ delay: null });
  const view = render(
    <MantineProvider theme={theme} env="test">
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...view, user, router, queryClient };
}

/**
 * The message shown on a field: the element the field names in aria-describedby as its error (Mantine
 * gives it the id `<input id>-error`), so a message elsewhere on the page does not count.
 */
export function fieldError(field: HTMLElement): string | null {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  for (const id of ids) {
    const el = document.getElementById(id);
    if (el && id.endsWith('-error')) return el.textContent;
  }
  return null;
}
