import { RTL_LANGUAGES } from '../../../../domain/reference/languages';
import type { PersonDataExport } from '../collect';
import { accessSentences } from './access-log';
import type { DocumentContext } from './context';
import { date, legalRef } from './format';
import {
  consentSection,
  courseSection,
  handoverSection,
  householdSection,
  languageSection,
  personSection,
  residenceSection,
} from './sections';
import { bdi, type ExportLanguage, esc, type Html, translator } from './texts';

// Fonts installed with the system, never fetched: DejaVu Sans (Debian's default) covers Latin, Cyrillic,
// Arabic and Persian; the Noto families are preferred where a county installs fonts-noto-core. Print:
// A4 margins, no background colours, headings kept with their section.
const STYLE = `
:root{font-family:"Noto Sans","Noto Sans Arabic","Noto Naskh Arabic","DejaVu Sans",Arial,sans-serif;color:#111;line-height:1.5}
body{margin:2rem auto;max-width:46rem;padding:0 1rem}
:lang(ar),:lang(fa){font-size:1.06rem;line-height:1.75}
h1{font-size:1.5rem;margin-bottom:.25rem}h2{font-size:1.15rem;margin-top:1.75rem;border-bottom:1px solid #999;padding-bottom:.15rem}
h3{font-size:1rem;margin-bottom:.25rem}
dl{display:grid;grid-template-columns:minmax(10rem,16rem) 1fr;gap:.3rem 1rem;margin:0}
dt{font-weight:600}dd{margin:0}
ul{padding-inline-start:1.25rem}li{margin-bottom:.45rem}
.meta{color:#333}.none{color:#555;font-style:italic}.untranslated{color:#555;font-size:.9em}
@media print{@page{size:A4;margin:18mm}body{margin:0;max-width:none}h2{break-after:avoid}li,dl{break-inside:avoid}a{color:inherit}}
`;

/** The Art. 15 answer as a document the person can read: their language, their dates, their direction. */
export function renderExportDocument(
  data: PersonDataExport,
  ctx: DocumentContext,
  lang: ExportLanguage,
): string {
  const t = translator(lang);
  const dir = RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr';
  const p = data.person;
  const section = (key: string, body: Html) =>
    `<section><h2>${t.html(`section.${key}`)}</h2>${body}</section>`;
  const access = accessSentences(t, data.accessLog);
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${t.html('doc.title')}</title><style>${STYLE}</style></head>
<body><main>
<h1>${t.html('doc.title')}</h1>
<p class="meta">${t.html('doc.forPerson', { name: bdi(`${p.given_names} ${p.family_name}`) })}<br>${t.html(
    'doc.createdOn',
    { date: date(lang, new Date(data.generatedAt)) },
  )}<br>${t.html('doc.basis', { ref: legalRef('Art. 15 DSGVO, § 83 SGB X') })}</p>
<p>${t.html('doc.intro')}</p>
${section('person', personSection(t, data, ctx))}
${section('residence', residenceSection(t, data))}
${section('languages', languageSection(t, data))}
${section('household', householdSection(t, data))}
${section('consents', consentSection(t, data))}
${section('handovers', handoverSection(t, data))}
${section('courses', courseSection(t, data, ctx))}
${section(
  'access',
  `<p>${t.html('access.intro')}</p>${
    access.length ? `<ul>${access.map((s) => `<li>${s}</li>`).join('')}</ul>` : `<p>${t.html('doc.none')}</p>`
  }` as Html,
)}
<section><p>${t.html('doc.rights', {
    rectification: legalRef('Art. 16 DSGVO'),
    erasure: legalRef('Art. 17 DSGVO'),
    complaint: legalRef('Art. 77 DSGVO'),
  })}</p>${lang === 'de' ? '' : `<p>${esc(t.text('doc.germanBinding'))}</p>`}</section>
</main></body></html>`;
}
