import { bdi, type ExportLanguage, esc, type Html, type Translator } from './texts';

// Dates, names of countries and languages in the reader's own conventions (ICU data shipped with Node,
// not machine translation). The Gregorian calendar everywhere: the dates are German authorities' dates,
// and a Persian reader gets them with Persian digits and month names of that calendar.
const LOCALES: Record<ExportLanguage, string> = {
  de: 'de-DE',
  en: 'en-GB',
  ar: 'ar',
  fa: 'fa-IR',
  uk: 'uk-UA',
};
export const localeOf = (lang: ExportLanguage): string => LOCALES[lang];

type Precision = 'day' | 'month' | 'year';
const PARTS: Record<Precision, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'long', year: 'numeric' },
  month: { month: 'long', year: 'numeric' },
  year: { year: 'numeric' },
};

/**
 * A calendar day ("2026-12-03") or a moment, in words ("3. Dezember 2026", "۱۲ دسامبر ۲۰۲۶"). A birth
 * date known only to the month or year is shown only that far: no invented day.
 */
export function dateText(lang: ExportLanguage, value: string | Date, precision: Precision = 'day'): string {
  // A plain day is read at noon UTC so that no time zone moves it to the day before.
  const d = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T12:00:00Z`) : value;
  return new Intl.DateTimeFormat(LOCALES[lang], {
    ...PARTS[precision],
    calendar: 'gregory',
    timeZone: 'Europe/Berlin',
  }).format(d);
}

/** The day a moment falls on in Germany (for grouping the access log by day). */
export const berlinDay = (at: Date): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(at);

export const date = (lang: ExportLanguage, value: string | Date, precision?: Precision): Html =>
  bdi(dateText(lang, value, precision));

export function countryName(t: Translator, code: string): string {
  const key = `nationality.${code}`;
  if (t.has(key)) return t.text(key);
  const name = new Intl.DisplayNames([LOCALES[t.lang]], { type: 'region', fallback: 'none' }).of(code);
  return name ?? t.text('doc.unknown');
}

export function languageName(t: Translator, code: string): string {
  const name = new Intl.DisplayNames([LOCALES[t.lang]], { type: 'language', fallback: 'none' }).of(code);
  return name ?? t.text('doc.unknown');
}

export const percent = (lang: ExportLanguage, value: number): string =>
  new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);

/**
 * The legal reference of a residence title as a reader finds it on the document: "25(2)" becomes
 * "§ 25 Abs. 2 AufenthG" (a Gestattung rests on the Asylum Act). Stays German in every language, as
 * citations of German law do, and is isolated left-to-right so that it never reads "(2)25".
 */
export function residenceReference(kind: string, paragraph: string | null): string | null {
  if (!paragraph) return null;
  const m = /^(\d{1,3}[a-z]?)(?:\((\d+)\))?$/.exec(paragraph.trim());
  if (!m) return null;
  const law = kind === 'gestattung' ? 'AsylG' : 'AufenthG';
  return `§ ${m[1]}${m[2] ? ` Abs. ${m[2]}` : ''} ${law}`;
}

export const legalRef = (ref: string): Html => bdi(ref, 'ltr');

/**
 * Text a member of staff typed (a reason, a note): shown as written, isolated, and — for a reader of
 * another language — marked "(nicht übersetzt)" in the reader's language, so nothing passes as a
 * translation that is none.
 */
export function freeText(t: Translator, value: string): Html {
  const marker = t.lang === 'de' ? '' : ` <span class="untranslated">${t.html('doc.notTranslated')}</span>`;
  return `<bdi lang="de">${esc(value)}</bdi>${marker}` as Html;
}

/** A list in the reader's way of joining ("A, B" / "A، B"). */
export const list = (t: Translator, items: Html[]): Html => items.join(t.html('doc.listSeparator')) as Html;
