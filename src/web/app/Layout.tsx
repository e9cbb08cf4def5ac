import {
  AppShell,
  Avatar,
  Burger,
  Group,
  NavLink as MantineNavLink,
  Menu,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useMatch } from 'react-router';
import { useSession, useUser } from '../auth/session';
import { changeLanguage, LANGUAGES } from '../i18n';
import { roleLabel } from './format';
import { navFor } from './nav';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase())
    .join('');
}

function UserMenu() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const { logout } = useSession();
  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={t('userMenu.label', { name: user.displayName })}
          data-testid="user-menu"
          p={4}
        >
          <Group gap="sm" wrap="nowrap">
            <Avatar color="blue" radius="xl" size={34} aria-hidden>
              {initials(user.displayName)}
            </Avatar>
            <Stack gap={0} visibleFrom="sm">
              <Text size="sm" fw={600} lh={1.3}>
                {user.displayName}
              </Text>
              <Text size="xs" c="dimmed" lh={1.3}>
                {roleLabel(user.role, i18n.language)} · {user.agency.name}
              </Text>
            </Stack>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Divider />
        <Menu.Label>{t('userMenu.language')}</Menu.Label>
        {LANGUAGES.map((l) => (
          <Menu.Item
            key={l.code}
            lang={l.code}
            dir={l.dir}
            onClick={() => void changeLanguage(l.code)}
            aria-current={i18n.language === l.code ? 'true' : undefined}
            fw={i18n.language === l.code ? 600 : undefined}
          >
            {t(`lang.${l.code}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item component={Link} to="/konto/sicherheit">
          {t('userMenu.security')}
        </Menu.Item>
        <Menu.Item onClick={() => void logout(false)}>{t('userMenu.logout')}</Menu.Item>
        <Menu.Item onClick={() => void logout(true)}>{t('userMenu.logoutAll')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function NavItemLink({ to, end, label }: { to: string; end?: boolean; label: string }) {
  const match = useMatch({ path: to, end: end ?? false });
  return (
    <MantineNavLink
      component={Link}
      to={to}
      label={label}
      active={match !== null}
      aria-current={match ? 'page' : undefined}
      variant="light"
      c={match ? '#0b3a6e' : 'dark.7'}
      className={match ? 'nav-active' : undefined}
    />
  );
}

/** After an in-app navigation, move focus to the page's heading so screen readers announce the new page. */
function useFocusOnNavigate() {
  const location = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of the address
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const target = document.getElementById('page-title') ?? document.getElementById('main');
    target?.focus();
  }, [location.pathname]);
}

export function Layout() {
  const { t } = useTranslation();
  const user = useUser();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  useFocusOnNavigate();
  useEffect(() => {
    if (location.pathname) close();
  }, [location.pathname, close]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipLink')}
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="lg"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('shell.openNav')}
                aria-expanded={opened}
                aria-controls="main-nav"
              />
              <Link
                to="/"
                style={{ textDecoration: 'none', color: 'inherit' }}
                aria-label={`${t('app.name')} – ${t('nav.start')}`}
              >
                <Group gap={8} wrap="nowrap">
                  <img src="/favicon.svg" alt="" width={28} height={28} />
                  <Text fw={700} size="lg" c="blue.9">
                    {t('app.name')}
                  </Text>
                </Group>
              </Link>
              <Text
                size="sm"
                c="dimmed"
                visibleFrom="xs"
                ps="sm"
                style={{ borderInlineStart: '1px solid var(--mantine-color-gray-3)' }}
                data-testid="tenant-name"
              >
                {user.tenant.name}
              </Text>
            </Group>
            <UserMenu />
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" id="main-nav" component="nav" aria-label={t('shell.mainNav')}>
          {navFor(user.role, user.permissions).map((item) => (
            <NavItemLink key={item.to} to={item.to} end={item.end} label={t(item.labelKey)} />
          ))}
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1} bg="gray.0">
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </>
  );
}
