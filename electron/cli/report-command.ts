import fs from 'node:fs';
import path from 'node:path';
import type { JobStateOf } from '../../shared/contract';
import { REPORT_KINDS, ReportFormat, ReportParams, type ReportKind } from '../../shared/contract/reports';
import { ApiError } from '../../shared/result';
import type { CliCommand } from './command';
import { followJob } from './job-progress';

const USAGE =
  'pingyi report bulletin|country|outcomes --from DATE --to DATE [--member CODE] [--issue N] [--compiler NAME] --format docx|pdf|xlsx --out FILE [--json]';

const KIND_WORDS: Record<ReportKind, string> = { bulletin: 'bulletin', country: 'country impact analysis', outcomes: 'comment outcomes report' };

/**
 * `pingyi report KIND --from --to … --format --out FILE`: the same reportMake job the window
 * starts (progress on stderr, Ctrl-C cancels), entered in the report history like one made
 * there; the file it wrote under <dataDir>/exports/ is copied to --out.
 */
export const reportCommand: CliCommand = {
  summary: 'Make a report (the bulletin, a country impact analysis, the comment outcomes) as Word, PDF or Excel',
  usage: USAGE,
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    member: { type: 'string' },
    issue: { type: 'string' },
    compiler: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  async run({ backend, positionals, flags, json, io, usageError }) {
    const [kind, ...extra] = positionals;
    if (kind === undefined) return usageError(`say which report: ${REPORT_KINDS.join(', ')}`);
    if (!(REPORT_KINDS as readonly string[]).includes(kind)) return usageError(`unknown report "${kind}"; choose ${REPORT_KINDS.join(', ')}`);
    if (extra.length > 0) return usageError(`unexpected ${extra.join(' ')}`);
    const text = (name: string): string | undefined => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
    const from = text('from');
    const to = text('to');
    if (!from || !to) return usageError('--from DATE and --to DATE (YYYY-MM-DD) are required');
    const format = ReportFormat.safeParse(text('format'));
    if (!format.success) return usageError(`--format must be docx, pdf or xlsx${text('format') ? `, not ${text('format')}` : ''}`);
    const out = text('out');
    if (!out) return usageError('--out FILE is required');
    const issueText = text('issue');
    if (issueText !== undefined && !/^\d+$/.test(issueText)) return usageError(`--issue must be a whole number, not ${issueText}`);
    const params = ReportParams.safeParse({
      kind,
      from,
      to,
      member: text('member')?.trim().toUpperCase() ?? null,
      issue: issueText === undefined ? null : Number(issueText),
      compiler: text('compiler') ?? null,
    });
    if (!params.success) {
      const problems = params.error.issues.map((i) => `${i.path.length > 0 ? `--${i.path.join('.')}` : 'the parameters'}: ${i.message}`);
      return usageError(problems.join('; '));
    }
    const start = (): JobStateOf<'reportMake'> => {
      const { jobId } = backend.call('reportsMake', { params: params.data, formats: [format.data] });
      return backend.ctx.jobs.get(jobId) as JobStateOf<'reportMake'>;
    };
    const record = await followJob(backend, start, io, json);
    const file = record.files.find((f) => f.format === format.data);
    if (!file) throw new ApiError({ code: 'INTERNAL', message: `The report was made without its ${format.data} file` });
    const source = path.join(backend.ctx.dataDir, 'exports', file.fileName);
    const target = path.resolve(out);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(source, target);
    if (json) io.out(JSON.stringify({ path: target, bytes: file.bytes, format: format.data, report: record, exportedAs: source }));
    else io.out(`Wrote ${target} (${file.bytes} bytes): ${KIND_WORDS[record.kind]} “${record.title}”, entered in the report history`);
    return 0;
  },
};
