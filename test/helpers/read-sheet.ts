import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { unzip } from './read-docx';

export type ReadCell = string | number | boolean | Date | null;

export interface ReadSheet {
  name: string;
  /** Every row as values, the header first; rich text joined, formulas refused. */
  rows: ReadCell[][];
  /** The number format of each cell of the second row (the first data row), by column. */
  formats: string[];
  headerBold: boolean;
  frozenRows: number;
}

function plain(value: ExcelJS.CellValue): ReadCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !(value instanceof Date)) {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) throw new Error(`a formula cell: ${JSON.stringify(value)}`);
    throw new Error(`an unexpected cell value: ${JSON.stringify(value)}`);
  }
  return value;
}

/** A workbook read back with exceljs (what Excel would show), sheet by sheet. */
export async function readWorkbook(file: string): Promise<ReadSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((ws) => {
    const rows: ReadCell[][] = [];
    const width = ws.columnCount;
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const values: ReadCell[] = [];
      for (let c = 1; c <= width; c++) values.push(plain(row.getCell(c).value));
      rows[n - 1] = values;
    });
    const second = ws.getRow(2);
    const view = ws.views[0] as { state?: string; ySplit?: number } | undefined;
    return {
      name: ws.name,
      rows: Array.from(rows, (r) => r ?? []),
      formats: Array.from({ length: width }, (_, i) => second.getCell(i + 1).numFmt ?? ''),
      headerBold: ws.getRow(1).getCell(1).font?.bold === true,
      frozenRows: view?.state === 'frozen' ? (view.ySplit ?? 0) : 0,
    };
  });
}

/** The XML parts of an XLSX package as written, by name. */
export function xlsxParts(file: string): Promise<Map<string, string>> {
  return unzip(fs.readFileSync(file));
}

/** A CSV file as rows of text; `bom` says whether it started with a UTF-8 byte order mark. */
export function readCsv(file: string): { bom: boolean; crlf: boolean; rows: string[][] } {
  const bytes = fs.readFileSync(file);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = bytes.toString('utf8');
  return { bom, crlf: text.includes('\r\n'), rows: parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][] };
}
