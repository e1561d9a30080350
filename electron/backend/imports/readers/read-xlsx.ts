import { AppError } from '../../errors';
import { COLUMN_KEYS, HeaderFinder, type ColumnIndex, type ColumnKey } from './columns';
import { assertWithinSheetLimits, inspectXlsx, isWorksheetPart } from './inspect-xlsx';
import { rejectFile } from './limits';
import type { ReadContext } from './read-context';
import { emptyRowCells, isBlankRow, tabularRowToEvents, type RowCells } from './tabular-row';
import type { ImportEvent, ReadNotificationsOptions } from './types';
import { cellText, type CellInput } from './values';
import { XlsxWorkbook, type SheetRow } from './xlsx/workbook-reader';

const LINK_COLUMNS: ReadonlySet<ColumnKey> = new Set(['notifiedDocument', 'linkEn', 'linkFr', 'linkEs']);
const DATE_COLUMNS: ReadonlySet<ColumnKey> = new Set(['distributionDate', 'commentDeadline']);
/** Days between the 1900 and 1904 date systems (old Mac Excel workbooks count from 1904). */
const DATE_1904_OFFSET = 1462;
const HYPERLINK_FORMULA = /^\s*HYPERLINK\(\s*"([^"]+)"/i;
/** Share of a workbook's progress bar for the checks that inflate every part once. */
const CHECKS_WEIGHT = 0.15;

/** Link columns keep the target of a HYPERLINK() formula, not its caption. */
function linkInput(value: CellInput, formula: string | undefined): CellInput {
  if (formula !== undefined) {
    const m = HYPERLINK_FORMULA.exec(formula);
    if (m) return m[1];
  }
  return value;
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

function rowCells(row: SheetRow, plan: ColumnPlan): RowCells {
  const cells = emptyRowCells();
  for (let i = 0; i < plan.keys.length; i++) {
    const column = plan.columns[i]! - 1;
    const value = row.values[column] ?? null;
    const input = plan.links[i] ? linkInput(value, row.formulas?.[column]) : value;
    cells[plan.keys[i]!] = typeof input === 'number' && plan.dateOffsets[i] !== 0 ? input + plan.dateOffsets[i]! : input;
  }
  return cells;
}

function rowTexts(row: SheetRow): string[] {
  const texts: string[] = [];
  for (let c = 0; c < row.lastColumn; c++) texts.push(cellText(row.values[c] ?? null));
  return texts;
}

/**
 * Stream an ePing workbook row by row (see xlsx/workbook-reader.ts): the worksheets in workbook
 * order, with the shared strings read as the rows need them; styles and hyperlink parts are not
 * read. Without styles a date cannot be told from a number, so date columns take numbers as
 * Excel serials, which is what they are. The first worksheet whose first rows hold the ePing
 * header is the export; later sheets are not read.
 */
export async function* readEpingXlsx(
  path: string,
  ctx: ReadContext,
  signal?: AbortSignal,
  sharedChecks?: ReadNotificationsOptions['sharedChecks'],
): AsyncGenerator<ImportEvent> {
  // Progress is the weighted share of three parts of the work: the checks, the shared strings
  // (in proportion to their size, read as the rows need them) and the rows (against the rows the
  // checks counted).
  const done = { checks: 0, rows: 0 };
  const weight = { checks: CHECKS_WEIGHT, strings: (1 - CHECKS_WEIGHT) / 2, rows: (1 - CHECKS_WEIGHT) / 2 };
  let stringsRead = (): number => 0;
  ctx.bytesRead = () =>
    Math.round(ctx.totalBytes * (weight.checks * done.checks + weight.strings * stringsRead() + weight.rows * done.rows));
  const { sheetRows } = await inspectXlsx(
    path,
    ctx.limits,
    signal,
    (fraction) => {
      done.checks = fraction;
      ctx.preparing();
    },
    sharedChecks ? isWorksheetPart : undefined,
  );
  // Nothing is parsed before every part has been checked, here or on the other thread.
  if (sharedChecks) await sharedChecks.othersChecked();
  ctx.throwIfCancelled();

  let workbook: XlsxWorkbook;
  try {
    workbook = await XlsxWorkbook.open(path);
  } catch (err) {
    throw unreadable(err);
  }
  stringsRead = () => workbook.sharedStringsRead;
  // A byte of sheet XML costs about twice a byte of shared strings (rows become records).
  const strings = workbook.sharedStringsSize;
  const sheet = 2 * workbook.partSize(workbook.sheets[0]?.part ?? null);
  if (strings + sheet > 0) {
    weight.strings = ((1 - CHECKS_WEIGHT) * strings) / (strings + sheet);
    weight.rows = 1 - CHECKS_WEIGHT - weight.strings;
  }
  let rowsEmitted = 0;
  const countEmitted = (): void => {
    rowsEmitted++;
    done.rows = sheetRows > 0 ? Math.min(rowsEmitted, sheetRows) / sheetRows : 0;
  };
  const onAbort = (): void => workbook.abort();
  signal?.addEventListener('abort', onAbort, { once: true });

  let firstFailure: Error | null = null;
  try {
    for (const sheet of workbook.sheets) {
      rowsEmitted = 0;
      done.rows = 0;
      const sheetName = sheet.name;
      const finder = new HeaderFinder();
      let plan: ColumnPlan | null = null;
      let gaveUp: Error | null = null;
      const checkCell = (row: number, col: number): void =>
        assertWithinSheetLimits(sheetName, row, col, ctx.limits, `a cell in row ${row}`);
      // Progress while a row waits for shared strings (all of them, when a writer put them out of order).
      for await (const row of workbook.rows(sheet, checkCell, () => ctx.preparing())) {
        ctx.throwIfCancelled();
        countEmitted();
        if (plan === null) {
          const texts = rowTexts(row);
          if (texts.every((t) => t.trim() === '')) continue;
          const search = finder.offer(texts);
          if (search.status === 'found') plan = planColumns(search.index, workbook.date1904);
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
    throw unreadable(err);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    workbook.close();
  }
  throw firstFailure ?? rejectFile('The workbook has no worksheet with rows.', { reason: 'NO_ROWS' });
}

function unreadable(err: unknown): AppError {
  return rejectFile(`The workbook could not be read: ${err instanceof Error ? err.message : String(err)}.`, { reason: 'NOT_WORKBOOK' });
}
