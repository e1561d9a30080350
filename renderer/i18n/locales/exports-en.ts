import type { exportsZhCN } from './exports-zh-CN';

/** Exporting a list as XLSX or CSV. */
export const exportsEn: typeof exportsZhCN = {
  exportWords: {
    button: 'Export',
    menuLabel: 'Export this list',
    xlsx: 'Excel workbook (.xlsx)',
    csv: 'CSV text (.csv)',
    hint: 'Every row, with the current filters and sort',
    progressLabel: 'Export progress',
    done: 'Exported {{rows}} rows: {{fileName}}',
    savedHere: 'Exported {{rows}} rows; the file is at {{path}}',
    failed: 'The export failed: {{message}}',
    cancelled: 'The export was cancelled; no file was made.',
    dismiss: 'Close',
  },
};
