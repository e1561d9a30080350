import fs from 'node:fs';
import path from 'node:path';
import type { ListExportRequest } from '../../shared/contract/exports';
import type { JobStateOf } from '../../shared/contract/jobs';
import type { CliCommand, CommandContext } from './command';
import { followJob } from './job-progress';

const LISTS = { notifications: 'notifications', comments: 'comments', warnings: 'warnings', enterprises: 'enterprises', stats: 'commentStats' } as const;
type CliList = keyof typeof LISTS;

/** The list's filter from the command line, or a message saying which option does not apply. */
function filterOf(list: CliList, flags: CommandContext['flags']): { filter: Record<string, unknown> } | { problem: string } {
  const query = typeof flags.query === 'string' ? flags.query : undefined;
  const member = typeof flags.member === 'string' ? flags.member.trim().toUpperCase() : undefined;
  if (member !== undefined && !/^(EU|[A-Z]{3})$/.test(member)) return { problem: `--member takes a three-letter member code (SAU, RUS) or EU, not ${String(flags.member)}` };
  const from = typeof flags.from === 'string' ? flags.from : undefined;
  const to = typeof flags.to === 'string' ? flags.to : undefined;
  if ((from !== undefined || to !== undefined) && list !== 'stats') return { problem: '--from and --to apply to the stats export only' };
  const noQuery = (name: string): { problem: string } => ({ problem: `--query is not a filter of the ${name} list` });
  switch (list) {
    case 'notifications':
      return { filter: { ...(query ? { query } : {}), ...(member ? { memberCodes: [member] } : {}) } };
    case 'comments':
      if (query) return noQuery('comments');
      return { filter: member ? { memberCode: member } : {} };
    case 'warnings':
      if (query) return noQuery('warnings');
      return { filter: member ? { member } : {} };
    case 'enterprises':
      // The registry's market filter: enterprises exporting to that member.
      return { filter: { ...(query ? { query } : {}), ...(member ? { market: member } : {}) } };
    case 'stats':
      if (query || member) return { problem: 'the stats export takes --from and --to only' };
      for (const [flag, value] of [['--from', from], ['--to', to]] as const) {
        if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return { problem: `${flag} takes a date as YYYY-MM-DD, not ${value}` };
      }
      return { filter: { ...(from ? { from } : {}), ...(to ? { to } : {}) } };
  }
}

/**
 * `pingyi export LIST ... --format xlsx|csv --out FILE`: a list's filtered view as a spreadsheet,
 * through the same job as the window's Export button; progress on stderr, Ctrl-C cancels.
 */
export const exportCommand: CliCommand = {
  summary: 'Export a list (notifications, comments, warnings, enterprises, comment stats) as XLSX or CSV',
  usage:
    'pingyi export notifications|comments|warnings|enterprises|stats [--query Q] [--member CODE] [--from DATE --to DATE] --format xlsx|csv --out FILE [--language zh|en]',
  options: {
    query: { type: 'string' },
    member: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    language: { type: 'string' },
  },
  async run(ctx) {
    const [name, ...extra] = ctx.positionals;
    if (name === undefined) return ctx.usageError('name the list to export');
    if (!(name in LISTS)) return ctx.usageError(`there is no list named ${name}; choose one of ${Object.keys(LISTS).join(', ')}`);
    if (extra.length > 0) return ctx.usageError(`unexpected ${extra.join(' ')}`);
    const list = name as CliList;
    const format = ctx.flags.format;
    if (format !== 'xlsx' && format !== 'csv') return ctx.usageError(format === undefined ? '--format xlsx|csv is required' : `--format must be xlsx or csv, not ${String(format)}`);
    const out = ctx.flags.out;
    if (typeof out !== 'string' || out === '') return ctx.usageError('--out FILE is required');
    const language = ctx.flags.language ?? 'zh';
    if (language !== 'zh' && language !== 'en') return ctx.usageError(`--language must be zh or en, not ${String(language)}`);
    const filter = filterOf(list, ctx.flags);
    if ('problem' in filter) return ctx.usageError(filter.problem);
    const request = { list: LISTS[list], filter: filter.filter, format, language: language === 'en' ? 'en' : 'zh-CN' } as ListExportRequest;
    const start = (): JobStateOf<'listExport'> => ctx.backend.ctx.jobs.get(ctx.call('exportsStart', request).jobId) as JobStateOf<'listExport'>;
    const result = await followJob(ctx.backend, start, ctx.io, ctx.json);
    const target = path.resolve(out);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(result.file.path, target);
    if (ctx.json) ctx.io.out(JSON.stringify({ path: target, rows: result.rows, bytes: result.file.bytes, format, exportedAs: result.file.path }));
    else ctx.io.out(`Wrote ${target} (${result.rows} rows, ${result.file.bytes} bytes, ${format.toUpperCase()})`);
    return 0;
  },
};
