// Setup of the unit project. Component tests (`src/web/**/*.test.tsx`, `// @vitest-environment jsdom`)
// get what jsdom lacks and Mantine needs, the app's real catalogues (German, as users see it) and a clean
// DOM after each test. In the node environment (every other unit test) this file does nothing.
import { afterEach, vi } from 'vitest';

if (typeof window !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');

  // Mantine asks for media queries (colour scheme, responsive props) and observes element sizes.
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    configurable: true,
    value: (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList,
  });
  class NoResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  window.ResizeObserver = NoResizeObserver;
  globalThis.ResizeObserver = NoResizeObserver;
  // Mantine's autosizing textarea listens for web fonts being loaded; jsdom has no FontFaceSet.
  if (!('fonts' in document))
    Object.defineProperty(document, 'fonts', {
      configurable: true,
      value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
    });
  // Mantine's combobox scrolls the selected option into view.
  Element.prototype.scrollIntoView = function scrollIntoView() {};

  // The app's catalogues, the shell's and the language path's, in the default language (German).
  window.localStorage.setItem('lotse.language', 'de');
  const { default: i18n } = await import('../i18n');
  await import('../features/language/i18n');
  await i18n.changeLanguage('de');

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });
}
