import type { StoreCheck } from '../../../shared/contract/store-health';
import type { storeHealthChannels } from '../../../shared/contract/store-health';
import type { BackendContext } from '../context';
import type { AsyncHandlersFor, HandlersFor } from '../handler-types';
import { nowIso } from '../../../shared/domain/clock';
import { fullCheckInWorker } from './check-in-worker';
import { fullCheck, quickCheck, rememberFullCheck } from './integrity';

/** The full check on the main connection; a passed one is remembered so the weekly one waits a week. */
export function runFullCheck(ctx: BackendContext): StoreCheck {
  return recordFullCheck(ctx, fullCheck(ctx.db, ctx.clock));
}

function recordFullCheck(ctx: BackendContext, check: StoreCheck): StoreCheck {
  if (!ctx.db.open) return check;
  ctx.health.recordCheck(check);
  if (check.ok && !ctx.health.damaged) rememberFullCheck(ctx.db, check);
  return check;
}

/**
 * The full check on a worker thread with a read-only connection of its own: it reads every page
 * (seconds on a large store), and on the app's thread it would hold every other call that long.
 * Used by the weekly check and by the on-demand check the window asks for.
 */
export async function runFullCheckOnWorker(
  ctx: BackendContext,
  worker: { script: string; execArgv?: string[] },
  nativeBinding: string | null,
): Promise<StoreCheck> {
  const check = await fullCheckInWorker(
    worker.script,
    { databasePath: ctx.databasePath, nativeBinding, startedAt: nowIso(ctx.clock) },
    worker.execArgv,
  );
  return recordFullCheck(ctx, check);
}

export const storeHealthHandlers: HandlersFor<typeof storeHealthChannels> = {
  storeHealth: (ctx) => ctx.health.info(),
};

export const storeHealthAsyncHandlers: AsyncHandlersFor<typeof storeHealthChannels> = {
  storeCheck: async (ctx, input, worker) => {
    // The full check reads every page: seconds on a large store, off this thread when it can be.
    if (input.full) return worker ? runFullCheckOnWorker(ctx, worker, worker.nativeBinding) : runFullCheck(ctx);
    const check = quickCheck(ctx.db, ctx.databasePath, ctx.clock);
    ctx.health.recordCheck(check);
    return check;
  },
};
