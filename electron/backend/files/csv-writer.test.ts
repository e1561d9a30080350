import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCsv } from '../../../test/helpers/read-sheet';
import { writeCsv } from './csv-writer';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-csv-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const columns = [
  { header: '标题', kind: 'text' },
  { header: '日期', kind: 'date' },
  { header: '数量', kind: 'number' },
] as const;

describe('the CSV writer', () => {
  it('writes UTF-8 with a BOM, CRLF and RFC 4180 quoting that a CSV parser reads back', async () => {
    const file = path.join(dir, 'a.csv');
    const rows = [
      ['电池, 锂 "安全"', '2026-11-21', 12],
      ['two\r\nlines', null, -3.5],
      ['', '2026-01-02T10:00:00Z', null],
    ];
    await writeCsv(file, [{ name: 'T', columns, rows }]);
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').endsWith('\r\n')).toBe(true);
    const read = readCsv(file);
    expect(read.bom).toBe(true);
    expect(read.rows).toEqual([
      ['标题', '日期', '数量'],
      ['电池, 锂 "安全"', '2026-11-21', '12'],
      ['two\r\nlines', '', '-3.5'],
      ['', '2026-01-02', ''],
    ]);
  });

  it('neutralises formula-like text with a leading apostrophe', async () => {
    const file = path.join(dir, 'f.csv');
    const evil = ['=HYPERLINK("http://x.example","click")', '+1', '-2', '@SUM(A1)', '\t=1', 'plain'];
    await writeCsv(file, [{ name: 'T', columns: [{ header: 'T', kind: 'text' }], rows: evil.map((t) => [t]) }]);
    const cells = readCsv(file).rows.slice(1).map((r) => r[0]);
    expect(cells).toEqual(["'=HYPERLINK(\"http://x.example\",\"click\")", "'+1", "'-2", "'@SUM(A1)", "'\t=1", 'plain']);
    for (const c of cells) expect(c).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes several tables one after another, each under its name', async () => {
    const file = path.join(dir, 's.csv');
    await writeCsv(file, [
      { name: '按成员', columns: [{ header: '成员', kind: 'text' }], rows: [['俄罗斯']] },
      { name: '按年份', columns: [{ header: '年份', kind: 'number' }], rows: [] },
    ]);
    expect(fs.readFileSync(file, 'utf8')).toBe('\uFEFF按成员\r\n成员\r\n俄罗斯\r\n\r\n按年份\r\n年份\r\n');
  });

  it('stops when cancelled and leaves no file behind', async () => {
    const file = path.join(dir, 'c.csv');
    const controller = new AbortController();
    function* rows(): Generator<string[]> {
      for (let i = 0; i < 100_000; i++) {
        if (i === 20_000) controller.abort();
        yield [`row ${i}`];
      }
    }
    await expect(writeCsv(file, [{ name: 'T', columns: [{ header: 'T', kind: 'text' }], rows: rows() }], { signal: controller.signal })).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
