import type { ReportBlock, ReportDocument, ReportTable } from '../../../../shared/contract/reports';
import { GBT9704_PAGE_CSS, escapeHtml, printablePage } from '../../warnings/letters/letter-html';
import {
  BULLETIN_MASTHEAD,
  CHART_HEIGHT_MM,
  EMPTY_TABLE_TEXT,
  TEXT_WIDTH_MM,
  cellText,
  closingLines,
  columnShares,
  isNumeric,
  subtitleOf,
  textLines,
  type RenderedChart,
} from './report-layout';

const HEI = '"SimHei", "黑体", "STHeiti", "Noto Sans CJK SC", sans-serif';
const KAI = '"KaiTi", "楷体", "KaiTi_GB2312", "楷体_GB2312", "STKaiti", "Noto Serif CJK SC", serif';
const SONG = '"STXiaobiaoSong", "方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "宋体", "Noto Serif CJK SC", serif';

/**
 * The page and body come from the letters (GBT9704_PAGE_CSS: A4, margins, 3号 仿宋 on 28 pt,
 * "— 1 —" at the outside edge); here the report's own pieces: masthead, headings that keep with
 * what follows, tables whose header row repeats on each page, charts across the text block.
 */
const CSS = `${GBT9704_PAGE_CSS}
p { margin: 0; orphans: 2; widows: 2; }
.masthead { font-family: ${SONG}; font-size: 36pt; line-height: 50pt; font-weight: bold; text-align: center; letter-spacing: 2pt; margin-top: 12pt; }
.issue { text-align: center; margin-top: 6pt; }
.dateline { display: flex; justify-content: space-between; border-bottom: 1.5pt solid #000; padding-bottom: 4pt; margin-bottom: 14pt; margin-top: 8pt; }
.title { font-family: ${SONG}; font-size: 22pt; line-height: 36pt; font-weight: bold; text-align: center; margin: 0; }
.subtitle { font-family: ${KAI}; text-align: center; margin-bottom: 28pt; }
h2, h3, h4 { font-size: 16pt; line-height: 28pt; margin: 0; text-indent: 2em; text-align: left; break-after: avoid; page-break-after: avoid; break-inside: avoid; }
h2 { font-family: ${HEI}; font-weight: normal; }
h3 { font-family: ${KAI}; font-weight: normal; }
h4 { font-weight: bold; }
.paragraph, .item { text-indent: 2em; }
.table-title { font-family: ${HEI}; font-size: 14pt; line-height: 24pt; text-align: center; margin-top: 6pt; break-after: avoid; page-break-after: avoid; }
table { width: 100%; border-collapse: collapse; font-size: 12pt; line-height: 18pt; margin-bottom: 14pt; text-align: left; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: middle; overflow-wrap: break-word; }
th { font-family: ${HEI}; font-weight: normal; text-align: center; background: #e7e6e6; }
td.num { text-align: right; white-space: nowrap; }
/* 2026年11月21日 broken after 21 reads badly: a date keeps to one line. */
td.date { white-space: nowrap; }
td.empty { text-align: center; }
.note { font-family: ${KAI}; font-size: 12pt; line-height: 18pt; margin: -10pt 0 14pt; }
figure { margin: 6pt 0; text-align: center; break-inside: avoid; page-break-inside: avoid; }
figure svg { width: ${TEXT_WIDTH_MM}mm; height: ${CHART_HEIGHT_MM}mm; }
.rule { border-top: 1pt solid #000; margin-top: 14pt; }
.compiler { font-size: 14pt; }
.signature { text-align: right; }
.signature.first { margin-top: 28pt; }
`;

/**
 * A cell's text, free to break after a slash: a symbol (G/TBT/N/RUS/310) in a narrow column
 * then wraps between its parts instead of inside the member code.
 */
function cellHtml(text: string): string {
  return escapeHtml(text).replace(/\//g, '/<wbr>');
}

function table(t: ReportTable): string {
  const shares = columnShares(t.columns);
  const cols = shares.map((s) => `<col style="width:${(s * 100).toFixed(2)}%">`).join('');
  const head = t.columns.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('');
  const rows =
    t.rows.length === 0
      ? `<tr><td class="empty" colspan="${t.columns.length}">${escapeHtml(EMPTY_TABLE_TEXT)}</td></tr>`
      : t.rows
          .map((row) => `<tr>${t.columns.map((c, i) => `<td${isNumeric(c) ? ' class="num"' : c.kind === 'date' ? ' class="date"' : ''}>${cellHtml(cellText(row[i] ?? null, c))}</td>`).join('')}</tr>`)
          .join('\n');
  return [
    `<p class="table-title">${escapeHtml(t.title)}</p>`,
    `<table id="${escapeHtml(t.id)}"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`,
    t.note ? `<p class="note">${escapeHtml(t.note)}</p>` : '',
  ].join('\n');
}

/**
 * The chart's SVG inline. ECharts writes a fixed pixel size; the viewBox lets CSS scale it to
 * the text block's width while its text stays text (selectable in the PDF).
 */
function chartFigure(id: string, charts: ReadonlyMap<string, RenderedChart>): string {
  const rendered = charts.get(id);
  if (!rendered) return `<p class="paragraph">（图表 ${escapeHtml(id)} 未能绘制）</p>`;
  const svg = /viewBox=/.test(rendered.svg)
    ? rendered.svg
    : rendered.svg.replace(/<svg([^>]*?)width="(\d+)"([^>]*?)height="(\d+)"/, (_m, a: string, w: string, b: string, h: string) => `<svg${a}width="${w}"${b}height="${h}" viewBox="0 0 ${w} ${h}"`);
  return `<figure id="chart-${escapeHtml(id)}" aria-label="${escapeHtml(rendered.spec.title)}">${svg}</figure>`;
}

function block(b: ReportBlock, charts: ReadonlyMap<string, RenderedChart>): string {
  switch (b.type) {
    case 'heading':
      return `<h${b.level + 1}>${escapeHtml(b.text)}</h${b.level + 1}>`;
    case 'paragraph':
      return `<p class="paragraph">${escapeHtml(b.text)}</p>`;
    case 'list':
      return b.items.map((item, i) => `<p class="item">（${i + 1}）${escapeHtml(item)}</p>`).join('\n');
    case 'table':
      return b.annexOnly ? '' : table(b);
    case 'chart':
      return chartFigure(b.id, charts);
    case 'recommendations':
      return textLines(b.text)
        .map((line) => `<p class="paragraph">${escapeHtml(line)}</p>`)
        .join('\n');
  }
}

function head(doc: ReportDocument): string {
  const subtitle = subtitleOf(doc);
  const closing = closingLines(doc);
  if (doc.kind === 'bulletin') {
    return [
      `<p class="masthead">${BULLETIN_MASTHEAD}</p>`,
      subtitle ? `<p class="issue">${escapeHtml(subtitle)}</p>` : '',
      `<p class="dateline"><span>${escapeHtml(closing.organisation)}</span><span>${escapeHtml(closing.date)}</span></p>`,
    ].join('\n');
  }
  return `<h1 class="title">${escapeHtml(doc.title)}</h1>\n${subtitle ? `<p class="subtitle">${escapeHtml(subtitle)}</p>` : '<p class="subtitle"></p>'}`;
}

function tail(doc: ReportDocument): string {
  const closing = closingLines(doc);
  if (doc.kind === 'bulletin') return `<div class="rule"></div>\n<p class="compiler">${escapeHtml(closing.compiler)}</p>`;
  return [closing.organisation, closing.date, closing.compiler].map((t, i) => `<p class="signature${i === 0 ? ' first' : ''}">${escapeHtml(t)}</p>`).join('\n');
}

/**
 * The report as one self-contained HTML document (no script, no external resource; charts as
 * inline SVG) that Chromium prints to PDF with the page its CSS sets, and that a preview can show.
 */
export function reportHtml(doc: ReportDocument, charts: ReadonlyMap<string, RenderedChart>): string {
  const title = doc.kind === 'bulletin' ? `${BULLETIN_MASTHEAD}${subtitleOf(doc) ?? ''}` : doc.title;
  const body = [head(doc), ...doc.blocks.map((b) => block(b, charts)), tail(doc)].filter((s) => s !== '').join('\n');
  return printablePage(title, CSS, body, { dataImages: true });
}
