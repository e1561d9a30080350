import fs from 'node:fs';
import nodePath from 'node:path';
import { AppError } from '../../errors';
import { formatBytes, rejectFile, resolveLimits } from './limits';
import { ReadContext } from './read-context';
import { readEpingCsv } from './read-csv';
import { readWtoJson } from './read-wto-json';
import { readEpingXlsx } from './read-xlsx';
import type { FileReport, ImportEvent, ImportFormat, ReadNotificationsOptions, TextEncoding } from './types';

/**
 * A file being read: iterate it for records and rejections (or, read on a worker, rows prepared
 * from the records), then ask for the report.
 */
export interface NotificationsFileReading<E = ImportEvent> extends AsyncIterable<E> {
  /** What has been learnt so far; null until the format is known (first step of iteration). */
  report(): FileReport | null;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const TEXT_EXTENSIONS = new Set(['.csv', '.txt', '.tsv']);

function startsWith(head: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => head[i] === b);
}

/** First character that is not whitespace or a byte-order mark, in any of the text encodings. */
function firstSignificantChar(head: Uint8Array): string {
  for (const b of head) {
    if (b === 0x00 || b === 0xef || b === 0xbb || b === 0xbf || b === 0xff || b === 0xfe) continue;
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) continue;
    return String.fromCharCode(b);
  }
  return '';
}

/** Magic bytes first (a renamed workbook is still a workbook), then the extension. */
export function detectFormat(path: string, head: Uint8Array): ImportFormat {
  const ext = nodePath.extname(path).toLowerCase();
  if (startsWith(head, ZIP_MAGIC)) return 'eping-xlsx';
  if (startsWith(head, OLE_MAGIC)) {
    throw rejectFile('This is an Excel 97-2003 (.xls) workbook; open it in Excel, save it as .xlsx and import that.', { reason: 'OLD_XLS' });
  }
  if (ext === '.xlsx' || ext === '.xlsm') throw rejectFile('The file has an .xlsx name but is not an Excel workbook.', { reason: 'NOT_WORKBOOK' });
  if (ext === '.json') return 'wto-json';
  if (TEXT_EXTENSIONS.has(ext)) return 'eping-csv';
  const first = firstSignificantChar(head);
  if (first === '{' || first === '[') return 'wto-json';
  throw rejectFile(
    `'${nodePath.basename(path)}' is not a file this import reads: choose an ePing Excel export (.xlsx), ` +
      'a CSV (.csv, .txt) or a saved WTO API response (.json).',
    { reason: 'WRONG_TYPE' },
  );
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const buf = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The format of a file from its first bytes and name, as the reader will take it. */
export async function fileFormat(path: string): Promise<ImportFormat> {
  return detectFormat(path, await readHead(path));
}

async function statFile(path: string): Promise<fs.Stats> {
  try {
    return await fs.promises.stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw rejectFile(code === 'ENOENT' ? `The file '${path}' does not exist.` : `The file '${path}' cannot be read (${code ?? 'error'}).`, {
      reason: 'CANNOT_READ',
    });
  }
}

/**
 * Read an ePing export (XLSX or CSV) or a saved WTO API response (JSON) as a stream of parsed
 * notifications and row rejections, without touching the database. Whole-file problems
 * (hostile or foreign files, missing headers) throw AppError IMPORT_REJECTED before or while
 * reading; an aborted signal throws CANCELLED between rows.
 */
export function readNotificationsFile(path: string, options: ReadNotificationsOptions = {}): NotificationsFileReading {
  let format: ImportFormat | null = null;
  let encoding: TextEncoding | null = null;
  let ctx: ReadContext | null = null;

  async function* run(): AsyncGenerator<ImportEvent> {
    const limits = resolveLimits(options.limits);
    const stat = await statFile(path);
    if (!stat.isFile()) throw rejectFile(`'${path}' is not a file.`, { reason: 'CANNOT_READ' });
    // An empty file holds no notifications, which is how the analyst is told.
    if (stat.size === 0) throw rejectFile('The file is empty.', { reason: 'NO_ROWS' });
    if (stat.size > limits.maxFileBytes) {
      throw rejectFile(
        `The file is ${formatBytes(stat.size)}; files up to ${formatBytes(limits.maxFileBytes)} can be imported ` +
          '(the complete ePing export is about 45 MB).',
        { reason: 'FILE_TOO_LARGE', bytes: stat.size, maxFileBytes: limits.maxFileBytes },
      );
    }
    format = detectFormat(path, await readHead(path));
    const context = new ReadContext(limits, stat.size, options);
    ctx = context;
    context.throwIfCancelled();
    const setEncoding = (e: TextEncoding): void => {
      encoding = e;
    };
    if (format === 'eping-xlsx') yield* readEpingXlsx(path, context, options.signal, options.sharedChecks);
    else if (format === 'eping-csv') yield* readEpingCsv(path, context, setEncoding);
    else yield* readWtoJson(path, context, setEncoding);
    context.finish();
  }

  return {
    [Symbol.asyncIterator]: () => run(),
    report: () => (format === null ? null : { format, encoding, rowsRead: ctx?.rowsRead ?? 0 }),
  };
}

export interface ParseOnlyResult extends FileReport {
  records: number;
  rejections: number;
}

/** Read a file to the end and count: the parse-only floor the import benchmark compares against. */
export async function parseOnly(path: string, options: ReadNotificationsOptions = {}): Promise<ParseOnlyResult> {
  const reading = readNotificationsFile(path, options);
  let records = 0;
  let rejections = 0;
  for await (const event of reading) {
    if (event.kind === 'record') records++;
    else rejections++;
  }
  const report = reading.report();
  if (report === null) throw new AppError('INTERNAL', 'The file was read but its format was never determined.');
  return { ...report, records, rejections };
}
