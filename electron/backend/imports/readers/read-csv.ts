import fs from 'node:fs';
import { pipeline } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { AppError } from '../../errors';
import { COLUMN_KEYS, HeaderFinder, type ColumnIndex } from './columns';
import { decoderFor, detectFileEncoding, type DetectedEncoding } from './encoding';
import { formatCount, rejectFile } from './limits';
import type { ReadContext } from './read-context';
import { emptyRowCells, isBlankRow, tabularRowToEvents, type RowCells } from './tabular-row';
import type { ImportEvent, TextEncoding } from './types';

const CANDIDATE_DELIMITERS = [',', ';', '\t'] as const;

/**
 * ePing exports use commas; Excel in many locales saves ';', and its "Unicode text" is
 * tab-separated UTF-16. The header line decides, counting only outside quotes.
 */
export function sniffDelimiter(firstLine: string): string {
  const counts = new Map<string, number>(CANDIDATE_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const d of CANDIDATE_DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

async function readFirstLine(path: string, detected: DetectedEncoding): Promise<string> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, detected.bomBytes);
    const encoding = detected.encoding === 'utf-8-bom' ? 'utf-8' : detected.encoding;
    const text = iconv.decode(buf.subarray(0, bytesRead), encoding, { stripBOM: true });
    return text.split(/\r?\n/, 1)[0] ?? '';
  } finally {
    await handle.close();
  }
}

interface CsvItem {
  record: string[];
  info: { lines: number };
}

function isCsvItem(value: unknown): value is CsvItem {
  return typeof value === 'object' && value !== null && Array.isArray((value as CsvItem).record);
}

function pickCells(record: readonly string[], index: ColumnIndex): RowCells {
  const cells = emptyRowCells();
  for (const key of COLUMN_KEYS) {
    const i = index[key];
    if (i >= 0) cells[key] = record[i] ?? null;
  }
  return cells;
}

/**
 * Stream an ePing CSV: detect the encoding (reported back), decode to UTF-8 on the fly and
 * parse with csv-parse, which bounds each record's size. Rows are numbered as a spreadsheet
 * shows the file: by record, the header line being row 1, so a record whose quoted cell spans
 * several lines is still one row (refusals of the whole file name the physical line).
 */
export async function* readEpingCsv(
  path: string,
  ctx: ReadContext,
  onEncoding: (encoding: TextEncoding) => void,
): AsyncGenerator<ImportEvent> {
  const detected = await detectFileEncoding(path);
  onEncoding(detected.encoding);
  const delimiter = sniffDelimiter(await readFirstLine(path, detected));
  ctx.throwIfCancelled();

  const source = fs.createReadStream(path, { start: detected.bomBytes, highWaterMark: 256 * 1024 });
  ctx.bytesRead = () => source.bytesRead + detected.bomBytes;
  const parser = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    info: true,
    max_record_size: ctx.limits.maxCsvRecordChars,
  });
  const decoder = decoderFor(detected.encoding);
  const onDone = (err: NodeJS.ErrnoException | null): void => {
    if (err) parser.destroy(err);
  };
  if (decoder) pipeline(source, decoder, parser, onDone);
  else pipeline(source, parser, onDone);

  const finder = new HeaderFinder();
  let index: ColumnIndex | null = null;
  let lastLine = 0;
  let records = 0;
  try {
    for await (const item of parser as AsyncIterable<unknown>) {
      ctx.throwIfCancelled();
      if (!isCsvItem(item)) continue;
      const line = lastLine + 1;
      lastLine = item.info.lines;
      records++;
      const { record } = item;
      if (record.length > ctx.limits.maxColumns) {
        throw rejectFile(
          `Line ${line} has ${formatCount(record.length)} fields; an ePing export has at most ` +
            `${formatCount(ctx.limits.maxColumns)} columns. The file was not imported.`,
          { reason: 'NOT_READABLE_CSV', line },
        );
      }
      if (index === null) {
        if (record.every((f) => f.trim() === '')) continue;
        const search = finder.offer(record);
        if (search.status === 'found') index = search.index;
        else if (search.status === 'gave-up') throw search.error;
        continue;
      }
      const cells = pickCells(record, index);
      if (isBlankRow(cells)) continue;
      ctx.countRow();
      yield* tabularRowToEvents(records, cells, ctx.limits);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    ctx.throwIfCancelled();
    if (err instanceof CsvError && err.code === 'CSV_MAX_RECORD_SIZE') {
      // Records parsed in the same chunk may not have reached this loop; the parser knows the line.
      const line = (err as CsvError & { lines?: number }).lines ?? lastLine + 1;
      throw rejectFile(
        `A record near line ${line} is longer than ${formatCount(ctx.limits.maxCsvRecordChars)} characters, ` +
          'far beyond any notification (an unclosed quote can cause this); the file was not imported.',
        { reason: 'NOT_READABLE_CSV', line },
      );
    }
    throw rejectFile(`The CSV file could not be read: ${err instanceof Error ? err.message : String(err)}.`, { reason: 'NOT_READABLE_CSV' });
  } finally {
    source.destroy();
    parser.destroy();
  }
  if (index === null) throw finder.giveUp();
}
