import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { AppError } from '../errors';
import { decodeBuffer, detectBufferEncoding } from '../imports/readers/encoding';
import { assertWithinSheetLimits, inspectXlsx } from '../imports/readers/inspect-xlsx';
import { DEFAULT_LIMITS, rejectFile } from '../imports/readers/limits';
import { sniffDelimiter } from '../imports/readers/read-csv';
import { cellText } from '../imports/readers/values';
import { XlsxWorkbook } from '../imports/readers/xlsx/workbook-reader';

/** Registry files are small (thousands of rows): read whole, refused above this. */
const MAX_TABLE_BYTES = 50 * 1024 * 1024;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** A sheet or CSV read as text: its header cells and its rows numbered as a spreadsheet shows them. */
export interface TableFile {
  format: 'xlsx' | 'csv';
  header: string[];
  rows: Array<{ row: number; cells: string[] }>;
  bytes: Buffer;
}

function startsWith(buf: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

/**
 * The first worksheet's rows, through the notification import's own XLSX reader: every part is
 * checked first (sizes, entries, zip bombs), as for any workbook from outside.
 */
async function readXlsx(path: string): Promise<Array<{ row: number; cells: string[] }>> {
  await inspectXlsx(path, DEFAULT_LIMITS);
  let workbook: XlsxWorkbook;
  try {
    workbook = await XlsxWorkbook.open(path);
  } catch (e) {
    throw rejectFile(`The workbook cannot be read (${(e as Error).message}); save it again from Excel as .xlsx.`, { reason: 'NOT_WORKBOOK' });
  }
  try {
    const sheet = workbook.sheets[0];
    if (!sheet) throw rejectFile('The workbook has no sheet.', { reason: 'EMPTY' });
    const rows: Array<{ row: number; cells: string[] }> = [];
    const checkCell = (row: number, column: number): void => assertWithinSheetLimits(sheet.name, row, column, DEFAULT_LIMITS, `a cell in row ${row}`);
    for await (const r of workbook.rows(sheet, checkCell)) {
      const cells: string[] = [];
      for (let c = 0; c < r.lastColumn; c += 1) cells.push(cellText(r.values[c] ?? null).trim());
      rows.push({ row: r.number, cells });
    }
    return rows;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw rejectFile(`The workbook cannot be read (${(e as Error).message}); save it again from Excel as .xlsx.`, { reason: 'NOT_WORKBOOK' });
  } finally {
    workbook.close();
  }
}

function readCsv(bytes: Buffer): Array<{ row: number; cells: string[] }> {
  // UTF-8 with or without a BOM, UTF-16 from Excel's "Unicode text", or GB18030 from a Chinese Excel.
  const text = decodeBuffer(bytes, detectBufferEncoding(bytes));
  const records = parse(text, {
    delimiter: sniffDelimiter(text.split(/\r?\n/, 1)[0] ?? ''),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  }) as string[][];
  // A record's row is its place among records (header = row 1), as a spreadsheet would number it.
  return records.map((record, i) => ({ row: i + 1, cells: record.map((c) => c.trim()) }));
}

/**
 * Read a registry file, XLSX (first sheet) or CSV, as text cells. The first non-empty row is the
 * header. A file that is neither is refused as a whole (IMPORT_REJECTED).
 */
export async function readTableFile(path: string): Promise<TableFile> {
  let bytes: Buffer;
  try {
    const size = fs.statSync(path).size;
    if (size > MAX_TABLE_BYTES) throw rejectFile(`The file is over ${MAX_TABLE_BYTES / 1024 / 1024} MB; a registry file is far smaller.`, { reason: 'TOO_LARGE' });
    bytes = fs.readFileSync(path);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw rejectFile(`The file '${path}' cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, { reason: 'CANNOT_READ' });
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    throw rejectFile('This is an Excel 97-2003 (.xls) workbook; open it in Excel, save it as .xlsx and import that.', { reason: 'OLD_XLS' });
  }
  const format = startsWith(bytes, ZIP_MAGIC) ? 'xlsx' : 'csv';
  const all = format === 'xlsx' ? await readXlsx(path) : readCsv(bytes);
  const rows = all.filter((r) => r.cells.some((c) => c !== ''));
  const head = rows.shift();
  if (!head) throw rejectFile('The file is empty: it has no header row.', { reason: 'EMPTY' });
  return { format, header: head.cells, rows, bytes };
}
