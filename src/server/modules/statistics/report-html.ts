import { germanDay } from '../../../domain/reference/dates';
import { INDICATOR_IDS, unitOf } from '../../../domain/statistics/targets';
import { printFontCss } from '../../print/fonts';
import type { ReportOut } from './report-schema';
import { barsSvg, lineSvg } from './report-svg';

/**
 * The monthly steering report as one standalone HTML page (fonts embedded, SVG charts, no script, no
 * links): Chromium prints it to PDF without logging in and without reaching the network. It shows exactly
 * the report model, whose small cells are already hidden.
 */
const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });
const HIDDEN = 'unter 5';
const SHARE_IDS = new Set<string>(INDICATOR_IDS.filter((id) => unitOf(id) === 'share'));
const DAYS = new Set<string>(INDICATOR_IDS.filter((id) => unitOf(id) === 'days'));

export function monthName(month: string, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat('de-DE', { month: style, year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}
const pct = (v: number | null) => (v === null ? HIDDEN : `${num.format(Math.round(v * 1000) / 10)} %`);
const value = (id: string, v: number | null, suppressed: boolean) =>
  suppressed
    ? HIDDEN
    : v === null
      ? '—'
      : SHARE_IDS.has(id)
        ? pct(v)
        : DAYS.has(id)
          ? `${num.format(v)} Tage`
          : num.format(v);

export function reportHtml(r: ReportOut): string {
  const title = `Monatsbericht Steuerung – ${monthName(r.month)}`;
  const shares = r.indicators.filter((i) =>
    ['in_work_share', 'in_course_share', 'waiting_share', 'b2_share', 'course_seat_use'].includes(i.id),
  );
  const sharesChart = barsSvg(
    shares.map((i) => ({
      label: i.label,
      value: i.suppressed || i.value === null ? null : Math.round(i.value * 1000) / 10,
      text: i.suppressed || i.value === null ? HIDDEN : pct(i.value),
    })),
    { max: 100, title: `Anteile am ${germanDay(r.asOf)}` },
  );
  const trendChart = lineSvg({
    title: 'Verlauf der Anteile über zwölf Monatsenden',
    labels: r.trend.map((t) => monthName(t.asOf.slice(0, 7), 'short')),
    unit: ' %',
    series: [
      {
        name: 'in Arbeit',
        values: r.trend.map((t) => (t.inWorkShare === null ? null : t.inWorkShare * 100)),
      },
      {
        name: 'im Sprachkurs',
        values: r.trend.map((t) => (t.inCourseShare === null ? null : t.inCourseShare * 100)),
      },
      {
        name: 'auf der Warteliste',
        values: r.trend.map((t) => (t.waitingShare === null ? null : t.waitingShare * 100)),
      },
    ],
  });
  const f = r.forecast;
  const past = f.history.slice(-12);
  const forecastChart = lineSvg({
    title: 'Zugänge und Kursbedarf: zwölf Monate zurück, zwölf Monate Prognose',
    labels: [
      ...past.map((h) => monthName(h.month, 'short')),
      ...f.months.map((m) => monthName(m.month, 'short')),
    ],
    series: [
      { name: 'Zugänge bisher', values: [...past.map((h) => h.arrivals), ...f.months.map(() => null)] },
      {
        name: 'Zugänge Prognose',
        dashed: true,
        values: [...past.map(() => null), ...f.months.map((m) => m.arrivals)],
        band: [
          ...past.map(() => null),
          ...f.months.map((m) =>
            m.arrivalsLow === null || m.arrivalsHigh === null
              ? null
              : { low: m.arrivalsLow, high: m.arrivalsHigh },
          ),
        ],
      },
      {
        name: 'Kursbedarf Prognose',
        dashed: true,
        values: [...past.map(() => null), ...f.months.map((m) => m.demand)],
      },
    ],
    bars: { name: 'neue Kursplätze', values: [...past.map(() => 0), ...f.months.map((m) => m.seats)] },
  });
  const bt = f.backtest.arrivals;
  const indicatorRows = r.indicators
    .map(
      (i) =>
        `<tr><th scope="row">${esc(i.label)}</th><td>${esc(value(i.id, i.value, i.suppressed))}</td><td>${esc(
          value(i.id, i.previous, i.previousSuppressed),
        )}</td><td>${i.numerator === null ? '—' : num.format(i.numerator)}</td><td>${i.denominator === null ? '—' : num.format(i.denominator)}</td></tr>`,
    )
    .join('');
  const range = (low: number | null, high: number | null) =>
    low === null || high === null
      ? ''
      : ` <span class="dim">(${num.format(Math.round(low))}–${num.format(Math.round(high))})</span>`;
  const forecastRows = f.months
    .map(
      (m) =>
        `<tr><th scope="row">${esc(monthName(m.month))}</th><td>${num.format(Math.round(m.arrivals))}${range(m.arrivalsLow, m.arrivalsHigh)}</td><td>${num.format(Math.round(m.demand))}${range(m.demandLow, m.demandHigh)}</td><td>${num.format(m.seats)}</td><td>${num.format(m.shortfall)}</td></tr>`,
    )
    .join('');
  const groups = r.groups
    .map(
      (g) =>
        `<section class="group"><h3>Nach ${esc(g.label)}</h3><table><thead><tr><th scope="col">${esc(g.label)}</th><th scope="col">Fälle</th><th scope="col">in Arbeit</th><th scope="col">im Sprachkurs</th><th scope="col">Warteliste</th><th scope="col">B2</th></tr></thead><tbody>${g.rows
          .map(
            (row) =>
              `<tr><th scope="row">${esc(row.label)}</th><td>${row.caseload === null ? HIDDEN : num.format(row.caseload)}</td>${[row.inWorkShare, row.inCourseShare, row.waitingShare, row.b2Share].map((v) => `<td>${row.caseload === 0 ? '—' : pct(v)}</td>`).join('')}</tr>`,
          )
          .join('')}</tbody></table></section>`,
    )
    .join('');
  const scenario =
    f.scenario.annualArrivals !== null
      ? `Szenario: ${num.format(f.scenario.annualArrivals)} Zugänge im Jahr`
      : f.scenario.factor === 1
        ? 'Szenario: wie bisher'
        : `Szenario: Zugänge × ${num.format(f.scenario.factor)}`;
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
${printFontCss()}
@page { size: A4; margin: 16mm 14mm 18mm; }
body { font-family: 'Noto Sans', 'Noto Sans Arabic', sans-serif; color: #212529; font-size: 10.5pt; margin: 0; }
h1 { font-size: 18pt; margin: 0 0 2mm; } h2 { font-size: 13pt; margin: 7mm 0 2mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; }
th, td { border-bottom: 1px solid #dee2e6; padding: 1.2mm 2mm; text-align: right; }
th[scope=row], thead th:first-child { text-align: left; font-weight: 400; }
thead th { font-weight: 700; background: #f1f3f5; }
tr, figure, .group { break-inside: avoid; }
figure { margin: 2mm 0 4mm; }
figcaption { font-size: 9.5pt; color: #495057; }
.dim { color: #868e96; font-size: 9pt; }
.note { font-size: 9pt; color: #495057; }
</style></head><body>
<h1>${esc(title)}</h1>
<p>${esc(r.region)} · Stand ${germanDay(r.asOf)}, verglichen mit ${germanDay(r.previousAsOf)}</p>
<h2>Kennzahlen</h2>
<table><thead><tr><th scope="col">Kennzahl</th><th scope="col">${germanDay(r.asOf)}</th><th scope="col">${germanDay(r.previousAsOf)}</th><th scope="col">Zähler</th><th scope="col">Nenner</th></tr></thead><tbody>${indicatorRows}</tbody></table>
<figure>${sharesChart}<figcaption>Anteile am ${germanDay(r.asOf)}</figcaption></figure>
<figure>${trendChart}<figcaption>Anteile an den letzten zwölf Monatsenden</figcaption></figure>
<h2>Prognose der nächsten zwölf Monate</h2>
<p>${esc(scenario)}. Auf der Warteliste: ${f.waitingNow === null ? HIDDEN : num.format(f.waitingNow)} Personen. Zugänge in zwölf Monaten: ${num.format(f.totals.arrivals)}, Kursbedarf: ${num.format(f.totals.demand)}, neue Kursplätze im Katalog: ${num.format(f.totals.seats)}.</p>
<figure>${forecastChart}<figcaption>Zugänge je Monat, Prognose mit 80-%-Bereich, Kursbedarf und die Plätze der Kurse, die im Monat beginnen</figcaption></figure>
<table><thead><tr><th scope="col">Monat</th><th scope="col">Zugänge (80-%-Bereich)</th><th scope="col">Kursbedarf</th><th scope="col">neue Plätze</th><th scope="col">ohne Platz am Monatsende</th></tr></thead><tbody>${forecastRows}</tbody></table>
<p class="note">Verfahren: exponentielle Glättung mit gedämpftem Trend (Holt), aus den Zugängen und Kursanfragen je Monat vor dem Prognosezeitraum. Rückrechnung über ${num.format(bt.origins)} Startmonate: mittlere Abweichung ${bt.mae === null ? '—' : num.format(bt.mae)} Zugänge je Monat${bt.mape === null ? '' : ` (${num.format(Math.round(bt.mape * 1000) / 10)} %)`}, „wie im Vormonat“ ${bt.naiveMae === null ? '—' : num.format(bt.naiveMae)}.</p>
<h2>Nach Gruppen am ${germanDay(r.asOf)}</h2>
${groups}
<p class="note">Zahlen mit weniger als 5 Personen werden nicht gezeigt („unter 5“); in einer Gruppe, die sich zur Region addiert, wird dann auch die nächstkleinere Zelle verborgen, damit sich keine kleine Zahl errechnen lässt.</p>
</body></html>`;
}
