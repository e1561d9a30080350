import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { ChartSpec } from '../../../shared/contract/charts';
import { chartOption } from '../../../shared/charts/chart-option';

/** A report chart's size in CSS pixels: 16 cm wide at 96 dpi on an A4 page's 15.6 cm text width. */
export const REPORT_CHART_WIDTH = 640;
export const REPORT_CHART_HEIGHT = 360;

export interface ChartSize {
  width: number;
  height: number;
}

/**
 * The chart as a self-contained SVG, drawn by ECharts' server-side renderer with the same
 * option the dashboard uses: embedded as-is in the PDF's HTML (text stays text).
 */
export function chartSvg(spec: ChartSpec, size: ChartSize = { width: REPORT_CHART_WIDTH, height: REPORT_CHART_HEIGHT }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(chartOption(spec, { interactive: false }));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * The SVG rasterised to PNG (at `scale` times its size, 2 for print) for Word, which needs a
 * bitmap. Text is drawn with the system's fonts: the CJK fonts of Windows and macOS, Noto CJK
 * on Linux.
 */
export function svgToPng(svg: string, width: number, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(width * scale) },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
  });
  return resvg.render().asPng();
}
