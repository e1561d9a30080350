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
  truncated: '只保留了一部分',
  row: '行号',
  field: '字段',
  reason: '原因',
  value: '值',
};

describe('import report CSV', () => {
  it('starts with the UTF-8 BOM, uses CRLF, and lists the rejected rows after the summary', () => {
    const csv = importReportCsv(
      makeImportReport({
        importId: 7,
        fileName: '沙特通报.xlsx',
        rejections: [
          { row: 4, field: 'Distribution date', reason: 'not a date', value: '31/02/2026' },
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
    const header = lines.indexOf('行号,字段,原因,值');
    expect(lines[header - 1]).toBe('');
    expect(lines.slice(header + 1)).toEqual(['4,Distribution date,not a date,31/02/2026', '9,,symbol missing,', '']);
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
