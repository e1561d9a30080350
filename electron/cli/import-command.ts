import { importNotificationsFile } from '../backend/imports/import-file';
import { bundledWorkerScript } from '../backend/jobs/worker-script';
import { currentActor } from '../backend/settings/settings';
import type { CliCommand } from './command';

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
      const report = await importNotificationsFile(backend.ctx.db, file, {
        actor: currentActor(backend.ctx.db),
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
      io.out(`inserted ${report.inserted}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected}`);
      for (const r of report.rejections.slice(0, 50)) {
        io.out(`  row ${r.row}${r.field ? ` [${r.field}]` : ''}: ${r.reason}`);
      }
      if (report.rejections.length > 50) io.out(`  … ${report.rejected - 50} more rejected rows (use --json for all)`);
      return 0;
    } finally {
      process.off('SIGINT', onSigint);
    }
  },
};
