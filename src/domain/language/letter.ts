/**
 * The client's letter after a confirmed allocation: printable HTML, German (the binding text) and, when the
 * client reads another language, the same text in that language beside it — right-to-left for Arabic and
 * Farsi. Self-contained (no scripts, no external resources) so it prints anywhere.
 */
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

type Texts = {
  title: string;
  greeting: (name: string) => string;
  body: string;
  course: string;
  provider: string;
  place: string;
  start: string;
  schedule: string;
  hours: string;
  childcare: string;
  yes: string;
  bring: string;
  contact: string;
  closing: string;
};

const T: Record<string, Texts> = {
  de: {
    title: 'Ihr Platz im Sprachkurs',
    greeting: (n) => `Guten Tag ${n},`,
    body: 'wir haben für Sie einen Platz in folgendem Sprachkurs reserviert. Bitte melden Sie sich vor Kursbeginn beim Kursträger.',
    course: 'Kurs',
    provider: 'Kursträger',
    place: 'Kursort',
    start: 'Beginn',
    schedule: 'Unterrichtszeiten',
    hours: 'Unterrichtseinheiten (je 45 Minuten)',
    childcare: 'Kinderbetreuung',
    yes: 'ja',
    bring:
      'Bitte bringen Sie diesen Brief, Ihren Ausweis und – falls vorhanden – Ihre Berechtigung oder Verpflichtung zum Kurs mit.',
    contact: 'Bei Fragen wenden Sie sich bitte an',
    closing: 'Mit freundlichen Grüßen',
  },
  en: {
    title: 'Your place in a language course',
    greeting: (n) => `Dear ${n},`,
    body: 'we have reserved a place for you in the following language course. Please contact the course provider before the course starts.',
    course: 'Course',
    provider: 'Course provider',
    place: 'Location',
    start: 'Start',
    schedule: 'Lesson times',
    hours: 'Lessons (45 minutes each)',
    childcare: 'Childcare',
    yes: 'yes',
    bring:
      'Please bring this letter, your ID and – if you have one – your entitlement or obligation to attend.',
    contact: 'If you have questions, please contact',
    closing: 'Kind regards',
  },
  ar: {
    title: 'مقعدك في دورة اللغة',
    greeting: (n) => `مرحباً ${n}،`,
    body: 'لقد حجزنا لك مقعداً في دورة اللغة التالية. يرجى التواصل مع الجهة المنظمة للدورة قبل بدايتها.',
    course: 'الدورة',
    provider: 'الجهة المنظمة',
    place: 'مكان الدورة',
    start: 'البداية',
    schedule: 'أوقات الدروس',
    hours: 'عدد الدروس (45 دقيقة لكل درس)',
    childcare: 'رعاية الأطفال',
    yes: 'نعم',
    bring: 'يرجى إحضار هذه الرسالة وبطاقة هويتك، وإن وجد، إشعار الأحقية أو الإلزام بالدورة.',
    contact: 'للاستفسار يرجى التواصل مع',
    closing: 'مع أطيب التحيات',
  },
  fa: {
    title: 'جای شما در کلاس زبان',
    greeting: (n) => `${n} گرامی،`,
    body: 'ما برای شما یک جا در کلاس زبان زیر رزرو کرده‌ایم. لطفاً پیش از شروع کلاس با مؤسسه آموزشی تماس بگیرید.',
    course: 'کلاس',
    provider: 'مؤسسه آموزشی',
    place: 'محل کلاس',
    start: 'شروع',
    schedule: 'ساعات کلاس',
    hours: 'تعداد جلسات (هر جلسه ۴۵ دقیقه)',
    childcare: 'مراقبت از کودک',
    yes: 'بله',
    bring: 'لطفاً این نامه، کارت شناسایی و در صورت وجود، مجوز یا الزام شرکت در کلاس را همراه داشته باشید.',
    contact: 'برای پرسش‌ها لطفاً تماس بگیرید با',
    closing: 'با احترام',
  },
  uk: {
    title: 'Ваше місце на мовному курсі',
    greeting: (n) => `Доброго дня, ${n}!`,
    body: 'ми зарезервували для вас місце на цьому мовному курсі. Будь ласка, зверніться до організатора курсу до його початку.',
    course: 'Курс',
    provider: 'Організатор курсу',
    place: 'Місце проведення',
    start: 'Початок',
    schedule: 'Розклад занять',
    hours: 'Уроків (по 45 хвилин)',
    childcare: 'Догляд за дітьми',
    yes: 'так',
    bring:
      'Будь ласка, візьміть із собою цей лист, посвідчення особи та – якщо є – дозвіл або зобов’язання на участь у курсі.',
    contact: 'З питаннями звертайтеся до',
    closing: 'З повагою',
  },
};
export const LETTER_LANGUAGES = Object.keys(T);
const RTL = new Set(['ar', 'fa']);

const esc = (v: unknown): string =>
  String(v ?? '—').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const germanDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

function section(lang: string, d: LetterData): string {
  const t = T[lang];
  const dir = RTL.has(lang) ? 'rtl' : 'ltr';
  const c = d.course;
  const rows: [string, string][] = [
    [t.course, `${c.typeLabel} (${c.ref})`],
    [t.provider, c.provider],
    [t.place, c.address ? `${c.place}, ${c.address}` : c.place],
    [t.start, germanDate(c.startDate)],
    [t.schedule, c.schedule ?? '—'],
    [t.hours, String(c.hours)],
  ];
  if (c.childcare) rows.push([t.childcare, t.yes]);
  return `<section lang="${lang}" dir="${dir}">
<h2>${esc(t.title)}</h2>
<p>${esc(t.greeting(d.recipient.name))}</p>
<p>${esc(t.body)}</p>
<table>${rows.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td><bdi>${esc(v)}</bdi></td></tr>`).join('')}</table>
<p>${esc(t.bring)}</p>
<p>${esc(t.contact)} <bdi>${esc(d.sender.advisor ? `${d.sender.advisor}, ${d.sender.agency}` : d.sender.agency)}</bdi>.</p>
<p>${esc(t.closing)}<br><bdi>${esc(d.sender.agency)}</bdi></p>
</section>`;
}

/** German first (binding), then the client's language if it is another one we have texts for. */
export function renderPlacementLetter(d: LetterData, lang: string): string {
  const second = lang !== 'de' && T[lang] ? lang : null;
  const dir = second && RTL.has(second) ? 'rtl' : 'ltr';
  return `<!doctype html>
<html lang="${second ?? 'de'}" dir="${dir}">
<head><meta charset="utf-8"><title>${esc(T.de.title)}</title>
<style>body{font-family:"Noto Sans","Noto Sans Arabic","DejaVu Sans",sans-serif;margin:2rem;color:#111;line-height:1.45}
header{margin-bottom:1.5rem}section{margin-bottom:2rem;page-break-inside:avoid}h2{font-size:1.2rem}
table{border-collapse:collapse}th,td{padding:.2rem .6rem;text-align:start;vertical-align:top}th{font-weight:600}
section[dir=rtl]{font-size:1.05rem}@media print{body{margin:1.5cm}section+section{page-break-before:always}}</style></head>
<body><main>
<header dir="ltr" lang="de"><p>${esc(d.sender.agency)}</p><p>${esc(d.recipient.name)}${d.recipient.address ? `<br>${esc(d.recipient.address)}` : ''}</p><p>${esc(germanDate(d.date))}</p></header>
${section('de', d)}
${second ? section(second, d) : ''}
</main></body></html>`;
}
