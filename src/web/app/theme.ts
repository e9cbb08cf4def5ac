import { createTheme } from '@mantine/core';

// Calm administrative look: Mantine defaults, a dark enough blue for WCAG AA on white text and links.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif',
  headings: { fontWeight: '600' },
  focusRing: 'auto',
  components: {},
});
