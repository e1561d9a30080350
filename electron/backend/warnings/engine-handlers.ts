import type { warningChannels } from '../../../shared/contract/warnings';
import { actingAnalyst } from '../analysts/analysts';
import { withChange } from '../changes';
import type { HandlersFor } from '../handler-types';
import { startWarningsRecompute } from './recompute-job';
import { getWarningRules, saveWarningRules } from './rules';

type EngineChannels = Pick<typeof warningChannels, 'warningsRecompute' | 'warningRulesGet' | 'warningRulesSave'>;

/**
 * The engine's channels: recompute on request, and the rules (saving them recomputes every
 * warning). The recomputation job reports 'warnings' changed when it ends.
 */
export const engineHandlers: HandlersFor<EngineChannels> = {
  warningsRecompute: (ctx) => ({ jobId: startWarningsRecompute(ctx, { scope: 'all', reason: 'asked' }).jobId }),
  warningRulesGet: (ctx) => getWarningRules(ctx.db),
  warningRulesSave: (ctx, input) => {
    const rules = saveWarningRules(ctx.db, input, actingAnalyst(ctx.db), ctx.clock);
    const job = startWarningsRecompute(ctx, { scope: 'all', reason: 'rules' });
    return withChange({ rules, jobId: job.jobId }, ctx, 'settings');
  },
};
