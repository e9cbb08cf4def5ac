import { germanDay } from '../../../domain/reference/dates';
import { shownNumber, unitOf } from '../../../domain/statistics/targets';
import type { DashboardOut } from './steering-schema';

/**
 * The dashboard's tables as the exports carry them: the same rows and the same rounded numbers as the screen
 * (shares in percent with one decimal, days with one, dates as 31.12.2027), German headings, no codes.
 */
export type Cell = string | number | null;
export interface ExportTable {
  key: 'indicators' | 'targets' | 'funnel' | 'map' | 'trend';
  title: string;
  header: string[];
  rows: Cell[][];
}

export const SUPPRESSED = 'unter 5 – nicht gezeigt';
const VERDICTS: Record<DashboardOut['targets'][number]['verdict'], string> = {
  reached: 'erreicht',
  missed: 'verfehlt',
  on_track: 'auf Kurs',
  off_track: 'nicht auf Kurs',
  unknown: 'noch nicht abschätzbar',
};
const LABELS = new Map<string, string>();

export function exportTables(d: DashboardOut): ExportTable[] {
  for (const i of d.indicators) LABELS.set(i.id, i.label);
  const pct = (v: number | null) => shownNumber('share', v);
  return [
    {
      key: 'indicators',
      title: 'Kennzahlen',
      header: ['Kennzahl', 'Wert', 'Zähler', 'Nenner'],
      rows: d.indicators.map((i) => [
        i.label,
        i.suppressed ? SUPPRESSED : shownNumber(unitOf(i.id), i.value),
        i.numerator,
        i.denominator,
      ]),
    },
    {
      key: 'targets',
      title: 'Ziele',
      header: [
        'Ziel',
        'Kennzahl',
        'Zielwert',
        'Frist',
        'Aktueller Wert',
        'Abstand',
        'Trend je 30 Tage',
        'Wert zur Frist nach Trend',
        'Einschätzung',
      ],
      rows: d.targets.map((t) => [
        t.label,
        LABELS.get(t.indicatorId) ?? t.indicatorId,
        shownNumber(t.unit, t.targetValue),
        germanDay(t.deadline),
        shownNumber(t.unit, t.current),
        shownNumber(t.unit, t.distance),
        shownNumber(t.unit, t.slopePer30Days),
        shownNumber(t.unit, t.projected),
        VERDICTS[t.verdict],
      ]),
    },
    {
      key: 'funnel',
      title: 'Weg in Arbeit',
      header: ['Stufe', 'Personen'],
      rows: d.funnel.map((f) => [f.label, f.suppressed ? SUPPRESSED : f.value]),
    },
    {
      key: 'map',
      title: 'Kommunen',
      header: ['Kommune', 'Fälle', 'Anteil in Arbeit (%)'],
      rows: [...d.map.tiles]
        .sort((a, b) => a.name.localeCompare(b.name, 'de'))
        .map((m) => [
          m.name,
          m.suppressed ? SUPPRESSED : m.caseload,
          m.suppressed ? null : pct(m.inWorkShare),
        ]),
    },
    {
      key: 'trend',
      title: 'Verlauf',
      header: ['Stichtag', 'Fälle', 'Anteil in Arbeit (%)'],
      rows: d.trend.map((p) => [germanDay(p.on), p.caseload, pct(p.inWorkShare)]),
    },
  ];
}

/** One table as CSV: semicolons, UTF-8 with BOM (as Excel in Germany opens it), decimal comma. */
export function toCsv(t: ExportTable): string {
  const cell = (c: Cell) => {
    const s = c === null ? '' : typeof c === 'number' ? String(c).replace('.', ',') : c;
    return `"${s.replace(/"/g, '""')}"`;
  };
  return `\uFEFF${[t.header, ...t.rows].map((r) => r.map(cell).join(';')).join('\r\n')}`;
}
