import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { pipeline, Readable, Transform } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';
import type { CellInput } from '../values';
import { createInflater, storedBytes } from './entry-bytes';
import { SharedStrings } from './shared-strings';

/**
 * A streaming reader for the parts of an XLSX workbook an import needs: the workbook (sheet
 * order, 1904 dates), the shared strings and the worksheets, row by row. The zip is read through
 * its central directory (yauzl), so any part can be read wherever it sits in the file and no
 * worksheet is ever copied aside; the XML goes through saxes, a conforming streaming parser.
 * Styles, comments and drawings are never opened. The caller runs inspectXlsx() first, which
 * bounds every part's size and refuses DTDs and entities.
 *
 * The shared strings are read as the rows need them, not all before the first row. Writers
 * usually number the strings in the order they first appear in the sheets (a streaming writer
 * such as exceljs's must), so the two parts are read side by side and the first rows come out
 * at once instead of after the whole table. A workbook whose strings are in another order still
 * reads correctly: a row waits until the table has been read as far as the row needs.
 */

export interface SheetRef {
  name: string;
  /** Path of the worksheet part inside the zip, e.g. xl/worksheets/sheet1.xml. */
  part: string;
}

export interface SheetRow {
  /** 1-based row number, from the row's r attribute or counted. */
  number: number;
  /** Cell values by 0-based column; holes for cells the row does not have. */
  values: CellInput[];
  /** Formula text by 0-based column, for the few cells that have one. */
  formulas: Array<string | undefined> | null;
  /** 1-based index of the rightmost cell. */
  lastColumn: number;
}

export class WorkbookFormatError extends Error {}

type XmlParser = SaxesParser<{ xmlns: false; position: false }>;
const newParser = (): XmlParser => new SaxesParser({ xmlns: false, position: false });

/**
 * Most text the XML parser takes at once. Inflated chunks are up to 256 KB; the parse-only pass
 * over the bulk file took 6.7-7.9 s fed in pieces that size against 6.0-6.2 s in 64 KB pieces.
 */
const XML_CHUNK_BYTES = 64 * 1024;
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** Text as Excel wrote it: `_x000D_` and the like stand for characters XML cannot carry. */
function unescapeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** Element names without a namespace prefix (some writers emit x:row, x:c ...). */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function attribute(tag: SaxesTagPlain, local: string): string | undefined {
  const direct = tag.attributes[local];
  if (direct !== undefined) return direct;
  for (const [key, value] of Object.entries(tag.attributes)) if (localName(key) === local) return value;
  return undefined;
}

/** 1-based column of a cell reference such as B5 or XFD1048576; 0 when it has no letters. */
export function columnOfRef(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col;
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) reject(new WorkbookFormatError(err ? err.message : 'no zip directory'));
      else resolve(zip);
    });
  });
}

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (err: Error) => reject(new WorkbookFormatError(err.message)));
    zip.readEntry();
  });
}

function dataStart(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<number> {
  return new Promise((resolve, reject) => {
    zip.readLocalFileHeader(entry, { minimal: true }, (err, header) => {
      if (err) reject(new WorkbookFormatError(`the part '${entry.fileName}' cannot be read: ${err.message}`));
      else resolve(header.fileDataStart);
    });
  });
}

/** A part's bytes, inflated; an error when they come to more or less than the directory says. */
async function entryStream(file: string, zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  const cannotRead = (detail: string): WorkbookFormatError =>
    new WorkbookFormatError(`the part '${entry.fileName}' cannot be read: ${detail}`);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw cannotRead(`compression method ${entry.compressionMethod}`);
  const fileDataStart = await dataStart(zip, entry);
  const expected = entry.uncompressedSize;
  if (entry.compressedSize === 0) {
    if (expected !== 0) throw cannotRead(`it is empty, not the ${expected} bytes its directory declares`);
    return Readable.from([]);
  }
  const raw = storedBytes(file, fileDataStart, entry.compressedSize);
  let produced = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      produced += chunk.length;
      done(produced > expected ? cannotRead(`it inflates beyond the ${expected} bytes its directory declares`) : null, chunk);
    },
    flush(done) {
      done(produced < expected ? cannotRead(`it holds ${produced} bytes, not the ${expected} its directory declares`) : null);
    },
  });
  // Destroying the last stage (close, abort) tears the others down; their errors end up on it.
  const done = (): void => undefined;
  return entry.compressionMethod === 8
    ? pipeline(raw, createInflater(), counted, done)
    : pipeline(raw, counted, done);
}

/** A part's path from a relationship target, which is relative to the source part's folder. */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromPart), target));
}

export class XlsxWorkbook {
  date1904 = false;
  sheets: SheetRef[] = [];
  private sharedStrings = new SharedStrings();
  private sharedStringsPart: string | null = null;
  /** The shared strings being read, piece by piece, as far as the rows have needed them. */
  private sharedStringsReader: AsyncGenerator<number> | null = null;
  private sharedStringsDone = false;
  private sharedStringsShare = 0;
  /** The parts being read now (a worksheet and the shared strings). */
  private readonly active = new Set<Readable>();

  private constructor(
    private readonly file: string,
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
  ) {}

  /** Opens the zip and reads the workbook part: which sheets, in which order, which date system. */
  static async open(file: string): Promise<XlsxWorkbook> {
    const zip = await openZip(file);
    try {
      const workbook = new XlsxWorkbook(file, zip, await listEntries(zip));
      await workbook.readWorkbookPart();
      return workbook;
    } catch (err) {
      zip.close();
      throw err;
    }
  }

  close(): void {
    for (const stream of this.active) stream.destroy();
    void this.sharedStringsReader?.return(0);
    this.zip.close();
  }

  /** Stops the parts being read now; the reading loop then ends with an error. */
  abort(): void {
    for (const stream of this.active) stream.destroy(new WorkbookFormatError('reading was stopped'));
  }

  /**
   * Parse one XML part, pausing after each piece of text so the caller can take what it built.
   * Yields the share of the part parsed so far.
   */
  private async *parsePart(part: string, parser: XmlParser): AsyncGenerator<number> {
    const entry = this.entries.get(part);
    if (!entry) throw new WorkbookFormatError(`the part '${part}' is missing`);
    const stream = await entryStream(this.file, this.zip, entry);
    this.active.add(stream);
    const decoder = new StringDecoder('utf8');
    const size = Math.max(1, entry.uncompressedSize);
    let parsed = 0;
    try {
      for await (const chunk of stream) {
        // Hand the parser bounded pieces so that a caller draining rows after each piece
        // never holds more than a piece's worth of them.
        const buf = chunk as Buffer;
        for (let at = 0; at < buf.length; at += XML_CHUNK_BYTES) {
          const piece = buf.subarray(at, at + XML_CHUNK_BYTES);
          parser.write(decoder.write(piece));
          parsed += piece.length;
          yield Math.min(1, parsed / size);
        }
      }
      parser.write(decoder.end());
      parser.close();
      yield 1;
    } catch (err) {
      // Errors of the caller's handlers (a limit, a cancel) pass through as they are; the XML
      // parser, the inflater and the zip reader throw plain Errors.
      if (err instanceof Error && err.constructor !== Error) throw err;
      throw new WorkbookFormatError(`the part '${part}' cannot be read: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.active.delete(stream);
      stream.destroy();
    }
  }

  private async readXml(part: string, parser: XmlParser): Promise<void> {
    for await (const _ of this.parsePart(part, parser));
  }

  private async readRelationships(part: string): Promise<Map<string, { type: string; target: string }>> {
    const relsPart = path.posix.join(path.posix.dirname(part), '_rels', path.posix.basename(part) + '.rels');
    const rels = new Map<string, { type: string; target: string }>();
    if (!this.entries.has(relsPart)) return rels;
    const parser = newParser();
    parser.on('opentag', (tag) => {
      if (localName(tag.name) !== 'Relationship') return;
      const id = attribute(tag, 'Id');
      const target = attribute(tag, 'Target');
      if (id && target && attribute(tag, 'TargetMode') !== 'External') {
        rels.set(id, { type: attribute(tag, 'Type') ?? '', target: resolveTarget(part, target) });
      }
    });
    await this.readXml(relsPart, parser);
    return rels;
  }

  private async readWorkbookPart(): Promise<void> {
    // The package relationships name the workbook part; xl/workbook.xml is where nearly every writer puts it.
    const root = await this.readRelationships('');
    const office = [...root.values()].find((r) => r.type.endsWith('/officeDocument') && this.entries.has(r.target));
    const workbookPart = office?.target ?? (this.entries.has('xl/workbook.xml') ? 'xl/workbook.xml' : null);
    if (!workbookPart) {
      // No workbook part: take the worksheets in the order of their numbers.
      this.sheets = [...this.entries.keys()]
        .map((name) => ({ name, n: /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name)?.[1] }))
        .filter((s): s is { name: string; n: string } => s.n !== undefined)
        .sort((a, b) => Number(a.n) - Number(b.n))
        .map((s) => ({ name: `sheet ${s.n}`, part: s.name }));
      this.sharedStringsPart = this.entries.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : null;
      return;
    }
    const rels = await this.readRelationships(workbookPart);
    const parser = newParser();
    const declared: Array<{ name: string; rid: string | undefined }> = [];
    parser.on('opentag', (tag) => {
      const name = localName(tag.name);
      if (name === 'workbookPr') {
        const v = attribute(tag, 'date1904');
        this.date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet') {
        declared.push({ name: attribute(tag, 'name') ?? `sheet ${declared.length + 1}`, rid: attribute(tag, 'id') });
      }
    });
    await this.readXml(workbookPart, parser);
    for (const [i, sheet] of declared.entries()) {
      const rel = sheet.rid ? rels.get(sheet.rid) : undefined;
      const part = rel?.target ?? `xl/worksheets/sheet${i + 1}.xml`;
      if (this.entries.has(part)) this.sheets.push({ name: sheet.name, part });
    }
    const shared = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'));
    this.sharedStringsPart = shared && this.entries.has(shared.target)
      ? shared.target
      : this.entries.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : null;
  }

  /** Uncompressed size of the shared strings part (0 without one) and of a worksheet. */
  partSize(part: string | null): number {
    return part ? (this.entries.get(part)?.uncompressedSize ?? 0) : 0;
  }

  get sharedStringsSize(): number {
    return this.partSize(this.sharedStringsPart);
  }

  /** Share of the shared-string part read so far: 1 once all of it is read, or when there is none. */
  get sharedStringsRead(): number {
    return this.sharedStringsPart === null || this.sharedStringsDone ? 1 : this.sharedStringsShare;
  }

  private readSharedStrings(part: string): AsyncGenerator<number> {
    const table = this.sharedStrings;
    const parser = newParser();
    let inItem = false;
    let phonetic = 0;
    let inText = false;
    let text = '';
    parser.on('opentag', (tag) => {
      const name = localName(tag.name);
      if (name === 'si') {
        inItem = true;
        text = '';
      } else if (name === 'rPh') phonetic++;
      else if (name === 't' && inItem && phonetic === 0) inText = !tag.isSelfClosing;
    });
    parser.on('text', (t) => {
      if (inText) text += t;
    });
    parser.on('closetag', (tag) => {
      const name = localName(tag.name);
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        table.add(unescapeOoxml(text));
        inItem = false;
        text = '';
      }
    });
    return this.parsePart(part, parser);
  }

  /** Reads the shared strings until the table holds `count` of them or the part ends. */
  private async needSharedStrings(count: number, onPiece?: () => void): Promise<void> {
    if (this.sharedStringsDone || this.sharedStringsPart === null) return;
    this.sharedStringsReader ??= this.readSharedStrings(this.sharedStringsPart);
    while (this.sharedStrings.size < count) {
      const next = await this.sharedStringsReader.next();
      if (next.done === true) {
        this.sharedStringsDone = true;
        return;
      }
      this.sharedStringsShare = next.value;
      onPiece?.();
    }
  }

  /**
   * The rows of a worksheet as they stream by. `checkCell` sees each row number and cell column
   * as soon as its tag is read, so a limit is enforced before anything is kept. `onStringsRead`
   * is called after each piece of the shared strings read while a row waits for them.
   */
  async *rows(
    sheet: SheetRef,
    checkCell: (row: number, column: number) => void,
    onStringsRead?: () => void,
  ): AsyncGenerator<SheetRow> {
    const shared = this.sharedStrings;
    const parser = newParser();
    // Rows complete so far, then a limit's error in its place among them: the rows before a
    // refused cell still come out first, as they would from a row-at-a-time parser. A row may
    // name shared strings the table has not reached yet: by column, then string index.
    const ready: Array<{ row: SheetRow; unread: number[] | null } | Error> = [];
    let unread: number[] | null = null;
    let failed = false;
    const check = (rowNumber: number, column: number): void => {
      if (failed) return;
      try {
        checkCell(rowNumber, column);
      } catch (err) {
        failed = true;
        ready.push(err instanceof Error ? err : new Error(String(err)));
      }
    };
    let row: SheetRow | null = null;
    let lastRowNumber = 0;
    // The cell being read.
    let col = 0;
    let type = 'n';
    let capture: 'v' | 'f' | 'is' | null = null;
    let inInline = false;
    let phonetic = 0;
    let value = '';
    let formula = '';
    let inlineText = '';

    parser.on('opentag', (tag) => {
      if (failed) return;
      switch (localName(tag.name)) {
        case 'row': {
          const r = attribute(tag, 'r');
          const number = r ? Number.parseInt(r, 10) : lastRowNumber + 1;
          lastRowNumber = Number.isFinite(number) && number > 0 ? number : lastRowNumber + 1;
          row = { number: lastRowNumber, values: [], formulas: null, lastColumn: 0 };
          unread = null;
          break;
        }
        case 'c': {
          const ref = attribute(tag, 'r');
          const fromRef = ref ? columnOfRef(ref) : 0;
          col = fromRef > 0 ? fromRef : (row?.lastColumn ?? 0) + 1;
          type = attribute(tag, 't') ?? 'n';
          value = '';
          formula = '';
          inlineText = '';
          check(row?.number ?? lastRowNumber, col);
          break;
        }
        case 'v':
          capture = tag.isSelfClosing ? null : 'v';
          break;
        case 'f':
          capture = tag.isSelfClosing ? null : 'f';
          break;
        case 'is':
          inInline = true;
          break;
        case 'rPh':
          if (inInline) phonetic++;
          break;
        case 't':
          if (inInline && phonetic === 0 && !tag.isSelfClosing) capture = 'is';
          break;
      }
    });
    parser.on('text', (t) => {
      if (capture === 'v') value += t;
      else if (capture === 'f') formula += t;
      else if (capture === 'is') inlineText += t;
    });
    parser.on('closetag', (tag) => {
      if (failed) return;
      switch (localName(tag.name)) {
        case 'v':
        case 'f':
        case 't':
          capture = null;
          break;
        case 'rPh':
          if (inInline) phonetic--;
          break;
        case 'is':
          inInline = false;
          break;
        case 'c': {
          if (!row) break;
          if (type === 's') {
            // An index past the table read so far is looked up once the table has reached it.
            const index = value === '' ? -1 : Number(value);
            if (Number.isInteger(index) && index >= shared.size) {
              (unread ??= []).push(col - 1, index);
              row.values[col - 1] = null;
            } else row.values[col - 1] = shared.get(index) ?? null;
          } else row.values[col - 1] = cellValue(type, value, inlineText);
          if (formula !== '') (row.formulas ??= [])[col - 1] = formula;
          if (col > row.lastColumn) row.lastColumn = col;
          break;
        }
        case 'row':
          // A row without cells is checked here, one with cells was at each cell.
          if (row) check(row.number, row.lastColumn);
          if (row && !failed) ready.push({ row, unread });
          row = null;
          unread = null;
          break;
      }
    });

    for await (const _ of this.parsePart(sheet.part, parser)) {
      if (ready.length === 0) continue;
      for (const done of ready.splice(0)) {
        if (done instanceof Error) throw done;
        if (done.unread !== null) await this.lookUp(done.row, done.unread, onStringsRead);
        yield done.row;
      }
    }
  }

  /** Fills the cells of a row that name strings past the table read so far (column, index pairs). */
  private async lookUp(row: SheetRow, unread: number[], onPiece?: () => void): Promise<void> {
    let highest = 0;
    for (let i = 1; i < unread.length; i += 2) highest = Math.max(highest, unread[i]!);
    await this.needSharedStrings(highest + 1, onPiece);
    // An index past the end of the table is an empty cell, not an error.
    for (let i = 0; i < unread.length; i += 2) row.values[unread[i]!] = this.sharedStrings.get(unread[i + 1]!) ?? null;
  }
}

/** The value of a cell that is not a shared string. */
function cellValue(type: string, value: string, inlineText: string): CellInput {
  switch (type) {
    case 'inlineStr':
      return unescapeOoxml(inlineText);
    case 'str':
      return unescapeOoxml(value);
    case 'b':
      return value === '' ? null : value.trim() === '1' || value.trim() === 'true' ? 'TRUE' : 'FALSE';
    case 'e':
      return null;
    case 'd':
      return value === '' ? null : value;
    default: {
      if (value === '') return null;
      const n = Number(value);
      return Number.isFinite(n) ? n : null;
    }
  }
}
