import { writeFileSync } from 'node:fs';
import { openDatabase } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { todayInGermany } from '../src/domain/reference/dates';
import { addMonths, backtest, forecastFromFacts, monthOf } from '../src/domain/statistics/forecast';
import { seedDemo } from '../src/server/demo/seed';
import { loadStatisticsFacts } from '../src/server/modules/statistics/repo';
import { reportHtml } from '../src/server/modules/statistics/report-html';
import { renderPdf } from '../src/server/modules/statistics/report-pdf';
import { monthlyReport } from '../src/server/modules/statistics/report-service';
import { percentile } from './support/pg';
import type { Benchmark } from './types';

const fmt = (x: number | null, d = 1) => (x === null ? '—' : x.toFixed(d));

/**
 * Issue 15: the forecast's rolling-origin back-test on the demo county's history (the seed as `lotse seed`
 * makes it: 3,500 clients), against the naive forecast, and the time to print the monthly report as a PDF.
 * BENCH_FORECAST_PDF=path also writes the PDF there.
 */
const bench: Benchmark = {
  name: 'forecast',
  description:
    'forecast back-test (MAE, MAPE, naive yardstick) on the demo history; monthly report data and PDF render time',
  async run() {
    const database = await openDatabase({ dataDir: 'memory://' });
    try {
      await migrateToLatest(database.db);
      const { tenantId } = await seedDemo(database.db, { password: 'bench-passwort-123', clients: 3500 });
      const facts = await loadStatisticsFacts(database.db, tenantId);
      const thisMonth = monthOf(todayInGermany());
      const f = forecastFromFacts(facts, thisMonth);
      const rows: Record<string, string | number>[] = [];
      for (const [label, key] of [
        ['arrivals (intakes / month)', 'arrivals'],
        ['course demand (requests / month)', 'demand'],
      ] as const) {
        const series = f.history.map((h) => h[key]);
        const recent = series.slice(-12);
        const b = f.backtest[key];
        rows.push({
          series: label,
          months: series.length,
          'mean last 12': fmt(recent.reduce((s, v) => s + v, 0) / Math.max(1, recent.length)),
          origins: b.origins,
          'MAE h1': fmt(b.mae1),
          'MAE h1–12': fmt(b.mae),
          'MAPE h1–12': b.mape === null ? '—' : `${(b.mape * 100).toFixed(0)} %`,
          'naive MAE h1–12': fmt(b.naiveMae),
        });
      }
      // The demo seed puts the open cases into the last year (the maximum stay): its history jumps there.
      // The origins after the jump alone show the error at today's level.
      const arrivals = f.history.map((h) => h.arrivals);
      const late = backtest(arrivals, 12, undefined, 12);
      rows.push({
        series: 'arrivals, last 12 origins only',
        months: arrivals.length,
        'mean last 12': '',
        origins: late.origins,
        'MAE h1': fmt(late.mae1),
        'MAE h1–12': fmt(late.mae),
        'MAPE h1–12': late.mape === null ? '—' : `${(late.mape * 100).toFixed(0)} %`,
        'naive MAE h1–12': fmt(late.naiveMae),
      });
      // Hand-made series (seeded noise ±10): where smoothing should help and where it cannot.
      let seed = 7;
      const noise = () => {
        seed = (seed * 16807) % 2147483647;
        return (seed / 2147483647 - 0.5) * 20;
      };
      const synthetic: [string, number[]][] = [
        ['synthetic: level 40 ± 10', Array.from({ length: 48 }, () => Math.round(40 + noise()))],
        ['synthetic: trend +1 a month', Array.from({ length: 48 }, (_, i) => Math.round(20 + i + noise()))],
        [
          'synthetic: step 20 → 60',
          Array.from({ length: 48 }, (_, i) => Math.round((i < 24 ? 20 : 60) + noise())),
        ],
      ];
      for (const [label, series] of synthetic) {
        const b = backtest(series, 12);
        rows.push({
          series: label,
          months: series.length,
          'mean last 12': '',
          origins: b.origins,
          'MAE h1': fmt(b.mae1),
          'MAE h1–12': fmt(b.mae),
          'MAPE h1–12': b.mape === null ? '—' : `${(b.mape * 100).toFixed(0)} %`,
          'naive MAE h1–12': fmt(b.naiveMae),
        });
      }
      const month = addMonths(thisMonth, -1);
      const t0 = performance.now();
      const report = await monthlyReport(database.db, tenantId, month);
      const dataMs = performance.now() - t0;
      const html = reportHtml(report);
      const times: number[] = [];
      let pdf: Buffer | null = null;
      for (let i = 0; i < 3; i++) {
        const t1 = performance.now();
        pdf = await renderPdf(html);
        times.push(performance.now() - t1);
      }
      if (process.env.BENCH_FORECAST_PDF && pdf) writeFileSync(process.env.BENCH_FORECAST_PDF, pdf);
      return {
        title: `Forecast back-test on the demo county (history to ${addMonths(thisMonth, -1)}), report of ${month}`,
        rows,
        notes: [
          `damped-trend Holt, parameters fitted per origin; MAE in persons per month; naive = "as last month"`,
          `12-month forecast: ${Math.round(f.months.reduce((s, m) => s + m.arrivals, 0))} arrivals, ${Math.round(f.months.reduce((s, m) => s + m.demand, 0))} course requests, ${f.months.reduce((s, m) => s + m.seats, 0)} new seats; ${f.waitingNow} waiting now`,
          `monthly report data ${dataMs.toFixed(0)} ms; PDF (Chromium launch + print, ${pdf?.length ?? 0} bytes) p50 ${percentile(
            [...times].sort((a, b) => a - b),
            50,
          ).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`,
        ],
      };
    } finally {
      await database.close();
    }
  },
};
export default bench;
