import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartSpec } from '../../shared/contract/charts';
import { chartOption } from '../../shared/charts/chart-option';

// Only what the charts use: the bundle stays small, and nothing ECharts loads needs eval (CSP).
// LegacyGridContainLabel: ECharts 6 ignores the option's grid.containLabel without it (long member names were cut).
echarts.use([BarChart, FunnelChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer, LegacyGridContainLabel]);

export interface ChartViewProps {
  spec: ChartSpec;
  /** A click on a bar, slice or stage: its category's index and key (spec.keys), and the series clicked. */
  onSelect?: (selection: { index: number; key: string | null; category: string; series: string | null }) => void;
  height?: number;
  /** The chart's accessible name; defaults to its title. */
  label?: string;
}

/**
 * One chart of a ChartSpec, drawn by ECharts as SVG with the option the reports use
 * (shared/charts/chart-option.ts). Resizes with its box; a click reports the category.
 */
export function ChartView({ spec, onSelect, height = 320, label }: ChartViewProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const selectRef = useRef(onSelect);
  const specRef = useRef(spec);
  // The click handler, bound once, reads the latest props through these.
  useEffect(() => {
    selectRef.current = onSelect;
    specRef.current = spec;
  });

  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const instance = echarts.init(el, null, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      const index = typeof params.dataIndex === 'number' ? params.dataIndex : -1;
      if (index < 0) return;
      const current = specRef.current;
      selectRef.current?.({
        index,
        key: current.keys?.[index] ?? null,
        category: current.categories[index] ?? String(params.name ?? ''),
        series: typeof params.seriesName === 'string' ? params.seriesName : null,
      });
    });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(chartOption(spec, { interactive: true }), { notMerge: true });
  }, [spec]);

  return <div ref={box} className="chart-view" role="img" aria-label={label ?? spec.title} style={{ height }} data-clickable={onSelect ? 'true' : undefined} />;
}
