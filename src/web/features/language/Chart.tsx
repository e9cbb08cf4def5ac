import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/** Calm colours of the app: blue for the proposal / demand, gray-teal for the comparison. */
export const SERIES_COLORS = ['#1971c2', '#868e96', '#2f9e44', '#e8590c', '#7048e8', '#0c8599', '#c2255c'];

/**
 * An ECharts picture of numbers the page also shows as a table: hidden from assistive technology, the caller
 * labels the figure and provides the table.
 */
export default function Chart({ option, height = 260 }: { option: ChartOption; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({ animation: false, color: SERIES_COLORS, ...option });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} style={{ width: '100%', height }} aria-hidden="true" />;
}
