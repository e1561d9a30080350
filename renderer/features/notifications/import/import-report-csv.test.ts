import { describe, expect, it } from 'vitest';
import { makeImportReport } from '../../../testing/fake-imports';
import { csvCell, importReportCsv, reportFileName, UTF8_BOM, type ReportCsvLabels } from './import-report-csv';

const LABELS: ReportCsvLabels = {
  title: '导入报告编号',
  fileName: '文件',
  format: '格式',
  encoding: '编码',
  startedAt: '开始时间',
  finishedAt: '完成时间',
  actor: '导入人',
  rowsRead: '读取行数',
  inserted: '新增',
  updated: '更新',
  unchanged: '未变',
  rejected: '拒绝',
  noticed: '提示',
  status: '结果',
  truncated: '只保留了一部分',
  rejectedRows: '被拒绝的行',
  noticeRows: '有提示的行',
  row: '行号',
  field: '字段',
  reason: '原因',
  value: '值',
  code: '代码',
  technical: '技术说明',
  statusText: (report) => (report.status === 'refused' ? '未导入' : '已导入'),
  // The reason in the interface language, as the report view's describe gives it.
  describe: (r) => (r.code ? `说明:${r.code}` : '无法导入'),
};

describe('import report CSV', () => {
  it('starts with the UTF-8 BOM, uses CRLF, and lists the rejected rows after the summary, with reasons in the interface language', () => {
    const csv = importReportCsv(
      makeImportReport({
        importId: 7,
        fileName: '沙特通报.xlsx',
        rejections: [
          { row: 4, field: 'Distribution date', reason: 'not a date', value: '31/02/2026', code: 'DATE_NOT_VALID' },
          { row: 9, field: null, reason: 'symbol missing' },
        ],
        rejected: 2,
      }),
      LABELS,
    );
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.slice(0, 2)).toEqual(['导入报告编号,7', '文件,沙特通报.xlsx']);
    expect(lines).toContain('新增,2');
    expect(lines).toContain('拒绝,2');
    expect(lines).toContain('提示,0');
    expect(lines).toContain('结果,已导入');
    const header = lines.indexOf('行号,字段,原因,值,代码,技术说明');
    expect(lines.slice(header - 2, header)).toEqual(['', '被拒绝的行']);
    expect(lines.slice(header + 1)).toEqual(['4,Distribution date,说明:DATE_NOT_VALID,31/02/2026,DATE_NOT_VALID,not a date', '9,,无法导入,,,symbol missing', '']);
  });

  it('lists the rows with a notice apart from the rejected rows, and counts them apart', () => {
    const csv = importReportCsv(
      makeImportReport({
        rejected: 1,
        noticed: 1,
        notices: [{ row: 6, field: 'Document symbol', reason: 'same as row 2', value: 'G/TBT/N/SAU/1', code: 'DUPLICATE_ROW', params: { row: 2 } }],
      }),
      LABELS,
    );
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toContain('拒绝,1');
    expect(lines).toContain('提示,1');
    const rejected = lines.indexOf('被拒绝的行');
    const noticed = lines.indexOf('有提示的行');
    expect(rejected).toBeGreaterThan(0);
    expect(noticed).toBeGreaterThan(rejected);
    expect(lines.slice(rejected + 2, noticed - 1)).toEqual(["4,Distribution date,说明:DATE_NOT_VALID,31/02/2026,DATE_NOT_VALID,'31/02/2026' is not a valid date"]);
    expect(lines.slice(noticed + 2)).toEqual(['6,Document symbol,说明:DUPLICATE_ROW,G/TBT/N/SAU/1,DUPLICATE_ROW,same as row 2', '']);
  });

  it('says when the backend kept fewer rejected rows than it counted', () => {
    const csv = importReportCsv(makeImportReport({ rejected: 12_000 }), LABELS);
    expect(csv).toContain('\r\n只保留了一部分\r\n');
  });

  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+86 10')).toBe("'+86 10");
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });

  it('names the file after the import and the imported file', () => {
    expect(reportFileName(makeImportReport({ importId: 3, fileName: 'ePing export 2026.xlsx' }), '导入报告')).toBe('导入报告-3-ePing_export_2026.csv');
  });
});
