import fs from 'node:fs';
import path from 'node:path';
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { ChartSpec } from '../../../shared/contract/charts';
import { chartOption } from '../../../shared/charts/chart-option';

/** A report chart's size in CSS pixels: 16 cm wide at 96 dpi on an A4 page's 15.6 cm text width. */
export const REPORT_CHART_WIDTH = 640;
export const REPORT_CHART_HEIGHT = 360;

/**
 * The PNG's pixels per CSS pixel for Word: 640 × 1.75 = 1,120 pixels across the 156 mm text
 * block, about 180 dpi, which prints sharp; 2 (208 dpi) made larger files for no visible gain.
 */
export const PRINT_SCALE = 1.75;

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

/** A CJK font file and the family name it holds (one the charts' font stack names). */
interface ChartFontFile {
  file: string;
  family: string;
}

/**
 * Where each system keeps a CJK sans-serif face the charts' font stack names ('Microsoft YaHei',
 * 'PingFang SC', 'Noto Sans CJK SC'), most likely first: Windows' YaHei, macOS' PingFang, and
 * Noto Sans CJK as Debian/Ubuntu (fonts-noto-cjk), Fedora and Arch install it.
 */
export function chartFontCandidates(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): ChartFontFile[] {
  if (platform === 'win32') {
    const fonts = path.win32.join(env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows', 'Fonts');
    return [{ file: path.win32.join(fonts, 'msyh.ttc'), family: 'Microsoft YaHei' }];
  }
  if (platform === 'darwin') return [{ file: '/System/Library/Fonts/PingFang.ttc', family: 'PingFang SC' }];
  return [
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc',
  ].map((file) => ({ file, family: 'Noto Sans CJK SC' }));
}

/**
 * resvg's font options, worked out once per process: the one CJK font file found (a single
 * file loads in a fraction of the time a scan of every system font takes), else, where none
 * of the known files exists, the system's fonts as before, so Chinese still shows on a
 * machine that keeps its CJK font elsewhere.
 */
let fontOptions: NonNullable<ResvgRenderOptions['font']> | undefined;
export function chartFontOptions(): NonNullable<ResvgRenderOptions['font']> {
  if (fontOptions) return fontOptions;
  const found = chartFontCandidates(process.platform, process.env).find((c) => fs.existsSync(c.file));
  fontOptions = found
    ? { loadSystemFonts: false, fontFiles: [found.file], defaultFontFamily: found.family, sansSerifFamily: found.family }
    : { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' };
  return fontOptions;
}

function pngOptions(width: number, scale: number): ResvgRenderOptions {
  return { fitTo: { mode: 'width', value: Math.round(width * scale) }, background: '#ffffff', font: chartFontOptions() };
}

/**
 * The SVG rasterised to PNG (at `scale` times its size) for Word, which needs a bitmap, on
 * this thread. Text is drawn with the font chartFontOptions finds.
 */
export function svgToPng(svg: string, width: number, scale = PRINT_SCALE): Buffer {
  return new Resvg(svg, pngOptions(width, scale)).render().asPng();
}

/**
 * svgToPng on libuv's thread pool: resvg shapes and outlines every label (about 10 ms of CPU a
 * text element with a CJK font, most of a chart's time), so a report's charts rasterise side
 * by side, and the thread that called is free meanwhile. No AbortSignal goes to resvg: its
 * binding refuses the signal of a job (an empty Error), and one chart takes a fraction of a
 * second; the caller checks its signal after.
 */
export async function svgToPngAsync(svg: string, width: number, scale = PRINT_SCALE): Promise<Buffer> {
  const image = await renderAsync(svg, pngOptions(width, scale));
  return image.asPng();
}
