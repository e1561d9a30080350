import { Area, SortKey, type NotificationsListInput, type TextSegment } from '../../shared/contract';
import type { CliCommand } from './command';
import { reindexIfStale } from './reindex-command';

const USAGE =
  'pingyi search [QUERY...] [--member SAU[,ARE...]] [--type TBT|SPS] [--sort COLUMN] [--limit N] [--json]';

/** Hits in brackets, so they stand out in a terminal without colours. */
const marked = (segments: readonly TextSegment[]): string => segments.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('');

/** Search the notifications as the list in the window does: same query, filters and ranking. */
export const searchCommand: CliCommand = {
  summary: 'Search notifications (Chinese or English words, or a symbol), best matches first',
  usage: USAGE,
  options: {
    member: { type: 'string', short: 'm' },
    type: { type: 'string', short: 't' },
    sort: { type: 'string' },
    limit: { type: 'string', short: 'n' },
  },
  async run({ backend, call, positionals, flags, json, io, usageError }) {
    const input: NotificationsListInput = {};
    const query = positionals.join(' ').trim();
    if (query) input.query = query;
    if (typeof flags.member === 'string') {
      input.memberCodes = flags.member.split(',').map((m) => m.trim().toUpperCase()).filter(Boolean);
    }
    if (typeof flags.type === 'string') {
      const area = Area.safeParse(flags.type.toUpperCase());
      if (!area.success) return usageError(`--type must be TBT or SPS, not '${flags.type}'`);
      input.area = area.data;
    }
    if (typeof flags.sort === 'string') {
      const sort = SortKey.safeParse(flags.sort);
      if (!sort.success) return usageError(`--sort must be one of ${SortKey.options.join(', ')}`);
      input.sort = sort.data;
    }
    if (typeof flags.limit === 'string') {
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) return usageError('--limit must be a whole number from 1 to 500');
      input.limit = limit;
    } else {
      input.limit = 20;
    }
    await reindexIfStale(backend, io, json);
    const result = call('notificationsList', input);
    if (json) {
      io.out(JSON.stringify(result, null, 2));
      return 0;
    }
    const total = `${result.total}${result.totalCapped ? '+' : ''}`;
    io.out(query ? `${total} notifications match "${query}"` : `${total} notifications`);
    for (const item of result.items) {
      const title = item.highlight ? marked(item.highlight.title) : item.title;
      io.out(`${item.symbol.padEnd(26)} ${item.distributionDate ?? '          '}  ${item.memberCode.padEnd(3)}  ${title}`);
      if (item.titleZh) io.out(`${' '.repeat(42)}${item.highlight?.titleZh ? marked(item.highlight.titleZh) : item.titleZh}`);
    }
    if (result.items.length < result.total) io.out(`(first ${result.items.length} shown; --limit shows more)`);
    return 0;
  },
};
