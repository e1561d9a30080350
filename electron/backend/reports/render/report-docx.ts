import {
  AlignmentType,
  BorderStyle,
  Document,
  ImageRun,
  LineRuleType,
  Packer,
  Paragraph,
  ShadingType,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
  type FileChild,
} from 'docx';
import type { ReportBlock, ReportDocument, ReportTable } from '../../../../shared/contract/reports';
import { paragraph, run, section } from '../../comments/docx-layout';
import { pageNumberFooter } from '../../warnings/letters/letter-docx';
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

const zh = 'zh';
const LATIN = 'Times New Roman';
type Face = '仿宋' | '黑体' | '楷体' | '宋体';

/** A run in one of the official faces at `halfPoints` (3号 = 32, 4号 = 28, 小四 = 24, 2号 = 44). */
function face(text: string, eastAsia: Face, halfPoints: number, bold = false): TextRun {
  // No bold element unless bold: a table of 500 rows writes thousands of runs.
  return new TextRun({ text, ...(bold ? { bold } : {}), size: halfPoints, font: { ascii: LATIN, hAnsi: LATIN, eastAsia, cs: LATIN } });
}

/** A line of `pt` points exactly, as GB/T 9704 sets its grid (28 pt for 3号 body text). */
const exact = (pt: number, after = 0): { line: number; lineRule: typeof LineRuleType.EXACT; after: number } => ({
  line: pt * 20,
  lineRule: LineRuleType.EXACT,
  after,
});

const TEXT_WIDTH_TWIP = convertMillimetersToTwip(TEXT_WIDTH_MM);

const fonts = (eastAsia: Face) => ({ ascii: LATIN, hAnsi: LATIN, eastAsia, cs: LATIN });
/**
 * Paragraph styles for what a report repeats hundreds of times (list items, table cells): the
 * fonts, size and spacing are written once in styles.xml, not on every run. A bulletin of 500
 * notifications had a document.xml of about 1 MB, mostly the same run and cell properties, and
 * docx spent most of its packing time building and writing them.
 */
const BODY_STYLE = 'ReportBody';
const CELL_STYLE = 'ReportCell';
const HEADER_CELL_STYLE = 'ReportHeaderCell';
const PARAGRAPH_STYLES = [
  {
    id: BODY_STYLE,
    name: 'Report Body',
    basedOn: 'Normal',
    run: { font: fonts('仿宋'), size: 32 },
    paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 640 }, spacing: { line: 560, lineRule: LineRuleType.EXACT, after: 0 } },
  },
  {
    id: CELL_STYLE,
    name: 'Report Table Cell',
    basedOn: 'Normal',
    run: { font: fonts('仿宋'), size: 24 },
    paragraph: { alignment: AlignmentType.LEFT, spacing: { line: 300, lineRule: LineRuleType.AUTO } },
  },
  {
    id: HEADER_CELL_STYLE,
    name: 'Report Table Header',
    basedOn: CELL_STYLE,
    run: { font: fonts('黑体'), size: 24 },
    paragraph: { alignment: AlignmentType.CENTER },
  },
];
/** Body text (3号 仿宋, 28 pt line, two characters in) in the ReportBody style. */
const body = (text: string): Paragraph => new Paragraph({ style: BODY_STYLE, children: [new TextRun(text)] });

/** Pixels at 96 dpi, as docx sizes images. */
const mmToPx = (mm: number): number => Math.round((mm / 25.4) * 96);

/** Headings: 一级 黑体, 二级 楷体, 三级 仿宋 bold, all 3号; each kept with what follows. */
function heading(level: 1 | 2 | 3, text: string): Paragraph {
  const f: Face = level === 1 ? '黑体' : level === 2 ? '楷体' : '仿宋';
  return new Paragraph({
    children: [face(text, f, 32, level === 3)],
    indent: { firstLine: 640 },
    keepNext: true,
    keepLines: true,
    spacing: exact(28),
  });
}

function cell(text: string, options: { header: boolean; right: boolean; share: number; span?: number }): TableCell {
  return new TableCell({
    width: { size: Math.round(TEXT_WIDTH_TWIP * options.share), type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    ...(options.span && options.span > 1 ? { columnSpan: options.span } : {}),
    ...(options.header ? { shading: { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } } : {}),
    children: [
      new Paragraph({
        style: options.header ? HEADER_CELL_STYLE : CELL_STYLE,
        ...(options.right && !options.header ? { alignment: AlignmentType.RIGHT } : {}),
        children: [new TextRun(text)],
      }),
    ],
  });
}

/**
 * A table in 小四 (12 pt), its header row repeated on every page it runs onto and never split;
 * the title above in 黑体 and kept with the table, the note below in 楷体.
 */
function table(t: ReportTable): FileChild[] {
  const shares = columnShares(t.columns);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map((c, i) => cell(c.header, { header: true, right: false, share: shares[i]! })),
  });
  const body =
    t.rows.length === 0
      ? [new TableRow({ cantSplit: true, children: [cell(EMPTY_TABLE_TEXT, { header: false, right: false, share: 1, span: t.columns.length })] })]
      : t.rows.map(
          (row) =>
            new TableRow({
              cantSplit: true,
              children: t.columns.map((c, i) => cell(cellText(row[i] ?? null, c), { header: false, right: isNumeric(c), share: shares[i]! })),
            }),
        );
  const out: FileChild[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { ...exact(28), before: 120 }, children: [face(t.title, '黑体', 28)] }),
    new Table({
      width: { size: TEXT_WIDTH_TWIP, type: WidthType.DXA },
      // The cells' margins once for the table (tblCellMar), not on each cell.
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      columnWidths: shares.map((s) => Math.round(TEXT_WIDTH_TWIP * s)),
      rows: [header, ...body],
    }),
  ];
  if (t.note) out.push(new Paragraph({ spacing: { line: 360, lineRule: LineRuleType.AUTO, before: 60 }, children: [face(t.note, '楷体', 24)] }));
  // A table followed directly by text runs into it: leave the space of half a line.
  out.push(new Paragraph({ spacing: exact(14), children: [] }));
  return out;
}

function chart(id: string, charts: ReadonlyMap<string, RenderedChart>): Paragraph {
  const rendered = charts.get(id);
  if (!rendered?.png) return paragraph(zh, [run(zh, `（图表 ${id} 未能绘制）`)], { align: 'center' });
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 120 },
    keepLines: true,
    children: [
      new ImageRun({
        type: 'png',
        data: rendered.png,
        transformation: { width: mmToPx(TEXT_WIDTH_MM), height: mmToPx(CHART_HEIGHT_MM) },
        altText: { name: id, title: rendered.spec.title, description: rendered.spec.title },
      }),
    ],
  });
}

function block(b: ReportBlock, charts: ReadonlyMap<string, RenderedChart>): FileChild[] {
  switch (b.type) {
    case 'heading':
      return [heading(b.level, b.text)];
    case 'paragraph':
      return [body(b.text)];
    case 'list':
      return b.items.map((item, i) => body(`（${i + 1}）${item}`));
    case 'table':
      return b.annexOnly ? [] : table(b);
    case 'chart':
      return [chart(b.id, charts)];
    case 'recommendations':
      return textLines(b.text).map((line) => body(line));
  }
}

/** A paragraph with a rule under it, across the text block. */
const rule = (children: TextRun[], tabs = false): Paragraph =>
  new Paragraph({
    children,
    spacing: exact(28, 240),
    border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: '000000', space: 4 } },
    ...(tabs ? { tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH_TWIP }] } : {}),
  });

/** The bulletin's masthead (name, issue, issuing body and date over a rule) or a report's title block. */
function head(doc: ReportDocument): Paragraph[] {
  const subtitle = subtitleOf(doc);
  const closing = closingLines(doc);
  if (doc.kind === 'bulletin') {
    return [
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 1000, lineRule: LineRuleType.EXACT, before: 240 }, children: [face(BULLETIN_MASTHEAD, '宋体', 72, true)] }),
      ...(subtitle ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(28, 240), children: [face(subtitle, '仿宋', 32)] })] : []),
      rule([face(closing.organisation, '仿宋', 32), new TextRun({ children: [new Tab()] }), face(closing.date, '仿宋', 32)], true),
    ];
  }
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 720, lineRule: LineRuleType.EXACT }, children: [face(doc.title, '宋体', 44, true)] }),
    ...(subtitle ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(28), children: [face(subtitle, '楷体', 32)] })] : []),
    new Paragraph({ spacing: exact(28), children: [] }),
  ];
}

/** The closing lines: the compiler under a rule (bulletin), or issuing body and date flush right. */
function tail(doc: ReportDocument): Paragraph[] {
  const closing = closingLines(doc);
  if (doc.kind === 'bulletin') {
    return [
      new Paragraph({ spacing: exact(28), border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 } }, children: [] }),
      new Paragraph({ spacing: exact(28), children: [face(closing.compiler, '仿宋', 28)] }),
    ];
  }
  return [
    paragraph(zh, [run(zh, '')]),
    paragraph(zh, [run(zh, closing.organisation)], { align: 'right' }),
    paragraph(zh, [run(zh, closing.date)], { align: 'right' }),
    paragraph(zh, [run(zh, closing.compiler)], { align: 'right' }),
  ];
}

/**
 * The report as Word after GB/T 9704, as the warning letters are laid out: A4, 37/28 mm
 * margins, 3号 仿宋 body on a 28 pt line, "— 1 —" at the outside edge; charts as PNG across the
 * text block; tables readable across pages. Annex-only tables stay in the Excel annex.
 */
export async function reportDocx(doc: ReportDocument, charts: ReadonlyMap<string, RenderedChart>): Promise<Buffer> {
  const children: FileChild[] = [...head(doc), ...doc.blocks.flatMap((b) => block(b, charts)), ...tail(doc)];
  const base = section(zh, []);
  const document = new Document({
    creator: 'Pingyi',
    title: doc.kind === 'bulletin' ? `${BULLETIN_MASTHEAD}${subtitleOf(doc) ?? ''}` : doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: { paragraphStyles: PARAGRAPH_STYLES },
    sections: [{ ...base, children, footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') } }],
  });
  return Packer.toBuffer(document);
}
