// One ECharts chart, loaded modularly (echarts/core plus only the charts and components used here) so the
// console bundle stays small. The container is an image to assistive technology: role="img" with a label
// that names the chart and sums it up; the numbers themselves are in the data table next to each chart.
import { useEffect, useRef } from 'react';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { BarChart, LineChart, PieChart, type BarSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { theme } from '../../theme.ts';

use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** Series colours: sober blues and greens first, each at least 3:1 against white. */
export const CHART_COLOURS = ['#1d4ed8', '#0f766e', '#b45309', '#7c3aed', '#be123c', '#0369a1', '#4d7c0f', '#4b5563'];

const BASE: ChartOption = {
  color: CHART_COLOURS,
  textStyle: { fontFamily: theme.token?.fontFamily, color: '#1f2937' },
  animationDuration: 400,
  tooltip: { confine: true, textStyle: { color: '#111827' }, borderColor: '#d1d5db' },
};

export default function EChart({ option, label, height = 300 }: { option: ChartOption; label: string; height?: number }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const instance = init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ ...BASE, ...option, tooltip: { ...(BASE.tooltip as object), ...((option.tooltip as object | undefined) ?? {}) } }, { notMerge: true });
  }, [option]);

  return <div ref={container} role="img" aria-label={label} className="zt-chart" style={{ height }} />;
}
