import type { RowRejection } from '../../shared/contract/imports';
import type { JobStateOf } from '../../shared/contract/jobs';
import type { CliCommand, CliIo } from './command';
import { followJob } from './job-progress';

const SHOWN_ROWS = 50;

/** One list of the report under its heading: the first rows, then how many more --json gives. */
function printRows(io: CliIo, heading: string, rows: RowRejection[], total: number, what: string): void {
  if (total === 0) return;
  io.out(`${heading}:`);
  for (const r of rows.slice(0, SHOWN_ROWS)) io.out(`  row ${r.row}${r.field ? ` [${r.field}]` : ''}: ${r.reason}`);
  if (total > SHOWN_ROWS) io.out(`  … ${total - SHOWN_ROWS} more ${what} (use --json for all)`);
}

/** `pingyi import FILE`: the same import job and report as the app, with its progress on stderr. */
export const importCommand: CliCommand = {
  summary: 'Import an ePing export (XLSX, CSV) or WTO API JSON file and print the import report',
  usage: 'pingyi import FILE [--json] [--quiet]',
  options: { quiet: { type: 'boolean', short: 'q' } },
  async run({ backend, call, positionals, json, flags, io }) {
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      io.err('Usage: pingyi import FILE [--json]');
      return 2;
    }
    // The same job as the window's: free space checked first, a large import backed up first.
    const { fileRef } = backend.ctx.staging.addPath(file);
    const start = (): JobStateOf<'import'> => backend.ctx.jobs.get(call('notificationsImportStart', { fileRef }).jobId) as JobStateOf<'import'>;
    const report = await followJob(backend, start, io, json || flags.quiet === true);
    if (json) {
      io.out(JSON.stringify(report, null, 2));
      return 0;
    }
    io.out(`Imported ${report.fileName} (${report.format}${report.encoding ? ', ' + report.encoding : ''})`);
    io.out(
      `inserted ${report.inserted}, updated ${report.updated}, unchanged ${report.unchanged}, ` +
        `rejected ${report.rejected} (errors), notices ${report.noticed} (not errors)`,
    );
    printRows(io, 'Rejected rows (not imported)', report.rejections, report.rejected, 'rejected rows');
    printRows(io, 'Notices (repeated rows skipped, later rows that replaced earlier ones)', report.notices, report.noticed, 'notices');
    return 0;
  },
};
