import type { TFunction } from 'i18next';
import { ROLE_DEFINITIONS, type Role } from '../../domain/access/roles';
import { paragraphCitation } from '../../domain/handover/record';
import { COUNTRY_CODES, NATIONALITY_STATUS_CODES } from '../../domain/reference/countries';
import i18n from '../i18n';

const intlLocale = (lang: string) => (lang === 'de' ? 'de-DE' : lang === 'ar' ? 'ar' : 'en-GB');

/**
 * A calendar day 'YYYY-MM-DD' in the reader's language. Precision 'month'/'year' (a birth date known
 * only partly) shows only what is known — "03/1984", "1984" — never an invented first day of the month.
 */
export function formatDay(iso: string | null | undefined, lang: string, precision = 'day'): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-').map(Number);
  if (precision === 'year') return String(y);
  if (precision === 'month') return `${String(m).padStart(2, '0')}/${y}`;
  const date = new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
  const opts: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  };
  return new Intl.DateTimeFormat(intlLocale(lang), opts).format(date);
}

/** A birth date with its recorded precision: the one formatter for every page, letter and record. */
export function formatBirthDate(
  iso: string | null | undefined,
  precision: string | null | undefined,
  lang: string,
) {
  return formatDay(iso, lang, precision ?? 'day');
}

/** "25(2)" → "§ 25 Abs. 2 AufenthG": paragraphs as the trade cites them. */
export function formatParagraph(p: string | null | undefined): string {
  return p ? paragraphCitation(p) : '—';
}

export function formatInstant(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));
}

export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(intlLocale(lang)).format(n);
}

/** Nationalities that are no state (XXA, XXX): Intl knows no name for them. */
const NO_STATE: Record<string, Record<string, string>> = {
  de: { XXA: 'staatenlos', XXX: 'ungeklärt' },
  en: { XXA: 'stateless', XXX: 'not determined' },
  ar: { XXA: 'عديم الجنسية', XXX: 'غير محددة' },
  fa: { XXA: 'بی‌تابعیت', XXX: 'نامشخص' },
  uk: { XXA: 'особа без громадянства', XXX: 'не встановлено' },
};

const regionNames = new Map<string, Intl.DisplayNames>();
export function countryName(code: string, lang: string): string {
  const noState = (NO_STATE[lang] ?? NO_STATE.de)[code];
  if (noState) return noState;
  let names = regionNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([intlLocale(lang)], { type: 'region', fallback: 'code' });
    regionNames.set(lang, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

const languageNames = new Map<string, Intl.DisplayNames>();
export function languageName(code: string, lang: string): string {
  let names = languageNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([intlLocale(lang)], { type: 'language', fallback: 'code' });
    languageNames.set(lang, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export function roleLabel(role: string, lang: string): string {
  const def = ROLE_DEFINITIONS[role as Role];
  if (!def) return role;
  // The role table names each role in German and English; other languages read the catalogues.
  if (lang === 'en' || lang === 'de') return def.label[lang];
  return i18n.t(`roleName.${role}`, { lng: lang, defaultValue: def.label.de });
}

/** A translated label for a code, falling back to the code itself (new codes never break a page). */
export function label(t: TFunction, group: string, code: string | null | undefined): string {
  if (!code) return '—';
  return t(`${group}.${code}`, { defaultValue: code });
}

/**
 * The nationality choices: every current state by name, then "staatenlos" (XXA) and "ungeklärt" (XXX) —
 * both real answers, so they are offered, not typed as codes.
 */
export function nationalityOptions(
  lang: string,
  collator = new Intl.Collator(lang),
): { value: string; label: string }[] {
  const states = [...COUNTRY_CODES]
    .map((c) => ({ value: c, label: countryName(c, lang) }))
    .filter((c) => c.label !== c.value)
    .sort((a, b) => collator.compare(a.label, b.label));
  return [...NATIONALITY_STATUS_CODES.map((c) => ({ value: c, label: countryName(c, lang) })), ...states];
}
