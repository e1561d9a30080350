import { COLUMN_HEADERS, COLUMN_KEYS, type ColumnKey } from './columns';
import { formatCount, type ImportLimits } from './limits';
import { draftToEvents, rejection } from './records';
import type { ImportEvent } from './types';
import {
  cellText,
  htmlToText,
  parseCodeList,
  parseDate,
  parseUrl,
  parseUrlList,
  plainLine,
  splitList,
  type CellInput,
} from './values';

/** The known columns of one spreadsheet row or CSV record, looked up once by the reader. */
export type RowCells = Record<ColumnKey, CellInput>;

export function emptyRowCells(): RowCells {
  return {
    symbol: null, memberName: null, title: null, description: null, products: null, hsCodes: null,
    icsCodes: null, keywords: null, objectives: null, distributionDate: null, commentDeadline: null,
    notificationType: null, notifiedDocument: null, linkEn: null, linkFr: null, linkEs: null,
  };
}

function isBlank(value: CellInput): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Rows with nothing in the known columns are skipped silently, and not counted. */
export function isBlankRow(cells: RowCells): boolean {
  for (const key of COLUMN_KEYS) if (!isBlank(cells[key])) return false;
  return true;
}

/**
 * One ePing row (XLSX or CSV) to records and rejections. A row with nothing in the known
 * columns gives nothing; a row with an oversized cell or a bad date is rejected as a whole,
 * naming the column, so the analyst can fix the file and import it again.
 */
export function tabularRowToEvents(row: number, cells: RowCells, limits: ImportLimits): ImportEvent[] {
  if (isBlankRow(cells)) return [];
  const problems: ImportEvent[] = [];
  for (const key of COLUMN_KEYS) {
    const value = cells[key];
    if (typeof value === 'string' && value.length > limits.maxCellChars) {
      problems.push(
        rejection(
          row,
          COLUMN_HEADERS[key],
          `the cell holds ${formatCount(value.length)} characters, more than the ${formatCount(limits.maxCellChars)} allowed`,
          value,
          { code: 'CELL_TOO_LONG', params: { chars: value.length, max: limits.maxCellChars } },
        ),
      );
    }
  }
  if (problems.length > 0) return problems;

  const distribution = parseDate(cells.distributionDate);
  const deadline = parseDate(cells.commentDeadline);
  if (!distribution.ok) {
    problems.push(rejection(row, COLUMN_HEADERS.distributionDate, distribution.reason, cellText(cells.distributionDate), distribution));
  }
  if (!deadline.ok) {
    problems.push(rejection(row, COLUMN_HEADERS.commentDeadline, deadline.reason, cellText(cells.commentDeadline), deadline));
  }
  if (!distribution.ok || !deadline.ok) return problems;

  return draftToEvents({
    row,
    symbolCell: cellText(cells.symbol),
    symbolField: COLUMN_HEADERS.symbol,
    memberName: plainLine(cells.memberName),
    title: htmlToText(cellText(cells.title)),
    description: htmlToText(cellText(cells.description)),
    products: htmlToText(cellText(cells.products)),
    hsCodes: parseCodeList(cells.hsCodes, 'hs'),
    icsCodes: parseCodeList(cells.icsCodes, 'ics'),
    keywords: splitList(cells.keywords),
    objectives: splitList(cells.objectives),
    notificationType: plainLine(cells.notificationType),
    distributionDate: distribution.value,
    commentDeadline: deadline.value,
    documentLinks: parseUrlList(cells.notifiedDocument),
    links: { en: parseUrl(cells.linkEn), fr: parseUrl(cells.linkFr), es: parseUrl(cells.linkEs) },
    // The ePing export has no columns for these; the WTO API does.
    proposedAdoption: null,
    proposedEntryIntoForce: null,
    countriesAffected: [],
  });
}
