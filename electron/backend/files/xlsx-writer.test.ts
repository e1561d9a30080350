import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readWorkbook, xlsxParts } from '../../../test/helpers/read-sheet';
import { sheetNameProblem, writeXlsx, type SheetData } from './xlsx-writer';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-xlsx-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const columns = [
  { header: '通报号', kind: 'text' },
  { header: '分发日期', kind: 'date' },
  { header: '条数', kind: 'number' },
  { header: '采纳率', kind: 'percent' },
  { header: '金额', kind: 'money' },
] as const;

describe('the streaming XLSX writer', () => {
  it('writes text, dates as dates, numbers and percentages that exceljs reads back as written', async () => {
    const file = path.join(dir, 'a.xlsx');
    const rows = [
      ['G/TBT/N/CHN/1', '2026-11-21', 1234, 0.256, 5_000_000],
      ['电池 & <锂> "安全"', '2024-02-29', 0, 1, null],
      ['  leading and trailing  ', null, -3.5, null, 0],
      ['two\nlines', 'not a date', null, null, null],
    ];
    const result = await writeXlsx(file, [{ name: '通报列表', columns, rows }]);
    expect(result.rows).toBe(4);
    const [sheet] = await readWorkbook(file);
    expect(sheet!.name).toBe('通报列表');
    expect(sheet!.rows[0]).toEqual(['通报号', '分发日期', '条数', '采纳率', '金额']);
    expect(sheet!.headerBold).toBe(true);
    expect(sheet!.frozenRows).toBe(1);
    expect(sheet!.rows[1]).toEqual(['G/TBT/N/CHN/1', new Date(Date.UTC(2026, 10, 21)), 1234, 0.256, 5_000_000]);
    expect(sheet!.rows[2]).toEqual(['电池 & <锂> "安全"', new Date(Date.UTC(2024, 1, 29)), 0, 1, null]);
    expect(sheet!.rows[3]).toEqual(['  leading and trailing  ', null, -3.5, null, 0]);
    expect(sheet!.rows[4]).toEqual(['two\nlines', 'not a date', null, null, null]);
    expect(sheet!.formats).toEqual(['', 'yyyy-mm-dd', '#,##0', '0.0%', '#,##0']);
  });

  it('stores formula-like text as quote-prefixed inline text, never as a formula', async () => {
    const file = path.join(dir, 'f.xlsx');
    const evil = ['=HYPERLINK("http://x.example","click")', '+1', '-2', '@SUM(A1)', 'plain'];
    await writeXlsx(file, [{ name: 'S', columns: [{ header: 'T', kind: 'text' }], rows: evil.map((t) => [t]) }]);
    const xml = (await xlsxParts(file)).get('xl/worksheets/sheet1.xml')!;
    expect(xml).not.toContain('<f>');
    const styles = (await xlsxParts(file)).get('xl/styles.xml')!;
    const xfs = [...styles.matchAll(/<xf [^>]*\/>/g)].map((m) => m[0]).slice(1);
    const quoted = xfs.findIndex((x) => x.includes('quotePrefix="1"'));
    expect(quoted).toBeGreaterThan(0);
    for (const [i, text] of evil.entries()) {
      const cell = new RegExp(`<c r="A${i + 2}"([^>]*)>`).exec(xml)![1]!;
      expect(cell).toContain('t="inlineStr"');
      if (text === 'plain') expect(cell).not.toContain(`s="${quoted}"`);
      else expect(cell).toContain(`s="${quoted}"`);
    }
    const [sheet] = await readWorkbook(file);
    expect(sheet!.rows.slice(1).map((r) => r[0])).toEqual(evil);
  });

  it('writes dates as serial numbers with the date style', async () => {
    const file = path.join(dir, 'd.xlsx');
    await writeXlsx(file, [{ name: 'S', columns: [{ header: 'D', kind: 'date' }], rows: [['1900-03-01'], ['2026-12-08']] }]);
    const parts = await xlsxParts(file);
    const xml = parts.get('xl/worksheets/sheet1.xml')!;
    const styles = parts.get('xl/styles.xml')!;
    const xfs = [...styles.matchAll(/<xf [^>]*\/>/g)].map((m) => m[0]).slice(1);
    const dateStyle = xfs.findIndex((x) => x.includes('numFmtId="164"'));
    expect(styles).toContain('<numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>');
    // 1900-03-01 is serial 61 (Excel counts the phantom 1900-02-29); 2026-12-08 is 46364.
    expect(xml).toContain(`<c r="A2" s="${dateStyle}"><v>61</v></c>`);
    expect(xml).toContain(`<c r="A3" s="${dateStyle}"><v>46364</v></c>`);
  });

  it('writes several sheets with Chinese names, an empty sheet and a sheet of no columns', async () => {
    const file = path.join(dir, 'm.xlsx');
    const sheets: SheetData[] = [
      { name: '按成员', columns: [{ header: '成员', kind: 'text' }, { header: '评议数', kind: 'number' }], rows: [['俄罗斯', 3], ['哈萨克斯坦', 1]] },
      { name: '按年份（空）', columns: [{ header: '年份', kind: 'number' }], rows: [] },
      { name: 'Empty', columns: [], rows: [] },
    ];
    const result = await writeXlsx(file, sheets);
    expect(result.rows).toBe(2);
    const read = await readWorkbook(file);
    expect(read.map((s) => s.name)).toEqual(['按成员', '按年份（空）', 'Empty']);
    expect(read[0]!.rows).toEqual([['成员', '评议数'], ['俄罗斯', 3], ['哈萨克斯坦', 1]]);
    expect(read[1]!.rows).toEqual([['年份']]);
    expect(read[2]!.rows.flat()).toEqual([]);
  });

  it('drops characters XML 1.0 forbids instead of writing a file no reader opens', async () => {
    const file = path.join(dir, 'x.xlsx');
    await writeXlsx(file, [{ name: 'S', columns: [{ header: 'T\u0001', kind: 'text' }], rows: [['a\u0000b\u0008c\u000Bd\uFFFEe\uD800f\tg']] }]);
    const [sheet] = await readWorkbook(file);
    expect(sheet!.rows).toEqual([['T'], ['abcdef\tg']]);
  });

  it('refuses sheet names Excel refuses, before writing anything', async () => {
    const file = path.join(dir, 'n.xlsx');
    for (const name of ['', 'a'.repeat(32), 'a/b', 'a[1]', 'x:y', 'what?', 'all*', 'back\\slash', "'quoted'"]) {
      expect(sheetNameProblem(name)).not.toBeNull();
      await expect(writeXlsx(file, [{ name, columns: [], rows: [] }])).rejects.toMatchObject({ code: 'VALIDATION' });
    }
    await expect(
      writeXlsx(file, [
        { name: 'Same', columns: [], rows: [] },
        { name: 'same', columns: [], rows: [] },
      ]),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(sheetNameProblem('通'.repeat(31))).toBeNull();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('stops when cancelled and leaves neither the file nor its temporary', async () => {
    const file = path.join(dir, 'c.xlsx');
    const controller = new AbortController();
    function* rows(): Generator<string[]> {
      for (let i = 0; i < 100_000; i++) {
        if (i === 20_000) controller.abort();
        yield [`row ${i}`];
      }
    }
    await expect(
      writeXlsx(file, [{ name: 'S', columns: [{ header: 'T', kind: 'text' }], rows: rows() }], { signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('reports its progress and replaces an older file of the same name only when done', async () => {
    const file = path.join(dir, 'p.xlsx');
    fs.writeFileSync(file, 'old');
    const seen: number[] = [];
    const rows = Array.from({ length: 1200 }, (_, i) => [i]);
    await writeXlsx(file, [{ name: 'S', columns: [{ header: 'N', kind: 'number' }], rows }], { onRows: (n) => seen.push(n) });
    expect(seen).toEqual([500, 1000, 1200]);
    const [sheet] = await readWorkbook(file);
    expect(sheet!.rows.length).toBe(1201);
    expect(fs.readdirSync(dir)).toEqual(['p.xlsx']);
  });
});
