import type { ChartSpec } from '../../../../shared/contract/charts';
import type { ReportCell, ReportColumn, ReportDocument } from '../../../../shared/contract/reports';
import { chineseDate } from '../../../../shared/domain/date-words';
import { PRINT_SCALE, REPORT_CHART_WIDTH, chartSvg, svgToPngAsync } from '../../charts/render-chart';

/**
 * What Word and the HTML printed to PDF share beyond the GB/T 9704 page (see
 * warnings/letters: margins, fonts, "— 1 —"): the bulletin's masthead, how a table cell reads,
 * how wide a chart is. Both lay out the same ReportDocument blocks in the same order.
 */

/** The bulletin's masthead name, printed large above the issue line. */
export const BULLETIN_MASTHEAD = '上合技贸措施简讯';

/** The text block's width (GB/T 9704: 156 mm); charts take all of it. */
export const TEXT_WIDTH_MM = 156;
/** A chart's height on the page, keeping the rendered chart's proportions. */
export const CHART_HEIGHT_MM = Math.round((TEXT_WIDTH_MM * 360) / 640);

/** A chart drawn once per report: the SVG goes into the HTML (text stays text), the PNG into Word. */
export interface RenderedChart {
  spec: ChartSpec;
  svg: string;
  /** Null until rasterised, and when no Word file is made (the PDF needs the SVG only). */
  png: Buffer | null;
}

/**
 * Draw every chart of the document once as SVG, for both Word and PDF (a few milliseconds a
 * chart); `signal` is checked between charts. The PNGs come after, from rasteriseReportCharts.
 */
export function drawReportCharts(doc: ReportDocument, signal?: AbortSignal): Map<string, RenderedChart> {
  const charts = doc.blocks.filter((b) => b.type === 'chart');
  return new Map(
    charts.map((block) => {
      signal?.throwIfAborted();
      return [block.id, { spec: block.chart, svg: chartSvg(block.chart), png: null }];
    }),
  );
}

/**
 * The PNGs Word needs, all charts at once on libuv's thread pool. Rasterising is most of a
 * chart's time (resvg shapes and outlines every CJK label; stacking a report's charts into one
 * image to share that was tried and saved nothing), so on two cores five charts take about
 * the time of three; the PDF embeds the SVG and skips this.
 */
export async function rasteriseReportCharts(charts: ReadonlyMap<string, RenderedChart>, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  await Promise.all(
    [...charts.values()].map(async (chart) => {
      chart.png = await svgToPngAsync(chart.svg, REPORT_CHART_WIDTH, PRINT_SCALE);
    }),
  );
  signal?.throwIfAborted();
}

/** Both steps: the SVGs, then (unless `png` is false) the PNGs. */
export async function renderReportCharts(doc: ReportDocument, options: { signal?: AbortSignal; png?: boolean } = {}): Promise<Map<string, RenderedChart>> {
  const charts = drawReportCharts(doc, options.signal);
  if (options.png !== false) await rasteriseReportCharts(charts, options.signal);
  return charts;
}

/** The issue line under the masthead, or the period under another report's title. */
export function subtitleOf(doc: ReportDocument): string | null {
  if (doc.subtitle !== null && doc.subtitle.trim() !== '') return doc.subtitle;
  if (doc.kind === 'bulletin' && doc.params.issue !== null) return `${doc.date.slice(0, 4)}年第${doc.params.issue}期`;
  return null;
}

const money = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const count = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4, useGrouping: true });

/** A cell as the document prints it: dates in Chinese, percentages from their fraction, numbers grouped. */
export function cellText(value: ReportCell, column: ReportColumn | undefined): string {
  if (value === null) return '';
  const kind = column?.kind ?? 'text';
  if (typeof value === 'number') {
    if (kind === 'percent') return `${(value * 100).toFixed(1)}%`;
    if (kind === 'money') return money.format(value);
    return count.format(value);
  }
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return chineseDate(value);
  return value;
}

/** Numbers read down their column's right edge; everything else from the left. */
export function isNumeric(column: ReportColumn | undefined): boolean {
  return column !== undefined && (column.kind === 'number' || column.kind === 'percent' || column.kind === 'money');
}

/**
 * A date column's least share of the text block: 2026年11月30日 in 小四 on one line takes about
 * 33 mm with the cell margins, more where the Latin digits are set wider: 37 mm of 156. Broken
 * after 30 it reads badly, and the content cannot know the page's width.
 */
const DATE_MIN_SHARE = 0.24;

/** Each column's share of the table's width, from the relative widths the content gives. */
export function columnShares(columns: readonly ReportColumn[]): number[] {
  const widths = columns.map((c) => c.width ?? 1);
  const sum = widths.reduce((a, b) => a + b, 0) || 1;
  const shares = widths.map((w) => w / sum);
  const dates = columns.map((c, i) => c.kind === 'date' && shares[i]! < DATE_MIN_SHARE);
  const fixed = dates.filter(Boolean).length * DATE_MIN_SHARE;
  // Too many dates to widen them all (five or more): keep the content's proportions.
  if (fixed === 0 || fixed >= 0.8) return shares;
  const rest = shares.reduce((a, s, i) => a + (dates[i] ? 0 : s), 0);
  return shares.map((s, i) => (dates[i] ? DATE_MIN_SHARE : (s / rest) * (1 - fixed)));
}

/** The line a table with no rows shows in place of its body. */
export const EMPTY_TABLE_TEXT = '（本期无）';

/** The closing lines: who compiled it (bulletin) or who issues it and when (the others). */
export function closingLines(doc: ReportDocument): { compiler: string; organisation: string; date: string } {
  return { compiler: `编辑：${doc.compiler}`, organisation: doc.organisation, date: chineseDate(doc.date) };
}

/** One paragraph per non-empty line of a multi-line text (the analyst's recommendations). */
export function textLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
