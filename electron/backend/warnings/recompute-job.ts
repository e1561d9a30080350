import type { JobInput, JobState } from '../../../shared/contract/jobs';
import { nowIso } from '../../../shared/domain/clock';
import { actingAnalyst } from '../analysts/analysts';
import type { BackendContext } from '../context';

/**
 * Queue a recomputation of the warnings (a writer: it waits for any import before it). Scope
 * 'enterprises' scores every measure in the window against those enterprises only.
 */
export function startWarningsRecompute(
  ctx: BackendContext,
  input: Omit<JobInput<'warningsRecompute'>, 'count'>,
  enterpriseUids?: readonly string[],
): JobState {
  const uids = input.scope === 'enterprises' ? [...(enterpriseUids ?? [])] : undefined;
  return ctx.jobs.start({
    kind: 'warningsRecompute',
    input: { ...input, ...(uids ? { count: uids.length } : {}) },
    params: { actor: actingAnalyst(ctx.db), ...(uids ? { enterpriseUids: uids } : {}) },
    startedAt: nowIso(ctx.clock),
  });
}
