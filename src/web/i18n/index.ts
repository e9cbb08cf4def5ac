import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './ar.json';
import arCasefile from './casefile.ar.json';
import deCasefile from './casefile.de.json';
import enCasefile from './casefile.en.json';
import de from './de.json';
import en from './en.json';

type Catalog = { [key: string]: string | Catalog };

/** The case-file catalogs extend the shell's groups (nav, person, intake …) without repeating them. */
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

void i18n.use(initReactI18next).init({
  resources: {
    de: { translation: merge(de, deCasefile) },
    en: { translation: merge(en, enCasefile) },
    ar: { translation: merge(ar, arCasefile) },
  },
  lng: initial,
  fallbackLng: 'de',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
