import type { JobInput } from '../../../shared/contract/jobs';
import { nowIso } from '../../../shared/domain/clock';
import type { Actor } from '../analysts/analysts';
import type { BackendContext } from '../context';

/**
 * Queue a warnings recomputation after a change to what warnings are scored from: the
 * enterprises an import changed (scope 'enterprises'), or everything (customs figures, focus
 * industries). It runs as a job behind any writer before it; its id is returned.
 */
export function startWarningsRecompute(
  ctx: BackendContext,
  actor: Actor,
  reason: JobInput<'warningsRecompute'>['reason'],
  enterpriseUids?: readonly string[],
): string {
  const input: JobInput<'warningsRecompute'> = enterpriseUids ? { scope: 'enterprises', reason, count: enterpriseUids.length } : { scope: 'all', reason };
  const state = ctx.jobs.start({
    kind: 'warningsRecompute',
    input,
    params: { actor, ...(enterpriseUids ? { enterpriseUids: [...enterpriseUids] } : {}) },
    startedAt: nowIso(ctx.clock),
  });
  return state.jobId;
}
