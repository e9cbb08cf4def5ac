import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

type Catalog = { [key: string]: string | Catalog };

/** Feature catalogs (`casefile.de.json`, …) extend the shell's groups (nav, person, intake …) without repeating them. */
function merge(a: Catalog, b: Catalog): Catalog {
  const out: Catalog = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = typeof v === 'object' && typeof prev === 'object' ? merge(prev, v) : v;
  }
  return out;
}

// German is the language of the trade and the default; English and Arabic (RTL) are switchable.
export const LANGUAGES = [
  { code: 'de', dir: 'ltr' },
  { code: 'en', dir: 'ltr' },
  { code: 'ar', dir: 'rtl' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];
const STORAGE_KEY = 'lotse.language';

export function isLanguage(v: string | null | undefined): v is LanguageCode {
  return LANGUAGES.some((l) => l.code === v);
}

export function directionOf(lang: string): 'ltr' | 'rtl' {
  return LANGUAGES.find((l) => l.code === lang)?.dir ?? 'ltr';
}

function storedLanguage(): LanguageCode {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(v) ? v : 'de';
  } catch {
    return 'de';
  }
}

/** <html lang dir> follow the language, so screen readers and the browser's bidi layout are right. */
function applyToDocument(lang: string): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}

export function changeLanguage(lang: LanguageCode): Promise<unknown> {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  return i18n.changeLanguage(lang);
}

const initial = storedLanguage();
applyToDocument(initial);
i18n.on('languageChanged', applyToDocument);

// Every `<lang>.json` and `<feature>.<lang>.json` in this folder is found by the bundler, so a new
// feature adds its own catalogue files without touching this module (and without merge conflicts).
const files = import.meta.glob<{ default: Catalog }>('./*.json', { eager: true });

function catalogOf(lang: LanguageCode): Catalog {
  const names = Object.keys(files)
    .filter((f) => f === `./${lang}.json` || f.endsWith(`.${lang}.json`))
    .sort((a, b) => (a === `./${lang}.json` ? -1 : b === `./${lang}.json` ? 1 : a.localeCompare(b)));
  return names.reduce<Catalog>((acc, f) => merge(acc, files[f]?.default ?? {}), {});
}

void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(LANGUAGES.map((l) => [l.code, { translation: catalogOf(l.code) }])),
  lng: initial,
  fallbackLng: 'de',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
