import ExcelJS from 'exceljs';
import { isFormulaLike } from '../../../shared/domain/spreadsheet-safety';

/** A cell as the writers take it; in a 'date' column a YYYY-MM-DD string becomes a real date. */
export type SheetCell = string | number | null;

export interface SheetColumn {
  header: string;
  kind: 'text' | 'number' | 'date' | 'percent' | 'money';
  /** Width in characters (default from the header). */
  width?: number;
}

export interface SheetData {
  /** At most 31 characters, none of : \ / ? * [ ]. */
  name: string;
  columns: readonly SheetColumn[];
  rows: Iterable<readonly SheetCell[]>;
}

export interface WriteOptions {
  signal?: AbortSignal;
  /** Called every few hundred rows with the rows written so far. */
  onRows?: (written: number) => void;
}

const NUM_FORMATS: Record<SheetColumn['kind'], string | undefined> = {
  text: undefined,
  number: '#,##0',
  date: 'yyyy-mm-dd',
  percent: '0.0%',
  money: '#,##0',
};

/** A calendar date as a JavaScript Date at UTC midnight, which the writer stores as the Excel serial of that day. */
function dateCell(value: string): Date | string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(Date.UTC(+value.slice(0, 4), +value.slice(5, 7) - 1, +value.slice(8, 10))) : value;
}

/**
 * Write sheets to an XLSX file row by row (nothing held whole in memory): a bold, frozen header
 * row, dates as dates, numbers as numbers. Text cells are stored as text, never as formulas;
 * formula-like text is flagged for the quote prefix where the writer supports it.
 */
export async function writeXlsx(filePath: string, sheets: Iterable<SheetData>, options: WriteOptions = {}): Promise<{ rows: number }> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: filePath, useStyles: true, useSharedStrings: false });
  let written = 0;
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({
      header: c.header,
      width: c.width ?? Math.min(60, Math.max(10, c.header.length * 2 + 2)),
      ...(NUM_FORMATS[c.kind] ? { style: { numFmt: NUM_FORMATS[c.kind] } } : {}),
    }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for (const row of sheet.rows) {
      if (options.signal?.aborted) throw options.signal.reason ?? new Error('cancelled');
      const values = row.map((v, i) => (typeof v === 'string' && sheet.columns[i]?.kind === 'date' ? dateCell(v) : v));
      const r = ws.addRow(values);
      row.forEach((v, i) => {
        if (typeof v === 'string' && isFormulaLike(v)) r.getCell(i + 1).style = { ...r.getCell(i + 1).style, quotePrefix: true } as ExcelJS.Style;
      });
      r.commit();
      written++;
      if (written % 500 === 0) options.onRows?.(written);
    }
    ws.commit();
  }
  await workbook.commit();
  return { rows: written };
}
