/**
 * The cooperation plan as a printable page: German (the binding text) and the client's language side by
 * side per section — right-to-left for Arabic and Farsi/Dari, Ge'ez script for Tigrinya. Catalogue words
 * (headings, who, status) come translated from reviewed catalogues; what staff typed (goals, steps) stays
 * in German and is marked as not translated — never machine-translated silently. Self-contained: the
 * fonts arrive as CSS (data URLs) from the caller, so it prints the same on every machine.
 */

import { bdi, esc, fill } from '../text/html';
import type { PlanContent, PlanStep } from './plan';
import ar from './print-texts/ar.json';
import de from './print-texts/de.json';
import en from './print-texts/en.json';
import fa from './print-texts/fa.json';
import ti from './print-texts/ti.json';
import tr from './print-texts/tr.json';
import uk from './print-texts/uk.json';

export type PlanTexts = typeof de;
export const PLAN_TEXTS = { de, en, ar, fa, uk, tr, ti } satisfies Record<string, PlanTexts>;
export type PlanLanguage = keyof typeof PLAN_TEXTS;
export const PLAN_LANGUAGES = Object.keys(PLAN_TEXTS) as PlanLanguage[];
/** Dari is written like Farsi: a Dari reader gets the Persian catalogue. */
export const planLanguageFor = (code: string | null): PlanLanguage | null =>
  code === 'prs' ? 'fa' : code && Object.hasOwn(PLAN_TEXTS, code) ? (code as PlanLanguage) : null;

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

export interface PlanPrintData {
  version: number;
  agreedOn: string | null;
  reviewOn: string | null;
  person: string;
  agency: string;
  advisor: string | null;
  content: PlanContent;
  /** Titles of the measures steps refer to. */
  measures: Record<string, string>;
}

function dateFor(lang: string, iso: string): string {
  if (lang === 'de') return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
  return new Intl.DateTimeFormat(LOCALES[lang] ?? lang, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    calendar: 'gregory',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T12:00:00Z`));
}

function who(t: PlanTexts, s: PlanStep): string {
  if (s.owner === 'client') return esc(t.client);
  if (s.owner === 'advisor') return esc(t.advisor);
  return s.ownerName ? fill(t.partner, { name: bdi(s.ownerName) }) : esc(t.partnerUnnamed);
}

/** Free text typed in German: shown as it is, with the marker in the reader's language. */
function typed(t: PlanTexts, lang: string, text: string): string {
  const marker = lang === 'de' ? '' : ` <span class="nt">${esc(t.notTranslated)}</span>`;
  return `<span lang="de" dir="ltr">${esc(text)}</span>${marker}`;
}

function section(lang: PlanLanguage, d: PlanPrintData): string {
  const t = PLAN_TEXTS[lang];
  const dir = RTL.has(lang) ? 'rtl' : 'ltr';
  const goals = d.content.goals
    .map((g, i) => {
      const rows = g.steps
        .map((s) => {
          const measure =
            s.measureId && d.measures[s.measureId]
              ? `<br><small>${fill(t.measure, { title: bdi(d.measures[s.measureId]) })}</small>`
              : '';
          return `<tr><td>${typed(t, lang, s.text)}${measure}</td><td>${who(t, s)}</td><td>${bdi(dateFor(lang, s.dueOn))}</td><td>${esc(t[s.status])}</td></tr>`;
        })
        .join('');
      return `<h3>${fill(t.goal, { n: bdi(new Intl.NumberFormat(LOCALES[lang]).format(i + 1)) })}: ${typed(t, lang, g.text)}</h3>
${
  g.steps.length > 0
    ? `<table><thead><tr><th scope="col">${esc(t.what)}</th><th scope="col">${esc(t.who)}</th><th scope="col">${esc(t.until)}</th><th scope="col">${esc(t.state)}</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p>${esc(t.noSteps)}</p>`
}`;
    })
    .join('\n');
  return `<section lang="${lang}" dir="${dir}" class="lang-${lang}">
<h2>${esc(t.title)} <small>${fill(t.version, { n: bdi(d.version) })}</small></h2>
<p>${d.agreedOn ? fill(t.agreed, { date: bdi(dateFor(lang, d.agreedOn)), person: bdi(d.person), agency: bdi(d.agency) }) : esc(t.notAgreed)}</p>
${goals}
${d.reviewOn ? `<p>${fill(t.review, { date: bdi(dateFor(lang, d.reviewOn)) })}</p>` : ''}
${d.advisor ? `<p>${fill(t.contact, { name: bdi(d.advisor), agency: bdi(d.agency) })}</p>` : ''}
${lang === 'de' ? '' : `<p class="binding">${esc(t.binding)}</p>`}
<div class="sign"><div>${esc(t.signClient)}</div><div>${esc(t.signAdvisor)}</div></div>
</section>`;
}

/** German first (binding), then the client's language if we have its catalogue. */
export function renderPlanDocument(d: PlanPrintData, lang: string, fontCss = ''): string {
  const second = planLanguageFor(lang);
  const other = second && second !== 'de' ? second : null;
  return `<!doctype html>
<html lang="${other ?? 'de'}" dir="${other && RTL.has(other) ? 'rtl' : 'ltr'}">
<head><meta charset="utf-8"><title>${esc(de.title)} – ${esc(d.person)}</title>
<style>${fontCss}
body{font-family:"Noto Sans",sans-serif;margin:2rem;color:#111;line-height:1.5}
section{margin-bottom:2.5rem}h2{font-size:1.3rem}h3{font-size:1.05rem;margin-top:1.4rem}
.lang-ar,.lang-fa{font-family:"Noto Sans Arabic","Noto Sans",sans-serif;font-size:1.05rem}
.lang-ti{font-family:"Noto Sans Ethiopic","Noto Sans",sans-serif}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:start;vertical-align:top}
th{background:#eee}.nt{color:#555;font-size:.85em}.binding{font-style:italic}
.sign{display:flex;gap:3rem;margin-top:3rem}.sign div{flex:1;border-top:1px solid #111;padding-top:.3rem}
@media print{body{margin:1.5cm}section+section{page-break-before:always}}</style></head>
<body><main>
${section('de', d)}
${other ? section(other, d) : ''}
</main></body></html>`;
}
