import { BarChart as EBar } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([EBar, GridComponent, TooltipComponent, SVGRenderer]);

export interface Bar {
  label: string;
  value: number;
}

/**
 * A small horizontal bar chart. It is a picture of numbers that the page also shows as a table, so it is
 * hidden from assistive technology (the caller labels the figure).
 */
export default function BarChart({
  bars,
  height = 220,
  rtl = false,
}: {
  bars: Bar[];
  height?: number;
  rtl?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: rtl ? 16 : 8, right: rtl ? 8 : 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: {
        type: 'value',
        inverse: rtl,
        axisLabel: { color: '#495057' },
        splitLine: { lineStyle: { color: '#e9ecef' } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        position: rtl ? 'right' : 'left',
        data: bars.map((b) => b.label),
        axisLabel: { color: '#212529' },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          data: bars.map((b) => b.value),
          itemStyle: { color: '#1971c2', borderRadius: 2 },
          barMaxWidth: 22,
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [bars, rtl]);
  return <div ref={ref} style={{ width: '100%', height }} aria-hidden="true" />;
}
