import { BarChart as EBar, LineChart as ELine } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([EBar, ELine, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface ChartLine {
  name: string;
  values: (number | null)[];
  dashed?: boolean;
  /** A range (low, high) per label, drawn as a light band under the line. */
  band?: ({ low: number; high: number } | null)[];
}

const COLORS = ['#1971c2', '#e8590c', '#2f9e44', '#9c36b5'];

/**
 * Lines over months with optional bars (course seats) and a range band, rendered as SVG so that the page
 * prints sharply. A picture of numbers the page also shows as a table: hidden from assistive technology
 * (the caller labels the figure).
 */
export default function ForecastChart({
  labels,
  lines,
  bars,
  unit = '',
  height = 280,
  rtl = false,
}: {
  labels: string[];
  lines: ChartLine[];
  bars?: { name: string; values: number[] };
  unit?: string;
  height?: number;
  rtl?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    const series: object[] = [];
    lines.forEach((l, k) => {
      const color = COLORS[k % COLORS.length];
      if (l.band) {
        const stack = `band${k}`;
        series.push(
          {
            type: 'line',
            stack,
            data: l.band.map((b) => (b ? b.low : null)),
            lineStyle: { opacity: 0 },
            symbol: 'none',
            silent: true,
            tooltip: { show: false },
          },
          {
            type: 'line',
            stack,
            data: l.band.map((b) => (b ? b.high - b.low : null)),
            lineStyle: { opacity: 0 },
            areaStyle: { color, opacity: 0.15 },
            symbol: 'none',
            silent: true,
            tooltip: { show: false },
          },
        );
      }
      series.push({
        type: 'line',
        name: l.name,
        data: l.values,
        color,
        symbol: 'circle',
        symbolSize: 4,
        lineStyle: { width: 2, type: l.dashed ? 'dashed' : 'solid' },
      });
    });
    if (bars)
      series.push({ type: 'bar', name: bars.name, data: bars.values, color: '#adb5bd', barMaxWidth: 18 });
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, textStyle: { color: '#212529' } },
      xAxis: { type: 'category', data: labels, inverse: rtl, axisLabel: { color: '#495057' } },
      yAxis: {
        type: 'value',
        position: rtl ? 'right' : 'left',
        axisLabel: { color: '#495057', formatter: `{value}${unit}` },
        splitLine: { lineStyle: { color: '#e9ecef' } },
      },
      series,
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    window.addEventListener('beforeprint', resize);
    return () => {
      window.removeEventListener('resize', resize);
      window.removeEventListener('beforeprint', resize);
      chart.dispose();
    };
  }, [labels, lines, bars, unit, rtl]);
  return <div ref={ref} style={{ width: '100%', height }} aria-hidden="true" />;
}
