/**
 * Small SVG charts for the printed monthly report, built on the server: the PDF is rendered from a
 * standalone HTML page (no script, no network), so the charts are plain SVG with their numbers as text.
 */
const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n1 = (x: number) => Math.round(x * 10) / 10;
const de = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });

export const COLORS = ['#1971c2', '#e8590c', '#2f9e44', '#9c36b5'];

/** Horizontal bars with their value written at the end (null: "unter 5" in grey). */
export function barsSvg(
  bars: { label: string; value: number | null; text: string }[],
  opts: { max?: number; width?: number; title: string },
): string {
  const width = opts.width ?? 520;
  const labelW = 210;
  const row = 26;
  const height = bars.length * row + 8;
  const max = opts.max ?? Math.max(1, ...bars.map((b) => b.value ?? 0));
  const plot = width - labelW - 70;
  const rows = bars
    .map((b, i) => {
      const y = 4 + i * row;
      const w = b.value === null ? 0 : Math.max(1, (b.value / max) * plot);
      return `<text x="${labelW - 8}" y="${y + 17}" text-anchor="end" class="l">${esc(b.label)}</text>
<rect x="${labelW}" y="${y + 4}" width="${n1(w)}" height="${row - 10}" fill="${COLORS[0]}" rx="2"/>
<text x="${n1(labelW + w + 6)}" y="${y + 17}" class="${b.value === null ? 'm' : 'v'}">${esc(b.text)}</text>`;
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px" role="img" aria-label="${esc(opts.title)}">
<style>.l{font-size:12px;fill:#212529}.v{font-size:12px;fill:#212529;font-weight:700}.m{font-size:12px;fill:#868e96}</style>
${rows}
</svg>`;
}

export interface LineSeries {
  name: string;
  /** One value per x label; null = not shown. */
  values: (number | null)[];
  /** Optional band (low, high) per x label. */
  band?: ({ low: number; high: number } | null)[];
  dashed?: boolean;
}

/**
 * Lines over labelled months, optional bars (e.g. seats) and a band per series, with a legend; y from 0.
 * `unit` is appended to the axis numbers ("%" for shares given as 0..100).
 */
export function lineSvg(opts: {
  title: string;
  labels: string[];
  series: LineSeries[];
  bars?: { name: string; values: number[] };
  unit?: string;
  width?: number;
  height?: number;
}): string {
  const width = opts.width ?? 720;
  const height = opts.height ?? 260;
  const left = 48;
  const right = 12;
  const top = 12;
  const bottom = 58;
  const pw = width - left - right;
  const ph = height - top - bottom;
  const n = opts.labels.length;
  const all = [
    ...opts.series.flatMap((s) => [...s.values, ...(s.band ?? []).map((b) => b?.high ?? null)]),
    ...(opts.bars?.values ?? []),
  ].filter((v): v is number => v !== null);
  const rawMax = Math.max(1, ...all);
  const step = niceStep(rawMax / 4);
  const max = Math.ceil(rawMax / step) * step;
  const x = (i: number) => left + (n <= 1 ? pw / 2 : (i + 0.5) * (pw / n));
  const y = (v: number) => top + ph - (v / max) * ph;
  const parts: string[] = [];
  for (let v = 0; v <= max + 1e-9; v += step)
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${n1(y(v))}" y2="${n1(y(v))}" stroke="#e9ecef"/>`,
      `<text x="${left - 6}" y="${n1(y(v) + 4)}" text-anchor="end" class="a">${de.format(v)}${opts.unit ?? ''}</text>`,
    );
  const every = Math.ceil(n / 12);
  opts.labels.forEach((l, i) => {
    if (i % every === 0)
      parts.push(
        `<text x="${n1(x(i))}" y="${height - bottom + 16}" text-anchor="middle" class="a">${esc(l)}</text>`,
      );
  });
  if (opts.bars) {
    const bw = Math.max(2, (pw / n) * 0.5);
    opts.bars.values.forEach((v, i) => {
      if (v > 0)
        parts.push(
          `<rect x="${n1(x(i) - bw / 2)}" y="${n1(y(v))}" width="${n1(bw)}" height="${n1(y(0) - y(v))}" fill="#ced4da"/>`,
        );
    });
  }
  opts.series.forEach((s, k) => {
    const color = COLORS[k % COLORS.length];
    if (s.band) {
      const pts = s.band.map((b, i) => (b ? { i, b } : null)).filter((p) => p !== null);
      if (pts.length > 1) {
        const upper = pts.map((p) => `${n1(x(p.i))},${n1(y(p.b.high))}`);
        const lower = pts.map((p) => `${n1(x(p.i))},${n1(y(p.b.low))}`).reverse();
        parts.push(
          `<polygon points="${[...upper, ...lower].join(' ')}" fill="${color}" fill-opacity="0.15"/>`,
        );
      }
    }
    let d = '';
    s.values.forEach((v, i) => {
      if (v === null) return;
      d += `${d === '' || s.values[i - 1] === null ? 'M' : 'L'}${n1(x(i))},${n1(y(v))} `;
    });
    if (d)
      parts.push(
        `<path d="${d.trim()}" fill="none" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`,
      );
  });
  const legend = [
    ...opts.series.map((s, k) => ({ name: s.name, color: COLORS[k % COLORS.length], box: false })),
    ...(opts.bars ? [{ name: opts.bars.name, color: '#ced4da', box: true }] : []),
  ];
  let lx = left;
  for (const l of legend) {
    const ly = height - 18;
    parts.push(
      l.box
        ? `<rect x="${lx}" y="${ly - 9}" width="14" height="10" fill="${l.color}"/>`
        : `<line x1="${lx}" x2="${lx + 14}" y1="${ly - 4}" y2="${ly - 4}" stroke="${l.color}" stroke-width="3"/>`,
      `<text x="${lx + 19}" y="${ly}" class="a">${esc(l.name)}</text>`,
    );
    lx += 30 + l.name.length * 6.2;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${esc(opts.title)}">
<style>.a{font-size:11px;fill:#495057}</style>
${parts.join('\n')}
</svg>`;
}

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}
