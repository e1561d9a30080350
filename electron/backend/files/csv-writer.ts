import fs from 'node:fs';
import { neutraliseForCsv } from '../../../shared/domain/spreadsheet-safety';
import { AppError } from '../errors';
import type { SheetCell, SheetColumn, SheetData, WriteOptions } from './xlsx-writer';

const BOM = '\uFEFF';
const CRLF = '\r\n';
const CHUNK_CHARS = 64 * 1024;
const REPORT_EVERY = 500;

/** One field as RFC 4180 wants it: quoted when it holds a comma, a quote or a line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A cell as CSV text: dates as YYYY-MM-DD, numbers as written, formula-like text neutralised. */
function csvCell(value: SheetCell, kind: SheetColumn['kind']): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  return csvField(neutraliseForCsv(value));
}

/**
 * Write tables to a CSV file for Excel: UTF-8 with a byte order mark (without it Excel reads the
 * Chinese as the system's code page), CRLF line ends, RFC 4180 quoting, and no text a
 * spreadsheet would run as a formula. Several tables (a statistics export) follow one another,
 * each under a line with its name and separated by a blank line; a single table is written
 * alone, its header first. Written in chunks through a temporary name, with a pause between
 * chunks so a cancellation is seen.
 */
export async function writeCsv(filePath: string, tables: Iterable<SheetData>, options: WriteOptions = {}): Promise<{ rows: number }> {
  const list = [...tables];
  const temp = `${filePath}.${process.pid}.tmp`;
  const handle = await fs.promises.open(temp, 'w');
  let rows = 0;
  try {
    let chunk = BOM;
    const flush = async (): Promise<void> => {
      if (options.signal?.aborted) throw new AppError('CANCELLED', 'The export was cancelled; no file was written');
      await handle.write(chunk, null, 'utf8');
      chunk = '';
    };
    for (const [index, table] of list.entries()) {
      if (list.length > 1) chunk += (index > 0 ? CRLF : '') + csvField(neutraliseForCsv(table.name)) + CRLF;
      chunk += table.columns.map((c) => csvField(neutraliseForCsv(c.header))).join(',') + CRLF;
      const kinds = table.columns.map((c) => c.kind);
      for (const row of table.rows) {
        let line = '';
        for (let i = 0; i < kinds.length; i++) line += (i > 0 ? ',' : '') + csvCell(row[i] ?? null, kinds[i]!);
        chunk += line + CRLF;
        rows++;
        if (rows % REPORT_EVERY === 0) options.onRows?.(rows);
        if (chunk.length >= CHUNK_CHARS) await flush();
      }
    }
    await flush();
    await handle.close();
    fs.renameSync(temp, filePath);
  } catch (err) {
    await handle.close().catch(() => undefined);
    fs.rmSync(temp, { force: true });
    throw err;
  }
  options.onRows?.(rows);
  return { rows };
}
