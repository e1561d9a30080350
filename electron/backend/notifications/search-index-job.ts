import type { JobInput, JobState } from '../../../shared/contract/jobs';
import { nowIso } from '../../../shared/domain/clock';
import { SEARCH_TEXT_VERSION } from '../../../shared/domain/search-text';
import type { BackendContext } from '../context';
import { recordSearchIndexVersion, searchIndexVersion } from './search-index';

/**
 * Whether the store's search index was built by another version of the search-text function.
 * A store with no notifications has nothing to rebuild: it records this version at once, so a
 * new store starts current.
 */
export function searchIndexState(ctx: Pick<BackendContext, 'db'>): { stale: boolean; version: number } {
  const { version, recorded } = searchIndexVersion(ctx.db);
  if (recorded && version === SEARCH_TEXT_VERSION) return { stale: false, version };
  if (ctx.db.prepare('SELECT NOT EXISTS (SELECT 1 FROM notifications)').pluck().get() === 1) {
    recordSearchIndexVersion(ctx.db);
    return { stale: false, version: SEARCH_TEXT_VERSION };
  }
  return { stale: version !== SEARCH_TEXT_VERSION, version };
}

/** Queue a rebuild of the search index (a writer: it waits for any import before it). */
export function startSearchReindex(ctx: BackendContext, input: JobInput<'searchReindex'>): JobState {
  return ctx.jobs.start({ kind: 'searchReindex', input, params: {}, startedAt: nowIso(ctx.clock) });
}

/** At start and after a restore: rebuild the index when its version is not this one's. */
export function startReindexWhenStale(ctx: BackendContext): JobState | null {
  const { stale, version } = searchIndexState(ctx);
  if (!stale) return null;
  // One rebuild is enough: another start or restore while one waits adds none.
  const [pending] = ctx.jobs.pending('searchReindex');
  return pending ?? startSearchReindex(ctx, { reason: 'stale', from: version });
}
