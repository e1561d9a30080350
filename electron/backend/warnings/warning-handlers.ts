import type { warningChannels } from '../../../shared/contract/warnings';
import { todayOf } from '../../../shared/domain/clock';
import { actingAnalyst } from '../analysts/analysts';
import { withChange } from '../changes';
import type { BackendContext } from '../context';
import type { HandlersFor } from '../handler-types';
import { warningAlerts } from './alerts';
import { engineHandlers } from './engine-handlers';
import { getWarning } from './warning-read';
import { listWarnings, warningsForNotification } from './warning-list';
import { overrideWarning, planWarningResponse, transitionWarning } from './warning-workflow';

const DAY_MS = 86_400_000;

/** The warning as it stands after a write, announced to the window by its uid. */
const fresh = (ctx: BackendContext, uid: string) => withChange(getWarning(ctx.db, uid), ctx, 'warnings', [uid]);

/** Every write below is by the analyst this workstation acts as (analysts.ts). */
export const warningHandlers: HandlersFor<typeof warningChannels> = {
  warningsList: (ctx, input) => listWarnings(ctx.db, input, todayOf(ctx.clock)),
  warningsGet: (ctx, input) => getWarning(ctx.db, input.uid),
  warningsOverride: (ctx, input) => {
    const changed = overrideWarning(ctx.db, actingAnalyst(ctx.db), input, ctx.clock);
    return changed ? fresh(ctx, input.uid) : getWarning(ctx.db, input.uid);
  },
  warningsTransition: (ctx, input) => {
    transitionWarning(ctx.db, actingAnalyst(ctx.db), input, ctx.clock);
    return fresh(ctx, input.uid);
  },
  warningsPlanResponse: (ctx, input) => {
    planWarningResponse(ctx.db, actingAnalyst(ctx.db), input, ctx.clock);
    return fresh(ctx, input.uid);
  },
  warningsForNotification: (ctx, input) => warningsForNotification(ctx.db, input.notificationId),
  warningAlerts: (ctx, input) => {
    // Stored instants are ISO text in UTC with milliseconds; a `since` written otherwise would compare wrongly as text.
    const since = new Date(input.since ?? ctx.clock.now().getTime() - DAY_MS).toISOString();
    return warningAlerts(ctx.db, since, todayOf(ctx.clock));
  },
  ...engineHandlers,
};
