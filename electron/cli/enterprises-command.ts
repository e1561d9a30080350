import type { RowRejection } from '../../shared/contract/imports';
import type { CliCommand, CliIo, CommandContext } from './command';

const SHOWN_ROWS = 50;

function printRows(io: CliIo, heading: string, rows: readonly RowRejection[], what: string): void {
  if (rows.length === 0) return;
  io.out(`${heading}:`);
  for (const r of rows.slice(0, SHOWN_ROWS)) io.out(`  row ${r.row}${r.field ? ` [${r.field}]` : ''}: ${r.reason}`);
  if (rows.length > SHOWN_ROWS) io.out(`  … ${rows.length - SHOWN_ROWS} more ${what} (use --json for all)`);
}

/**
 * `pingyi enterprises import FILE`: the app's import and report. Exit code 0 when rows were
 * accepted (or the file had none), 2 when every row was rejected. The warnings recomputation
 * it starts is waited for, so the store holds the new warnings when the command ends.
 */
async function importFile({ backend, callAsync, positionals, json, io, usageError }: CommandContext): Promise<number> {
  const file = positionals[0];
  if (!file || positionals.length > 1) return usageError('name one file to import');
  const { fileRef } = backend.ctx.staging.addPath(file);
  const report = await callAsync('enterprisesImport', { fileRef });
  let jobProblem: string | null = null;
  if (report.warningsJobId) {
    const ended = await backend.ctx.jobs.settle(report.warningsJobId);
    if (ended.status !== 'done') jobProblem = ended.error?.message ?? ended.status;
  }
  if (json) io.out(JSON.stringify(report, null, 2));
  else {
    io.out(`Imported ${report.fileName} (${report.format}): ${report.rowsRead} rows read`);
    io.out(`enterprises: added ${report.enterprisesAdded}, updated ${report.enterprisesUpdated}, unchanged ${report.enterprisesUnchanged}`);
    io.out(`lines (HS code × market): added ${report.linesAdded}, updated ${report.linesUpdated}, unchanged ${report.linesUnchanged}`);
    io.out(`rejected ${report.rejected} rows (errors), notices ${report.notices.length} (not errors)`);
    printRows(io, 'Rejected rows (not imported)', report.rejections, 'rejected rows');
    printRows(io, 'Notices', report.notices, 'notices');
  }
  if (jobProblem) io.err(`warnings: the recomputation did not finish (${jobProblem}); run pingyi warnings recompute`);
  return report.rowsRead > 0 && report.rejected === report.rowsRead ? 2 : 0;
}

function money(v: number | null): string {
  return v === null ? '-' : `${Math.round(v).toLocaleString('en-US')} USD`;
}

/** `pingyi enterprises list`: the registry, by name, with each one's open warnings. */
function listRegistry({ call, flags, json, io, positionals, usageError }: CommandContext): number {
  if (positionals.length > 0) return usageError(`unexpected argument "${positionals[0]}"`);
  const query = typeof flags.query === 'string' ? flags.query : undefined;
  const items = [];
  let total = 0;
  // Every enterprise, page by page: the CLI prints the whole registry.
  for (let offset = 0; ; offset += 500) {
    const page = call('enterprisesList', { ...(query ? { query } : {}), limit: 500, offset });
    total = page.total;
    items.push(...page.items);
    if (page.items.length < 500) break;
  }
  if (json) {
    io.out(JSON.stringify({ total, items }, null, 2));
    return 0;
  }
  io.out(`${total} enterprise${total === 1 ? '' : 's'}${query ? ` matching "${query}"` : ''}`);
  for (const e of items) {
    const w = e.openWarnings;
    const open = w.red + w.orange + w.yellow + w.blue;
    io.out(
      `${e.creditCode}  ${e.name}  ${[e.province, e.city].filter(Boolean).join(' ') || '-'}  HS ${e.hsCodes.join(' ') || '-'}  ` +
        `markets ${e.markets.join(' ') || '-'}  ${money(e.totalExportUsd)}` +
        (open > 0 ? `  warnings red ${w.red} orange ${w.orange} yellow ${w.yellow} blue ${w.blue}` : ''),
    );
  }
  return 0;
}

export const enterprisesCommand: CliCommand = {
  summary: 'The enterprise registry: import a file of enterprises, or list them',
  usage: 'pingyi enterprises import FILE [--json]\n       pingyi enterprises list [--query Q] [--json]',
  options: { query: { type: 'string' } },
  run: (ctx) => {
    const [name, ...rest] = ctx.positionals;
    if (name === 'import') return importFile({ ...ctx, positionals: rest });
    if (name === 'list') return listRegistry({ ...ctx, positionals: rest });
    return ctx.usageError(name === undefined ? 'say what to do: import or list' : `unknown subcommand "${name}"`);
  },
};
