import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Fonts for printed documents, embedded as data URLs so a letter prints with real glyphs on any machine
 * (no boxes for Arabic or Ge'ez script): Noto Sans (Latin, Cyrillic), Noto Sans Arabic, Noto Sans
 * Ethiopic, from the @fontsource packages (SIL Open Font License, see NOTICE). Their own CSS supplies the
 * unicode ranges; only the subsets a letter needs are kept.
 */
const require = createRequire(import.meta.url);
const PACKAGES: { pkg: string; subsets: string[] }[] = [
  { pkg: '@fontsource/noto-sans', subsets: ['latin', 'latin-ext', 'cyrillic'] },
  { pkg: '@fontsource/noto-sans-arabic', subsets: ['arabic'] },
  { pkg: '@fontsource/noto-sans-ethiopic', subsets: ['ethiopic'] },
];
const WEIGHTS = ['400', '700'];

let cached: string | null = null;

export function printFontCss(): string {
  if (cached !== null) return cached;
  const faces: string[] = [];
  for (const { pkg, subsets } of PACKAGES) {
    const dir = dirname(require.resolve(`${pkg}/package.json`));
    for (const w of WEIGHTS) {
      const css = readFileSync(join(dir, `${w}.css`), 'utf8');
      for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
        const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
        if (!file || !subsets.some((s) => file.includes(`-${s}-${w}-`))) continue;
        const data = readFileSync(join(dir, 'files', file)).toString('base64');
        faces.push(block.replace(/src:[^;]+;/, `src: url(data:font/woff2;base64,${data}) format('woff2');`));
      }
    }
  }
  cached = faces.join('\n');
  return cached;
}
