import fs from 'node:fs';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AppError } from '../../errors';
import { formatBytes, formatCount, rejectFile, type ImportLimits } from './limits';
import { createInflater, storedBytes } from './xlsx/entry-bytes';

/**
 * Checks an XLSX (a zip of XML parts) before the workbook reader parses it, so that a zip bomb,
 * an XML entity bomb or a sheet claiming a million columns is refused in well under a second
 * with bounded memory. The reader finds parts through the central directory; a tool walking the
 * local headers front to back (Excel's repair, most unzippers) may see others. The checks below
 * make sure both views hold the same entries, then inflate every entry once under the declared
 * sizes and scan the XML as it streams by.
 */

export interface XlsxInspection {
  entries: number;
  uncompressedBytes: number;
  worksheets: string[];
  /** `<row>` elements of the longest worksheet: what the streaming reader will emit. */
  sheetRows: number;
}

const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
/** The parts whose rows the checks count; the checks can be split between these and the rest. */
export const isWorksheetPart = (name: string): boolean => WORKSHEET.test(name);

const XML_PART = /\.(xml|rels)$/i;
const DOCTYPE = Buffer.from('<!DOCTYPE');
const ENTITY = Buffer.from('<!ENTITY');
const LT = 0x3c;
const ROW_TAG = Buffer.from('<row');
/** Bytes that may follow '<row' in a row element (and not in '<rowBreaks'). */
const ROW_TAG_ENDS = new Set([0x20, 0x3e, 0x2f, 0x09, 0x0a, 0x0d]);
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
/** A data descriptor (bit 3) follows the data: 12 or 16 bytes, 20 or 24 with zip64 sizes. */
const DESCRIPTOR_SIZES = [12, 16, 20, 24];

function notAWorkbook(detail: string): AppError {
  return rejectFile(`The file is not a readable .xlsx workbook: ${detail}.`, { reason: 'NOT_WORKBOOK' });
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) reject(notAWorkbook(err ? err.message : 'no zip directory'));
      else resolve(zip);
    });
  });
}

function readAllEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (err: Error) => reject(notAWorkbook(err.message)));
    zip.readEntry();
  });
}

function localHeader(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<yauzl.LocalFileHeader> {
  return new Promise((resolve, reject) => {
    zip.readLocalFileHeader(entry, { minimal: false }, (err, header) => {
      if (err) reject(notAWorkbook(`entry '${entry.fileName}': ${err.message}`));
      else resolve(header);
    });
  });
}

/** Sizes, ratios and counts from the central directory alone: no byte is inflated yet. */
function checkDirectory(entries: readonly yauzl.Entry[], limits: ImportLimits): number {
  let total = 0;
  const names = new Set<string>();
  for (const entry of entries) {
    const name = entry.fileName;
    if (names.has(name)) throw notAWorkbook(`the entry '${name}' appears twice`);
    names.add(name);
    if (entry.isEncrypted()) throw rejectFile('The workbook is encrypted; save it without a password and import it again.', { reason: 'ENCRYPTED' });
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw notAWorkbook(`the entry '${name}' uses an unsupported compression method (${entry.compressionMethod})`);
    }
    const { uncompressedSize: big, compressedSize: small } = entry;
    if (big > limits.ratioCheckMinBytes && (small === 0 || big / small > limits.maxCompressionRatio)) {
      const ratio = small === 0 ? 'an unbounded' : `a ${Math.round(big / small)}:1`;
      throw rejectFile(
        `The workbook looks like a zip bomb: its part '${name}' would expand from ${formatBytes(small)} to ` +
          `${formatBytes(big)}, ${ratio} ratio (at most ${limits.maxCompressionRatio}:1 is accepted).`,
        { reason: 'UNSAFE_WORKBOOK', entry: name, compressedBytes: small, uncompressedBytes: big },
      );
    }
    total += big;
    if (total > limits.maxUncompressedBytes) {
      throw rejectFile(
        `The workbook would expand to more than ${formatBytes(limits.maxUncompressedBytes)} once unzipped; it was not imported.`,
        { reason: 'UNSAFE_WORKBOOK', maxUncompressedBytes: limits.maxUncompressedBytes },
      );
    }
  }
  return total;
}

async function readUInt32At(handle: fs.promises.FileHandle, position: number): Promise<number | null> {
  const buf = Buffer.alloc(4);
  const { bytesRead } = await handle.read(buf, 0, 4, position);
  return bytesRead === 4 ? buf.readUInt32LE(0) : null;
}

/**
 * The entries must follow each other with no gap, the last one ending at the central directory:
 * anything hidden between them would be read by a front-to-back unzipper but never have been
 * checked here. Returns each entry's data offset.
 */
async function checkLayout(path: string, zip: yauzl.ZipFile, entries: readonly yauzl.Entry[]): Promise<Map<yauzl.Entry, number>> {
  const sorted = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  const dataStarts = new Map<yauzl.Entry, number>();
  const handle = await fs.promises.open(path, 'r');
  try {
    if (sorted.length > 0 && sorted[0]!.relativeOffsetOfLocalHeader !== 0) {
      throw notAWorkbook('it holds data before its first entry');
    }
    for (let i = 0; i < sorted.length; i++) {
      const entry = sorted[i]!;
      const header = await localHeader(zip, entry);
      if (!header.fileName.equals(entry.fileNameRaw) || header.compressionMethod !== entry.compressionMethod) {
        throw notAWorkbook(`the entry '${entry.fileName}' is described two different ways`);
      }
      dataStarts.set(entry, header.fileDataStart);
      const end = header.fileDataStart + entry.compressedSize;
      const gaps = (entry.generalPurposeBitFlag & 0x8) !== 0 ? DESCRIPTOR_SIZES : [0];
      const next = sorted[i + 1];
      let fits = false;
      for (const gap of gaps) {
        if (next) {
          fits = end + gap === next.relativeOffsetOfLocalHeader && (await readUInt32At(handle, end + gap)) === SIG_LOCAL;
        } else {
          fits = (await readUInt32At(handle, end + gap)) === SIG_CENTRAL;
        }
        if (fits) break;
      }
      if (!fits) throw notAWorkbook(`it holds data the directory does not describe after '${entry.fileName}'`);
    }
  } finally {
    await handle.close();
  }
  return dataStarts;
}

/** Scans XML text as it inflates, a chunk at a time, for what must never reach the parser. */
class XmlScanner {
  private textRun = 0;
  private tail: Buffer = Buffer.alloc(0);
  private head: Buffer[] | null;
  private headBytes = 0;
  private rows = 0;
  private rowCarry: Buffer = Buffer.alloc(0);

  constructor(
    private readonly name: string,
    private readonly limits: ImportLimits,
    isWorksheet: boolean,
  ) {
    this.head = isWorksheet ? [] : null;
  }

  push(chunk: Buffer): void {
    this.checkDeclarations(chunk);
    this.checkTextRun(chunk);
    if (this.head) {
      this.collectHead(chunk);
      this.countRows(chunk);
    }
  }

  /** For a worksheet, how many `<row>` elements it holds; null for other parts. */
  end(): number | null {
    if (!this.head) return null;
    this.checkDimension();
    return this.rows;
  }

  /**
   * Counting rows costs one native search per row and lets the reader report progress by rows,
   * and refuse a sheet with too many rows before parsing any of them.
   */
  private countRows(chunk: Buffer): void {
    // The last 4 bytes carry over: a tag cut by the chunk edge is counted once, in the next chunk.
    const buf = this.rowCarry.length > 0 ? Buffer.concat([this.rowCarry, chunk]) : chunk;
    let at = buf.indexOf(ROW_TAG);
    while (at >= 0 && at + ROW_TAG.length < buf.length) {
      if (ROW_TAG_ENDS.has(buf[at + ROW_TAG.length]!)) this.rows++;
      at = buf.indexOf(ROW_TAG, at + 1);
    }
    this.rowCarry = Buffer.from(buf.subarray(Math.max(0, buf.length - ROW_TAG.length)));
    if (this.rows > this.limits.maxRows + 1) {
      throw rejectFile(
        `The worksheet '${this.name}' holds more than ${formatCount(this.limits.maxRows)} rows, more than any ePing ` +
          'export; it was not imported.',
        { reason: 'TOO_MANY_ROWS', entry: this.name, maxRows: this.limits.maxRows },
      );
    }
  }

  private checkDeclarations(chunk: Buffer): void {
    // A declaration split across two chunks is caught by looking at the seam too.
    const seam = Buffer.concat([this.tail, chunk.subarray(0, DOCTYPE.length)]);
    for (const needle of [DOCTYPE, ENTITY]) {
      if (chunk.indexOf(needle) >= 0 || seam.indexOf(needle) >= 0) {
        throw rejectFile(
          `The workbook part '${this.name}' declares a DTD or XML entities, which Excel never writes and ` +
            'which can expand to gigabytes (an XML entity bomb); it was not imported.',
          { reason: 'UNSAFE_WORKBOOK', entry: this.name },
        );
      }
    }
    this.tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - DOCTYPE.length)));
  }

  private checkTextRun(chunk: Buffer): void {
    // Only the runs that touch a chunk edge can be longer than a chunk, so two searches suffice.
    const first = chunk.indexOf(LT);
    if (first < 0) {
      this.textRun += chunk.length;
    } else {
      this.textRun += first;
      this.assertTextRun();
      this.textRun = chunk.length - chunk.lastIndexOf(LT) - 1;
    }
    this.assertTextRun();
  }

  private assertTextRun(): void {
    if (this.textRun > this.limits.maxTextRunBytes) {
      throw rejectFile(
        `The workbook part '${this.name}' holds a single text of more than ${formatBytes(this.limits.maxTextRunBytes)}, ` +
          'far beyond any notification; it was not imported.',
        { reason: 'UNSAFE_WORKBOOK', entry: this.name },
      );
    }
  }

  private collectHead(chunk: Buffer): void {
    if (!this.head || this.headBytes >= this.limits.maxXmlHeadBytes) return;
    this.head.push(chunk.subarray(0, this.limits.maxXmlHeadBytes - this.headBytes));
    this.headBytes += Math.min(chunk.length, this.limits.maxXmlHeadBytes - this.headBytes);
  }

  private checkDimension(): void {
    const head = Buffer.concat(this.head ?? []).toString('latin1');
    const beforeData = head.split('<sheetData')[0] ?? '';
    const m = /<(?:\w+:)?dimension\s+ref="([^"]*)"/.exec(beforeData);
    if (!m) return;
    const last = m[1]!.split(':').pop() ?? '';
    const ref = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(last);
    if (!ref) return;
    const col = columnNumber(ref[1]!);
    const row = Number(ref[2]);
    assertWithinSheetLimits(this.name, row, col, this.limits, `its dimension is ${m[1]}`);
  }
}

/** 'A' is 1, 'XFD' is 16384. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Shared with the streaming reader, which checks each row and cell as it reads them. */
export function assertWithinSheetLimits(sheet: string, row: number, col: number, limits: ImportLimits, what: string): void {
  if (row > limits.maxRows + 1 || col > limits.maxColumns) {
    throw rejectFile(
      `The worksheet '${sheet}' reaches row ${formatCount(row)}, column ${formatCount(col)} (${what}); ` +
        `an ePing export has at most ${formatCount(limits.maxRows)} rows and ${formatCount(limits.maxColumns)} columns. ` +
        'It was not imported.',
      { reason: 'UNSAFE_WORKBOOK', row, col, maxRows: limits.maxRows, maxColumns: limits.maxColumns },
    );
  }
}

/**
 * Inflate one entry under its declared size, scanning XML parts on the way. Returns a
 * worksheet's count of rows, null for other parts.
 */
async function scanEntry(
  path: string,
  entry: yauzl.Entry,
  dataStart: number,
  limits: ImportLimits,
  signal: AbortSignal | undefined,
  onBytes?: (bytes: number) => void,
): Promise<number | null> {
  const raw = storedBytes(path, dataStart, entry.compressedSize);
  const inflater = entry.compressionMethod === 8 ? createInflater() : null;
  const source: Readable = inflater ? raw.pipe(inflater) : raw;
  raw.on('error', (err: Error) => inflater?.destroy(err));
  const name = entry.fileName;
  const scanner = XML_PART.test(name) ? new XmlScanner(name, limits, isWorksheetPart(name)) : null;
  let produced = 0;
  try {
    for await (const chunk of source) {
      if (signal?.aborted) throw new AppError('CANCELLED', 'The import was cancelled.');
      const buf = chunk as Buffer;
      produced += buf.length;
      if (produced > entry.uncompressedSize) {
        throw rejectFile(
          `The workbook part '${name}' inflates beyond the ${formatBytes(entry.uncompressedSize)} its directory declares ` +
            '(a disguised zip bomb); it was not imported.',
          { reason: 'UNSAFE_WORKBOOK', entry: name },
        );
      }
      scanner?.push(buf);
      onBytes?.(buf.length);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw notAWorkbook(`the part '${name}' is damaged (${err instanceof Error ? err.message : String(err)})`);
  } finally {
    raw.destroy();
    inflater?.destroy();
  }
  if (produced !== entry.uncompressedSize) throw notAWorkbook(`the part '${name}' is shorter than its directory declares`);
  if (inflater && inflater.bytesWritten !== entry.compressedSize) {
    throw notAWorkbook(`the part '${name}' carries data after its compressed stream`);
  }
  return scanner?.end() ?? null;
}

/**
 * Refuse a hostile or broken XLSX before the real parse: file layout, entry count, sizes and
 * ratios from the directory first (instant), then one streaming pass over the content. `only`
 * limits that pass to some parts, for two threads that share the checks between them.
 */
export async function inspectXlsx(
  path: string,
  limits: ImportLimits,
  signal?: AbortSignal,
  /** Share of the parts inflated so far, 0 to 1. */
  onProgress?: (fraction: number) => void,
  only?: (name: string) => boolean,
): Promise<XlsxInspection> {
  const zip = await openZip(path);
  try {
    if (zip.entryCount > limits.maxZipEntries) {
      throw rejectFile(
        `The workbook holds ${formatCount(zip.entryCount)} parts; an Excel workbook has a few dozen at most ` +
          `(limit ${formatCount(limits.maxZipEntries)}). It was not imported.`,
        { reason: 'UNSAFE_WORKBOOK', entries: zip.entryCount },
      );
    }
    const entries = await readAllEntries(zip);
    const uncompressedBytes = checkDirectory(entries, limits);
    const worksheets = entries.map((e) => e.fileName).filter(isWorksheetPart);
    if (worksheets.length === 0) throw notAWorkbook('it has no worksheet');
    const dataStarts = await checkLayout(path, zip, entries);
    const scanned = only ? entries.filter((e) => only(e.fileName)) : entries;
    const scannedBytes = scanned.reduce((sum, e) => sum + e.uncompressedSize, 0);
    let sheetRows = 0;
    let inflated = 0;
    const report = (bytes: number): void => {
      inflated += bytes;
      if (scannedBytes > 0) onProgress?.(Math.min(1, inflated / scannedBytes));
    };
    for (const entry of scanned) {
      if (signal?.aborted) throw new AppError('CANCELLED', 'The import was cancelled.');
      const rows = await scanEntry(path, entry, dataStarts.get(entry)!, limits, signal, onProgress ? report : undefined);
      if (rows !== null) sheetRows = Math.max(sheetRows, rows);
    }
    return { entries: entries.length, uncompressedBytes, worksheets, sheetRows };
  } finally {
    zip.close();
  }
}
