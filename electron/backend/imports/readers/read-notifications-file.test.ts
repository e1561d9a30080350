import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { epingRow, fixtureDir, writeEpingCsv, writeEpingXlsx, writeWtoJson, wtoItem } from '../../../../test/fixtures/eping-fixtures';
import { readFailure } from '../../../../test/fixtures/read-all';
import { detectFormat, parseOnly, readNotificationsFile } from './read-notifications-file';

const tmp = fixtureDir();
afterAll(() => tmp.cleanup());

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]);

describe('format detection', () => {
  it('trusts magic bytes over the extension, then the extension, then the content', () => {
    expect(detectFormat('export.xlsx', ZIP)).toBe('eping-xlsx');
    expect(detectFormat('renamed.csv', ZIP)).toBe('eping-xlsx');
    expect(detectFormat('export.csv', Buffer.from('Document symbol,Title'))).toBe('eping-csv');
    expect(detectFormat('export.TXT', Buffer.from([0xff, 0xfe, 0x44, 0x00]))).toBe('eping-csv');
    expect(detectFormat('api.json', Buffer.from('{"items":[]}'))).toBe('wto-json');
    expect(detectFormat('download', Buffer.from('\ufeff  [{"documentSymbol":"G/TBT/N/SAU/1"}]'))).toBe('wto-json');
  });

  it('refuses old .xls workbooks, fake .xlsx files and anything else with a clear message', () => {
    expect(() => detectFormat('old.xls', OLE)).toThrow(/Excel 97-2003 \(\.xls\) workbook; open it in Excel, save it as \.xlsx/);
    expect(() => detectFormat('fake.xlsx', Buffer.from('Document symbol'))).toThrow(/has an \.xlsx name but is not an Excel workbook/);
    expect(() => detectFormat('scan.pdf', Buffer.from('%PDF-1.7'))).toThrow(/'scan\.pdf' is not a file this import reads/);
  });

  it('refuses missing and empty files as IMPORT_REJECTED', async () => {
    const missing = await readFailure(tmp.file('nope.xlsx'));
    expect(missing.error).toMatchObject({ code: 'IMPORT_REJECTED', message: expect.stringMatching(/does not exist/) });
    const empty = tmp.file('empty.csv');
    fs.writeFileSync(empty, '');
    expect((await readFailure(empty)).error).toMatchObject({ code: 'IMPORT_REJECTED', message: 'The file is empty.' });
  });
});

describe('parseOnly', () => {
  it('counts records and rejections of each format and reports the format', async () => {
    const rows = [
      epingRow({ 'Document symbol': 'G/TBT/N/ARE/1, G/TBT/N/SAU/2', Title: '电动汽车' }),
      epingRow({ 'Distribution date': '32/01/2024' }),
    ];
    const xlsx = await writeEpingXlsx(tmp.file('count.xlsx'), rows);
    const csv = writeEpingCsv(tmp.file('count.csv'), rows, 'gb18030');
    const json = writeWtoJson(tmp.file('count.json'), [wtoItem(), wtoItem({ documentSymbol: 'nonsense' })]);
    expect(await parseOnly(xlsx)).toEqual({ format: 'eping-xlsx', encoding: null, rowsRead: 2, records: 2, rejections: 1 });
    expect(await parseOnly(csv)).toEqual({ format: 'eping-csv', encoding: 'gb18030', rowsRead: 2, records: 2, rejections: 1 });
    expect(await parseOnly(json)).toEqual({ format: 'wto-json', encoding: 'utf-8', rowsRead: 2, records: 1, rejections: 1 });
  });

  it('has no report before reading starts', () => {
    expect(readNotificationsFile(tmp.file('later.xlsx')).report()).toBeNull();
  });
});
