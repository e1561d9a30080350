import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  epingCsvText,
  epingRow,
  fixtureDir,
  writeDisguisedZipBombXlsx,
  writeEntityBombXlsx,
  writeEpingCsv,
  writeEpingXlsx,
  writeFarCellXlsx,
  writeHiddenEntryXlsx,
  writeHugeTextXlsx,
  writeWtoJson,
  writeZipBombXlsx,
  wtoItem,
} from '../../../../test/fixtures/eping-fixtures';
import { readAll, readFailure } from '../../../../test/fixtures/read-all';
import { writeSyntheticEping } from '../../../../test/fixtures/synthetic-eping';
import type { ReadNotificationsOptions } from './types';

const tmp = fixtureDir();
let workbook = '';
beforeAll(async () => {
  workbook = await writeEpingXlsx(tmp.file('ordinary.xlsx'), [epingRow(), epingRow({ 'Document symbol': 'G/TBT/N/SAU/1002' })]);
});
afterAll(() => tmp.cleanup());

/**
 * Every hostile file must be refused as IMPORT_REJECTED, quickly. Checks made before the parse
 * let no record out; limits met while streaming (row counts, a far cell) come after the rows
 * before them, which the caller's single transaction then discards.
 */
async function expectRefused(
  file: string,
  message: RegExp,
  options: ReadNotificationsOptions = {},
  recordsBefore = 0,
): Promise<void> {
  const failure = await readFailure(file, options);
  expect(failure.error.code).toBe('IMPORT_REJECTED');
  expect(failure.error.message).toMatch(message);
  expect(failure.ms).toBeLessThan(5000);
  expect(failure.recordsBefore).toBe(recordsBefore);
}

describe('hostile workbooks are refused before the parse', () => {
  it('refuses a zip bomb (a 300 MB sheet in a few hundred KB) from its directory alone', async () => {
    const file = writeZipBombXlsx(tmp.file('bomb.xlsx'));
    expect(fs.statSync(file).size).toBeLessThan(2 * 1024 * 1024);
    await expectRefused(file, /zip bomb: its part 'xl\/worksheets\/sheet1\.xml' would expand from .* to 300 MB, a \d+:1 ratio \(at most 200:1/);
  });

  it('refuses a zip bomb whose directory lies about the size, when inflating proves it', async () => {
    await expectRefused(
      writeDisguisedZipBombXlsx(tmp.file('disguised.xlsx')),
      /part 'xl\/worksheets\/sheet1\.xml' inflates beyond the .* its directory declares \(a disguised zip bomb\)/,
    );
  });

  it('refuses data hidden between entries, which a front-to-back unzipper would read', async () => {
    await expectRefused(writeHiddenEntryXlsx(tmp.file('hidden.xlsx')), /holds data the directory does not describe/);
  });

  it('refuses an XML entity bomb ("billion laughs")', async () => {
    await expectRefused(
      writeEntityBombXlsx(tmp.file('laughs.xlsx')),
      /part 'xl\/worksheets\/sheet1\.xml' declares a DTD or XML entities.*entity bomb/,
    );
  });

  it('refuses a sheet whose dimension reaches XFD1048576', async () => {
    await expectRefused(
      writeFarCellXlsx(tmp.file('far-dimension.xlsx'), { dimension: true }),
      /reaches row 1,048,576, column 16,384 \(its dimension is A1:XFD1048576\)/,
    );
  });

  it('refuses a cell at XFD1048576 met while streaming when no dimension announces it', async () => {
    await expectRefused(
      writeFarCellXlsx(tmp.file('far-cell.xlsx'), { dimension: false }),
      /reaches row 1,048,576, column 16,384 \(a cell in row 1048576\)/,
      {},
      1,
    );
    await expectRefused(
      writeFarCellXlsx(tmp.file('wide-cell.xlsx'), { dimension: false, ref: 'XFD3' }),
      /reaches row 3, column 16,384 \(a cell in row 3\)/,
      {},
      1,
    );
  });

  it('rejects the row of a cell over 200,000 characters and keeps the others', async () => {
    const started = performance.now();
    const { records, rejections } = await readAll(writeHugeTextXlsx(tmp.file('huge-cell.xlsx'), 300_000));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(records.map((r) => [r.row, r.symbol])).toEqual([
      [2, 'G/TBT/N/SAU/1001'],
      [4, 'G/TBT/N/KWT/78'],
    ]);
    expect(rejections).toHaveLength(1);
    expect(rejections[0]).toMatchObject({
      row: 3,
      field: 'Title',
      reason: 'the cell holds 300,000 characters, more than the 200,000 allowed',
    });
    expect(rejections[0]?.value).toHaveLength(200);
  });

  it('refuses the whole file when one text runs past the 8 MB hard cap', async () => {
    // Random letters, so the part does not also trip the compression-ratio check.
    await expectRefused(writeHugeTextXlsx(tmp.file('giant-cell.xlsx'), 9 * 1024 * 1024, 11), /holds a single text of more than 8 MB/);
  });

  it('refuses a file over the size cap before reading it', async () => {
    await expectRefused(workbook, /^The file is .* files up to 1000 bytes can be imported/, { limits: { maxFileBytes: 1000 } });
  });

  it('refuses too many entries and too much uncompressed data', async () => {
    await expectRefused(workbook, /The workbook holds \d+ parts; .*\(limit 3\)/, { limits: { maxZipEntries: 3 } });
    await expectRefused(workbook, /would expand to more than 4 KB once unzipped/, { limits: { maxUncompressedBytes: 4096 } });
  });

  it('refuses more rows or columns than the limits allow', async () => {
    const streamed = tmp.file('streamed.xlsx');
    await writeSyntheticEping(streamed, { rows: 50 });
    // The streaming writer announces no dimension: the rows are counted while inflating.
    await expectRefused(streamed, /worksheet 'xl\/worksheets\/sheet1\.xml' holds more than 20 rows/, { limits: { maxRows: 20 } });
    await expectRefused(workbook, /worksheet 'xl\/worksheets\/sheet1\.xml' holds more than 1 rows/, { limits: { maxRows: 1 } });
    await expectRefused(workbook, /reaches row 3, column 16 .* at most .* and 10 columns/, { limits: { maxColumns: 10 } });
  });
});

describe('hostile text files are refused', () => {
  it('refuses a CSV record longer than the record cap (an unclosed quote reads to the end)', async () => {
    const file = tmp.file('unclosed.csv');
    fs.writeFileSync(file, epingCsvText([epingRow()]) + `"G/TBT/N/SAU/9,${'x'.repeat(5000)}\n`.repeat(20));
    await expectRefused(file, /A record near line [3-5] is longer than 10,000 characters/, { limits: { maxCsvRecordChars: 10_000 } });
  });

  it('rejects a CSV cell over the cell limit as a row, keeping the others', async () => {
    const file = writeEpingCsv(tmp.file('long-cell.csv'), [
      epingRow({ Description: 'd'.repeat(2000) }),
      epingRow({ 'Document symbol': 'G/TBT/N/SAU/1002' }),
    ]);
    const { records, rejections } = await readAll(file, { limits: { maxCellChars: 1000 } });
    expect(records.map((r) => r.symbol)).toEqual(['G/TBT/N/SAU/1002']);
    expect(rejections).toMatchObject([{ row: 2, field: 'Description', reason: 'the cell holds 2,000 characters, more than the 1,000 allowed' }]);
  });

  it('refuses CSV files with too many rows or fields', async () => {
    const file = writeEpingCsv(tmp.file('rows.csv'), [epingRow(), epingRow(), epingRow()]);
    await expectRefused(file, /holds more than 2 rows/, { limits: { maxRows: 2 } }, 2);
    await expectRefused(file, /Line 1 has 16 fields; an ePing export has at most 8 columns/, { limits: { maxColumns: 8 } });
    await expectRefused(file, /^The file is .* files up to 100 bytes/, { limits: { maxFileBytes: 100 } });
  });

  it('refuses JSON over its own size cap or with too many items', async () => {
    const file = writeWtoJson(tmp.file('many.json'), [wtoItem(), wtoItem(), wtoItem()]);
    await expectRefused(file, /^The JSON file is .* JSON files up to 1000 bytes can be imported/, { limits: { maxJsonBytes: 1000 } });
    await expectRefused(file, /holds 3 items, more than the 2 allowed/, { limits: { maxRows: 2 } });
  });
});
