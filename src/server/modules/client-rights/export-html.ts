import { RTL_LANGUAGES } from '../../../domain/reference/languages';
import type { PersonDataExport } from './collect';

// Headings of the printable copy in the languages the county hands out most; values stay as stored.
const LABELS: Record<string, Record<string, string>> = {
  de: {
    title: 'Auskunft über Ihre gespeicherten Daten',
    intro: 'Nach Art. 15 DSGVO haben Sie das Recht zu erfahren, welche Daten über Sie gespeichert sind.',
    person: 'Ihre Angaben',
    status: 'Aufenthaltsstatus',
    consents: 'Einwilligungen',
    household: 'Haushalt',
    handovers: 'Übergaben zwischen Stellen',
    access: 'Wer hat Ihre Daten gelesen',
    generated: 'Erstellt am',
  },
  en: {
    title: 'Information about your stored data',
    intro: 'Under Art. 15 GDPR you have the right to know which data about you is stored.',
    person: 'Your details',
    status: 'Residence status',
    consents: 'Consents',
    household: 'Household',
    handovers: 'Handovers between agencies',
    access: 'Who read your data',
    generated: 'Created on',
  },
  ar: {
    title: 'معلومات حول بياناتك المخزنة',
    intro: 'بموجب المادة 15 من اللائحة العامة لحماية البيانات يحق لك معرفة البيانات المخزنة عنك.',
    person: 'بياناتك',
    status: 'وضع الإقامة',
    consents: 'الموافقات',
    household: 'الأسرة',
    handovers: 'التحويلات بين الجهات',
    access: 'من اطلع على بياناتك',
    generated: 'تاريخ الإنشاء',
  },
  uk: {
    title: 'Інформація про ваші збережені дані',
    intro: 'Відповідно до ст. 15 GDPR ви маєте право знати, які дані про вас зберігаються.',
    person: 'Ваші дані',
    status: 'Статус перебування',
    consents: 'Згоди',
    household: 'Домогосподарство',
    handovers: 'Передачі між установами',
    access: 'Хто переглядав ваші дані',
    generated: 'Створено',
  },
  fa: {
    title: 'اطلاعات درباره داده‌های ذخیره‌شده شما',
    intro: 'طبق ماده ۱۵ مقررات عمومی حفاظت از داده‌ها، حق دارید بدانید چه داده‌هایی درباره شما ذخیره شده است.',
    person: 'مشخصات شما',
    status: 'وضعیت اقامت',
    consents: 'رضایت‌نامه‌ها',
    household: 'خانوار',
    handovers: 'انتقال بین ادارات',
    access: 'چه کسی داده‌های شما را خوانده است',
    generated: 'تاریخ تهیه',
  },
};
export const EXPORT_LANGUAGES = Object.keys(LABELS);

const esc = (v: unknown): string =>
  String(v ?? '—').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function table(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return '<p>—</p>';
  const cols = Object.keys(rows[0]);
  return `<table><thead><tr>${cols.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr>${cols.map((c) => `<td>${esc(Array.isArray(r[c]) ? (r[c] as unknown[]).join(', ') : r[c] instanceof Date ? (r[c] as Date).toISOString() : r[c])}</td>`).join('')}</tr>`,
    )
    .join('')}</tbody></table>`;
}

/** A printable, self-contained page (no scripts), right-to-left for Arabic and Farsi. */
export function renderExportHtml(data: PersonDataExport, lang: string): string {
  const l = LABELS[lang] ?? LABELS.de;
  const dir = RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr';
  const p = data.person;
  const personRows = Object.entries(p)
    .filter(([k]) => !['version', 'merged_into'].includes(k))
    .map(([k, v]) => ({
      field: k,
      value: Array.isArray(v)
        ? v.join(', ')
        : typeof v === 'object' && v !== null && !(v instanceof Date)
          ? JSON.stringify(v)
          : v instanceof Date
            ? v.toISOString()
            : v,
    }));
  return `<!doctype html>
<html lang="${esc(lang)}" dir="${dir}">
<head><meta charset="utf-8"><title>${esc(l.title)}</title>
<style>body{font-family:"Noto Sans","Noto Sans Arabic","DejaVu Sans",sans-serif;margin:2rem;color:#111}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.5rem;border-bottom:1px solid #999}table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border:1px solid #bbb;padding:.25rem .4rem;text-align:start;vertical-align:top}@media print{body{margin:1cm}}</style></head>
<body><main>
<h1>${esc(l.title)}</h1><p>${esc(l.intro)}</p><p>${esc(l.generated)}: ${esc(data.generatedAt.slice(0, 10))} · ${esc(data.legalBasis)}</p>
<h2>${esc(l.person)}</h2>${table(personRows)}
<h2>${esc(l.status)}</h2>${table(data.residenceStatusHistory as Record<string, unknown>[])}
<h2>${esc(l.consents)}</h2>${table(data.consents as Record<string, unknown>[])}
<h2>${esc(l.household)}</h2>${table(data.household as Record<string, unknown>[])}
<h2>${esc(l.handovers)}</h2>${table(data.handovers as Record<string, unknown>[])}
<h2>${esc(l.access)}</h2>${table(data.accessLog)}
</main></body></html>`;
}
