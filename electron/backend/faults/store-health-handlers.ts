import type { StoreCheck } from '../../../shared/contract/store-health';
import type { storeHealthChannels } from '../../../shared/contract/store-health';
import type { BackendContext } from '../context';
import type { HandlersFor } from '../handler-types';
import { fullCheck, quickCheck, rememberFullCheck } from './integrity';

/** The full check on the main connection; a passed one is remembered so the weekly one waits a week. */
export function runFullCheck(ctx: BackendContext): StoreCheck {
  const check = fullCheck(ctx.db, ctx.clock);
  ctx.health.recordCheck(check);
  if (check.ok && !ctx.health.damaged) rememberFullCheck(ctx.db, check);
  return check;
}

export const storeHealthHandlers: HandlersFor<typeof storeHealthChannels> = {
  storeHealth: (ctx) => ctx.health.info(),
  storeCheck: (ctx, input) => {
    if (input.full) return runFullCheck(ctx);
    const check = quickCheck(ctx.db, ctx.databasePath, ctx.clock);
    ctx.health.recordCheck(check);
    return check;
  },
};
