/**
 * The appointment letter to the client: German (binding) and the client's language — right-to-left for
 * Arabic and Farsi/Dari, Ge'ez script for Tigrinya — with the fonts passed in as CSS. Words from reviewed
 * catalogues (`letter-texts/`), values isolated with <bdi> so names and times keep their order.
 */

import { bdi, esc, fill } from '../text/html';
import ar from './letter-texts/ar.json';
import de from './letter-texts/de.json';
import en from './letter-texts/en.json';
import fa from './letter-texts/fa.json';
import ti from './letter-texts/ti.json';
import tr from './letter-texts/tr.json';
import uk from './letter-texts/uk.json';

export const APPOINTMENT_LETTER_TEXTS = { de, en, ar, fa, uk, tr, ti };
type Lang = keyof typeof APPOINTMENT_LETTER_TEXTS;
export const APPOINTMENT_LETTER_LANGUAGES = Object.keys(APPOINTMENT_LETTER_TEXTS) as Lang[];
const RTL = new Set(['ar', 'fa']);
const LOCALES: Record<string, string> = {
  de: 'de-DE',
  en: 'en-GB',
  ar: 'ar',
  fa: 'fa-IR',
  uk: 'uk-UA',
  tr: 'tr-TR',
  ti: 'ti-ER',
};

export const letterLanguageFor = (code: string | null): Lang | null =>
  code === 'prs' ? 'fa' : code && Object.hasOwn(APPOINTMENT_LETTER_TEXTS, code) ? (code as Lang) : null;

export interface AppointmentLetterData {
  person: string;
  kind: keyof typeof de.kinds;
  startsAt: string;
  endsAt: string;
  place: string;
  address: string | null;
  room: string | null;
  staff: string;
  agency: string;
  interpreterLanguage: string | null;
  contact: string;
}

function section(lang: Lang, d: AppointmentLetterData): string {
  const t = APPOINTMENT_LETTER_TEXTS[lang];
  const locale = LOCALES[lang] ?? lang;
  const date = new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Berlin',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    calendar: 'gregory',
  }).format(new Date(d.startsAt));
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Berlin',
    hour: '2-digit',
    minute: '2-digit',
  });
  const languageName = d.interpreterLanguage
    ? (new Intl.DisplayNames([locale], { type: 'language' }).of(d.interpreterLanguage) ??
      d.interpreterLanguage)
    : '';
  const rows: [string, string][] = [
    [t.what, esc(t.kinds[d.kind])],
    [
      t.when,
      fill(t.time, {
        date: bdi(date),
        from: bdi(time.format(new Date(d.startsAt))),
        to: bdi(time.format(new Date(d.endsAt))),
      }),
    ],
    [t.where, d.address ? `${bdi(d.place)}, ${bdi(d.address)}` : bdi(d.place)],
  ];
  if (d.room) rows.push([t.room, bdi(d.room)]);
  rows.push([t.with, `${bdi(d.staff)}, ${bdi(d.agency)}`]);
  return `<section lang="${lang}" dir="${RTL.has(lang) ? 'rtl' : 'ltr'}" class="lang-${lang}">
<h2>${esc(t.title)}</h2>
<p>${fill(t.greeting, { name: bdi(d.person) })}</p>
<p>${esc(t.body)}</p>
<table>${rows.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${v}</td></tr>`).join('')}</table>
${d.interpreterLanguage ? `<p>${fill(t.interpreter, { language: bdi(languageName) })}</p>` : ''}
<p>${esc(t.bring)}</p>
<p>${fill(t.cancel, { contact: bdi(d.contact) })}</p>
<p>${esc(t.closing)}<br>${bdi(d.agency)}</p>
</section>`;
}

export function renderAppointmentLetter(d: AppointmentLetterData, lang: string, fontCss = ''): string {
  const second = letterLanguageFor(lang);
  const other = second && second !== 'de' ? second : null;
  return `<!doctype html>
<html lang="${other ?? 'de'}" dir="${other && RTL.has(other) ? 'rtl' : 'ltr'}">
<head><meta charset="utf-8"><title>${esc(de.title)}</title>
<style>${fontCss}
body{font-family:"Noto Sans",sans-serif;margin:2rem;color:#111;line-height:1.5}
section{margin-bottom:2.5rem}h2{font-size:1.25rem}table{border-collapse:collapse}
th,td{padding:.25rem .6rem;text-align:start;vertical-align:top}th{font-weight:600}
.lang-ar,.lang-fa{font-family:"Noto Sans Arabic","Noto Sans",sans-serif;font-size:1.05rem}
.lang-ti{font-family:"Noto Sans Ethiopic","Noto Sans",sans-serif}
@media print{body{margin:1.5cm}section+section{page-break-before:always}}</style></head>
<body><main>
${section('de', d)}
${other ? section(other, d) : ''}
</main></body></html>`;
}
