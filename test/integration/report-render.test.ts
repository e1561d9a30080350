import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPdfRenderer } from '../../electron/backend/pdf/chromium-pdf';
import { reportDocx } from '../../electron/backend/reports/render/report-docx';
import { reportHtml } from '../../electron/backend/reports/render/report-html';
import { renderReportCharts, type RenderedChart } from '../../electron/backend/reports/render/report-layout';
import { writeReportXlsx } from '../../electron/backend/reports/render/report-xlsx';
import type { ReportDocument, ReportTable } from '../../shared/contract/reports';
import { docxImages, readDocx, tableTexts } from '../helpers/read-docx';
import { fixtureDocument } from '../helpers/report-fixtures';
import { makeTempDir } from '../helpers/temp-store';

/** Where the rendered pages are left to be looked at (PINGYI_REPORT_PNG=folder). */
const PNG_DIR = process.env.PINGYI_REPORT_PNG;
const hasChromium = fs.existsSync(process.env.PINGYI_CHROMIUM ?? '/usr/bin/chromium');

let tmp: ReturnType<typeof makeTempDir>;
let bulletin: ReportDocument;
let charts: Map<string, RenderedChart>;
beforeAll(async () => {
  tmp = makeTempDir('pingyi-report-render-');
  bulletin = fixtureDocument('bulletin', { rows: 40 });
  charts = await renderReportCharts(bulletin);
});
afterAll(() => tmp.cleanup());

const tableOf = (doc: ReportDocument, id: string): ReportTable => doc.blocks.find((b): b is ReportTable => b.type === 'table' && b.id === id)!;

describe('a report in Word', () => {
  it('has the masthead, every heading, paragraph and list item, and the closing line, in order', async () => {
    const docx = await readDocx(await reportDocx(bulletin, charts));
    const text = docx.paragraphs.filter((p) => p !== '');
    expect(text[0]).toBe('上合技贸措施简讯');
    expect(text[1]).toBe('2026年第3期');
    // The issuing body flush left, the date at a right tab stop, on the line over the rule.
    expect(text[2]).toBe('上合组织国家技术性贸易措施研究评议基地2026年11月20日');
    expect(docx.documentXml).toMatch(/<w:tab w:val="right" w:pos="8844"\/>[\s\S]*?研究评议基地<\/w:t><\/w:r><w:r><w:tab\/><\/w:r>/);
    const expected = bulletin.blocks.flatMap((b) =>
      b.type === 'heading' || b.type === 'paragraph' ? [b.text] : b.type === 'list' ? b.items.map((item, i) => `（${i + 1}）${item}`) : [],
    );
    let at = 0;
    for (const line of expected) {
      const found = text.indexOf(line, at);
      expect(found, line).toBeGreaterThan(at - 1);
      at = found + 1;
    }
    expect(text.at(-1)).toBe('编辑：王晓明');
  });

  it('lays out each table with its header repeated, cells as the document prints them, and no annex-only table', async () => {
    const docx = await readDocx(await reportDocx(bulletin, charts));
    const tables = tableTexts(docx.documentXml);
    const shown = bulletin.blocks.filter((b): b is ReportTable => b.type === 'table' && !b.annexOnly);
    expect(tables).toHaveLength(shown.length);
    // One row: the overview, its numbers grouped, its share as a percentage.
    expect(tables[0]).toEqual([
      ['类别', '数量', '占比', '减少损失（万元）'],
      ['TBT', '99', '65.1%', '12,500.5'],
    ]);
    // Many rows: every row of the document, dates in Chinese.
    const many = tableOf(bulletin, 'notifications');
    expect(tables[1]).toHaveLength(many.rows.length + 1);
    expect(tables[1]![1]).toEqual(['G/TBT/N/RUS/300', '俄罗斯', many.rows[0]![2], '2026年9月1日', '10']);
    expect(tables[1]![40]).toEqual(['G/TBT/N/RUS/339', '巴基斯坦', many.rows[39]![2], '2026年9月12日', '49']);
    // No rows: one line saying so.
    expect(tables[2]).toEqual([['通报号', '等级', '评议截止'], ['（本期无）']]);
    // The header row of every table repeats on each page it runs onto.
    const firstRows = [...docx.documentXml.matchAll(/<w:tbl>[\s\S]*?<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]!);
    expect(firstRows).toHaveLength(shown.length);
    for (const row of firstRows) expect(row).toContain('<w:tblHeader/>');
    expect(docx.paragraphs).not.toContain('附表　全部通报');
    expect(docx.paragraphs).toContain('资料来源：世贸组织 ePing 通报平台；摘要为分析人员翻译。');
  });

  it('embeds the five charts as PNG images across the text block', async () => {
    const docx = await readDocx(await reportDocx(bulletin, charts));
    const images = docxImages(docx);
    expect(images.drawings).toBe(5);
    expect(images.media).toHaveLength(5);
    for (const name of images.media) expect(name).toMatch(/\.png$/);
    // 156 mm in EMU (36,000 per mm).
    const extents = [...docx.documentXml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(extents).toHaveLength(5);
    for (const cx of extents) expect(Math.abs(cx - 156 * 36000)).toBeLessThan(36000 * 1.5);
  });

  it('sets GB/T 9704: A4, 37/28 mm margins, 3号 仿宋 body, headings keep with next, "— 1 —" at the outside edge', async () => {
    const docx = await readDocx(await reportDocx(bulletin, charts));
    const xml = docx.documentXml;
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // 37 mm and 28 mm in twips (56.7 a millimetre), as docx rounds them.
    expect(xml).toMatch(/<w:pgMar w:top="2097" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="楷体"');
    const heading = /<w:p>(?:(?!<\/w:p>)[\s\S])*?一、本期概况[\s\S]*?<\/w:p>/.exec(xml)![0];
    expect(heading).toContain('<w:keepNext/>');
    const footers = [...docx.parts].filter(([name]) => /^word\/footer\d*\.xml$/.test(name)).map(([, x]) => x);
    expect(footers).toHaveLength(2);
    for (const f of footers) expect(f).toMatch(/— [\s\S]*PAGE[\s\S]* —/);
    expect(footers.some((f) => f.includes('w:val="right"'))).toBe(true);
    expect(footers.some((f) => f.includes('w:val="left"'))).toBe(true);
    expect(docx.parts.get('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
  });

  it('gives another report its title, period and signature instead of the masthead', async () => {
    const country = fixtureDocument('country', { rows: 1 });
    const docx = await readDocx(await reportDocx(country, await renderReportCharts(country)));
    const text = docx.paragraphs.filter((p) => p !== '');
    expect(text[0]).toBe('俄罗斯技术性贸易措施影响分析');
    expect(text[1]).toBe('2026年9月1日至2026年11月30日');
    expect(text).not.toContain('上合技贸措施简讯');
    expect(text).toContain('建议企业关注俄罗斯电池认证要求。');
    expect(text).toContain('建议加强与进口商沟通。');
    expect(text.slice(-3)).toEqual(['上合组织国家技术性贸易措施研究评议基地', '2026年11月20日', '编辑：王晓明']);
    expect(tableTexts(docx.documentXml)[1]).toHaveLength(2);
  });
});

describe.skipIf(!hasChromium)('a report as PDF, printed by Chromium from its HTML', () => {
  let text: string;
  let file: string;
  beforeAll(async () => {
    const html = reportHtml(bulletin, charts);
    file = path.join(tmp.dir, 'bulletin.pdf');
    fs.writeFileSync(file, await chromiumPdfRenderer()(html));
    text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    if (PNG_DIR) {
      fs.mkdirSync(PNG_DIR, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', file, path.join(PNG_DIR, 'bulletin')]);
    }
  }, 60_000);

  it('keeps the Chinese text, headings and table cells selectable', () => {
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('上合技贸措施简讯');
    expect(flat).toContain('2026年第3期');
    for (const b of bulletin.blocks) {
      if (b.type === 'heading' || b.type === 'paragraph') expect(flat).toContain(b.text.replace(/\s+/g, ''));
    }
    // A narrow column wraps a symbol after its slash; the rest of the row stays whole.
    expect(flat).toContain('/339');
    expect(flat).toContain('（第40项）');
    expect(flat).toContain('2026年9月12日');
    expect(flat).toContain('12,500.5');
    expect(flat).toContain('（本期无）');
    expect(flat).not.toContain('附表全部通报');
    // The charts are inline SVG: their titles stay text.
    expect(flat).toContain('各月通报数量（TBT/SPS）');
    expect(flat).toContain('评议意见进展');
  });

  it('numbers the pages "— 1 —" and repeats the table header on the pages a table runs onto', () => {
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => expect(page.replace(/\s+/g, '')).toContain(`—${i + 1}—`));
    const headed = pages.filter((p) => p.includes('中文摘要') && p.includes('页数'));
    expect(headed.length).toBeGreaterThan(1);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
  });
});

describe('a report’s Excel annex', () => {
  it('has the parameters first, then one sheet per table named by its id, numbers as numbers and dates as dates', async () => {
    const file = path.join(tmp.dir, 'bulletin.xlsx');
    await writeReportXlsx(file, bulletin, { at: '2026-11-20T02:00:00.000Z', by: '李分析' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const tables = bulletin.blocks.filter((b): b is ReportTable => b.type === 'table');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', ...tables.map((t) => t.id)]);

    const about = wb.getWorksheet('说明')!;
    const headers = (about.getRow(1).values as unknown[]).slice(1);
    const values = (about.getRow(2).values as unknown[]).slice(1);
    const field = (name: string): unknown => values[headers.indexOf(name)];
    expect(field('报告类型')).toBe('上合技贸措施简讯');
    expect(field('期间起')).toEqual(new Date(Date.UTC(2026, 8, 1)));
    expect(field('期间止')).toEqual(new Date(Date.UTC(2026, 10, 30)));
    expect(field('期数')).toBe(3);
    expect(field('编辑')).toBe('王晓明');
    expect(field('制作人')).toBe('李分析');
    expect(field('成文日期')).toEqual(new Date(Date.UTC(2026, 10, 20)));

    for (const t of tables) {
      const ws = wb.getWorksheet(t.id)!;
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(t.columns.map((c) => c.header));
      expect(ws.actualRowCount).toBe(t.rows.length + 1);
      t.rows.forEach((row, r) => {
        row.forEach((cell, c) => {
          const got = ws.getRow(r + 2).getCell(c + 1).value;
          if (cell === null) expect(got).toBeNull();
          else if (t.columns[c]!.kind === 'date') expect(got).toEqual(new Date(`${cell}T00:00:00.000Z`));
          else expect(got).toBe(cell);
        });
      });
    }
    expect(wb.getWorksheet('overview')!.getCell('C2').numFmt).toBe('0.0%');
  });
});
