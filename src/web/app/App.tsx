import {
  Button,
  Center,
  Container,
  type CSSVariablesResolver,
  DirectionProvider,
  Loader,
  MantineProvider,
  useDirection,
} from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Outlet, RouterProvider } from 'react-router';
import type { Permission } from '../../domain/access/roles';
import { ApiError } from '../api/client';
import { SessionProvider, useSession } from '../auth/session';
import { UsersPage } from '../features/admin/UsersPage';
import * as Language from '../features/language';
import { LoginPage } from '../features/login/LoginPage';
import { IntakeContinuePage } from '../features/persons/IntakeContinuePage';
import { IntakePage } from '../features/persons/IntakePage';
import { PersonPage } from '../features/persons/PersonPage';
import { PersonSearchPage } from '../features/persons/PersonSearchPage';
import { StartPage } from '../features/start/StartPage';
import { directionOf } from '../i18n';
import { ErrorPage, ForbiddenPage, NotFoundPage, RootErrorPage } from './ErrorPages';
import { Layout } from './Layout';
import { theme } from './theme';

// WCAG AA: Mantine's dimmed gray (gray.6) reaches only ~3.3:1 on white; gray.7 reaches ~8:1.
const cssVariablesResolver: CSSVariablesResolver = (th) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': th.colors.gray[7],
    '--mantine-color-placeholder': th.colors.gray[6],
    '--mantine-color-error': th.colors.red[9],
  },
  dark: {},
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again; network hiccups may.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});

/** Keeps Mantine's direction in step with the language (Arabic → RTL). */
function DirectionSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  useEffect(() => {
    setDirection(directionOf(i18n.language));
  }, [i18n.language, setDirection]);
  return null;
}

function SessionGate() {
  const { user, loading, secondFactorSetupRequired } = useSession();
  const { t } = useTranslation();
  if (loading) {
    return (
      <Center mih="100vh" role="status" aria-label={t('shell.loading')}>
        <Loader />
      </Center>
    );
  }
  // Logged out: the login replaces the page; after login the same address shows what was asked for.
  if (!user) return <LoginPage />;
  // The server answers nothing else until this administrator has set up the second factor.
  if (secondFactorSetupRequired) return <MandatorySecondFactor />;
  return <Layout />;
}

function MandatorySecondFactor() {
  const { t } = useTranslation();
  const { logout } = useSession();
  return (
    <Container size="md" py="xl" component="main" id="main">
      <Suspense fallback={<PageLoading />}>
        <SecondFactorPage mandatory />
      </Suspense>
      <Button mt="lg" variant="subtle" onClick={() => void logout(false)}>
        {t('userMenu.logout')}
      </Button>
    </Container>
  );
}

function Require({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? children : <ForbiddenPage />;
}

function Crash(): never {
  throw new Error('Absichtlicher Testfehler (Diagnose der Fehlerseite)');
}

// Pages of fewer users load on demand: the first page of the day stays small.
const CalendarPage = lazy(() =>
  import('../features/appointments/CalendarPage').then((m) => ({ default: m.CalendarPage })),
);
const VacanciesPage = lazy(() =>
  import('../features/work/VacanciesPage').then((m) => ({ default: m.VacanciesPage })),
);
const VacancyPage = lazy(() =>
  import('../features/work/VacancyPage').then((m) => ({ default: m.VacancyPage })),
);
const EmployersPage = lazy(() =>
  import('../features/work/EmployersPage').then((m) => ({ default: m.EmployersPage })),
);
const EventsPage = lazy(() => import('../features/work/EventsPage').then((m) => ({ default: m.EventsPage })));
const EventPage = lazy(() => import('../features/work/EventsPage').then((m) => ({ default: m.EventPage })));
const MeasuresPage = lazy(() =>
  import('../features/measures/MeasuresPage').then((m) => ({ default: m.MeasuresPage })),
);
const PartnersPage = lazy(() =>
  import('../features/partners/PartnersPage').then((m) => ({ default: m.PartnersPage })),
);
const ConferencesPage = lazy(() =>
  import('../features/conferences/ConferencesPage').then((m) => ({ default: m.ConferencesPage })),
);
const ConferencePage = lazy(() =>
  import('../features/conferences/ConferencesPage').then((m) => ({ default: m.ConferencePage })),
);
const SteeringPage = lazy(() =>
  import('../features/steering/SteeringPage').then((m) => ({ default: m.SteeringPage })),
);
const ReportPage = lazy(() =>
  import('../features/steering/ReportPage').then((m) => ({ default: m.ReportPage })),
);
const InboxPage = lazy(() => import('../features/tasks/InboxPage').then((m) => ({ default: m.InboxPage })));
const SecondFactorPage = lazy(() =>
  import('../features/account/SecondFactorPage').then((m) => ({ default: m.SecondFactorPage })),
);
const LawPage = lazy(() => import('../features/admin/LawPage').then((m) => ({ default: m.LawPage })));
const AuditPage = lazy(() =>
  import('../features/admin/audit/AuditPage').then((m) => ({ default: m.AuditPage })),
);
const RetentionPage = lazy(() =>
  import('../features/admin/RetentionPage').then((m) => ({ default: m.RetentionPage })),
);
const ExitsDuePage = lazy(() =>
  import('../features/handovers/ExitsDuePage').then((m) => ({ default: m.ExitsDuePage })),
);
const HandoversPage = lazy(() =>
  import('../features/handovers/HandoversPage').then((m) => ({ default: m.HandoversPage })),
);
const DuplicateReviewPage = lazy(() =>
  import('../features/persons/review/DuplicateReviewPage').then((m) => ({ default: m.DuplicateReviewPage })),
);
const ImpactPage = lazy(() =>
  import('../features/rules/ImpactPage').then((m) => ({ default: m.ImpactPage })),
);
const RulesCheckPage = lazy(() =>
  import('../features/rules/RulesCheckPage').then((m) => ({ default: m.RulesCheckPage })),
);

function PageLoading() {
  const { t } = useTranslation();
  return (
    <Center mih={200} role="status" aria-label={t('shell.loading')}>
      <Loader />
    </Center>
  );
}

/** A page that throws on purpose, to look at the error page while developing; not in production builds. */
const diagnoseRoutes = import.meta.env.DEV ? [{ path: 'diagnose/fehler', element: <Crash /> }] : [];

const guarded = (path: string, permission: Permission, element: ReactNode) => ({
  path,
  element: (
    <Require permission={permission}>
      <Suspense fallback={<PageLoading />}>{element}</Suspense>
    </Require>
  ),
});

const router = createBrowserRouter([
  {
    element: (
      <SessionProvider>
        <Outlet />
      </SessionProvider>
    ),
    errorElement: <RootErrorPage />,
    children: [
      {
        path: '/',
        element: <SessionGate />,
        children: [
          {
            errorElement: <ErrorPage />,
            children: [
              { index: true, element: <StartPage /> },
              {
                path: 'personen',
                element: (
                  <Require permission="person:search">
                    <PersonSearchPage />
                  </Require>
                ),
              },
              {
                path: 'personen/neu',
                element: (
                  <Require permission="person:create">
                    <IntakePage />
                  </Require>
                ),
              },
              {
                path: 'personen/:id',
                element: (
                  <Require permission="person:read">
                    <PersonPage />
                  </Require>
                ),
              },
              guarded('personen/dubletten', 'person:merge', <DuplicateReviewPage />),
              guarded('personen/:id/aufnahme', 'person:update', <IntakeContinuePage />),
              guarded('aufgaben', 'person:read', <InboxPage />),
              guarded('termine', 'person:read', <CalendarPage />),
              guarded('massnahmen', 'person:read', <MeasuresPage />),
              guarded('arbeit/stellen', 'work:read', <VacanciesPage />),
              guarded('arbeit/stellen/:id', 'work:read', <VacancyPage />),
              guarded('arbeit/arbeitgeber', 'work:read', <EmployersPage />),
              guarded('arbeit/veranstaltungen', 'work:read', <EventsPage />),
              guarded('arbeit/veranstaltungen/:id', 'work:read', <EventPage />),
              guarded('partner', 'person:read', <PartnersPage />),
              guarded('steuerung', 'reports:dashboard', <SteeringPage />),
              guarded('steuerung/bericht', 'reports:read', <ReportPage />),
              guarded('fallbesprechungen', 'person:read', <ConferencesPage />),
              guarded('fallbesprechungen/:id', 'person:read', <ConferencePage />),
              guarded('uebergaben', 'handover:manage', <HandoversPage />),
              guarded('uebergaben/austritte', 'handover:manage', <ExitsDuePage />),
              guarded('regeln/pruefen', 'rules:evaluate', <RulesCheckPage />),
              guarded('koordination/rechtsaenderung', 'rules:impact', <ImpactPage />),
              guarded('sprache/zuteilung', 'allocation:run', <Language.AllocationPage />),
              guarded('kurse', 'courses:read', <Language.CoursesPage />),
              guarded('kurse/neu', 'courses:manage', <Language.NewCoursePage />),
              guarded('kurse/:id', 'courses:read', <Language.CourseDetailPage />),
              guarded('sprache/import', 'courses:manage', <Language.ImportPage />),
              guarded('sprache/planung', 'courses:read', <Language.PlanningPage />),
              guarded('sprache/fortschritt', 'reports:read', <Language.ProgressPage />),
              {
                path: 'verwaltung/benutzer',
                element: (
                  <Require permission="user:admin">
                    <UsersPage />
                  </Require>
                ),
              },
              {
                path: 'konto/sicherheit',
                element: (
                  <Suspense fallback={<PageLoading />}>
                    <SecondFactorPage />
                  </Suspense>
                ),
              },
              guarded('verwaltung/loeschfristen', 'user:admin', <RetentionPage />),
              guarded('verwaltung/rechtsdaten', 'law:edit', <LawPage />),
              guarded('verwaltung/protokoll', 'audit:search', <AuditPage />),
              ...diagnoseRoutes,
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);

export function App() {
  const { i18n } = useTranslation();
  return (
    <DirectionProvider initialDirection={directionOf(i18n.language)} detectDirection={false}>
      <DirectionSync />
      <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
