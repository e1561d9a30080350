import fs from 'node:fs';
import path from 'node:path';
import type { CommentListItem } from '../../shared/contract';
import { COMMENT_STATUSES, type CommentStatus } from '../../shared/domain/comment-workflow';
import type { CliCommand, CommandContext } from './command';

const USAGE = [
  'pingyi comments list [--status S] [--json]',
  'pingyi comments export ID --format docx --out FILE [--language en|zh]',
].join('\n       ');

const isStatus = (s: string): s is CommentStatus => (COMMENT_STATUSES as readonly string[]).includes(s);

function listComments(ctx: CommandContext): number {
  const status = ctx.flags.status;
  if (status !== undefined && (typeof status !== 'string' || !isStatus(status))) {
    return ctx.usageError(`--status must be one of ${COMMENT_STATUSES.join(', ')}`);
  }
  const items: CommentListItem[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = ctx.call('commentsList', { ...(status ? { statuses: [status] } : {}), sort: 'deadline', offset, limit: 500 });
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) break;
  }
  if (ctx.json) {
    ctx.io.out(JSON.stringify(items, null, 2));
    return 0;
  }
  if (items.length === 0) {
    ctx.io.out(status ? `No comments are ${status}.` : 'No comments yet.');
    return 0;
  }
  ctx.io.out(['ID', 'STATUS', 'RISK', 'INTERNAL', 'FINAL', 'SYMBOL', 'TITLE'].join('\t'));
  for (const c of items) {
    const symbols = c.target.symbols.length > 1 ? `${c.target.symbols[0]} +${c.target.symbols.length - 1}` : c.target.symbols[0] ?? '';
    ctx.io.out(
      [c.id, c.status, c.deadlines.risk, c.deadlines.internalDeadline ?? '-', c.deadlines.finalDate ?? '-', symbols, c.titleZh || c.titleEn].join('\t'),
    );
  }
  return 0;
}

async function exportComment(ctx: CommandContext): Promise<number> {
  const [, rawId, ...extra] = ctx.positionals;
  const id = Number(rawId);
  if (!rawId || extra.length > 0 || !Number.isInteger(id) || id <= 0) return ctx.usageError('give one comment ID, a positive whole number');
  const format = ctx.flags.format ?? 'docx';
  if (format !== 'docx') return ctx.usageError(`--format ${String(format)} is not supported; only docx is`);
  const language = ctx.flags.language ?? 'en';
  if (language !== 'en' && language !== 'zh') return ctx.usageError('--language must be en (enquiry-point letter) or zh (Chinese internal version)');
  const out = ctx.flags.out;
  if (typeof out !== 'string' || out === '') return ctx.usageError('--out FILE is required');
  const file = await ctx.callAsync('commentsExport', { id, language, format: 'docx' });
  const target = path.resolve(out);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(file.path, target);
  if (ctx.json) ctx.io.out(JSON.stringify({ path: target, bytes: file.bytes, language, exportedAs: file.path }));
  else ctx.io.out(`Wrote ${target} (${file.bytes} bytes, ${language === 'en' ? 'English enquiry-point letter' : 'Chinese internal version'})`);
  return 0;
}

/** `pingyi comments list|export`: the comment register and its letters from the command line. */
export const commentsCommand: CliCommand = {
  summary: 'List comments or export a comment letter as Word',
  usage: USAGE,
  options: {
    status: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string', short: 'o' },
    language: { type: 'string' },
  },
  run(ctx) {
    const sub = ctx.positionals[0];
    if (sub === 'list') {
      if (ctx.positionals.length > 1) return ctx.usageError('list takes no arguments');
      return listComments(ctx);
    }
    if (sub === 'export') return exportComment(ctx);
    return ctx.usageError(sub ? `unknown subcommand '${sub}'` : 'name a subcommand: list or export');
  },
};
