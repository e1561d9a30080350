import { MAX_TRIAGE_BATCH, Relevance, TriageStatus, type ChannelInput } from '../../shared/contract';
import { parseSymbol } from '../../shared/domain/symbol';
import type { CliCommand, CommandContext } from './command';

const USAGE =
  'pingyi triage SYMBOL... [--status S] [--relevance high|medium|low|none|unrated] [--assignee NAME | --no-assignee] [--json]';

/** The stored id of each symbol, as typed or in the WTO's spelling (g/tbt/n/sau/1/add.1 is G/TBT/N/SAU/1/Add.1). */
function findIds(ctx: CommandContext, symbols: readonly string[]): { ids: number[]; unknown: string[] } {
  const ids: number[] = [];
  const unknown: string[] = [];
  for (const typed of symbols) {
    const symbol = parseSymbol(typed)?.symbol ?? typed;
    const hits = ctx.call('notificationsList', { query: symbol, limit: 500 }).items;
    const hit = hits.find((item) => item.symbol.toLowerCase() === symbol.toLowerCase());
    if (hit) ids.push(hit.id);
    else unknown.push(typed);
  }
  return { ids: [...new Set(ids)], unknown };
}

/**
 * One status, relevance or assignee for the notifications named by symbol: the batch triage of
 * the list, for scripts. Every symbol must be found, or nothing changes.
 */
export const triageCommand: CliCommand = {
  summary: 'Set the status, relevance or assignee of notifications given by symbol (all or nothing)',
  usage: USAGE,
  options: {
    status: { type: 'string', short: 's' },
    relevance: { type: 'string', short: 'r' },
    assignee: { type: 'string', short: 'a' },
    'no-assignee': { type: 'boolean' },
  },
  run(ctx) {
    const { flags, positionals } = ctx;
    const input: Omit<ChannelInput<'notificationsTriageBatch'>, 'ids'> = {};
    if (typeof flags.status === 'string') {
      const status = TriageStatus.safeParse(flags.status);
      if (!status.success) return ctx.usageError(`--status must be one of ${TriageStatus.options.join(', ')}`);
      input.status = status.data;
    }
    if (typeof flags.relevance === 'string') {
      if (flags.relevance === 'unrated') input.relevance = null;
      else {
        const relevance = Relevance.safeParse(flags.relevance);
        if (!relevance.success) return ctx.usageError(`--relevance must be one of ${Relevance.options.join(', ')}, unrated`);
        input.relevance = relevance.data;
      }
    }
    if (typeof flags.assignee === 'string' && flags['no-assignee'] === true) return ctx.usageError('--assignee and --no-assignee exclude each other');
    if (typeof flags.assignee === 'string') {
      if (!flags.assignee.trim()) return ctx.usageError('--assignee needs a name (--no-assignee clears it)');
      input.assignee = flags.assignee;
    }
    if (flags['no-assignee'] === true) input.assignee = null;
    if (Object.keys(input).length === 0) return ctx.usageError('say what to set: --status, --relevance or --assignee');
    if (positionals.length === 0) return ctx.usageError('name at least one notification by its symbol');
    if (positionals.length > MAX_TRIAGE_BATCH) return ctx.usageError(`at most ${MAX_TRIAGE_BATCH} notifications at a time`);

    const { ids, unknown } = findIds(ctx, positionals);
    if (unknown.length > 0) {
      const message = `no notification ${unknown.join(', ')}; nothing was changed`;
      if (ctx.json) ctx.io.out(JSON.stringify({ ok: false, error: { code: 'NOT_FOUND', message, details: { symbols: unknown } } }));
      else ctx.io.err(`pingyi triage: ${message}`);
      return 1;
    }
    const result = ctx.call('notificationsTriageBatch', { ids, ...input });
    if (ctx.json) ctx.io.out(JSON.stringify(result));
    else ctx.io.out(`Changed ${result.updated} notification${result.updated === 1 ? '' : 's'}; ${result.unchanged} already so.`);
    return 0;
  },
};
