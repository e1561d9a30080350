import type { EChartsOption, SeriesOption } from 'echarts';
import type { ChartSpec } from '../contract/charts';
import type { WarningLevel } from '../contract/warnings';

/**
 * Colours of the charts, the same in the window, in Word and in PDF: sober, distinguishable in
 * print and in grey, TBT and SPS first.
 */
export const CHART_PALETTE = ['#1f4e9c', '#2e9d6a', '#e09f1f', '#8e44ad', '#c0392b', '#16a2b8', '#7f8c8d', '#d35400', '#2c3e50', '#a3c644'];

/** The warning levels' colours, as the inbox's badges show them. */
export const WARNING_LEVEL_COLORS: Record<WarningLevel, string> = {
  red: '#c62828',
  orange: '#e65100',
  yellow: '#f9a825',
  blue: '#1565c0',
};

/**
 * The font stack the charts are drawn in: the CJK fonts of Windows, macOS and Linux. Single
 * quotes: ECharts' SVG renderer writes the stack into a double-quoted style attribute without
 * escaping it, and a double quote there ends the attribute (resvg then refuses the SVG).
 */
export const CHART_FONT_FAMILY = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";

export interface ChartOptionSettings {
  /** False for a static image (a report): no animation, no tooltip. */
  interactive: boolean;
}

function seriesOf(spec: ChartSpec): SeriesOption[] {
  switch (spec.kind) {
    case 'pie':
      return [
        {
          type: 'pie',
          name: spec.series[0]?.name ?? spec.title,
          radius: ['38%', '66%'],
          center: ['50%', '55%'],
          label: { formatter: '{b}\n{c}（{d}%）' },
          data: spec.categories.map((name, i) => ({
            name,
            value: spec.series[0]?.values[i] ?? 0,
            ...(spec.categoryColors?.[i] ? { itemStyle: { color: spec.categoryColors[i] } } : {}),
          })),
        },
      ];
    case 'funnel':
      return [
        {
          type: 'funnel',
          name: spec.series[0]?.name ?? spec.title,
          left: '10%',
          width: '80%',
          top: 50,
          // Clear of the legend, which a funnel always shows at the bottom.
          bottom: 40,
          sort: 'none',
          minSize: '8%',
          label: { show: true, position: 'inside', formatter: '{b}：{c}' },
          data: spec.categories.map((name, i) => ({ name, value: spec.series[0]?.values[i] ?? 0 })),
        },
      ];
    default: {
      const type = spec.kind === 'line' ? 'line' : 'bar';
      const stacked = spec.kind === 'stackedBar';
      return spec.series.map((s) => ({
        type,
        name: s.name,
        data: s.values.map((v, i) => (spec.categoryColors?.[i] && spec.series.length === 1 ? { value: v, itemStyle: { color: spec.categoryColors[i] } } : v)),
        ...(stacked ? { stack: 'total' } : {}),
        ...(s.color ? { itemStyle: { color: s.color } } : {}),
        ...(type === 'bar' ? { barMaxWidth: 36 } : {}),
      })) as SeriesOption[];
    }
  }
}

/**
 * The ECharts option of a chart: the one place a chart's look is decided, used by the dashboard
 * (canvas in the window) and by the reports (SVG on the server, then an image).
 */
export function chartOption(spec: ChartSpec, settings: ChartOptionSettings): EChartsOption {
  const cartesian = spec.kind !== 'pie' && spec.kind !== 'funnel';
  const horizontal = spec.kind === 'horizontalBar';
  const legend = spec.series.length > 1 || !cartesian;
  const categoryAxis = {
    type: 'category' as const,
    data: spec.categories,
    axisLabel: { interval: 0, hideOverlap: true, ...(horizontal ? {} : { rotate: spec.categories.length > 8 ? 35 : 0 }) },
    ...(horizontal ? { inverse: true } : {}),
  };
  const valueAxis = { type: 'value' as const, minInterval: 1, ...(spec.unit ? { name: spec.unit } : {}) };
  return {
    animation: settings.interactive,
    color: CHART_PALETTE,
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    title: { text: spec.title, left: 'center', textStyle: { fontSize: 15, fontWeight: 'bold' } },
    ...(settings.interactive ? { tooltip: { trigger: cartesian ? 'axis' : 'item', confine: true } } : {}),
    ...(legend ? { legend: { bottom: 0, type: settings.interactive ? 'scroll' : 'plain' } } : {}),
    ...(cartesian
      ? {
          grid: { left: 16, right: 24, top: 48, bottom: legend ? 40 : 16, containLabel: true },
          xAxis: horizontal ? valueAxis : categoryAxis,
          yAxis: horizontal ? categoryAxis : valueAxis,
        }
      : {}),
    series: seriesOf(spec),
  };
}
