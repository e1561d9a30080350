import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  encodeText,
  epingCsvText,
  epingRow,
  fixtureDir,
  writeEpingCsv,
  type CsvFixtureEncoding,
} from '../../../../test/fixtures/eping-fixtures';
import { readAll, readFailure } from '../../../../test/fixtures/read-all';
import { sniffDelimiter } from './read-csv';

const tmp = fixtureDir();
afterAll(() => tmp.cleanup());

const CHINESE_TITLE = '电动汽车技术法规草案（锂电池、光伏组件）';
const RUSSIAN_TITLE = 'Технический регламент о безопасности аккумуляторов';

describe('reading an ePing CSV', () => {
  const encodings: CsvFixtureEncoding[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030'];
  for (const encoding of encodings) {
    it(`detects and reports ${encoding} and decodes Chinese and Russian text`, async () => {
      const file = writeEpingCsv(
        tmp.file(`eping-${encoding}.csv`),
        [
          epingRow({ 'Document symbol': 'G/TBT/N/CHN/2001', 'Notifying Member': 'China', Title: CHINESE_TITLE }),
          epingRow({ 'Document symbol': 'G/TBT/N/RUS/150', 'Notifying Member': 'Russian Federation', Title: RUSSIAN_TITLE }),
        ],
        encoding,
      );
      const { records, rejections, report } = await readAll(file);
      expect(rejections).toEqual([]);
      expect(report).toEqual({ format: 'eping-csv', encoding, rowsRead: 2 });
      expect(records.map((r) => [r.row, r.symbol, r.title, r.memberName])).toEqual([
        [2, 'G/TBT/N/CHN/2001', CHINESE_TITLE, 'China'],
        [3, 'G/TBT/N/RUS/150', RUSSIAN_TITLE, 'Russian Federation'],
      ]);
      expect(records[0]).toMatchObject({ distributionDate: '2024-03-01', commentDeadline: '2024-04-30', hsCodes: ['8703.80'] });
    });
  }

  it('numbers rows as a spreadsheet shows them, by record with the header as row 1, when a quoted cell spans lines', async () => {
    const file = writeEpingCsv(tmp.file('multiline.csv'), [
      epingRow({
        'Document symbol': 'G/SPS/N/KGZ/20',
        'Notified document': 'https://a.org/1.pdf\nhttps://a.org/2.pdf\nhttps://a.org/3.pdf',
      }),
      epingRow({ 'Document symbol': 'G/SPS/N/KGZ/21', 'Final date for comments': '2024-02-30' }),
    ]);
    const { records, rejections } = await readAll(file);
    expect(records.map((r) => [r.row, r.documentLinks])).toEqual([
      [2, ['https://a.org/1.pdf', 'https://a.org/2.pdf', 'https://a.org/3.pdf']],
    ]);
    expect(rejections).toEqual([
      {
        row: 3,
        field: 'Final date for comments',
        reason: "'2024-02-30' is not a valid date",
        value: '2024-02-30',
        code: 'DATE_NOT_VALID',
        params: { value: '2024-02-30' },
      },
    ]);
  });

  it('reads semicolon- and tab-separated files and skips empty lines', async () => {
    const rows = [epingRow({ 'Document symbol': 'G/TBT/N/TUR/200' }), epingRow({ 'Document symbol': 'G/TBT/N/TUR/201' })];
    for (const [name, delimiter] of [['semi.csv', ';'], ['tabs.txt', '\t']] as const) {
      const text = epingCsvText(rows, { delimiter }).replace('\r\n', '\r\n\r\n');
      const file = tmp.file(name);
      fs.writeFileSync(file, encodeText(text, 'utf-16le'));
      const { records, report } = await readAll(file);
      expect(records.map((r) => [r.row, r.symbol, r.keywords]), name).toEqual([
        [3, 'G/TBT/N/TUR/200', ['Electric vehicles', 'Batteries']],
        [4, 'G/TBT/N/TUR/201', ['Electric vehicles', 'Batteries']],
      ]);
      expect(report?.rowsRead).toBe(2);
    }
    expect(sniffDelimiter('"Document symbol, or symbols";Title;Description')).toBe(';');
    expect(sniffDelimiter('Document symbol,Title')).toBe(',');
  });

  it('refuses a CSV without the required headers', async () => {
    const file = tmp.file('wrong.csv');
    fs.writeFileSync(file, 'Symbol code,Name\nG/TBT/N/SAU/1,x\n');
    const { error } = await readFailure(file);
    expect(error.code).toBe('IMPORT_REJECTED');
    expect(error.message).toBe(
      "The file is not an ePing export: the header row lacks 'Document symbol' and 'Title'. Found 'Symbol code', 'Name'.",
    );
  });
});
