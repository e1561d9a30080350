import type { JobStateOf } from '../../shared/contract/jobs';
import type { Backend } from '../backend/backend';
import { searchIndexState, startSearchReindex } from '../backend/notifications/search-index-job';
import type { CliCommand, CliIo } from './command';
import { followJob } from './job-progress';

/**
 * Before a search: an index built by another version of the search-text function finds the
 * wrong rows, so it is rebuilt first (the app does this at start), saying so on stderr.
 */
export async function reindexIfStale(backend: Backend, io: CliIo, quiet: boolean): Promise<void> {
  const { stale, version } = searchIndexState(backend.ctx);
  if (!stale) return;
  if (!quiet) io.err(`The search index was built by another version of Pingyi (search text version ${version}); rebuilding it first.`);
  await followJob(backend, () => startSearchReindex(backend.ctx, { reason: 'stale', from: version }) as JobStateOf<'searchReindex'>, io, quiet);
}

/** `pingyi reindex`: rebuild the full-text index of the notifications. */
export const reindexCommand: CliCommand = {
  summary: 'Rebuild the search index of the notifications (done by itself when Pingyi\'s search changes)',
  usage: 'pingyi reindex [--json]',
  async run({ backend, positionals, json, io, usageError }) {
    if (positionals.length > 0) return usageError(`unexpected ${positionals.join(' ')}`);
    const { version } = searchIndexState(backend.ctx);
    const start = (): JobStateOf<'searchReindex'> => startSearchReindex(backend.ctx, { reason: 'asked', from: version }) as JobStateOf<'searchReindex'>;
    const result = await followJob(backend, start, io, json);
    if (json) io.out(JSON.stringify(result));
    else io.out(`Search index rebuilt: ${result.indexed} notifications (search text version ${result.version}).`);
    return 0;
  },
};
