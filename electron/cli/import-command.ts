import fs from 'node:fs';
import { backupBeforeImport, preImportBackupNeeded } from '../backend/backups/pre-import';
import { importNotificationsFile } from '../backend/imports/import-file';
import { bundledWorkerScript } from '../backend/jobs/worker-script';
import { actingAnalyst } from '../backend/analysts/analysts';
import type { RowRejection } from '../../shared/contract/imports';
import type { CliCommand, CliIo } from './command';

const SHOWN_ROWS = 50;

/** One list of the report under its heading: the first rows, then how many more --json gives. */
function printRows(io: CliIo, heading: string, rows: RowRejection[], total: number, what: string): void {
  if (total === 0) return;
  io.out(`${heading}:`);
  for (const r of rows.slice(0, SHOWN_ROWS)) io.out(`  row ${r.row}${r.field ? ` [${r.field}]` : ''}: ${r.reason}`);
  if (total > SHOWN_ROWS) io.out(`  … ${total - SHOWN_ROWS} more ${what} (use --json for all)`);
}

/** `pingyi import FILE`: the same import and report as the app, on this thread. */
export const importCommand: CliCommand = {
  summary: 'Import an ePing export (XLSX, CSV) or WTO API JSON file and print the import report',
  usage: 'pingyi import FILE [--json] [--quiet]',
  options: { quiet: { type: 'boolean', short: 'q' } },
  async run({ backend, positionals, json, flags, io }) {
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      io.err('Usage: pingyi import FILE [--json]');
      return 2;
    }
    const controller = new AbortController();
    const onSigint = (): void => controller.abort();
    process.once('SIGINT', onSigint);
    const parseWorkerScript = bundledWorkerScript();
    let lastShown = -1;
    let lastRows = 0;
    try {
      // A missing file is reported by the import itself, with its usual message.
      const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
      const { ctx } = backend;
      if (preImportBackupNeeded(ctx.db, size)) {
        if (!json && !flags.quiet) io.err('backing up the store before a large import');
        await backupBeforeImport(ctx.db, { dataDir: ctx.dataDir, appVersion: ctx.appVersion, at: ctx.clock.now().toISOString() }, () => undefined);
      }
      const report = await importNotificationsFile(backend.ctx.db, file, {
        actor: actingAnalyst(backend.ctx.db).name,
        clock: backend.ctx.clock,
        signal: controller.signal,
        ...(parseWorkerScript ? { parseWorkerScript } : {}),
        onProgress: ({ phase, done, total, rows }) => {
          if (json || flags.quiet) return;
          if (phase === 'indexing') {
            io.err(`all ${rows} rows read; building the search index and saving`);
            return;
          }
          if (!total) return;
          const step = Math.floor((done / total) * 10) * 10;
          const thousands = Math.floor(rows / 5000);
          if (step !== lastShown || thousands !== lastRows) {
            lastShown = step;
            lastRows = thousands;
            io.err(`${phase} ${step}% of the file, ${rows} rows`);
          }
        },
      });
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
    } finally {
      process.off('SIGINT', onSigint);
    }
  },
};
