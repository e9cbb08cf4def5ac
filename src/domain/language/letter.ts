/**
 * The client's letter after a confirmed allocation: printable HTML, German (the binding text) and, when the
 * client reads another language, the same text in that language beside it — right-to-left for Arabic and
 * Farsi. Self-contained (no scripts, no external resources) so it prints anywhere.
 */

import { bdi, esc, fill } from '../text/html';
import ar from './letter-texts/ar.json';
import de from './letter-texts/de.json';
import en from './letter-texts/en.json';
import fa from './letter-texts/fa.json';
import uk from './letter-texts/uk.json';

export interface LetterData {
  date: string;
  recipient: { name: string; address: string | null };
  course: {
    typeLabel: string;
    ref: string;
    provider: string;
    place: string;
    address: string | null;
    startDate: string;
    schedule: string | null;
    hours: number;
    childcare: boolean;
  };
  sender: { agency: string; advisor: string | null };
}

// The letter's words per language: JSON catalogues written by people (checked against German by
// src/web/i18n/catalogues.test.ts), so a language is added by adding a file, not code.
export type LetterTexts = typeof de;
export const LETTER_TEXTS = { de, en, ar, fa, uk } satisfies Record<string, LetterTexts>;
export const LETTER_LANGUAGES = Object.keys(LETTER_TEXTS);
const RTL = new Set(['ar', 'fa']);
const LOCALES: Record<string, string> = { de: 'de-DE', en: 'en-GB', ar: 'ar', fa: 'fa-IR', uk: 'uk-UA' };

const germanDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
/** The course start as the reader writes dates (German: 04.01.2027; Persian digits for Farsi …). */
function dateFor(lang: string, iso: string): string {
  if (lang === 'de') return germanDate(iso);
  return new Intl.DateTimeFormat(LOCALES[lang] ?? lang, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    calendar: 'gregory',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T12:00:00Z`));
}

function section(lang: string, d: LetterData): string {
  const t = LETTER_TEXTS[lang as keyof typeof LETTER_TEXTS];
  const dir = RTL.has(lang) ? 'rtl' : 'ltr';
  const c = d.course;
  const rows: [string, string][] = [
    [t.course, `${bdi(c.typeLabel)} (${bdi(c.ref, 'ltr')})`],
    [t.provider, bdi(c.provider)],
    [t.place, c.address ? `${bdi(c.place)}, ${bdi(c.address)}` : bdi(c.place)],
    [t.start, bdi(dateFor(lang, c.startDate))],
    [t.schedule, c.schedule ? bdi(c.schedule) : '—'],
    [t.hours, bdi(new Intl.NumberFormat(LOCALES[lang] ?? lang).format(c.hours))],
  ];
  if (c.childcare) rows.push([t.childcare, esc(t.yes)]);
  const contact = d.sender.advisor
    ? `${bdi(d.sender.advisor)}, ${bdi(d.sender.agency)}`
    : bdi(d.sender.agency);
  return `<section lang="${lang}" dir="${dir}">
<h2>${esc(t.title)}</h2>
<p>${fill(t.greeting, { name: bdi(d.recipient.name) })}</p>
<p>${esc(t.body)}</p>
<table>${rows.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${v}</td></tr>`).join('')}</table>
<p>${esc(t.bring)}</p>
<p>${fill(t.contact, { contact })}</p>
<p>${esc(t.closing)}<br>${bdi(d.sender.agency)}</p>
</section>`;
}

/** German first (binding), then the client's language if it is another one we have texts for. */
export function renderPlacementLetter(d: LetterData, lang: string): string {
  const second = lang !== 'de' && Object.hasOwn(LETTER_TEXTS, lang) ? lang : null;
  const dir = second && RTL.has(second) ? 'rtl' : 'ltr';
  return `<!doctype html>
<html lang="${second ?? 'de'}" dir="${dir}">
<head><meta charset="utf-8"><title>${esc(LETTER_TEXTS.de.title)}</title>
<style>body{font-family:"Noto Sans","Noto Sans Arabic","Noto Naskh Arabic","DejaVu Sans",sans-serif;margin:2rem;color:#111;line-height:1.45}
header{margin-bottom:1.5rem}section{margin-bottom:2rem;page-break-inside:avoid}h2{font-size:1.2rem}
table{border-collapse:collapse}th,td{padding:.2rem .6rem;text-align:start;vertical-align:top}th{font-weight:600}
section[dir=rtl]{font-size:1.05rem}@media print{body{margin:1.5cm}section+section{page-break-before:always}}</style></head>
<body><main>
<header dir="ltr" lang="de"><p>${esc(d.sender.agency)}</p><p>${esc(d.recipient.name)}${d.recipient.address ? `<br>${esc(d.recipient.address)}` : ''}</p><p>${esc(germanDate(d.date))}</p></header>
${section('de', d)}
${second ? section(second, d) : ''}
</main></body></html>`;
}
