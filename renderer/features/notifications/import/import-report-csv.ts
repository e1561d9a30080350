import type { ImportReport, RowRejection } from '../../../../shared/contract';

/** Column and row labels in the interface language; the caller fills them from the locale. */
export interface ReportCsvLabels {
  title: string;
  fileName: string;
  format: string;
  encoding: string;
  startedAt: string;
  finishedAt: string;
  actor: string;
  rowsRead: string;
  inserted: string;
  updated: string;
  unchanged: string;
  rejected: string;
  noticed: string;
  status: string;
  /** Said when the backend kept fewer rejected rows than it counted. */
  truncated: string;
  rejectedRows: string;
  noticeRows: string;
  row: string;
  field: string;
  reason: string;
  value: string;
  code: string;
  technical: string;
  /** Imported, or not imported and why, in the interface language. */
  statusText: (report: ImportReport) => string;
  /** A row's reason in the interface language. */
  describe: (r: RowRejection) => string;
}

/** Excel reads UTF-8 without a byte-order mark as the local ANSI code page and garbles Chinese. */
export const UTF8_BOM = '\uFEFF';

/**
 * One CSV field. Rejected values come straight from the imported file, so a value starting with
 * =, +, -, @ or a control character is prefixed with ' to keep Excel from running it as a formula.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: Array<string | number | null | undefined>): string => cells.map(csvCell).join(',');

/**
 * The import report as a CSV file for Excel: a short summary, then the rejected rows and the
 * rows with a notice, each under its own heading (row number, field, reason in the interface
 * language, value, reason code, English technical message). Starts with the BOM, lines end in CRLF.
 */
export function importReportCsv(report: ImportReport, labels: ReportCsvLabels): string {
  const lines = [
    line([labels.title, report.importId]),
    line([labels.fileName, report.fileName]),
    line([labels.format, report.format]),
    line([labels.encoding, report.encoding]),
    line([labels.startedAt, report.startedAt]),
    line([labels.finishedAt, report.finishedAt]),
    line([labels.actor, report.actor]),
    line([labels.status, labels.statusText(report)]),
    line([labels.rowsRead, report.rowsRead]),
    line([labels.inserted, report.inserted]),
    line([labels.updated, report.updated]),
    line([labels.unchanged, report.unchanged]),
    line([labels.rejected, report.rejected]),
    line([labels.noticed, report.noticed]),
  ];
  if (report.rejections.length < report.rejected) lines.push(line([labels.truncated]));
  const header = line([labels.row, labels.field, labels.reason, labels.value, labels.code, labels.technical]);
  const rows = (list: RowRejection[]): string[] => list.map((r) => line([r.row, r.field, labels.describe(r), r.value, r.code, r.reason]));
  lines.push('', line([labels.rejectedRows]), header, ...rows(report.rejections));
  if (report.notices.length > 0) lines.push('', line([labels.noticeRows]), header, ...rows(report.notices));
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}

/** A file name safe on Windows too: the report's id and the imported file's name without its extension. */
export function reportFileName(report: ImportReport, prefix: string): string {
  const base = report.fileName.replace(/\.[^.]*$/, '').replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60);
  return `${prefix}-${report.importId}${base ? `-${base}` : ''}.csv`;
}

/** Save text as a download, built in the page: nothing goes through the backend or the network. */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; give the browser a moment before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
