import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { AppError } from '../../errors';
import { COLUMN_KEYS, HeaderFinder, type ColumnIndex, type ColumnKey } from './columns';
import { assertWithinSheetLimits, inspectXlsx } from './inspect-xlsx';
import { rejectFile } from './limits';
import type { ReadContext } from './read-context';
import { emptyRowCells, isBlankRow, tabularRowToEvents, type RowCells } from './tabular-row';
import type { ImportEvent } from './types';
import { cellText, type CellInput } from './values';

const LINK_COLUMNS: ReadonlySet<ColumnKey> = new Set(['notifiedDocument', 'linkEn', 'linkFr', 'linkEs']);
const DATE_COLUMNS: ReadonlySet<ColumnKey> = new Set(['distributionDate', 'commentDeadline']);
/** Days between the 1900 and 1904 date systems (old Mac Excel workbooks count from 1904). */
const DATE_1904_OFFSET = 1462;
const HYPERLINK_FORMULA = /^\s*HYPERLINK\(\s*"([^"]+)"/i;

/** An exceljs cell value as the row parser wants it; formulas give their cached result. */
export function cellInput(value: ExcelJS.CellValue): CellInput {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((run) => run.text ?? '').join('');
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return null;
  const result = value.result;
  return result === undefined || (typeof result === 'object' && !(result instanceof Date)) ? null : cellInput(result);
}

/** Link columns keep the target of a hyperlink cell or HYPERLINK() formula, not its caption. */
function linkInput(value: ExcelJS.CellValue): CellInput {
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    if ('hyperlink' in value && typeof value.hyperlink === 'string') return value.hyperlink;
    if ('formula' in value && typeof value.formula === 'string') {
      const m = HYPERLINK_FORMULA.exec(value.formula);
      if (m) return m[1];
    }
  }
  return cellInput(value);
}

/** Where each present column is, computed once per sheet so rows do no lookups by name. */
interface ColumnPlan {
  keys: ColumnKey[];
  columns: number[];
  links: boolean[];
  /** Serial offset to add in date columns: 0, or 1462 for a 1904-based workbook. */
  dateOffsets: number[];
}

function planColumns(index: ColumnIndex, date1904: boolean): ColumnPlan {
  const plan: ColumnPlan = { keys: [], columns: [], links: [], dateOffsets: [] };
  for (const key of COLUMN_KEYS) {
    if (index[key] < 0) continue;
    plan.keys.push(key);
    plan.columns.push(index[key] + 1);
    plan.links.push(LINK_COLUMNS.has(key));
    plan.dateOffsets.push(date1904 && DATE_COLUMNS.has(key) ? DATE_1904_OFFSET : 0);
  }
  return plan;
}

function rowCells(row: ExcelJS.Row, plan: ColumnPlan): RowCells {
  const cells = emptyRowCells();
  for (let i = 0; i < plan.keys.length; i++) {
    const value = row.findCell(plan.columns[i]!)?.value;
    const input = plan.links[i] ? linkInput(value) : cellInput(value);
    cells[plan.keys[i]!] = typeof input === 'number' && plan.dateOffsets[i] !== 0 ? input + plan.dateOffsets[i]! : input;
  }
  return cells;
}

/** exceljs keeps workbookPr on the reader once workbook.xml is parsed, but does not type it. */
function usesDate1904(reader: ExcelJS.stream.xlsx.WorkbookReader): boolean {
  const props = (reader as unknown as { properties?: { model?: { date1904?: unknown } } }).properties;
  return props?.model?.date1904 === true;
}

function rowTexts(row: ExcelJS.Row): string[] {
  const texts: string[] = [];
  for (let c = 1; c <= row.cellCount; c++) texts.push(cellText(cellInput(row.findCell(c)?.value)));
  return texts;
}

/**
 * Stream an ePing workbook row by row with exceljs's streaming reader: shared strings are cached
 * (cells point into them), styles and hyperlinks ignored. Without styles exceljs cannot tell a
 * date from a number, so date columns take numbers as Excel serials, which is what they are.
 * The first worksheet whose first rows hold the ePing header is the export; later sheets are
 * not read.
 */
export async function* readEpingXlsx(path: string, ctx: ReadContext, signal?: AbortSignal): AsyncGenerator<ImportEvent> {
  const { sheetRows } = await inspectXlsx(path, ctx.limits, signal);
  ctx.throwIfCancelled();

  const stream = fs.createReadStream(path, { highWaterMark: 1024 * 1024 });
  let rowsEmitted = 0;
  // exceljs often copies the whole sheet aside before the first row (see below), so bytes read
  // say little about progress; rows emitted against the rows the inspection counted say more.
  ctx.bytesRead =
    sheetRows > 0
      ? () => Math.round((ctx.totalBytes * Math.min(rowsEmitted, sheetRows)) / sheetRows)
      : () => stream.bytesRead;
  // While exceljs copies a worksheet aside (it does so when shared strings come after it in
  // the zip) no row is emitted, so cancelling must also stop the stream itself.
  const onAbort = (): void => {
    stream.destroy();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });

  let firstFailure: Error | null = null;
  let sheetNumber = 0;
  try {
    for await (const sheet of reader) {
      sheetNumber++;
      rowsEmitted = 0;
      const sheetName = `sheet ${sheetNumber}`;
      const finder = new HeaderFinder();
      let plan: ColumnPlan | null = null;
      let gaveUp: Error | null = null;
      for await (const row of sheet) {
        ctx.throwIfCancelled();
        rowsEmitted++;
        assertWithinSheetLimits(sheetName, row.number, row.cellCount, ctx.limits, `a cell in row ${row.number}`);
        if (plan === null) {
          const texts = rowTexts(row);
          if (texts.every((t) => t.trim() === '')) continue;
          const search = finder.offer(texts);
          if (search.status === 'found') plan = planColumns(search.index, usesDate1904(reader));
          else if (search.status === 'gave-up') {
            gaveUp = search.error;
            break;
          }
          continue;
        }
        const cells = rowCells(row, plan);
        if (isBlankRow(cells)) continue;
        ctx.countRow();
        yield* tabularRowToEvents(row.number, cells, ctx.limits);
      }
      if (plan !== null) return;
      firstFailure ??= gaveUp ?? finder.giveUp();
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    ctx.throwIfCancelled();
    throw rejectFile(`The workbook could not be read: ${err instanceof Error ? err.message : String(err)}.`);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    stream.destroy();
  }
  throw firstFailure ?? rejectFile('The workbook has no worksheet with rows.');
}
